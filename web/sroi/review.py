"""The contractor's side, as staff see it: who has access as contact person, and proposals to review."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from models import ContractorAccess, SroiActivity, SroiObligation
from models.common.errors import Conflict, InvalidInput
from models.sroi import contractor as sroi_contractor
from web.access import get_own_or_404, requires
from web.extensions import db
from web.forms import conflict_message, messages, save

from .forms import AccessForm
from .routes import show


@requires("register")
def grant_access(obligation_id: int):
    """Let an existing employer account see the contractor's obligations and propose activities."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    form = AccessForm(prefix="access")
    if form.validate_on_submit() and (saved := save(form, sroi_contractor.grant_access, db.session,
                                                    obligation.contractor, form.email.data or "", actor=current_user)):
        flash(_("%(email)s heeft nu toegang als contactpersoon van %(name)s.", email=saved.value.user.email,
                name=obligation.contractor.name), "success")
        return redirect(url_for(".show", obligation_id=obligation.id))
    return show(obligation_id, access_form=form, status=422)


@requires("register")
def revoke_access(obligation_id: int, user_id: int):
    """End an account's access to the contractor's obligations (404 unless it is this contractor's)."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    access = db.session.scalar(select(ContractorAccess).where(
        ContractorAccess.user_id == user_id, ContractorAccess.employer_id == obligation.contractor_id))
    if access is None:
        abort(404)
    email = access.user.email
    sroi_contractor.revoke_access(db.session, access, actor=current_user)
    flash(_("De toegang van %(email)s is ingetrokken.", email=email), "success")
    return redirect(url_for(".show", obligation_id=obligation.id))


def _proposal_or_404(obligation_id: int, activity_id: int) -> SroiActivity:
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    activity = db.session.get(SroiActivity, activity_id)
    if activity is None or activity.obligation_id != obligation.id:
        abort(404)
    return activity


def _reviewed(activity: SroiActivity, review) -> object:
    try:
        review()
    except Conflict as exc:
        db.session.rollback()  # a lost race leaves the flush failed: show the page as it is now
        flash(conflict_message(exc), "error")
        return show(activity.obligation_id, status=409)
    except InvalidInput as exc:
        db.session.rollback()
        return show(activity.obligation_id, review_errors={activity.id: " ".join(messages(exc))}, status=422)
    return None


@requires("register")
def approve(obligation_id: int, activity_id: int):
    """Approve a contractor's proposal: its value counts from now on."""
    activity = _proposal_or_404(obligation_id, activity_id)
    refused = _reviewed(activity, lambda: sroi_contractor.approve(
        db.session, activity, request.form.get("version"), actor=current_user))
    if refused:
        return refused
    flash(_("Voorstel goedgekeurd: %(how)s.", how=activity.value_explanation), "success")
    return redirect(url_for(".show", obligation_id=obligation_id))


@requires("register")
def reject(obligation_id: int, activity_id: int):
    """Reject a contractor's proposal; the reason is required and shown to the contractor."""
    activity = _proposal_or_404(obligation_id, activity_id)
    refused = _reviewed(activity, lambda: sroi_contractor.reject(
        db.session, activity, request.form.get("version"), request.form.get("reason", ""), actor=current_user))
    if refused:
        return refused
    flash(_("Voorstel afgewezen."), "success")
    return redirect(url_for(".show", obligation_id=obligation_id))
