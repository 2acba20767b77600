"""Outreach: select people long on a benefit without active service, log the steps, see the funnel."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from models.candidates import outreach_steps
from models.candidates.outreach import OutreachContact
from models.candidates.parsing import whole
from models.common import clock
from models.common.errors import Conflict, InvalidInput
from web.access import can, get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import conflict_message, messages, save

from .edit_routes import owner_choices
from .file_forms import OutreachSelectForm, OutreachStepForm

PER_PAGE = 50


def _campaign() -> str | None:
    value = (request.args.get("campagne") or "").strip()
    return value[:100] or None


@requires("candidates")
def outreach(select_form: OutreachSelectForm | None = None, status: int = 200):
    """The funnel of a campaign (or all), and the people assigned to the signed-in member to work on."""
    campaign = _campaign()
    funnel = outreach_steps.funnel(db.session, org_id(), campaign)
    mine = select(OutreachContact).options(joinedload(OutreachContact.candidate)).where(
        OutreachContact.organisation_id == org_id(), OutreachContact.referred_on.is_(None),
        OutreachContact.candidate_id.is_not(None))  # erased: ended, kept only as an anonymous count
    if not request.args.get("iedereen"):
        mine = mine.where(OutreachContact.assigned_to_id == current_user.id)
    if campaign:
        mine = mine.where(OutreachContact.campaign == campaign)
    contacts = list(db.session.scalars(mine.order_by(OutreachContact.selected_on, OutreachContact.id).limit(PER_PAGE)))
    select_form = select_form or OutreachSelectForm(formdata=None)
    select_form.assigned_to_id.choices = owner_choices(org_id(), _("Kies"))
    eligible = db.session.scalar(select(func.count()).where(outreach_steps.eligible(org_id(), clock.today())))
    return render_template("candidates/outreach.html", funnel=funnel, contacts=contacts, campaign=campaign,
                           campaigns=outreach_steps.campaigns(db.session, org_id()), select_form=select_form,
                           may_select=can("caseload_admin"), eligible=eligible, today=clock.today(),
                           step_labels=outreach_steps.STEP_LABELS, referral_labels=outreach_steps.REFERRAL_LABELS,
                           step_form=OutreachStepForm(formdata=None)), status


@requires("caseload_admin")
def outreach_select():
    """Add the eligible people to a campaign, assigned to a staff member (coordinator)."""
    form = OutreachSelectForm()

    def select() -> int:
        limit = whole(form.limit.data, "limit", 1, 100000, "het aantal")
        return outreach_steps.select_people(db.session, org_id(), form.campaign.data, form.assigned_to_id.data,
                                            clock.today(), current_user, limit)

    form.validate()  # the form's own findings show beside the operation's when it refuses
    if not (saved := save(form, select)):
        return outreach(select_form=form, status=422)
    flash(_("%(n)d mensen toegevoegd aan de campagne.", n=saved.value), "success")
    return redirect(url_for(".outreach", campagne=form.campaign.data.strip()))


@requires("candidates")
def outreach_step(item_id: int):
    """Log the next step for one person in the campaign."""
    contact = get_own_or_404(db.session, OutreachContact, item_id)
    form = OutreachStepForm()
    try:
        step = outreach_steps.record_step(db.session, contact, {k: f.data for k, f in form._fields.items()},
                                          current_user, clock.today())
    except (InvalidInput, Conflict) as exc:
        for message in messages(exc) if isinstance(exc, InvalidInput) else [conflict_message(exc)]:
            flash(message, "error")
        return redirect(url_for(".outreach", campagne=contact.campaign)), 303
    flash(_("Vastgelegd: %(step)s.", step=outreach_steps.STEP_LABELS[step]), "success")
    return redirect(url_for(".outreach", campagne=contact.campaign))
