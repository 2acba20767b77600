"""`/beheer/uitgaande-mail`: what the worker delivered, what waits, and what failed for good."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from sqlalchemy import select

from models.common import mail, paging
from models.common.system import OutboxMessage
from web.access import get_own_or_404, org_id, requires
from web.extensions import db

PER_PAGE = 50
STATES = ("wachtend", "verzonden", "mislukt")


class RetryForm(FlaskForm):
    """A button with CSRF protection."""


def _condition(state: str):
    if state == "verzonden":
        return OutboxMessage.sent_at.is_not(None)
    if state == "mislukt":
        return OutboxMessage.failed_at.is_not(None)
    return OutboxMessage.sent_at.is_(None) & OutboxMessage.failed_at.is_(None)


@requires("audit")
def index():
    """The organisation's mail per state (failed first when there is any), newest first, 50 per page.

    Only the signed-in user's organisation: another organisation's mail names its employers, its
    candidates' profile codes and its staff."""
    counts = mail.counts(db.session, org_id())
    state = request.args.get("status", "")
    if state not in STATES:
        state = "mislukt" if counts["failed"] else "wachtend"
    query = select(OutboxMessage).where(OutboxMessage.organisation_id == org_id(), _condition(state)).order_by(OutboxMessage.id.desc())
    page = paging.paginate(db.session, query, paging.page_number(request.args.get("pagina")), PER_PAGE)
    return render_template("outbox/index.html", rows=page.items, page=page, state=state, states=STATES,
                           counts=counts, form=RetryForm(), configured=bool(current_app.config.get("MAIL_SERVER")))


@requires("audit")
def retry(message_id: int):
    """Put a failed message back in the queue with a fresh set of attempts."""
    message = get_own_or_404(db.session, OutboxMessage, message_id)
    if RetryForm().validate_on_submit() and message.failed_at is not None:
        mail.retry(db.session, message)
        db.session.commit()
        from web.queue import enqueue

        enqueue("deliver_mail", once_key="mail:deliver")
        flash(_("Het bericht staat weer in de wachtrij."), "success")
    else:
        flash(_("Dit bericht is niet mislukt; er is niets veranderd."), "error")
    return redirect(url_for(".index", status="wachtend"))
