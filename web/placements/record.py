"""Recording a placement: directly, from a hired suggestion, or from an employer request."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select

from models import Candidate, Employer, EmployerRequest, SroiObligation, Suggestion, Vacancy
from models.common import audit
from models.enums import VacancyStatus
from models.placements import recording
from web import employer_choice
from web.access import org_id, requires
from web.extensions import db
from web.forms import choices, form_status, save
from web.params import id_arg

from .forms import PlacementForm
from .routes import show_names


def _source():
    """The hired suggestion or introduced request the placement comes from (404 if not own)."""
    suggestion = employer_request = None
    if id_arg("suggestie"):
        suggestion = db.session.get(Suggestion, id_arg("suggestie"))
        if suggestion is None or suggestion.organisation_id != org_id():
            abort(404)
    if id_arg("verzoek"):
        employer_request = db.session.get(EmployerRequest, id_arg("verzoek"))
        if employer_request is None or employer_request.organisation_id != org_id():
            abort(404)
    return suggestion, employer_request


def _candidate(suggestion, employer_request) -> Candidate | None:
    if suggestion is not None:
        return suggestion.candidate
    if employer_request is not None and employer_request.profile is not None:
        return employer_request.profile.candidate
    candidate = db.session.get(Candidate, id_arg("kandidaat") or 0)
    return candidate if candidate is not None and candidate.organisation_id == org_id() else None


def _fill_choices(form: PlacementForm, suggestion) -> None:
    extra = suggestion.vacancy if suggestion is not None else None
    form.large_register = employer_choice.fill(form.employer, _("Kies een werkgever"), form.employer_search.data,
                                               also=[extra.employer_id if extra else None])
    vacancies = db.session.execute(select(Vacancy.id, Vacancy.title, Employer.name).join(Employer).where(or_(
        (Vacancy.organisation_id == org_id()) & Vacancy.status.in_([VacancyStatus.OPEN, VacancyStatus.ON_HOLD]),
        Vacancy.id == (extra.id if extra else None))).order_by(Vacancy.title)).all()
    form.vacancy.choices = choices([(0, _("Geen"))] + [(v.id, f"{v.title} ({v.name})") for v in vacancies])
    obligations = db.session.execute(select(SroiObligation.id, SroiObligation.contract_name, Employer.name)
                                     .join(Employer, Employer.id == SroiObligation.contractor_id)
                                     .where(SroiObligation.organisation_id == org_id())
                                     .order_by(SroiObligation.contract_name)).all()
    form.sroi_obligation.choices = choices([(0, _("Geen"))] + [(o.id, f"{o.contract_name} ({o.name})")
                                                               for o in obligations])


def _prefill(form: PlacementForm, candidate, suggestion, employer_request) -> None:
    if candidate is not None:
        form.candidate_number.data = candidate.external_id
        form.target_group.data = recording.main_target_group(candidate.target_groups) or ""
        form.statushouder.data = "statushouder" in (candidate.target_groups or [])
    if suggestion is not None:
        form.vacancy.data = suggestion.vacancy_id
        form.employer.data = suggestion.vacancy.employer_id
        if suggestion.vacancy.hours_max:
            form.hours_per_week.data = suggestion.vacancy.hours_max
        form.sroi_obligation.data = suggestion.vacancy.sroi_obligation_id or 0
    if employer_request is not None and employer_request.employer_id:
        form.employer.data = employer_request.employer_id


@requires("placements")
def create():
    """Record a placement; ?suggestie=, ?verzoek= or ?kandidaat= prefill it."""
    suggestion, employer_request = _source()
    candidate = _candidate(suggestion, employer_request)
    form = PlacementForm()
    if request.method == "GET":
        _prefill(form, candidate, suggestion, employer_request)
    _fill_choices(form, suggestion)
    # "Zoeken" beside the employer select shows the form again with the employers found
    if "zoek_werkgever" not in request.form and form.validate_on_submit():
        number = (form.candidate_number.data or "").strip()
        chosen = db.session.scalar(select(Candidate).where(Candidate.organisation_id == org_id(),
                                                           Candidate.external_id == number)) if number else None
        if chosen is not None and not form.target_group.data:  # left unknown: as in the file (shown if refused)
            form.target_group.data = recording.main_target_group(chosen.target_groups) or ""
        data = {
            "candidate_id": chosen.id if chosen else None, "employer_id": form.employer.data,
            "vacancy_id": form.vacancy.data, "start_date": form.start_date.data, "end_date": form.end_date.data,
            "hours_per_week": form.hours_per_week.data, "contract_type": form.contract_type.data,
            "instrument": form.instrument.data, "wage_subsidy": form.wage_subsidy.data,
            "target_group": form.target_group.data, "statushouder": form.statushouder.data,
            "benefit_months_at_start": form.benefit_months_at_start.data, "outflow": form.outflow.data,
            "outflow_on": form.outflow_on.data, "sroi_obligation_id": form.sroi_obligation.data,
            "block_code": (form.block_code.data or "").strip(), "confirm_zero_value": form.confirm_zero_value.data,
        }
        saved = save(form, recording.record_placement, db.session, org_id(), data, actor=current_user,
                     suggestion=suggestion, request=employer_request, fields={"candidate": "candidate_number"},
                     once=lambda placement: url_for(".show", placement_id=placement.id))
        if saved:
            placement = saved.value
            audit.record(db.session, "placement_recorded", actor=current_user, obj=placement,
                         origin=request.remote_addr, details={"value_cents": placement.value_cents})
            flash(_("Plaatsing vastgelegd. Waarde voor social return: %(value)s.",
                    value=_euro(placement.value_cents)), "success")
            return redirect(url_for(".show", placement_id=placement.id))
    return render_template("placements/form.html", form=form, suggestion=suggestion,
                           employer_request=employer_request, candidate=candidate,
                           names=show_names([candidate])), form_status(form)


def _euro(cents):
    from .routes import euro

    return euro(cents) or _("niet gewaardeerd")
