"""Contributions to an obligation: linking placements, recording activities, exporting them."""
from __future__ import annotations

from decimal import Decimal

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from models import Placement, SroiObligation
from models.common import audit, clock, exports
from models.common.errors import InvalidInput
from models.placements import recording as placements
from models.sroi import obligations as sroi
from models.sroi.progress import STATUS_LABELS, progress_many
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import messages, save

from .forms import ActivityForm, LinkPlacementForm
from .routes import show


@requires("register")
def link(obligation_id: int):
    """Count a placement of the contractor towards the obligation; it is revalued with its table."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    form = LinkPlacementForm(prefix="link")
    placement = db.session.get(Placement, form.placement.data) if form.placement.data else None
    if placement is None or placement.organisation_id != org_id():
        form.placement.errors = [_("Kies een plaatsing.")]
        return show(obligation_id, link_form=form, status=422)
    try:
        placements.link_obligation(db.session, placement, obligation)
    except InvalidInput as exc:
        form.placement.errors = messages(exc)
        return show(obligation_id, link_form=form, status=422)
    audit.record(db.session, "placement_linked", actor=current_user, obj=placement,
                 details={"obligation_id": obligation.id, "value_cents": placement.value_cents})
    flash(_("Plaatsing %(id)s telt nu mee.", id=placement.id), "success")
    return redirect(url_for(".show", obligation_id=obligation.id))


@requires("register")
def unlink(obligation_id: int, placement_id: int):
    """Stop counting a placement towards the obligation."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    placement = get_own_or_404(db.session, Placement, placement_id)
    if placement.sroi_obligation_id != obligation.id:
        abort(404)
    placements.link_obligation(db.session, placement, None)
    audit.record(db.session, "placement_unlinked", actor=current_user, obj=placement,
                 details={"obligation_id": obligation.id})
    flash(_("Plaatsing %(id)s telt niet meer mee.", id=placement.id), "success")
    return redirect(url_for(".show", obligation_id=obligation.id))


@requires("register")
def add_activity(obligation_id: int):
    """Record a purchase or social activity with evidence, valued with the table's activity block."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    form = ActivityForm(prefix="activity")
    if form.validate_on_submit() and (saved := save(
            form, sroi.add_activity, db.session, obligation, form.kind.data, form.occurred_on.data,
            form.amount.data or "", form.evidence.data or "", actor=current_user, unit=form.unit.data or None,
            once=url_for(".show", obligation_id=obligation.id))):
        flash(_("Activiteit vastgelegd: %(how)s.", how=saved.value.value_explanation), "success")
        return redirect(url_for(".show", obligation_id=obligation.id))
    return show(obligation_id, activity_form=form, status=422)


HEADERS = ["Contract", "Contractnummer", "Opdrachtgever", "Opdrachtnemer", "Periode begin", "Periode einde",
           "Verplichting (EUR)", "Status", "Bijdrage", "Datum", "Omschrijving", "Gerealiseerd (EUR)",
           "Verwacht (EUR)", "Berekening"]


def _euros(cents: int, fmt: str):
    amount = Decimal(cents) / 100
    return amount if fmt == "xlsx" else f"{amount:.2f}".replace(".", ",")


@requires("register")
def export(fmt: str):
    """All obligations of the organisation with their contributions, as CSV or XLSX; audit-logged."""
    if fmt not in exports.MIMETYPES:
        abort(404)
    obligations = db.session.scalars(select(SroiObligation).where(SroiObligation.organisation_id == org_id())
                                     .options(joinedload(SroiObligation.contractor))
                                     .order_by(SroiObligation.period_start, SroiObligation.id)).all()
    today = clock.today()
    progress = progress_many(db.session, obligations, today)
    rows = []
    for o in obligations:
        p = progress[o.id]
        head = [o.contract_name, o.contract_number, o.contracting_authority, o.contractor.name, o.period_start,
                o.period_end, _euros(o.required_cents, fmt), STATUS_LABELS[p.status]]
        rows.append(head + ["totaal", today, "", _euros(p.realised_cents, fmt), _euros(p.forecast_cents, fmt), ""])
        for c in p.contributions:
            rows.append(head + ["plaatsing" if c.kind == "placement" else "activiteit", c.on, c.label,
                                _euros(c.realised_cents, fmt), _euros(c.forecast_cents, fmt), c.explanation])
    content, mimetype = exports.export(fmt, HEADERS, rows, title="Social return")
    audit.record(db.session, "export", actor=current_user, origin=request.remote_addr,
                 details={"what": "sroi_obligations", "format": fmt, "count": len(obligations)})
    return Response(content, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="social-return-{today:%Y%m%d}.{fmt}"'})
