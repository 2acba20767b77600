"""What the audit log shows instead of codes: a label per action and per kind of object, and the object's
name where the viewer (a coordinator or administrator of the same organisation) may see it."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Candidate,
    Employer,
    EmployerRequest,
    Placement,
    PublicProfile,
    SroiActivity,
    SroiObligation,
    User,
    Vacancy,
)
from models.taxonomy.concept import Concept

# Every action code written by audit.record (tests/test_audit_log.py checks the source against this list).
ACTION_LABELS = {
    "login": _l("Ingelogd"),
    "login_failed": _l("Inloggen mislukt"),
    "login_throttled": _l("Inloggen tijdelijk vertraagd"),
    "logout": _l("Uitgelogd"),
    "2fa_ok": _l("Tweede stap gelukt"),
    "2fa_failed": _l("Tweede stap mislukt"),
    "2fa_enrolled": _l("Tweede stap ingesteld"),
    "2fa_reset": _l("Tweede stap opnieuw ingesteld"),
    "enrolment_code_issued": _l("Inschrijfcode tweede stap uitgegeven"),
    "enrolment_code_failed": _l("Inschrijfcode tweede stap onjuist"),
    "access_denied": _l("Toegang geweigerd"),
    "user_created": _l("Account aangemaakt"),
    "user_enabled": _l("Account geactiveerd"),
    "user_disabled": _l("Account geblokkeerd"),
    "user_manage_denied": _l("Accountbeheer geweigerd"),
    "api_token_created": _l("API-sleutel aangemaakt"),
    "api_token_revoked": _l("API-sleutel ingetrokken"),
    "view_personal": _l("Persoonsgegevens bekeken"),
    "export": _l("Export gemaakt"),
    "import": _l("Bestand geïmporteerd"),
    "candidate_erased": _l("Kandidaat gewist"),
    "candidates_reassigned": _l("Kandidaten overgedragen"),
    "trajectory_added": _l("Traject toegevoegd"),
    "participatiebaan_started": _l("Participatiebaan gestart"),
    "outreach_selected": _l("Kandidaten geselecteerd voor benadering"),
    "profile_published": _l("Profiel gepubliceerd"),
    "profile_withdrawn": _l("Profiel ingetrokken"),
    "profiles_bulk_published": _l("Profielen in één keer gepubliceerd"),
    "employer_created": _l("Werkgever aangemaakt"),
    "employer_registered": _l("Werkgever heeft zich geregistreerd"),
    "request_candidate_asked": _l("Verzoek van werkgever: kandidaat gevraagd"),
    "request_answered": _l("Verzoek van werkgever: antwoord van de kandidaat vastgelegd"),
    "request_status_changed": _l("Verzoek van werkgever: status gewijzigd"),
    "follow_up_done": _l("Opvolging afgerond"),
    "calendar_feed_issued": _l("Agenda-adres voor follow-ups gemaakt"),
    "calendar_feed_revoked": _l("Agenda-adres voor follow-ups gestopt"),
    "vacancy_created": _l("Vacature aangemaakt"),
    "vacancy_submitted": _l("Vacature aangemeld door werkgever"),
    "vacancy_accepted": _l("Aangemelde vacature geaccepteerd"),
    "vacancy_rejected": _l("Aangemelde vacature afgewezen"),
    "vacancy_shared": _l("Vacature gedeeld met partner"),
    "vacancy_unshared": _l("Delen van vacature gestopt"),
    "vacancy_candidate_proposed": _l("Kandidaat voorgedragen door partner"),
    "placement_recorded": _l("Plaatsing vastgelegd"),
    "placement_linked": _l("Plaatsing gekoppeld aan social return"),
    "placement_unlinked": _l("Plaatsing losgekoppeld van social return"),
    "sroi_obligation_created": _l("Social-returnverplichting aangemaakt"),
    "sroi_activity_added": _l("Social-returnactiviteit vastgelegd"),
    "sroi_activity_proposed": _l("Social-returnactiviteit voorgesteld door opdrachtnemer"),
    "sroi_activity_approved": _l("Social-returnactiviteit goedgekeurd"),
    "sroi_activity_rejected": _l("Social-returnactiviteit afgewezen"),
    "contractor_access_granted": _l("Opdrachtnemer toegang gegeven"),
    "contractor_access_revoked": _l("Toegang opdrachtnemer ingetrokken"),
    "authority_access_granted": _l("Opdrachtgever toegang gegeven"),
    "authority_access_revoked": _l("Toegang opdrachtgever ingetrokken"),
    "building_block_saved": _l("Bouwblok opgeslagen"),
    "building_block_deleted": _l("Bouwblok verwijderd"),
    "building_block_version_created": _l("Nieuwe versie bouwblokkentabel"),
    "building_block_rules_saved": _l("Regels bouwblokkentabel opgeslagen"),
    "report_target_set": _l("Doel voor rapportage vastgesteld"),
    "taxonomy_concept_created": _l("Begrip toegevoegd aan de taxonomie"),
    "taxonomy_alias_added": _l("Synoniem toegevoegd"),
    "taxonomy_alias_removed": _l("Synoniem verwijderd"),
    "taxonomy_skill_linked": _l("Vaardigheid gekoppeld aan beroep"),
    "taxonomy_skill_unlinked": _l("Vaardigheid losgekoppeld van beroep"),
    "taxonomy_wording_linked": _l("Onbekende term gekoppeld"),
    "scrape_suspected": _l("Vermoedelijk leegtrekken van de catalogus"),
    "request_flood": _l("Te veel verzoeken"),
    "audit_pruned": _l("Oude auditgegevens opgeschoond"),
}

OBJECT_LABELS = {
    "Candidate": _l("Kandidaat"),
    "PublicProfile": _l("Openbaar profiel"),
    "Vacancy": _l("Vacature"),
    "Employer": _l("Werkgever"),
    "EmployerRequest": _l("Verzoek van werkgever"),
    "ContactMoment": _l("Contactmoment"),
    "Placement": _l("Plaatsing"),
    "SroiObligation": _l("Social-returnverplichting"),
    "SroiActivity": _l("Social-returnactiviteit"),
    "User": _l("Account"),
    "ApiToken": _l("API-sleutel"),
    "Concept": _l("Begrip"),
    "ImportRun": _l("Import"),
}

RESULT_LABELS = {"ok": _l("gelukt"), "denied": _l("geweigerd")}


def action_label(code: str) -> str:
    """The Dutch label of an action; an unknown (old) code is shown as it is."""
    return str(ACTION_LABELS.get(code, code))


def action_choices() -> list[tuple[str, str]]:
    """All actions for the filter, by label."""
    return sorted(((code, str(label)) for code, label in ACTION_LABELS.items()), key=lambda item: item[1].lower())


def _own(model, column):
    """Rows of ``model`` as (id, name), restricted to the organisation by ``model.organisation_id``."""
    def load(session: Session, organisation_id: int, ids: set[int]) -> dict[int, str]:
        query = select(model.id, column).where(model.id.in_(ids), model.organisation_id == organisation_id)
        return {row_id: str(name) for row_id, name in session.execute(query) if name}
    return load


def _activities(session: Session, organisation_id: int, ids: set[int]) -> dict[int, str]:
    query = (select(SroiActivity.id, SroiObligation.contract_name).join(SroiObligation, SroiActivity.obligation_id == SroiObligation.id)
             .where(SroiActivity.id.in_(ids), SroiObligation.organisation_id == organisation_id))
    return {row_id: str(name) for row_id, name in session.execute(query)}


def _placements(session: Session, organisation_id: int, ids: set[int]) -> dict[int, str]:
    # A placement is named after its employer and start date, never after the person placed.
    query = (select(Placement.id, Employer.name, Placement.start_date).join(Employer, Placement.employer_id == Employer.id)
             .where(Placement.id.in_(ids), Placement.organisation_id == organisation_id))
    return {row_id: f"{name}, {start:%d-%m-%Y}" for row_id, name, start in session.execute(query)}


def _concepts(session: Session, organisation_id: int, ids: set[int]) -> dict[int, str]:
    return {row_id: label for row_id, label in session.execute(select(Concept.id, Concept.label).where(Concept.id.in_(ids)))}


# How each kind of object is named: candidates by client number (the log is read inside the organisation,
# where staff know candidates by that number; names stay on the candidate page, whose views are logged).
NAMERS = {
    "Candidate": _own(Candidate, Candidate.external_id),
    "PublicProfile": _own(PublicProfile, PublicProfile.code),
    "Vacancy": _own(Vacancy, Vacancy.title),
    "Employer": _own(Employer, Employer.name),
    "EmployerRequest": _own(EmployerRequest, EmployerRequest.company),  # the asking company, never the candidate
    "User": _own(User, User.email),
    "SroiObligation": _own(SroiObligation, SroiObligation.contract_name),
    "SroiActivity": _activities,
    "Placement": _placements,
    "Concept": _concepts,
}


def object_names(session: Session, organisation_id: int, events) -> dict[tuple[str, int], str]:
    """{(object type, id): name} for the objects of ``events`` that still exist in the organisation."""
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.object_type in NAMERS and event.object_id is not None:
            wanted.setdefault(event.object_type, set()).add(event.object_id)
    names: dict[tuple[str, int], str] = {}
    for kind, ids in wanted.items():
        names.update({(kind, row_id): name for row_id, name in NAMERS[kind](session, organisation_id, ids).items()})
    return names


def object_label(kind: str | None) -> str:
    return str(OBJECT_LABELS.get(kind, kind or ""))



PAGE_LABELS = {
    "record": _l("dossier"),
    "profile": _l("openbaar profiel"),
    "edit": _l("bewerken"),
    "suggestions": _l("suggesties"),
    "suggestions_left_out": _l("overige kandidaten"),
    "vacancies_for_candidate": _l("vacatures voor de kandidaat"),
    "request_answer": _l("antwoord op verzoek van werkgever"),
}


def status_label(code: str) -> str:
    """The label of an employer request's status (the step a ``request_status_changed`` event made)."""
    from web.catalogue.requests.forms import STATUS_LABELS

    return str(STATUS_LABELS.get(code, code))


def page_label(page) -> str:
    """Which page(s) showed the personal data: one code or, for a merged view, several."""
    pages = page if isinstance(page, list) else [page]
    return ", ".join(str(PAGE_LABELS.get(p, p)) for p in pages)
