"""Notices of the signed-in staff member: a list with mark-read, and the settings per kind."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.common import clock, paging
from models.common.errors import InvalidInput
from models.notifications import inbox
from models.notifications.kinds import CHANNELS, kinds_for
from web.access import requires
from web.extensions import db
from web.i18n import translated
from web.params import whole_number

PER_PAGE = 30

# Where a notice leads, per kind: (endpoint, name of the id argument).
TARGETS = {
    "request_new": ("requests.show", "request_id"),
    "sroi_proposal": ("sroi.show", "obligation_id"),
    "follow_up_due": ("employers.show", "employer_id"),
    "suggestions_new": ("matches.queue", None),
    "consent_ending": ("candidates.show", "candidate_id"),
    "candidate_question": ("requests.answer_form", "request_id"),
}


def link_for(notice) -> str | None:
    target = TARGETS.get(notice.kind)
    if target is None:
        return None
    if target[1] is None:
        return url_for(target[0])
    return url_for(target[0], **{target[1]: notice.object_id}) if notice.object_id is not None else None


@requires("staff")
def index():
    unread_only = request.args.get("alleen") == "ongelezen"
    page = paging.paginate(db.session, inbox.listing(current_user.id, unread_only),
                           paging.page_number(request.args.get("pagina")), PER_PAGE)
    labels = {kind.code: kind.label for kind in kinds_for(current_user.role)}
    return render_template("notifications/index.html", page=page, items=page.items, link_for=link_for,
                           labels=labels, unread_only=unread_only)


@requires("staff")
def mark_read():
    """Mark one notice (``id``) or all (``alles``) read."""
    if request.form.get("alles"):
        count = inbox.mark_read(db.session, current_user.id, None, clock.utcnow())
    else:
        notice_id = whole_number(request.form.get("id"), None, low=1)
        if notice_id is None:
            flash(_("Kies een melding."), "error")
            return redirect(url_for(".index"))
        count = inbox.mark_read(db.session, current_user.id, [notice_id], clock.utcnow())
    db.session.commit()
    flash(_("%(num)d melding(en) als gelezen gemarkeerd.", num=count), "success")
    return redirect(url_for(".index"))


@requires("staff")
def settings():
    """Per kind of notice: only in Werkbrug, also by e-mail at once, or in the daily e-mail."""
    kinds = kinds_for(current_user.role)
    chosen = inbox.channels_of(db.session, current_user)
    errors: dict[str, str] = {}
    if request.method == "POST":
        wanted = {kind.code: request.form.get(f"kind-{kind.code}", "") for kind in kinds}
        try:
            inbox.set_channels(db.session, current_user, wanted)
        except InvalidInput as exc:
            db.session.rollback()
            errors = {name: translated(message) for name, message in exc.errors.items()}
            chosen = {**chosen, **wanted}
        else:
            db.session.commit()
            flash(_("Uw keuzes voor meldingen zijn opgeslagen."), "success")
            return redirect(url_for(".settings"))
    return render_template("notifications/settings.html", kinds=kinds, chosen=chosen, channels=CHANNELS,
                           errors=errors), 422 if errors else 200
