"""What each role can do: the entries of the navigation and the start pages, in one registry.

An entry appears only when its endpoint exists, so an area that is not installed shows no dead link.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from web.access import can


@dataclass(frozen=True)
class Entry:
    endpoint: str
    label: str  # lazy translations: str() in the request's language
    description: str
    capability: str
    group: str  # a key of GROUPS: where the entry sits in the menu


# The menu groups entries per task, in this order (a group shows only when it has an entry).
GROUPS: tuple[tuple[str, str], ...] = (
    ("register", _l("Werkgevers")),
    ("candidates", _l("Kandidaten")),
    ("matching", _l("Matching")),
    ("sroi", _l("Social return")),
    ("reports", _l("Rapportages")),
    ("admin", _l("Beheer")),
)


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    entries: list[Entry]


ENTRIES: tuple[Entry, ...] = (
    Entry("employers.index", _l("Werkgevers"), _l("Zoek werkgevers, bekijk hun tijdlijn en leg contactmomenten vast."), "register", "register"),
    Entry("employers.follow_ups", _l("Mijn follow-ups"), _l("Wat u moet opvolgen, en wat te laat is."), "register", "register"),
    Entry("employers.sectors_to_assign", _l("Sectoren toewijzen"), _l("Werkgevers met een sector die niet in de vaste lijst past."), "register_admin", "register"),
    Entry("employers.follow_ups_week", _l("Follow-ups per week"), _l("De week van uzelf, een collega of het team, dag voor dag."), "register", "register"),
    Entry("vacancies.index", _l("Vacatures"), _l("Vacatures registreren, beoordelen en delen met partners."), "vacancies", "register"),
    Entry("requests.index", _l("Verzoeken van werkgevers"), _l("Werkgevers die iemand uit de catalogus willen ontmoeten."), "register", "register"),
    Entry("candidates.index", _l("Kandidaten"), _l("Dossiers, publicatie van anonieme profielen en toestemming."), "candidates", "candidates"),
    Entry("candidates.my_caseload", _l("Mijn caseload"), _l("Uw kandidaten, treden, te late evaluaties en wat afloopt."), "candidates", "candidates"),
    Entry("candidates.caseloads_overview", _l("Caseloads"), _l("Caseload per eigenaar tegen de grens; kandidaten herverdelen."), "candidates", "candidates"),
    Entry("candidates.programmes", _l("Trajecten en participatiebanen"), _l("Budget per aanbieder, resultaten, capaciteit en einddata."), "candidates", "candidates"),
    Entry("candidates.outreach", _l("Outreach"), _l("Mensen lang in de uitkering zonder dienstverlening benaderen; de trechter."), "candidates", "candidates"),
    Entry("candidates.screening_routes", _l("Screeningsroutes"), _l("De routes waarin uw organisatie mensen indeelt."), "caseload_admin", "candidates"),
    Entry("matches.queue", _l("Te beoordelen suggesties"), _l("Voorstellen van de matcher: voordragen of afwijzen met reden."), "matching", "matching"),
    Entry("placements.index", _l("Plaatsingen"), _l("Wie is gestart, met welk instrument, en de waarde voor social return."), "placements", "sroi"),
    Entry("sroi.index", _l("Social return"), _l("Verplichtingen van opdrachtnemers en hun voortgang."), "register", "sroi"),
    Entry("reports.index", _l("Rapportages"), _l("Cijfers voor de raad: plaatsingen, uitstroom, social return, funnel."), "reports", "reports"),
    Entry("bouwblokken.index", _l("Bouwblokken"), _l("Tabellen per regio voor de waarde van social return, in versies."), "reports", "sroi"),
    Entry("bias.index", _l("Bias-monitor"), _l("Komen leeftijdsgroepen en doelgroepen even vaak in de top 10 als onder de geschikten?"), "reports", "matching"),
    Entry("taxonomy.index", _l("Vaardigheden en beroepen"), _l("Beheer van de taxonomie en ongekoppelde woorden."), "taxonomy", "matching"),
    Entry("users.index", _l("Gebruikers"), _l("Accounts en rollen van medewerkers."), "users", "admin"),
    Entry("privacy.audit_log", _l("Auditlog"), _l("Wie bekeek of wijzigde welke gegevens, en beveiligingsgebeurtenissen."), "audit", "admin"),
    Entry("outbox.index", _l("Uitgaande e-mail"), _l("Verzonden, wachtende en mislukte berichten; mislukte opnieuw versturen."), "audit", "admin"),
    Entry("tokens.index", _l("API-tokens"), _l("Toegang voor systemen van partners tot de partner-API."), "users", "admin"),
)

ROLE_START = {
    "account_manager": "start.account_manager",
    "matcher": "start.matcher",
    "coordinator": "start.coordinator",
    "admin": "start.admin",
    "employer": "employer_account.index",
}


def entries_for(user=None) -> list[Entry]:
    """The installed entries that ``user`` (default: current user) may open."""
    user = user or current_user
    views = current_app.view_functions
    return [e for e in ENTRIES if e.endpoint in views and can(e.capability, user)]


def groups_for(user=None) -> list[Group]:
    """The menu of ``user``: the entries it may open, grouped per task, empty groups left out."""
    entries = entries_for(user)
    return [Group(key, str(label), [e for e in entries if e.group == key]) for key, label in GROUPS
            if any(e.group == key for e in entries)]


def init_navigation(app: Flask) -> None:
    """Make ``nav_entries()``, ``nav_groups()``, ``has_endpoint(name)`` and ``can(capability)`` available
    in templates."""
    app.jinja_env.globals["nav_entries"] = entries_for
    app.jinja_env.globals["nav_groups"] = groups_for
    app.jinja_env.globals["can"] = can
    app.jinja_env.globals["has_endpoint"] = lambda name: name in current_app.view_functions
