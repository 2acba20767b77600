"""What an employer account keeps: favourite profiles, saved searches and their new matches."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from models.accounts import users
from models.accounts.user import User
from models.base import utcnow
from models.catalogue.browse import Filters, search
from models.catalogue.employer_request import EmployerRequest
from models.catalogue.profile import Favourite, PublicProfile, SavedSearch
from models.common.errors import N_, InvalidInput
from models.common.system import OutboxMessage
from models.enums import ProfileStatus, Role

log = logging.getLogger("werkbrug")

MAX_SAVED_SEARCHES = 10


WELCOME_SUBJECT = "Uw werkgeversaccount bij Werkbrug"
WELCOME_BODY = """Welkom bij Werkbrug.

Uw werkgeversaccount is aangemaakt. U kunt nu inloggen met dit e-mailadres en het wachtwoord dat u
koos. Heeft u geen account aangemaakt? Neem dan contact op met het werkgeversservicepunt.
"""
EXISTING_SUBJECT = "Poging om een account aan te maken met uw e-mailadres"
EXISTING_BODY = """Iemand probeerde op Werkbrug een werkgeversaccount aan te maken met dit e-mailadres.
Er bestaat al een account met dit adres, dus er is niets veranderd.

Was u dat zelf? Log dan in met uw bestaande account, of vraag een nieuw wachtwoord aan via
"Wachtwoord vergeten" op de inlogpagina. Was u het niet, dan kunt u dit bericht negeren.
"""


def register(session: Session, *, email: str, password: str, name: str, company_name: str) -> User | None:
    """Create an employer account and queue a welcome mail; raises InvalidInput naming every bad field.

    For an address that already has an account nothing is created and no error names the address
    (that would tell anyone which addresses exist): the owner gets an e-mail instead and the
    result is None. Callers answer both cases with the same page.
    """
    errors = {}
    if not company_name.strip():
        errors["company_name"] = N_("Vul de naam van uw bedrijf in.")
    try:
        existing = users.user_by_email(session, users.normalise_email(email))
    except InvalidInput:
        existing = None
    if existing is not None:
        problems = {**errors, **_other_problems(name, password)}
        if problems:
            raise InvalidInput(problems)
        users.hash_password(password)  # the same work as a new account: no timing difference
        session.add(OutboxMessage(to_address=existing.email, subject=EXISTING_SUBJECT, body=EXISTING_BODY))
        log.info("registration attempted for an existing account; the owner was mailed")
        return None
    try:
        user = users.create_user(session, email=email, name=name, role=Role.EMPLOYER,
                                    password=password, company_name=company_name.strip()[:200])
    except InvalidInput as exc:
        raise InvalidInput({**exc.errors, **errors})
    if errors:
        raise InvalidInput(errors)
    session.add(OutboxMessage(to_address=user.email, subject=WELCOME_SUBJECT, body=WELCOME_BODY))
    return user


def _other_problems(name: str, password: str) -> dict[str, str]:
    errors = {}
    if not name.strip():
        errors["name"] = N_("Vul een naam in.")
    if problem := users.password_problem(password, staff=False):
        errors["password"] = problem
    return errors


def is_favourite(session: Session, user: User, profile: PublicProfile) -> bool:
    """True when ``user`` starred ``profile``."""
    return session.scalar(select(Favourite.id).where(
        Favourite.user_id == user.id, Favourite.profile_id == profile.id)) is not None


def toggle_favourite(session: Session, user: User, profile: PublicProfile) -> bool:
    """Star or unstar a published profile; returns whether it is now a favourite."""
    if is_favourite(session, user, profile):
        session.execute(delete(Favourite).where(Favourite.user_id == user.id, Favourite.profile_id == profile.id))
        return False
    if profile.status != ProfileStatus.PUBLISHED:
        raise InvalidInput({"profile": N_("Dit profiel is niet meer beschikbaar.")})
    session.add(Favourite(user_id=user.id, profile_id=profile.id))
    session.flush()
    return True


def favourites(session: Session, user: User) -> list[PublicProfile]:
    """The user's starred profiles that are still published, most recently starred first."""
    return list(session.scalars(
        select(PublicProfile).join(Favourite, Favourite.profile_id == PublicProfile.id)
        .where(Favourite.user_id == user.id, PublicProfile.status == ProfileStatus.PUBLISHED)
        .order_by(Favourite.created_at.desc(), Favourite.id.desc())
    ))


def saved_searches(session: Session, user: User) -> list[SavedSearch]:
    """The user's saved searches, by name."""
    return list(session.scalars(select(SavedSearch).where(SavedSearch.user_id == user.id).order_by(SavedSearch.name)))


def save_search(session: Session, user: User, name: str, query_string: str, total: int) -> SavedSearch:
    """Keep a search (name + query string); queues a notice saying how many profiles fit today."""
    errors = {}
    if not name.strip():
        errors["name"] = N_("Geef de zoekopdracht een naam.")
    if len(query_string) > 1000:
        errors["name"] = N_("Deze zoekopdracht is te lang om te bewaren.")
    if len(saved_searches(session, user)) >= MAX_SAVED_SEARCHES:
        errors["name"] = N_("U kunt hoogstens %(max_saved_searches)s zoekopdrachten bewaren.",
                            max_saved_searches=MAX_SAVED_SEARCHES)
    if errors:
        raise InvalidInput(errors)
    saved = SavedSearch(user_id=user.id, name=name.strip()[:100], query_string=query_string, last_seen_at=utcnow())
    session.add(saved)
    session.flush()
    _notify(session, user, saved, total, "passen nu bij")
    return saved


@dataclass
class NewMatches:
    saved: SavedSearch
    total: int
    profiles: list[PublicProfile]


def new_matches(session: Session, user: User, filters_for: Callable[[str], Filters]) -> list[NewMatches]:
    """Profiles published since each saved search's last alert (reads only: a GET writes nothing)."""
    found = []
    for saved in saved_searches(session, user):
        filters = replace(filters_for(saved.query_string), published_since=saved.last_seen_at, sort="newest")
        page = search(session, filters, per_page=5)
        if page.total:
            found.append(NewMatches(saved, page.total, page.profiles))
    return found


def send_alerts(session: Session, filters_for: Callable[[str], Filters]) -> int:
    """Queue one e-mail per saved search with profiles published since its last alert and move its
    mark to now (the saved-search-alerts duty); returns how many were queued."""
    now, sent = utcnow(), 0
    for saved, user in session.execute(select(SavedSearch, User).join(User, User.id == SavedSearch.user_id)
                                       .where(User.active.is_(True)).order_by(SavedSearch.id)).all():
        filters = replace(filters_for(saved.query_string), published_since=saved.last_seen_at, sort="newest")
        total = search(session, filters, per_page=1).total
        if total:
            _notify(session, user, saved, total, "zijn nieuw voor")
            sent += 1
        saved.last_seen_at = now
    return sent


def _notify(session: Session, user: User, saved: SavedSearch, count: int, verb: str) -> None:
    session.add(OutboxMessage(
        to_address=user.email, subject=f"Werkbrug: {count} profielen {verb} '{saved.name}'",
        body=(f"{count} profielen {verb} uw zoekopdracht '{saved.name}'.\n"
              "Bekijk ze op Werkbrug onder 'Mijn account'.\n"),
    ))
    log.info("saved search %d: %d matching profiles, notice queued", saved.id, count)


def own_requests(session: Session, user: User) -> list[EmployerRequest]:
    """Requests the employer sent while signed in, newest first."""
    return list(session.scalars(
        select(EmployerRequest).options(selectinload(EmployerRequest.profile)).where(EmployerRequest.user_id == user.id)
        .order_by(EmployerRequest.created_at.desc(), EmployerRequest.id.desc())
    ))
