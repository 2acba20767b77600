"""The placements list, one placement, ending early, extending, and a candidate's placement history."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from models import Candidate, Employer, Placement
from models.common import audit, locking
from models.common.errors import Conflict, InvalidInput
from models.common.money import format_euro
from models.placements import recording as placements
from web.access import can, get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import choices
from web.params import page_arg

from .forms import (
    INSTRUMENT_CHOICES,
    OUTFLOW_CHOICES,
    TARGET_GROUP_CHOICES,
    EndEarlyForm,
    ExtendForm,
    FilterForm,
)

bp = Blueprint("placements", __name__, url_prefix="/beheer/plaatsingen", template_folder="templates")
PER_PAGE = 25
LABELS = {"instrument": dict(INSTRUMENT_CHOICES), "outflow": dict(OUTFLOW_CHOICES),
          "target_group": dict(TARGET_GROUP_CHOICES)}


@bp.app_template_filter("euro")
def euro(cents):
    """Cents as '€ 13.333,33' (empty for None)."""
    return "" if cents is None else format_euro(cents)


@bp.app_template_filter("nl_date")
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


@bp.route("/")
@requires("placements")
def index():
    """Placements of the own organisation, newest first, filtered by start period, instrument, employer."""
    form = FilterForm(request.args)
    employers = db.session.execute(select(Employer.id, Employer.name).where(Employer.organisation_id == org_id())
                                   .order_by(Employer.name)).all()
    form.werkgever.choices = choices([(0, _("Alle"))] + [(e.id, e.name) for e in employers])
    query = select(Placement).where(Placement.organisation_id == org_id())
    if form.validate():
        if form.van.data:
            query = query.where(Placement.start_date >= form.van.data)
        if form.tot.data:
            query = query.where(Placement.start_date <= form.tot.data)
        if form.instrument.data in LABELS["instrument"]:
            query = query.where(Placement.instrument == form.instrument.data)
        if form.werkgever.data:
            query = query.where(Placement.employer_id == form.werkgever.data)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = page_arg()
    rows = db.session.scalars(
        query.options(joinedload(Placement.employer), joinedload(Placement.candidate).joinedload(Candidate.personal))
        .order_by(Placement.start_date.desc(), Placement.id.desc())
        .limit(PER_PAGE).offset((page - 1) * PER_PAGE)
    ).all()
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    args = {k: v for k, v in request.args.items() if k != "pagina"}
    return render_template("placements/index.html", form=form, placements=rows, total=total, page=page,
                           pages=pages, args=args, names=show_names([p.candidate for p in rows]), labels=LABELS)


@bp.route("/<int:placement_id>")
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
    """Run operation on a placement after the locking check; re-render with errors (422/409)."""
    placement = get_own_or_404(db.session, Placement, placement_id)
    if form.validate_on_submit():
        try:
            locking.check_version(db.session, placement, form.version.data)
            before = {"end_date": placement.end_date, "ended_early_on": placement.ended_early_on,
                      "value_cents": placement.value_cents}
            operation(placement)
        except Conflict as exc:
            form.form_errors.append(locking.conflict_message(exc))
            return placement, 409
        except InvalidInput as exc:
            for field, message in exc.errors.items():
                getattr(form, field).errors.append(message)
        else:
            audit.record_changes(db.session, placement, before, {
                "end_date": placement.end_date, "ended_early_on": placement.ended_early_on,
                "value_cents": placement.value_cents}, actor=current_user)
            return placement, None
    return placement, 422


@bp.route("/<int:placement_id>/beeindigen", methods=["POST"])
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


@bp.route("/<int:placement_id>/verlengen", methods=["POST"])
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


@bp.route("/kandidaat/<int:candidate_id>")
@requires("placements")
def history(candidate_id: int):
    """Every placement of one candidate of the own organisation, oldest first."""
    candidate = get_own_or_404(db.session, Candidate, candidate_id)
    rows = db.session.scalars(select(Placement).where(Placement.candidate_id == candidate.id)
                              .options(joinedload(Placement.employer)).order_by(Placement.start_date)).all()
    return render_template("placements/history.html", candidate=candidate, placements=rows,
                           names=show_names([candidate]), labels=LABELS)


from . import record  # noqa: E402,F401  (registers the recording routes on bp)
