"""Staff edit the candidate file: the record, a ladder assessment, the plan of action, the screening."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.candidates import editing, records
from models.candidates.candidate import Candidate
from models.common import clock
from web.access import requires
from web.extensions import db
from web.forms import choices, form_status, save

from .file_forms import (
    CandidateEditForm,
    LadderForm,
    ParticipatiebaanForm,
    PlanForm,
    ScreeningForm,
    TrajectoryForm,
)
from .routes import _render_show, load_candidate, view_personal


def owner_choices(organisation_id: int, empty: str):
    return choices([("", empty)] + [(str(u.id), u.name) for u in editing.owners(db.session, organisation_id)])


def default_forms(candidate: Candidate) -> dict:
    """The empty forms of the candidate page, with today's date where a date is asked."""
    from models.candidates import trajectories

    today = clock.today().isoformat()
    screening = ScreeningForm(formdata=None, data={
        "route_id": str(candidate.screening_route_id or ""),
        "screened_on": candidate.screened_on.isoformat() if candidate.screened_on else today})
    screening.route_id.choices = choices([("", _("Geen route"))] + [
        (str(r.id), r.label) for r in records.routes(db.session, candidate.organisation_id)])
    trajectory = TrajectoryForm(formdata=None, data={"bought_on": today})
    trajectory.provider_id.choices = choices([("", _("Kies"))] + [
        (str(p.id), p.name) for p in trajectories.providers(db.session, candidate.organisation_id)])
    job = ParticipatiebaanForm(formdata=None, data={"started_on": today})
    job.employer_id.choices = choices([("", _("Nog niet bekend"))])
    return {"ladder": LadderForm(formdata=None, data={"assessed_on": today}),
            "plan": PlanForm(formdata=None, data={"drawn_up_on": today}),
            "screening": screening, "trajectory": trajectory, "job": job}


def _posted(form_cls, defaults: dict, key: str):
    """The submitted form, keeping the choices of its default copy."""
    form = form_cls()
    for name, field in defaults[key]._fields.items():
        if hasattr(field, "choices") and field.choices is not None:
            form[name].choices = field.choices
    return form


@requires("candidates")
def edit(candidate_id: int):
    """Edit the record: contact data, education, hours, skills, status, owner (audited, locked)."""
    candidate = load_candidate(candidate_id)
    form = CandidateEditForm(data=editing.form_values(candidate) if request.method == "GET" else None)
    form.owner_id.choices = owner_choices(candidate.organisation_id, _("Geen eigenaar"))
    view_personal(candidate, "edit")
    if request.method == "POST" and form.validate():
        data = {name: field.data for name, field in form._fields.items() if name not in ("csrf_token", "version")}
        if saved := save(form, editing.update_candidate, db.session, candidate, data, form.version.data,
                         current_user):
            flash(_("Dossier opgeslagen.") if saved.value else _("Er was niets gewijzigd."), "success")
            return redirect(url_for(".show", candidate_id=candidate.id))
    return render_template("candidates/edit.html", candidate=candidate, form=form), form_status(form)


def _file_post(candidate_id: int, key: str, form_cls, operation, done: str):
    candidate = load_candidate(candidate_id)
    defaults = default_forms(candidate)
    form = _posted(form_cls, defaults, key)
    if form.validate():
        data = {name: field.data for name, field in form._fields.items() if name not in ("csrf_token", "once")}
        shown = url_for(".show", candidate_id=candidate.id, _anchor=f"{key}-title")
        if save(form, operation, candidate, data, once=shown):
            flash(done, "success")
            return redirect(shown)
    view_personal(candidate, "record")
    return _render_show(candidate, status=form_status(form) if form.errors else 422, **{key: form})


@requires("candidates")
def ladder(candidate_id: int):
    """Record a participatieladder assessment with the rung expected in 12 months."""
    return _file_post(candidate_id, "ladder", LadderForm, lambda c, d: records.record_ladder(
        db.session, c, d, current_user, clock.today()), _("Trede vastgelegd."))


@requires("candidates")
def plan(candidate_id: int):
    """Record a new version of the plan of action."""
    return _file_post(candidate_id, "plan", PlanForm, lambda c, d: records.record_plan(
        db.session, c, d, current_user, clock.today()), _("Plan van aanpak vastgelegd."))


@requires("candidates")
def screening(candidate_id: int):
    """Screen the candidate into one of the organisation's routes."""
    return _file_post(candidate_id, "screening", ScreeningForm, lambda c, d: records.set_screening(
        db.session, c, d, current_user, clock.today()), _("Screeningsroute opgeslagen."))
