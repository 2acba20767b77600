"""Finding what people should be told, and telling them once: in Werkbrug, and by e-mail as each chose.

``collect`` looks at the data as it is (new employer requests, proposals waiting, follow-ups due today, new
suggestions, consents about to end) instead of hooking every place that changes it, so a notice cannot be
missed by a code path that forgot to send one; the unique ``key`` per person makes running it again harmless.
It runs every few minutes as a periodic job and as ``flask notifications collect``."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.candidates.candidate import Candidate
from models.catalogue.employer_request import EmployerRequest
from models.common.clock import zone
from models.common.errors import N_
from models.common.system import OutboxMessage
from models.enums import ActivityStatus, CandidateStatus, RequestStatus, SuggestionStatus, VacancyStatus
from models.matches.suggestion import Suggestion
from models.register.contact import ContactMoment
from models.sroi.obligation import SroiActivity, SroiObligation
from models.vacancies.vacancy import Vacancy

from .kinds import CONSENT_NOTICE_DAYS, DIGEST, KINDS, MAIL
from .notification import Notification, NotificationSetting


@dataclass(frozen=True)
class Notice:
    user_id: int
    kind: str
    key: str
    title: str
    object_id: int | None = None


def _staff(session: Session, organisation_id: int, kind: str) -> list[int]:
    """The active staff of the organisation who receive ``kind``; asked once per run (kept in session.info)."""
    cache = session.info.setdefault("notification_staff", {})
    if (organisation_id, kind) not in cache:
        cache[(organisation_id, kind)] = list(session.scalars(select(User.id).where(
            User.organisation_id == organisation_id, User.active.is_(True), User.role.in_(KINDS[kind].roles))))
    return cache[(organisation_id, kind)]


def _requests(session: Session) -> Iterator[Notice]:
    for request in session.scalars(select(EmployerRequest).where(EmployerRequest.status == RequestStatus.NEW)):
        for user_id in _staff(session, request.organisation_id, "request_new"):
            yield Notice(user_id, "request_new", f"request:{request.id}",
                         N_("Nieuw verzoek van %(company)s om kennis te maken met een kandidaat",
                            company=request.company), request.id)


def _questions(session: Session) -> Iterator[Notice]:
    """A request routed to a candidate's owner ("vraag de kandidaat") and not answered yet."""
    query = select(EmployerRequest).where(EmployerRequest.asked_user_id.is_not(None),
                                          EmployerRequest.answered_at.is_(None))
    for request in session.scalars(query):
        yield Notice(request.asked_user_id, "candidate_question", f"question:{request.id}",
                     N_("%(company)s wil kennismaken met een van uw kandidaten: vraag het de kandidaat",
                        company=request.company), request.id)


def _proposals(session: Session) -> Iterator[Notice]:
    query = (select(SroiActivity.id, SroiObligation.id, SroiObligation.organisation_id, SroiObligation.contract_name)
             .join(SroiObligation, SroiActivity.obligation_id == SroiObligation.id)
             .where(SroiActivity.status == ActivityStatus.PROPOSED))
    for activity_id, obligation_id, organisation_id, contract in session.execute(query):
        for user_id in _staff(session, organisation_id, "sroi_proposal"):
            yield Notice(user_id, "sroi_proposal", f"sroi:{activity_id}",
                         N_("Een opdrachtnemer stelde een activiteit voor bij “%(contract)s”", contract=contract),
                         obligation_id)


def _follow_ups(session: Session, today: date) -> Iterator[Notice]:
    query = (select(ContactMoment).where(ContactMoment.follow_up_on == today, ContactMoment.follow_up_done_at.is_(None),
                                         ContactMoment.follow_up_owner_id.is_not(None)))
    for moment in session.scalars(query):
        yield Notice(moment.follow_up_owner_id, "follow_up_due", f"follow_up:{moment.id}:{today.isoformat()}",
                     N_("Vandaag opvolgen bij %(employer)s", employer=moment.employer.name), moment.employer_id)


def _suggestions(session: Session, today: date) -> Iterator[Notice]:
    """One notice a day per person while new suggestions arrived that day (leads to the review queue)."""
    # the local midnight in UTC: SQLite keeps the UTC wall time of created_at and compares a bound
    # Amsterdam time by its wall time too, which missed what came in during the first local hour(s)
    since = datetime.combine(today, time.min, zone()).astimezone(UTC)
    query = (select(Suggestion.organisation_id, func.count(func.distinct(Suggestion.vacancy_id)))
             .join(Vacancy, Vacancy.id == Suggestion.vacancy_id)
             .where(Suggestion.status == SuggestionStatus.NEW, Suggestion.created_at >= since,
                    Vacancy.status == VacancyStatus.OPEN)
             .group_by(Suggestion.organisation_id))
    for organisation_id, vacancies in session.execute(query):
        for user_id in _staff(session, organisation_id, "suggestions_new"):
            yield Notice(user_id, "suggestions_new", f"suggestions:{organisation_id}:{today.isoformat()}",
                         N_("Nieuwe suggesties vandaag voor %(count)s vacature(s): te beoordelen", count=vacancies))


def _consents(session: Session, today: date) -> Iterator[Notice]:
    query = select(Candidate).where(
        Candidate.status == CandidateStatus.ACTIVE, Candidate.publish_consent.is_(True),
        Candidate.consent_until.between(today, today + timedelta(days=CONSENT_NOTICE_DAYS)))
    for candidate in session.scalars(query):
        owners = [candidate.owner_id] if candidate.owner_id else _staff(session, candidate.organisation_id,
                                                                          "consent_ending")
        for user_id in owners:
            yield Notice(user_id, "consent_ending", f"consent:{candidate.id}:{candidate.consent_until.isoformat()}",
                         N_("Toestemming van kandidaat %(number)s loopt af op %(date)s",
                            number=candidate.external_id, date=f"{candidate.consent_until:%d-%m-%Y}"), candidate.id)


def channel(settings: dict[tuple[int, str], str], user_id: int, kind: str) -> str:
    return settings.get((user_id, kind), KINDS[kind].default)


def collect(session: Session, today: date, now: datetime, base_url: str) -> int:
    """Add the notices not given yet and send the per-event e-mails; returns how many notices were added."""
    session.info.pop("notification_staff", None)  # staff may have changed since the last run
    found = [*_requests(session), *_questions(session), *_proposals(session), *_follow_ups(session, today), *_suggestions(session, today),
             *_consents(session, today)]
    if not found:
        return 0
    given = set(session.execute(select(Notification.user_id, Notification.key).where(
        Notification.user_id.in_({n.user_id for n in found}))).all())
    settings = {(s.user_id, s.kind): s.channel for s in session.scalars(select(NotificationSetting))}
    added: list[Notification] = []
    for notice in found:
        if (notice.user_id, notice.key) in given:
            continue
        given.add((notice.user_id, notice.key))
        title = getattr(notice.title, "msgid", notice.title)
        values = {k: str(v) for k, v in getattr(notice.title, "values", {}).items()}
        item = Notification(user_id=notice.user_id, kind=notice.kind, key=notice.key, title=title[:300],
                            title_values=values,
                            object_id=notice.object_id, created_at=now)
        session.add(item)
        added.append(item)
    mail_now = [n for n in added if channel(settings, n.user_id, n.kind) == MAIL]
    _mail(session, mail_now, now, base_url)
    session.flush()
    return len(added)


def digest(session: Session, now: datetime, base_url: str) -> int:
    """One e-mail per person with the notices of the digest kinds not mailed yet; returns how many were sent."""
    settings = {(s.user_id, s.kind): s.channel for s in session.scalars(select(NotificationSetting))}
    waiting = [n for n in session.scalars(select(Notification).where(
        Notification.mailed_at.is_(None), Notification.read_at.is_(None)).order_by(Notification.id))
        if channel(settings, n.user_id, n.kind) == DIGEST]
    return _mail(session, waiting, now, base_url, daily=True)


def _mail(session: Session, notices: list[Notification], now: datetime, base_url: str, daily: bool = False) -> int:
    """Queue one message per person in the outbox. The e-mail names only the kinds and their number, never
    what a notice is about: the details wait behind the sign-in."""
    per_user: dict[int, list[Notification]] = {}
    for notice in notices:
        per_user.setdefault(notice.user_id, []).append(notice)
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(per_user)))} if per_user else {}
    for user_id, items in per_user.items():
        user = users.get(user_id)
        if user is None or not user.active:
            continue
        counts: dict[str, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        lines = "\n".join(f"- {KINDS[kind].label}: {count}" for kind, count in counts.items())
        subject = "Werkbrug: uw meldingen van vandaag" if daily else "Werkbrug: nieuwe melding"
        body = (f"Beste {user.name},\n\nEr {'zijn' if len(items) > 1 else 'is'} in Werkbrug "
                f"{len(items)} nieuwe melding{'en' if len(items) > 1 else ''} voor u:\n{lines}\n\n"
                f"Bekijk ze na inloggen: {base_url.rstrip('/')}/meldingen\n\n"
                "Welke meldingen u per e-mail krijgt, kiest u onder Meldingen > Instellingen.\n")
        session.add(OutboxMessage(organisation_id=user.organisation_id, to_address=user.email,
                                  subject=subject, body=body))
        for item in items:
            item.mailed_at = now
    session.flush()
    return len(per_user)
