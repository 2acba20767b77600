"""The placements list, one placement, ending early, extending, and a candidate's placement history."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import false, select
from sqlalchemy.orm import joinedload

from models import Candidate, Placement
from models.common import audit, paging
from models.common.money import format_euro
from models.placements import recording as placements
from web import employer_choice
from web.access import can, get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import form_status, save
from web.params import MAX_ID

from .forms import (
    INSTRUMENT_CHOICES,
    OUTFLOW_CHOICES,
    TARGET_GROUP_CHOICES,
    EndEarlyForm,
    ExtendForm,
    FilterForm,
)

PER_PAGE = 25
LABELS = {"instrument": dict(INSTRUMENT_CHOICES), "outflow": dict(OUTFLOW_CHOICES),
          "target_group": dict(TARGET_GROUP_CHOICES)}


def euro(cents):
    """Cents as '€ 13.333,33' (empty for None)."""
    return "" if cents is None else format_euro(cents)


def nl_date(day):
    """A date as dd-mm-jjjj (empty for None)."""
    return day.strftime("%d-%m-%Y") if day else ""


def show_names(candidates) -> dict[int, str]:
    """Names of candidates for staff who may read them, audit-logged; {} for everyone else."""
    ids = [c.id for c in candidates if c is not None]
    if not ids or not can("candidates"):
        return {}
    audit.record(db.session, "view_personal", actor=current_user, origin=request.remote_addr,
                 details={"endpoint": request.endpoint, "candidate_ids": ids})
    return {c.id: f"{c.personal.first_name} {c.personal.last_name}" for c in candidates
            if c is not None and c.personal is not None}


@requires("placements")
def index():
    """Placements of the own organisation, newest first, filtered by start period, instrument, employer."""
    form = FilterForm(request.args)
    form.large_register = employer_choice.fill(form.werkgever, _("Alle"), form.werkgever_zoek.data)
    query = select(Placement).where(Placement.organisation_id == org_id())
    if form.validate():
        if form.van.data:
            query = query.where(Placement.start_date >= form.van.data)
        if form.tot.data:
            query = query.where(Placement.start_date <= form.tot.data)
        if form.instrument.data in LABELS["instrument"]:
            query = query.where(Placement.instrument == form.instrument.data)
        if form.werkgever.data:
            chosen = form.werkgever.data  # an id past any stored one finds nothing (not a database error)
            query = query.where(Placement.employer_id == chosen if chosen <= MAX_ID else false())
        elif (form.werkgever_zoek.data or "").strip():
            query = query.where(Placement.employer_id.in_(employer_choice.matching_ids(form.werkgever_zoek.data)))
    query = query.options(joinedload(Placement.employer), joinedload(Placement.candidate).joinedload(Candidate.personal))
    page = paging.paginate(db.session, query.order_by(Placement.start_date.desc(), Placement.id.desc()),
                           paging.page_number(request.args.get("pagina")), PER_PAGE)
    rows = page.items
    args = {k: v for k, v in request.args.items() if k != "pagina"}
    return render_template("placements/index.html", form=form, placements=rows, total=page.total, page=page,
                           args=args, names=show_names([p.candidate for p in rows]), labels=LABELS)


@requires("placements")
def show(placement_id: int):
    """One placement: facts, how its value was computed, and the forms to end early or extend it."""
    placement = get_own_or_404(db.session, Placement, placement_id)
    return _render_show(placement, EndEarlyForm(prefix="end", version=placement.version),
                        ExtendForm(prefix="extend", version=placement.version))


def _render_show(placement, end_form, extend_form, status: int = 200):
    return render_template("placements/show.html", placement=placement, end_form=end_form,
                           extend_form=extend_form, names=show_names([placement.candidate]),
                           labels=LABELS), status


def _change(placement_id: int, form, operation):
    """Run operation on a placement after the locking check; the status to re-render with (422/409) or None."""
    placement = get_own_or_404(db.session, Placement, placement_id)
    snapshot = lambda p: {"end_date": p.end_date, "ended_early_on": p.ended_early_on,  # noqa: E731
                          "value_cents": p.value_cents}
    before = snapshot(placement)
    if form.validate_on_submit() and save(form, operation, placement, locked=placement):
        audit.record_changes(db.session, placement, before, snapshot(placement), actor=current_user)
        return placement, None
    return placement, form_status(form) if form.errors else 422


@requires("placements")
def end_early(placement_id: int):
    """End a placement early (date, reason); it is revalued."""
    form = EndEarlyForm(prefix="end")
    placement, status = _change(placement_id, form, lambda p: placements.end_early(
        db.session, p, form.ended_on.data, form.reason.data or ""))
    if status is None:
        flash(_("Plaatsing beëindigd; de waarde is opnieuw berekend: %(value)s.",
                value=euro(placement.value_cents)), "success")
        return redirect(url_for(".show", placement_id=placement.id))
    return _render_show(placement, form, ExtendForm(prefix="extend", version=placement.version), status)


@requires("placements")
def extend(placement_id: int):
    """Extend a placement to a later end date; it is revalued."""
    form = ExtendForm(prefix="extend")
    placement, status = _change(placement_id, form, lambda p: placements.extend(db.session, p, form.end_date.data))
    if status is None:
        flash(_("Plaatsing verlengd; de waarde is opnieuw berekend: %(value)s.",
                value=euro(placement.value_cents)), "success")
        return redirect(url_for(".show", placement_id=placement.id))
    return _render_show(placement, EndEarlyForm(prefix="end", version=placement.version), form, status)


@requires("placements")
def history(candidate_id: int):
    """Every placement of one candidate of the own organisation, oldest first."""
    candidate = get_own_or_404(db.session, Candidate, candidate_id)
    rows = db.session.scalars(select(Placement).where(Placement.candidate_id == candidate.id)
                              .options(joinedload(Placement.employer)).order_by(Placement.start_date)).all()
    return render_template("placements/history.html", candidate=candidate, placements=rows,
                           names=show_names([candidate]), labels=LABELS)
