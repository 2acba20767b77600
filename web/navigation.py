"""What each role can do: the entries of the navigation and the start pages, in one registry.

An entry appears only when its endpoint exists, so an area that is not installed shows no dead link.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from flask_login import current_user

from web.access import can


@dataclass(frozen=True)
class Entry:
    endpoint: str
    label: str
    description: str
    capability: str


ENTRIES: tuple[Entry, ...] = (
    Entry("employers.index", "Werkgevers", "Zoek werkgevers, bekijk hun tijdlijn en leg contactmomenten vast.", "register"),
    Entry("employers.follow_ups", "Mijn follow-ups", "Wat u moet opvolgen, en wat te laat is.", "register"),
    Entry("vacancies.index", "Vacatures", "Vacatures registreren, beoordelen en delen met partners.", "vacancies"),
    Entry("requests.index", "Verzoeken van werkgevers", "Werkgevers die iemand uit de catalogus willen ontmoeten.", "register"),
    Entry("candidates.index", "Kandidaten", "Dossiers, publicatie van anonieme profielen en toestemming.", "candidates"),
    Entry("candidates.my_caseload", "Mijn caseload", "Uw kandidaten, treden, te late evaluaties en wat afloopt.", "candidates"),
    Entry("candidates.caseloads_overview", "Caseloads", "Caseload per eigenaar tegen de grens; kandidaten herverdelen.", "candidates"),
    Entry("candidates.programmes", "Trajecten en participatiebanen", "Budget per aanbieder, resultaten, capaciteit en einddata.", "candidates"),
    Entry("candidates.outreach", "Outreach", "Mensen lang in de uitkering zonder dienstverlening benaderen; de trechter.", "candidates"),
    Entry("candidates.screening_routes", "Screeningsroutes", "De routes waarin uw organisatie mensen indeelt.", "caseload_admin"),
    Entry("matches.queue", "Te beoordelen suggesties", "Voorstellen van de matcher: voordragen of afwijzen met reden.", "matching"),
    Entry("placements.index", "Plaatsingen", "Wie is gestart, met welk instrument, en de waarde voor social return.", "placements"),
    Entry("sroi.index", "Social return", "Verplichtingen van opdrachtnemers en hun voortgang.", "register"),
    Entry("reports.index", "Rapportages", "Cijfers voor de raad: plaatsingen, uitstroom, social return, funnel.", "reports"),
    Entry("bouwblokken.index", "Bouwblokken", "Tabellen per regio voor de waarde van social return, in versies.", "reports"),
    Entry("bias.index", "Bias-monitor", "Komen leeftijdsgroepen en doelgroepen even vaak in de top 10 als onder de geschikten?", "reports"),
    Entry("taxonomy.index", "Vaardigheden en beroepen", "Beheer van de taxonomie en ongekoppelde woorden.", "taxonomy"),
    Entry("users.index", "Gebruikers", "Accounts en rollen van medewerkers.", "users"),
    Entry("privacy.audit_log", "Auditlog", "Wie bekeek of wijzigde welke gegevens, en beveiligingsgebeurtenissen.", "audit"),
    Entry("tokens.index", "API-tokens", "Toegang voor systemen van partners tot de partner-API.", "users"),
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


def init_navigation(app: Flask) -> None:
    """Make ``nav_entries()``, ``has_endpoint(name)`` and ``can(capability)`` available in templates."""
    app.jinja_env.globals["nav_entries"] = entries_for
    app.jinja_env.globals["can"] = can
    app.jinja_env.globals["has_endpoint"] = lambda name: name in current_app.view_functions
