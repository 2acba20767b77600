"""Trajectories with providers and budgets, participatiebanen, and the organisation's screening routes."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from models.candidates import participatiebanen, records, trajectories
from models.candidates.candidate import Candidate
from models.candidates.participatiebaan import Participatiebaan
from models.candidates.trajectory import Trajectory
from models.common import clock
from models.register.employer import Employer
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import choices, form_status, save

from .edit_routes import _file_post
from .file_forms import (
    BudgetForm,
    ParticipatiebaanEndForm,
    ParticipatiebaanForm,
    ProviderForm,
    RouteForm,
    TrajectoryEndForm,
    TrajectoryForm,
)


def _settings() -> participatiebanen.Settings:
    return participatiebanen.Settings.from_config(current_app.config)


@requires("candidates")
def add_trajectory(candidate_id: int):
    """Record a trajectory bought from a provider for the candidate."""
    return _file_post(candidate_id, "trajectory", TrajectoryForm, lambda c, d: trajectories.add_trajectory(
        db.session, c, d, current_user, clock.today()), _("Traject vastgelegd."))


@requires("candidates")
def start_participatiebaan(candidate_id: int):
    """Start a participatiebaan (capacity, maximum term and premium from the configuration)."""
    return _file_post(candidate_id, "job", ParticipatiebaanForm, lambda c, d: participatiebanen.start(
        db.session, c, d, current_user, _settings(), clock.today()), _("Participatiebaan gestart."))


def _own_item(model, item_id: int):
    item = get_own_or_404(db.session, model, item_id)
    return item


@requires("candidates")
def end_trajectory(item_id: int):
    """Record the end and the result of a trajectory."""
    item = _own_item(Trajectory, item_id)
    form = TrajectoryEndForm(data={"version": item.version, "ended_on": clock.today().isoformat(),
                                   "started_on": item.started_on.isoformat() if item.started_on else ""}
                             if request.method == "GET" else None)
    if request.method == "POST" and form.validate() and save(
            form, trajectories.end_trajectory, db.session, item, {k: f.data for k, f in form._fields.items()},
            current_user, clock.today()):
        flash(_("Traject afgerond."), "success")
        return _back(item.candidate_id, "trajectories")
    return render_template("candidates/end_item.html", form=form, item=item, kind="trajectory",
                           action=url_for(".end_trajectory", item_id=item.id)), form_status(form)


@requires("candidates")
def end_participatiebaan(item_id: int):
    """End a participatiebaan with its outflow."""
    item = _own_item(Participatiebaan, item_id)
    form = ParticipatiebaanEndForm(data={"version": item.version, "ended_on": min(clock.today(), item.ends_on).isoformat()}
                                   if request.method == "GET" else None)
    if request.method == "POST" and form.validate() and save(
            form, participatiebanen.end, db.session, item, {k: f.data for k, f in form._fields.items()},
            current_user, clock.today()):
        flash(_("Participatiebaan beëindigd."), "success")
        return _back(item.candidate_id, "jobs")
    return render_template("candidates/end_item.html", form=form, item=item, kind="job",
                           action=url_for(".end_participatiebaan", item_id=item.id)), form_status(form)


def _back(candidate_id: int | None, anchor: str):
    if candidate_id is None:
        return redirect(url_for(".programmes"))
    return redirect(url_for(".show", candidate_id=candidate_id, _anchor=f"{anchor}-title"))


def _year() -> int:
    year = request.args.get("jaar", type=int)
    return year if year and 2000 <= year <= 2100 else clock.today().year


@requires("candidates")
def programmes():
    """Budgets per provider (budgeted / bought / started), results, and the participatiebanen of a year."""
    year, today = _year(), clock.today()
    budget_form = BudgetForm(formdata=None, data={"year": year})
    provider_form = ProviderForm(formdata=None)
    return _render_programmes(year, today, budget_form, provider_form)


def _render_programmes(year, today, budget_form, provider_form, status=200):
    providers = trajectories.providers(db.session, org_id())
    budget_form.provider_id.choices = choices([("", _("Kies"))] + [(str(p.id), p.name) for p in providers])
    candidates_of_register = db.session.execute(select(Employer.id, Employer.name).where(
        Employer.organisation_id == org_id(), Employer.is_provider.is_(False)).order_by(Employer.name).limit(500)).all()
    provider_form.employer_id.choices = choices([("", _("Kies"))] + [(str(i), n) for i, n in candidates_of_register])
    settings = _settings()
    jobs = participatiebanen.overview(db.session, org_id(), year, today, settings)
    return render_template("candidates/programmes.html", year=year, today=today,
                           budgets=trajectories.budget_overview(db.session, org_id(), year, today),
                           providers=providers, jobs=jobs, settings=settings, budget_form=budget_form,
                           provider_form=provider_form), status


@requires("caseload_admin")
def set_budget():
    """Set the number of trajectories budgeted for a provider and year (coordinator)."""
    form, year = BudgetForm(), _year()
    if form.validate() and (saved := save(form, trajectories.set_budget, db.session, org_id(),
                                          {k: f.data for k, f in form._fields.items()})):
        flash(_("Budget opgeslagen."), "success")
        return redirect(url_for(".programmes", jaar=saved.value.year))
    return _render_programmes(year, clock.today(), form, ProviderForm(formdata=None), 422)


@requires("caseload_admin")
def mark_provider():
    """Mark an employer of the register as a provider of trajectories (coordinator)."""
    form = ProviderForm()
    employer_id = request.form.get("employer_id", type=int)
    employer = db.session.get(Employer, employer_id) if employer_id else None
    if employer is None or employer.organisation_id != org_id():
        form.validate()
        form.employer_id.errors = [_("Werkgever: kies een werkgever uit het register van uw organisatie.")]
        return _render_programmes(_year(), clock.today(), BudgetForm(formdata=None), form, 422)
    employer.is_provider = True
    flash(_("%(name)s is nu aanbieder van trajecten.", name=employer.name), "success")
    return redirect(url_for(".programmes"))


@requires("caseload_admin")
def screening_routes():
    """The organisation's screening routes, with how many candidates each holds; add a route."""
    form = RouteForm()
    if request.method == "POST" and form.validate() and save(form, records.add_route, db.session, org_id(),
                                                             {"code": form.code.data, "label": form.label.data}):
        flash(_("Route toegevoegd."), "success")
        return redirect(url_for(".screening_routes"))
    counts = dict(db.session.execute(select(Candidate.screening_route_id, func.count()).where(
        Candidate.organisation_id == org_id()).group_by(Candidate.screening_route_id)).all())
    routes = records.routes(db.session, org_id(), active_only=False)
    return render_template("candidates/screening_routes.html", form=form, routes=routes, counts=counts,
                           unscreened=counts.get(None, 0)), form_status(form)
