"""Public catalogue pages: the filtered list, a profile, and asking to meet the person behind it."""
from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import format_time, format_timedelta, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from models.accounts.users import normalise_email
from models.catalogue import browse, employer_accounts, meet_requests, search
from models.catalogue.meet_requests import MeetingRequest
from models.common import clock, paging
from models.enums import ProfileStatus, Role
from models.taxonomy.terms import normalise
from web.extensions import db
from web.forms import save

from . import page_cache
from .forms import MeetingForm, filter_form, unknown_occupation
from .guard import accept, count_attempt, limit_views, refused, used_up
from .labels import DUTCH_LABELS, EDUCATION_LABELS

log = logging.getLogger("werkbrug")
bp = Blueprint("catalogue", __name__, url_prefix="/kandidaten", template_folder="templates")

SCRAPE_MESSAGE = "U bekijkt erg veel pagina's in korte tijd. Probeer het over een uur opnieuw, of neem contact met ons op."


def flood_message(until: int | None = None) -> str:
    """Why a meeting request was not sent, when the visitor can send one again, and how to reach the
    service: the configured phone number and e-mail address, and no promise of either when none is set."""
    text = _("U heeft het afgelopen uur al veel verzoeken verstuurd.")
    if until is not None:
        moment = datetime.fromtimestamp(until, UTC)
        text += " " + _("Vanaf %(time)s kunt u weer een verzoek versturen; wat u invulde staat nog in het formulier.",
                        time=format_time(moment, "short"))
    else:
        text += " " + _("Probeer het over een uur opnieuw.")
    phone, email = current_app.config.get("SERVICE_CONTACT_PHONE"), current_app.config.get("SERVICE_CONTACT_EMAIL")
    if phone and email:
        text += " " + _("Wilt u niet wachten? Bel ons op %(phone)s of mail naar %(email)s.", phone=phone, email=email)
    elif phone:
        text += " " + _("Wilt u niet wachten? Bel ons op %(phone)s.", phone=phone)
    elif email:
        text += " " + _("Wilt u niet wachten? Mail ons op %(email)s.", email=email)
    return text


def _ago(day: date) -> str:
    return _days_ago(max(0, (clock.today() - day).days), str(get_locale()))


@lru_cache(maxsize=512)
def _days_ago(days: int, _locale: str) -> str:
    if days == 0:
        return _("vandaag")
    return format_timedelta(timedelta(days=-days), add_direction=True, threshold=1)


@lru_cache(maxsize=16)
def _translated_labels(_locale: str) -> dict:
    """The profile codes' labels as plain text in one language: no lazy-text look-up per card."""
    return {"education_labels": {k: str(v) for k, v in EDUCATION_LABELS.items()},
            "dutch_labels": {k: str(v) for k, v in DUTCH_LABELS.items()}}


_cards: dict[tuple, str] = {}


def cached_card(card, profile, distance=None, matched=()):
    """The ``card`` macro's HTML for ``profile``, kept per process until the profile changes.

    A card shows only the public profile's own fields, translated labels and "checked N days ago",
    so (profile, version, last change, distance, language, day) decide its HTML; rendering twenty of
    them was the largest part of a catalogue page. Only published profiles reach a list, so a
    withdrawn profile's card is never shown again; the cache is bounded.
    """
    key = (profile.id, profile.version, profile.updated_at, distance, matched, str(get_locale()), clock.today())
    html = _cards.get(key)
    if html is None:
        if len(_cards) >= 5000:
            _cards.clear()
        html = _cards[key] = card(profile, distance, matched)
    return html


@bp.app_context_processor
def labels():
    return {**_translated_labels(str(get_locale())), "ago": _ago, "today": clock.today, "cached_card": cached_card}


def _employer():
    return current_user if current_user.is_authenticated and current_user.role == Role.EMPLOYER else None


@bp.route("")
def index():
    """Published profiles, filtered and sorted from the query string; bad filters are named."""
    limit_views("catalogue-list", message=_(SCRAPE_MESSAGE))  # cached pages count as views too
    kept = page_cache.slot()
    if kept is not None and kept.html is not None:
        return kept.html
    current = search.stamp(db.session)  # one stamp query for the form's sectors and the search
    form, filters = filter_form(request.args, db.session, current=current)
    # The whole vocabulary only for a search by wording: a first plain list page does not read it.
    vocab = search.vocabulary(db.session, current) if browse.asks_for_words(filters) else None
    if vocab is not None:
        unknown_occupation(form, filters, db.session, vocab)
    page = browse.search(db.session, filters, paging.page_number(request.args.get("pagina")), vocab=vocab)
    matched = _matched_wordings(page.profiles, filters, vocab)
    args = {k: v for k, v in request.args.items() if v and k != "pagina"}
    active = sum(1 for key, value in request.args.items() if value.strip() and key in form._fields
                 and key not in ("sortering", "pagina", "submit"))
    html = render_template("catalogue/index.html", form=form, page=page, args=args, matched=matched,
                           has_errors=any(f.errors for f in form), active_filters=active)
    return kept.keep(html) if kept is not None else html


def _matched_wordings(profiles, filters, vocab) -> dict[int, tuple[str, ...]]:
    """Per profile, its occupations and skills the search text names: a card whose headline is
    another occupation says why it was found."""
    if not filters.q or vocab is None:
        return {}
    direct = search.expansion(db.session, filters.q, vocab).direct
    return {p.id: tuple(w for w in [*(p.occupations or []), *(p.skills or [])] if normalise(w) in direct)
            for p in profiles}


def _profile_or_gone(code: str):
    profile = browse.profile_by_code(db.session, code)
    if profile is None:
        abort(404)
    if profile.status == ProfileStatus.WITHDRAWN:
        return None
    return profile


def _gone():
    return render_template("catalogue/gone.html"), 410


@bp.route("/<code>")
def profile(code: str):
    """One published profile; 410 for a withdrawn one, 404 for a code that never was public."""
    limit_views("catalogue-profile", message=_(SCRAPE_MESSAGE))
    found = _profile_or_gone(code)
    if found is None:
        return _gone()
    return _render_profile(found, MeetingForm())


def _render_profile(found, form, status: int = 200, notice: str | None = None):
    employer = _employer()
    favourite = employer is not None and employer_accounts.is_favourite(db.session, employer, found)
    if employer is not None and request.method == "GET":
        form.name.data = form.name.data or employer.name
        form.company.data = form.company.data or employer.company_name
        form.email.data = form.email.data or employer.email
    return render_template("catalogue/profile.html", profile=found, form=form, favourite=favourite,
                           notice=notice), status


@bp.route("/<code>/ontmoeten", methods=["POST"])
def meet(code: str):
    """Send a request to meet the person; errors per field (422), confirmation page on success.

    Only accepted requests count toward CATALOGUE_MAX_REQUESTS_PER_HOUR (and per recipient): a visitor
    who corrects a field error a few times can still send. Every post counts toward the generous
    CATALOGUE_MAX_MEET_ATTEMPTS_PER_HOUR, against scripts. A request over the limit gets the form back
    as typed (429) with when they can send again and how to reach the service."""
    count_attempt("meet-attempt", "CATALOGUE_MAX_MEET_ATTEMPTS_PER_HOUR", message=flood_message())
    found = _profile_or_gone(code)
    if found is None:
        return _gone()
    form = MeetingForm()
    if not form.validate_on_submit():
        return _render_profile(found, form, 422)
    if form.website.data:
        # A honeypot filled in: a robot. Answer as if it worked, store nothing.
        log.info("honeypot filled on a meeting request; ignored")
        return redirect(url_for(".sent", code=found.code, _anchor="inhoud"))
    data = MeetingRequest(name=form.name.data or "", company=form.company.data or "", kvk=form.kvk.data or "",
                          email=form.email.data or "", phone=form.phone.data or "", message=form.message.data or "")
    # Per recipient too: nobody can flood one address with confirmations from many clients.
    recipient = None if meet_requests.check(data) else "mail:" + normalise_email(data.email)
    limits = [("meet-request", "CATALOGUE_MAX_REQUESTS_PER_HOUR", None)]
    if recipient is not None:
        limits.append(("meet-request-recipient", "CATALOGUE_MAX_REQUESTS_PER_RECIPIENT_PER_HOUR", recipient))
    for scope, config_key, key in limits:
        if (until := used_up(scope, config_key, key=key)) is not None:
            refused(scope, config_key, key=key)
            return _render_profile(found, form, 429, notice=flood_message(until))
    if not save(form, meet_requests.submit, db.session, found, data, user=_employer(), fallback="name",
                once=url_for(".sent", code=found.code, _anchor="inhoud")):
        return _render_profile(found, form, 422)
    for scope, _config_key, key in limits:
        accept(scope, key=key)
    return redirect(url_for(".sent", code=found.code, _anchor="inhoud"))


@bp.route("/<code>/verstuurd")
def sent(code: str):
    """What happens after a request: the team asks the job seeker, then contacts the employer.

    Counted like every catalogue page, and the same page for any code (it shows none): it tells
    nobody which codes exist."""
    limit_views("catalogue-profile", message=_(SCRAPE_MESSAGE))
    return render_template("catalogue/sent.html")
