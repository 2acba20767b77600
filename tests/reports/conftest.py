"""Hand-computed fixtures for the reports: placements around period boundaries, a funnel, candidates."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models import Placement, Suggestion, Vacancy
from models.common import clock
from models.enums import CandidateStatus, Channel, ContractType, Instrument, Outflow
from models.enums import SuggestionStatus as S
from models.register.contact import ContactMoment

AFTER_2026 = date(2027, 1, 15)  # a day by which every 2026 placement of the fixtures has started


@pytest.fixture
def make_placement(db, org, make_employer):
    employer = {}

    def make(organisation=None, **kw) -> Placement:
        organisation = organisation or org
        if organisation.id not in employer:
            employer[organisation.id] = make_employer(organisation)
        values = dict(start_date=date(2026, 1, 10), hours_per_week=24, contract_type=ContractType.TEMPORARY,
                      instrument=Instrument.REGULAR)
        values.update(kw)
        placement = Placement(organisation_id=organisation.id, employer_id=employer[organisation.id].id, **values)
        db.session.add(placement)
        db.session.commit()
        return placement
    return make


@pytest.fixture
def placements_2026(make_placement, other_org, make_candidate):
    """Own: 3 started in 2026 (one ended early), one spanning 2025→2026; partner: one in 2026.

    The clock stands at 15 January 2027, so that all of them (the last starts on 31 December) have started.
    """
    candidate = make_candidate(external_id="K-77001")
    with clock.frozen(AFTER_2026):
        yield [
            make_placement(candidate_id=candidate.id, target_group="participatiewet", age_at_start=55,
                           outflow=Outflow.FULL, outflow_on=date(2026, 2, 1)),
            make_placement(start_date=date(2025, 12, 15), end_date=date(2026, 6, 30), target_group="participatiewet",
                           outflow=Outflow.PARTIAL, outflow_on=date(2026, 1, 5)),
            make_placement(start_date=date(2026, 3, 1), end_date=date(2026, 12, 31), ended_early_on=date(2026, 4, 1),
                           instrument=Instrument.WEP, contract_type=ContractType.PERMANENT, target_group="banenafspraak",
                           statushouder=True, age_at_start=30),
            make_placement(start_date=date(2026, 12, 31), instrument=Instrument.PARTICIPATIEBAAN),
            make_placement(organisation=other_org, start_date=date(2026, 5, 1)),
        ]


@pytest.fixture
def funnel_2026(db, org, other_org, make_candidate, make_employer):
    """Five suggestions made in January 2026 (hand-computed steps and days) and one of the partner."""
    employer = make_employer()
    vacancy = Vacancy(organisation_id=org.id, employer_id=employer.id, title="Orderpicker")
    db.session.add(vacancy)
    db.session.flush()
    made = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def step(status, days, **extra):
        return {"status": status, "at": (made + timedelta(days=days)).isoformat(timespec="seconds"), **extra}

    specs = [
        (S.HIRED, None, [step("proposed", 1), step("introduced", 3), step("interview", 5), step("hired", 10)]),
        (S.REJECTED, "hours", [step("rejected", 1, reason="hours")]),
        (S.REJECTED, "skills", [step("proposed", 2), step("rejected", 4, reason="skills")]),
        (S.NEW, None, []),
        (S.NOT_HIRED, "employer_chose_other", []),
    ]
    for status, reason, history in specs:
        candidate = make_candidate()
        suggestion = Suggestion(vacancy_id=vacancy.id, candidate_id=candidate.id, organisation_id=org.id,
                                score=0.5, status=status, reject_reason=reason, history=history, created_at=made)
        for entry in history:  # as the review service records each step it reaches
            suggestion.mark_reached(entry["status"], datetime.fromisoformat(entry["at"]))
        db.session.add(suggestion)
    partner = make_candidate(other_org)
    db.session.add(Suggestion(vacancy_id=vacancy.id, candidate_id=partner.id, organisation_id=other_org.id,
                              score=0.5, status=S.HIRED, history=[], created_at=made))
    db.session.commit()


@pytest.fixture
def candidates_today(make_candidate, other_org, make_user, org):
    """Own active: two on rung 3 (one assessed too long ago), one never assessed; one inactive; a partner's."""
    today = clock.today()
    matcher = make_user("matcher", name="Mira Matcher")
    make_candidate(ladder=3, ladder_assessed_on=today - timedelta(days=30), plan_updated_on=today - timedelta(days=10),
                   education="mbo2", hours_min=24, hours_max=32, available_from=today, owner_id=matcher.id,
                   external_id="K-10001")
    make_candidate(ladder=3, ladder_assessed_on=today - timedelta(days=400), owner_id=matcher.id, external_id="K-10002")
    make_candidate(external_id="K-10003")
    make_candidate(ladder=5, status=CandidateStatus.INACTIVE, external_id="K-10004")
    make_candidate(other_org, ladder=6, external_id="K-20001")
    return matcher


@pytest.fixture
def contacts_2026(db, org, other_org, make_employer, make_user):
    """Three moments in March 2026 by Anna, one by Bram, one in April; an overdue and a done follow-up."""
    anna, bram = make_user("account_manager", name="Anna"), make_user("account_manager", name="Bram")
    e1 = make_employer(created_at=datetime(2026, 3, 15, 12, tzinfo=UTC))
    e2 = make_employer(created_at=datetime(2025, 6, 1, 12, tzinfo=UTC))
    theirs = make_employer(other_org)

    def moment(employer, author, on, channel=Channel.PHONE, organisation=org, **kw):
        db.session.add(ContactMoment(organisation_id=organisation.id, employer_id=employer.id, author_id=author.id,
                                     channel=channel, occurred_on=on, subject="Gesprek", **kw))

    moment(e1, anna, date(2026, 3, 2))
    moment(e1, anna, date(2026, 3, 3), follow_up_on=date(2026, 3, 10), follow_up_owner_id=anna.id)
    moment(e2, anna, date(2026, 3, 4), Channel.VISIT, follow_up_on=date(2026, 3, 10), follow_up_owner_id=bram.id,
           follow_up_done_at=datetime(2026, 3, 9, tzinfo=UTC))
    moment(e2, bram, date(2025, 11, 20))  # e2's first contact: it is not a new employer in 2026
    moment(e2, bram, date(2026, 3, 31), Channel.EMAIL)
    moment(e2, bram, date(2026, 4, 1))
    moment(theirs, bram, date(2026, 3, 5), organisation=other_org)
    db.session.commit()
    return anna, bram
