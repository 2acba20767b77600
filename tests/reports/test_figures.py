"""Report figures against hand-computed fixtures, including boundaries, ended placements and no ladder."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from models import Suggestion, Vacancy
from models.common import clock
from models.enums import SuggestionStatus as S
from models.reports import parse_period, scope_org_ids
from models.reports.candidates import candidate_report
from models.reports.contacts import contact_report
from models.reports.funnel import funnel_report
from models.reports.placements import banenafspraak_figure, placement_figures

YEAR_2026 = {"periode": "year", "jaar": "2026"}


def bars(figure) -> dict:
    return {b.code: b.value for b in figure.bars}


def test_placements_count_in_the_period_they_start_in(db, org, placements_2026):
    period = parse_period(YEAR_2026, date(2026, 6, 1))
    months, instruments, groups, contracts, outflow, outflow_hours = placement_figures(db.session, [org.id], period)
    assert months.total == 3  # the one spanning 2025→2026 counts in 2025; the ended one still counts
    assert bars(months)["2026-01"] == 1 and bars(months)["2026-03"] == 1 and bars(months)["2026-12"] == 1
    assert len(months.bars) == 12
    assert bars(instruments) == {"regular": 1, "wep": 1, "participatiebaan": 1, "proefplaatsing": 0, "bbl": 0,
                                 "secondment": 0, "sheltered": 0}
    assert bars(contracts) == {"temporary": 2, "permanent": 1}
    g = bars(groups)
    assert (g["participatiewet"], g["banenafspraak"], g["unknown"], g["50plus"], g["statushouder"]) == (1, 1, 1, 1, 1)
    # outflow is counted on its own date: the 2025 placement flowed out partly in January 2026
    assert bars(outflow) == {"full": 1, "partial": 1}
    assert bars(outflow_hours) == {"fulltime": 0, "parttime": 2}  # both at 24 hours a week


def test_2025_sees_the_boundary_placement(db, org, placements_2026):
    period = parse_period({"periode": "month", "jaar": "2025", "maand": "12"}, date(2026, 6, 1))
    months = placement_figures(db.session, [org.id], period)[0]
    assert months.total == 1 and months.bars[0].label == "dec 2025"


def test_region_scope_adds_partners_but_own_scope_never(db, org, other_org, make_org, placements_2026):
    period = parse_period(YEAR_2026, date(2026, 6, 1))
    far = make_org("elders", "Gemeente Elders")
    far.region = "Twente"
    db.session.commit()
    assert scope_org_ids(db.session, org.id, "own") == [org.id]
    assert set(scope_org_ids(db.session, org.id, "region")) == {org.id, other_org.id}
    assert far.id not in scope_org_ids(db.session, org.id, "region")
    assert placement_figures(db.session, scope_org_ids(db.session, org.id, "region"), period)[0].total == 4
    assert placement_figures(db.session, [other_org.id], period)[0].total == 1


def test_banenafspraak_against_the_yearly_target(db, org, placements_2026):
    period = parse_period(YEAR_2026, date(2026, 6, 1))
    figure = banenafspraak_figure(db.session, [org.id], period, {2026: 10})
    # the only register placement is a work-experience place: not a paid job, so no banenafspraak job
    assert bars(figure) == {"2026": 0.0} and figure.target == 10
    assert banenafspraak_figure(db.session, [org.id], period, None).target is None


def test_funnel_steps_conversion_and_median_days(db, org, funnel_2026):
    period = parse_period({"periode": "quarter", "jaar": "2026", "kwartaal": "1"}, date(2026, 6, 1))
    report = funnel_report(db.session, [org.id], period)
    counts = {s.code: s.count for s in report.steps}
    assert counts == {"suggested": 5, "proposed": 3, "introduced": 2, "interview": 1, "hired": 1}
    steps = {s.code: s for s in report.steps}
    assert steps["proposed"].conversion == 3 / 5 and steps["introduced"].conversion == 2 / 3
    assert steps["proposed"].median_days == 1.5  # 1 and 2 days after the suggestion was made
    assert steps["introduced"].median_days == 2.0
    assert steps["hired"].median_days == 5.0
    reasons = bars(report.reasons)
    assert reasons["rejected:hours"] == 1 and reasons["rejected:skills"] == 1
    assert reasons["not_hired:employer_chose_other"] == 1 and reasons["rejected:distance"] == 0


def test_funnel_medians_equal_the_exact_day_counts(db, org, make_candidate, make_employer):
    """Odd moments (seconds and microseconds apart): the medians are those of the exact spans in days,
    as ``extract``'s numeric gave them before date_part (on PostgreSQL; julianday on SQLite)."""
    employer = make_employer()
    vacancy = Vacancy(organisation_id=org.id, employer_id=employer.id, title="Orderpicker")
    db.session.add(vacancy)
    db.session.flush()
    made = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    spans = [timedelta(days=1, seconds=7, microseconds=123457), timedelta(hours=33, microseconds=1),
             timedelta(days=2, hours=3, minutes=17, seconds=59, microseconds=999999), timedelta(days=1, hours=5)]
    for span in spans:
        suggestion = Suggestion(vacancy_id=vacancy.id, candidate_id=make_candidate().id, organisation_id=org.id,
                                score=0.5, status=S.PROPOSED, history=[], created_at=made)
        suggestion.mark_reached("proposed", made + span)
        db.session.add(suggestion)
    db.session.commit()
    report = funnel_report(db.session, [org.id], parse_period(YEAR_2026, date(2026, 6, 1)))
    days = sorted(Decimal(s.days * 86_400_000_000 + s.seconds * 1_000_000 + s.microseconds) / 86_400_000_000
                  for s in spans)
    exact = float((days[1] + days[2]) / 2)
    median = {step.code: step for step in report.steps}["proposed"].median_days
    assert abs(median - exact) < 1e-9 and f"{median:.1f}" == f"{exact:.1f}" == "1.3"


def test_funnel_outside_the_period_is_empty(db, org, funnel_2026):
    period = parse_period({"periode": "year", "jaar": "2025"}, date(2026, 6, 1))
    assert [s.count for s in funnel_report(db.session, [org.id], period).steps] == [0, 0, 0, 0, 0]


def test_candidate_base_with_unknown_rung_and_old_assessment(db, org, candidates_today):
    report = candidate_report(db.session, org.id, clock.today())
    ladder = bars(report.ladder)
    assert ladder["3"] == 2 and ladder["unknown"] == 1 and ladder["5"] == 0 and ladder["6"] == 0
    assert (report.total, report.assessed, report.with_plan, report.complete, report.published) == (3, 1, 1, 1, 0)
    assert report.share(report.assessed) == 33
    assert bars(report.caseload) == {str(candidates_today.id): 2, "0": 1}
    assert "geen eerdere treden" in report.ladder.note  # movement is not faked


def test_contacts_per_account_manager_channel_and_overdue(db, org, contacts_2026):
    anna, bram = contacts_2026
    period = parse_period({"periode": "month", "jaar": "2026", "maand": "3"}, date(2026, 6, 1))
    report = contact_report(db.session, org.id, period, date(2026, 6, 1))
    # new: first contact ever in the period (e1); e2 was first contacted in November 2025
    assert report.moments == 4 and report.employers_contacted == 2 and report.new_employers == 1
    assert bars(report.per_author) == {str(anna.id): 3, str(bram.id): 1}
    assert bars(report.per_channel) == {"phone": 2, "visit": 1, "email": 1, "event": 0, "other": 0}
    assert bars(report.overdue_per_owner) == {str(anna.id): 1}


def test_review_steps_fill_the_funnel_columns_once(db, org, make_employer, make_candidate, make_user):
    from datetime import timedelta

    from models import Suggestion, Vacancy
    from models.matches import review

    matcher = make_user("matcher")
    vacancy = Vacancy(organisation_id=org.id, employer_id=make_employer().id, title="Heftruckchauffeur")
    db.session.add(vacancy)
    db.session.flush()
    made = clock.utcnow() - timedelta(days=2)
    s = Suggestion(vacancy_id=vacancy.id, candidate_id=make_candidate().id, organisation_id=org.id, score=0.5,
                   history=[], created_at=made)
    db.session.add(s)
    db.session.flush()
    for step in ("proposed", "introduced", "interview"):
        review.change_status(db.session, s, step, actor=matcher, version=s.version)
    interview_at = s.interview_at
    assert s.proposed_at and s.introduced_at and interview_at and s.hired_at is None
    review.change_status(db.session, s, "not_hired", actor=matcher, version=s.version,
                                    reason="employer_chose_other")
    assert s.interview_at == interview_at
    db.session.commit()
    today = clock.today()
    report = funnel_report(db.session, [org.id], parse_period({"periode": "year", "jaar": str(made.year)}, today))
    counts = {step.code: step.count for step in report.steps}
    assert counts == {"suggested": 1, "proposed": 1, "introduced": 1, "interview": 1, "hired": 0}
    assert 1.9 < {step.code: step for step in report.steps}["proposed"].median_days < 2.1
