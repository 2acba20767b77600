"""Working through the candidate list: publish the profiles of a selection, or withdraw them, in one go."""
from __future__ import annotations

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from models import Candidate
from models.catalogue.publishing import profiles
from models.catalogue.publishing.bulk import SKIP_REASONS_NL, publish_all_consented
from models.common import audit, clock
from models.common.errors import InvalidInput
from models.enums import ProfileStatus
from web.access import org_id, requires
from web.extensions import db
from web.forms import messages
from web.params import whole_number

MAX_SELECTION = 200


def _selection() -> list[int] | None:
    ids = sorted({n for n in (whole_number(v, None, low=1) for v in request.form.getlist("ids")) if n is not None})
    if not ids:
        flash(_("Kies eerst een of meer kandidaten in de lijst."), "error")
        return None
    if len(ids) > MAX_SELECTION:
        flash(_("Kies hooguit %(max)d kandidaten tegelijk.", max=MAX_SELECTION), "error")
        return None
    own = set(db.session.scalars(select(Candidate.id).where(Candidate.id.in_(ids), Candidate.organisation_id == org_id())))
    if own != set(ids):
        flash(_("Een of meer gekozen kandidaten horen niet (meer) bij uw organisatie; er is niets gewijzigd."), "error")
        return None
    return ids


def _back():
    return redirect(url_for(".index", **{k: v for k, v in request.args.items() if k != "pagina"}))


@requires("candidates")
def publish_selected():
    """Scrub and publish the chosen candidates' profiles as `profiles publish` does; say per reason who was skipped."""
    ids = _selection()
    if ids is None:
        return _back()
    result = publish_all_consented(db.session, clock.today(), k=current_app.config["PROFILE_K_ANONYMITY"],
                                   organisation_id=org_id(), origin=request.remote_addr, candidate_ids=ids,
                                   actor=current_user)
    db.session.commit()
    flash(_("%(num)d profiel(en) gepubliceerd.", num=result.published), "success")
    if result.to_check:
        flash(ngettext("Uit %(num)d gepubliceerd profiel zijn zinnen weggelaten tot iemand ze leest: filter de lijst op "
                       "Openbaar profiel “Zinnen te controleren”.",
                       "Uit %(num)d gepubliceerde profielen zijn zinnen weggelaten tot iemand ze leest: filter de lijst "
                       "op Openbaar profiel “Zinnen te controleren”.", result.to_check), "warning")
    for reason, count in result.skipped.most_common():
        flash(_("%(num)d niet gepubliceerd: %(reason)s.", num=count, reason=_(SKIP_REASONS_NL[reason])), "warning")
    return _back()


@requires("candidates")
def withdraw_selected():
    """Take the chosen candidates' public profiles off the catalogue, with one reason for all."""
    ids = _selection()
    if ids is None:
        return _back()
    reason = (request.form.get("reason") or "").strip()[:200]
    if not reason:
        flash(_("Geef een reden op om de profielen in te trekken."), "error")
        return _back()
    chosen = db.session.scalars(select(Candidate).where(Candidate.id.in_(ids))
                                .options(selectinload(Candidate.profile))).all()
    live = [c.profile for c in chosen if c.profile is not None and c.profile.status != ProfileStatus.WITHDRAWN
            and (c.profile.status == ProfileStatus.PUBLISHED or c.profile.reviewed_at is not None)]
    try:
        for profile in live:
            profiles.unpublish(db.session, profile, reason, today=clock.today(), k=current_app.config["PROFILE_K_ANONYMITY"])
            audit.record(db.session, "profile_withdrawn", actor=current_user, obj=profile, origin=request.remote_addr)
    except InvalidInput as exc:
        db.session.rollback()
        flash(" ".join(messages(exc)), "error")
        return _back()
    db.session.commit()
    flash(_("%(num)d profiel(en) ingetrokken; %(rest)d van de gekozen kandidaten hadden geen profiel in de catalogus.",
            num=len(live), rest=len(ids) - len(live)), "success")
    return _back()
