"""Follow-ups: 'Mijn follow-ups' with postpone, hand over and finish-several, the week view per person or team,
and the settings of the personal calendar feed (the feed itself: calendar_feed.py)."""
from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import joinedload

from models import ContactMoment
from models.accounts import calendar_feed
from models.common import clock, paging
from models.common.errors import InvalidInput
from models.register import contacts
from models.register import follow_ups as work
from models.register.employers import managers
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import choices, form_status, messages, save
from web.params import whole_number

from .forms import HandOverForm, PostponeForm, WeekForm

FOLLOW_UPS_PAGE = 50


def _colleagues():
    return [(u.id, u.name) for u in managers(db.session, org_id())]


def _row_forms(items, colleagues):
    """A postpone and a hand-over form per follow-up, prefixed by its id so several share one page."""
    forms = {}
    for item in items:
        postpone = PostponeForm(prefix=f"p{item.id}", formdata=None, version=item.version, follow_up_on=item.follow_up_on)
        hand = HandOverForm(prefix=f"h{item.id}", formdata=None, version=item.version,
                            follow_up_owner_id=item.follow_up_owner_id)
        hand.follow_up_owner_id.choices = choices(colleagues)
        forms[item.id] = {"postpone": postpone, "hand": hand}
    return forms


def _list_page(status: int = 200, failed: tuple[int, str, object] | None = None):
    query = contacts.open_follow_ups(current_user.id, org_id())
    page = paging.paginate(db.session, query.options(joinedload(ContactMoment.employer)),
                           paging.page_number(request.args.get("pagina")), FOLLOW_UPS_PAGE)
    forms = _row_forms(page.items, _colleagues())
    if failed is not None and failed[0] in forms:
        forms[failed[0]][failed[1]] = failed[2]
    return render_template("employers/follow_ups.html", items=page.items, paging=page, today=clock.today(),
                           forms=forms), status


@requires("register")
def follow_ups():
    """'Mijn follow-ups': what the signed-in user must follow up, overdue first."""
    return _list_page()


def _back(moment: ContactMoment):
    target = request.form.get("next", "")
    if target == "employer":
        return redirect(url_for(".show", employer_id=moment.employer_id) + "#tijdlijn")
    return redirect(url_for(".follow_ups"))


@requires("register")
def follow_up_done(moment_id: int):
    """Mark a follow-up done (records the time); it leaves 'Mijn follow-ups'."""
    moment = get_own_or_404(db.session, ContactMoment, moment_id)
    try:
        contacts.complete_follow_up(db.session, moment, current_user)
    except InvalidInput:
        flash(_("Dit contactmoment heeft geen follow-up."), "error")
    else:
        db.session.commit()
        flash(_("Afgerond: %(action)s.", action=moment.follow_up_action), "success")
    return _back(moment)


@requires("register")
def follow_ups_done():
    """Finish several follow-ups at once (the ticked rows); all or none."""
    ids = [n for n in (whole_number(v, None, low=1) for v in request.form.getlist("ids")) if n is not None]
    try:
        done = work.complete_many(db.session, org_id(), ids, current_user)
    except InvalidInput as exc:
        db.session.rollback()
        flash(" ".join(messages(exc)), "error")
    else:
        db.session.commit()
        flash(_("%(num)d follow-ups afgerond.", num=len(done)), "success")
    return redirect(url_for(".follow_ups"))


def _change(moment: ContactMoment, form, key: str, operation, message):
    """Run ``operation`` for a valid row form and go back with ``message(result)``; else the list with the
    form's errors: a service's InvalidInput on its fields (422), a stale version as a conflict (409)."""
    if form.validate_on_submit():
        if saved := save(form, operation):
            db.session.commit()
            flash(message(saved.value), "success")
            return _back(moment)
        db.session.rollback()
    return _list_page(form_status(form) if form.errors else 422, (moment.id, key, form))


@requires("register")
def follow_up_postpone(moment_id: int):
    """Move a follow-up to a new date."""
    moment = get_own_or_404(db.session, ContactMoment, moment_id)
    form = PostponeForm(prefix=f"p{moment.id}")
    return _change(
        moment, form, "postpone",
        lambda: work.postpone(db.session, moment, form.follow_up_on.data, current_user, version=form.version.data),
        lambda _none: _("Uitgesteld tot %(date)s: %(action)s.", date=moment.follow_up_on.strftime("%d-%m-%Y"),
                        action=moment.follow_up_action))


@requires("register")
def follow_up_hand_over(moment_id: int):
    """Give a follow-up to a colleague; it moves to their list."""
    moment = get_own_or_404(db.session, ContactMoment, moment_id)
    form = HandOverForm(prefix=f"h{moment.id}")
    form.follow_up_owner_id.choices = choices(_colleagues())
    return _change(
        moment, form, "hand",
        lambda: work.hand_over(db.session, moment, form.follow_up_owner_id.data, current_user,
                               version=form.version.data),
        lambda colleague: _("Overgedragen aan %(name)s: %(action)s.", name=colleague.name,
                            action=moment.follow_up_action))


@requires("register")
def follow_ups_week():
    """The follow-ups of one week, per day, of the signed-in user, a colleague or the whole team."""
    form = WeekForm(request.args)
    colleagues = _colleagues()
    form.wie.choices = choices([("ik", _("Mijn follow-ups")), ("team", _("Het hele team"))]
                               + [(str(uid), name) for uid, name in colleagues if uid != current_user.id])
    today = clock.today()
    status = 200
    try:
        monday = work.parse_week(form.week.data, today)
    except InvalidInput as exc:
        form.week.errors = messages(exc)
        monday, status = work.parse_week(None, today), 422
    who = form.wie.data or "ik"
    if who == "ik":
        owner_id = current_user.id
    elif who == "team":
        owner_id = None
    else:
        owner_id = whole_number(who, None, low=1)
        if owner_id not in {uid for uid, _name in colleagues}:
            form.wie.errors = [_("Kies uzelf, het team of een collega uit de lijst.")]
            owner_id, who, status = current_user.id, "ik", 422
    shown = work.week(db.session, org_id(), monday, owner_id, today=today)
    if not form.week.errors:
        form.week.data = shown.number
    previous_week = work.Week(monday - timedelta(days=7)).number
    next_week = work.Week(monday + timedelta(days=7)).number
    return render_template("employers/follow_ups_week.html", form=form, shown=shown, today=today, who=who,
                           team=owner_id is None, previous_week=previous_week, next_week=next_week,
                           this_week=work.parse_week(None, today)), status


@requires("register")
def calendar_settings():
    """Create, renew or stop the personal calendar feed; the address is shown once, right after creating it."""
    address = None
    if request.method == "POST":
        if request.form.get("action") == "stop":
            calendar_feed.revoke(db.session, current_user)
            db.session.commit()
            flash(_("De agenda-koppeling is gestopt. Agenda's die het adres gebruikten, krijgen geen follow-ups meer."),
                  "success")
            return redirect(url_for(".calendar_settings"))
        if request.form.get("action") != "new":
            abort(400)
        token = calendar_feed.issue(db.session, current_user)
        db.session.commit()
        address = _feed_url(token)
    return render_template("employers/calendar_settings.html", address=address,
                           active=current_user.calendar_token_hash is not None,
                           since=current_user.calendar_token_created_at)


def _feed_url(token: str) -> str:
    base = current_app.config.get("BASE_URL") or request.url_root
    return base.rstrip("/") + url_for("calendar.feed", secret=token)
