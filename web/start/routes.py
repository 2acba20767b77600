"""Start pages per role; every staff member lands on the one of their role after signing in."""
from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_babel import ngettext
from flask_login import current_user, login_required

from models.common import clock
from models.common.waiting import waiting
from web.access import requires
from web.extensions import db
from web.navigation import ROLE_START, entries_for

ROLE_TITLES = {
    "account_manager": "Accountmanager",
    "matcher": "Matcher",
    "coordinator": "Coördinator",
    "admin": "Beheerder",
}


@login_required
def home():
    """Send a signed-in user to the start page of their role (employers to the catalogue)."""
    endpoint = ROLE_START.get(current_user.role.value)
    return redirect(url_for(endpoint) if endpoint else url_for("public.home"))


def _waiting_text(endpoint: str, count: int) -> str:
    if endpoint == "matches.queue":
        return ngettext("%(num)d vacature met nieuwe suggesties", "%(num)d vacatures met nieuwe suggesties", count)
    if endpoint == "employers.follow_ups":
        return ngettext("%(num)d follow-up voor vandaag of te laat", "%(num)d follow-ups voor vandaag of te laat", count)
    if endpoint == "requests.index":
        return ngettext("%(num)d nieuw verzoek", "%(num)d nieuwe verzoeken", count)
    return ngettext("%(num)d aangemelde vacature te beoordelen", "%(num)d aangemelde vacatures te beoordelen", count)


def _render(role: str):
    """The role's areas as cards; beside an area, what waits there for this person (models.common.waiting)."""
    entries = entries_for()
    counts = waiting(db.session, current_user, clock.today(), [e.endpoint for e in entries])
    notes = {endpoint: (_waiting_text(endpoint, count), url_for(target)) for endpoint, (count, target) in counts.items()}
    return render_template("start/start.html", role_title=ROLE_TITLES[role], entries=entries, waiting=notes)


@requires("register")
def account_manager():
    """Start page of the employer contact team."""
    return _render("account_manager")


@requires("matching")
def matcher():
    """Start page of matchers (job hunters)."""
    return _render("matcher")


@requires("reports")
def coordinator():
    """Start page of coordinators."""
    return _render("coordinator")


@requires("system")
def admin():
    """Start page of the installation's administrators."""
    return _render("admin")
