"""The audit log of the own organisation for coordinators and administrators, and erasing a candidate."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from models import AuditEvent, Candidate, User
from models.candidates import erasure
from models.common import paging
from web.access import get_own_or_404, requires
from web.extensions import db
from web.forms import form_status

from . import labels
from .forms import AuditFilterForm, EraseForm

PER_PAGE = 50


@requires("audit")
def audit_log():
    """Search the audit trail of the own organisation (administrators too: never another's), in words."""
    organisation_id = current_user.organisation_id
    form = AuditFilterForm(request.args)
    staff = db.session.execute(select(User.id, User.name, User.email).where(User.organisation_id == organisation_id)
                               .order_by(User.name, User.email)).all()
    form.actor.choices = [("", _("iedereen"))] + [(str(uid), f"{name} ({email})") for uid, name, email in staff]
    form.action.choices = [("", _("alle acties"))] + labels.action_choices()
    form.object_type.choices = [("", _("alle"))] + sorted(
        ((kind, str(label)) for kind, label in labels.OBJECT_LABELS.items()), key=lambda item: item[1])
    query = select(AuditEvent, User).join(User, User.id == AuditEvent.actor_id, isouter=True)
    query = query.where(AuditEvent.organisation_id == organisation_id)
    valid = form.validate()
    # A filter that cannot be read is named above the list; the other filters still apply, so the list
    # stays as it was without that one.
    data = {name: (None if form[name].errors else value) for name, value in form.data.items()}
    if data["action"]:
        query = query.where(AuditEvent.action == data["action"])
    if data["actor"]:
        query = query.where(AuditEvent.actor_id == int(data["actor"]))
    if data["result"]:
        query = query.where(AuditEvent.result == data["result"])
    if data["object_type"]:
        query = query.where(AuditEvent.object_type == data["object_type"])
    if data["object_id"] is not None:
        query = query.where(AuditEvent.object_id == data["object_id"])
    if data["since"]:
        query = query.where(AuditEvent.at >= datetime.combine(data["since"], time.min, UTC))
    if data["until"] and data["until"] < date.max:
        query = query.where(AuditEvent.at < datetime.combine(data["until"] + timedelta(days=1), time.min, UTC))
    page = paging.paginate(db.session, query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()),
                           paging.page_number(request.args.get("pagina")), PER_PAGE)
    rows = page.items
    names = labels.object_names(db.session, organisation_id, [event for event, _user in rows])
    args = {k: v for k, v in request.args.items() if k != "pagina"}
    return render_template("privacy/audit_log.html", form=form, rows=rows, total=page.total, page=page, args=args,
                           names=names, labels=labels), 200 if valid else 422


@requires("reports")
def erase(candidate_id: int):
    """Erase a candidate after confirmation; only anonymous statistics remain."""
    candidate = get_own_or_404(db.session, Candidate, candidate_id)
    form = EraseForm()
    if form.validate_on_submit():
        if form.confirm.data.strip() != "WISSEN":  # the form asks for it in capitals: required as asked
            form.confirm.errors.append(_("Typ precies WISSEN om te bevestigen."))
        else:
            client_number = candidate.external_id
            erasure.erase_candidate(db.session, candidate, actor=current_user, origin=request.remote_addr)
            flash(_("De gegevens van kandidaat %(id)s zijn gewist. Plaatsingen blijven anoniem meetellen.",
                    id=client_number), "success")
            return redirect(url_for("start.home"))
    return render_template("privacy/erase.html", form=form, candidate=candidate), form_status(form)
