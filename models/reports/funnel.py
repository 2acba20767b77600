"""The matching funnel: suggestions → proposed → introduced → interview → hired, with conversion and days.

Suggestions are counted in the period they were made in (a cohort). A step counts as reached when
the current status implies it or its ``<step>_at`` column records when it was first reached; days per
step are the median from reaching the previous step (for the first step: the suggestion's creation)
to this one, over the suggestions with both moments recorded.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from models.common.errors import N_
from models.enums import SuggestionStatus as S
from models.matches.review import NOT_HIRED_REASONS, REJECT_REASONS
from models.matches.review import STATUS_LABELS as _LABELS
from models.matches.suggestion import STEP_COLUMNS, Suggestion

from . import Bar, Figure, Period

STATUS_LABELS = {k.value: v for k, v in _LABELS.items()}
STEPS = ("proposed", "introduced", "interview", "hired")
STEP_LABELS = {"suggested": N_("Gesuggereerd"), "proposed": N_("Voorgedragen"), "introduced": N_("Voorgesteld aan werkgever"),
               "interview": N_("Gesprek"), "hired": N_("Aangenomen")}
# The current statuses that mean a step was certainly reached, whatever the history says.
IMPLIED = {"proposed": (S.PROPOSED, S.INTRODUCED, S.INTERVIEW, S.HIRED, S.NOT_HIRED),
           "introduced": (S.INTRODUCED, S.INTERVIEW, S.HIRED, S.NOT_HIRED),
           "interview": (S.INTERVIEW, S.HIRED), "hired": (S.HIRED,)}
PREVIOUS = {"proposed": None, "introduced": "proposed", "interview": "introduced", "hired": "interview"}


@dataclass(frozen=True)
class FunnelStep:
    code: str
    label: str
    count: int
    conversion: float | None  # share of the previous step that reached this one
    median_days: float | None


@dataclass
class FunnelReport:
    steps: list[FunnelStep]
    figure: Figure
    reasons: Figure


def _days(dialect: str, later, earlier):
    """Days from ``earlier`` to ``later`` as a float SQL expression. On PostgreSQL ``date_part`` (double
    precision): ``extract`` gives numeric, and dividing 90,000 numerics and casting them for the
    medians took 100 of the funnel query's 180 ms at the benchmark scale (issue 18)."""
    if dialect == "postgresql":
        return func.date_part("epoch", later - earlier) / 86400.0
    return func.julianday(later) - func.julianday(earlier)


def cohort_filter(org_ids: list[int], period: Period):
    """ORM condition for the suggestions counted in this period."""
    return (Suggestion.organisation_id.in_(org_ids), Suggestion.created_at >= period.start_at,
            Suggestion.created_at < period.end_before)


def reached(step: str):
    """True when the step was recorded as reached or the current status implies it."""
    return or_(getattr(Suggestion, STEP_COLUMNS[step]).is_not(None), Suggestion.status.in_(IMPLIED[step]))


def _count_columns() -> list:
    return [func.count().label("suggested"), *(func.count(case((reached(step), 1))).label(step) for step in STEPS)]


def _counts(session: Session, org_ids: list[int], period: Period) -> dict[str, int]:
    row = session.execute(select(*_count_columns()).where(*cohort_filter(org_ids, period))).one()
    return dict(row._mapping)


def _spans(dialect: str) -> dict:
    return {step: _days(dialect, getattr(Suggestion, STEP_COLUMNS[step]),
                        getattr(Suggestion, STEP_COLUMNS[prev]) if prev else Suggestion.created_at)
            for step, prev in PREVIOUS.items()}


def _counts_and_medians(session: Session, org_ids: list[int], period: Period) -> tuple[dict[str, int],
                                                                                         dict[str, float]]:
    """``_counts`` and ``_medians``; on PostgreSQL in one pass over the cohort (the funnel page read the
    period's suggestions twice for them: 50 ms each at the benchmark's 90,000, issue 18)."""
    dialect = session.get_bind().dialect.name
    if dialect != "postgresql":
        return _counts(session, org_ids, period), _medians(session, org_ids, period)
    row = session.execute(select(*_count_columns(), *(
        func.percentile_cont(0.5).within_group(span).label(f"days_{step}") for step, span in _spans(dialect).items()))
        .where(*cohort_filter(org_ids, period))).one()._mapping
    counts = {code: row[code] for code in ("suggested", *STEPS)}
    return counts, {step: float(row[f"days_{step}"]) for step in PREVIOUS if row[f"days_{step}"] is not None}


def _medians(session: Session, org_ids: list[int], period: Period) -> dict[str, float]:
    """Median days from the previous step (for the first: the suggestion's creation) to each step."""
    dialect = session.get_bind().dialect.name
    spans = _spans(dialect)
    if dialect == "postgresql":
        row = session.execute(select(*(func.percentile_cont(0.5).within_group(span).label(step)
                                       for step, span in spans.items())).where(*cohort_filter(org_ids, period))).one()
        return {step: float(days) for step, days in row._mapping.items() if days is not None}
    medians = {}
    for step, span in spans.items():  # portable median: the middle one or two rows by days
        days = select(span.label("days")).where(*cohort_filter(org_ids, period), span.is_not(None)).cte(f"d_{step}")
        n = select(func.count()).select_from(days).scalar_subquery()
        middle = select(days.c.days).order_by(days.c.days).limit(2 - n % 2).offset((n - 1) // 2).subquery()
        medians[step] = select(func.avg(middle.c.days)).scalar_subquery()
    row = session.execute(select(*(value.label(step) for step, value in medians.items()))).one()
    return {step: float(days) for step, days in row._mapping.items() if days is not None}


def funnel_report(session: Session, org_ids: list[int], period: Period) -> FunnelReport:
    """Counts, conversion and median days per step, and rejection reasons (two queries on PostgreSQL)."""
    counts, medians = _counts_and_medians(session, org_ids, period)

    steps, before = [], None
    for code in ("suggested", *STEPS):
        count = int(counts.get(code, 0))
        conversion = (count / before) if before else None
        steps.append(FunnelStep(code, STEP_LABELS[code], count, conversion, medians.get(code)))
        before = count
    figure = Figure("funnel", N_("Van suggestie tot aangenomen"), note=(
        N_("Suggesties gemaakt in de periode, gevolgd tot vandaag. Een stap telt als bereikt als de huidige "
           "status of de geschiedenis van de suggestie dat zegt.")), bars=[
        Bar(s.label, s.count, s.code, extra=_step_extra(s)) for s in steps])
    return FunnelReport(steps, figure, reasons_figure(session, org_ids, period))


def _step_extra(step: FunnelStep) -> str:
    parts = []
    if step.conversion is not None:
        parts.append(f"{round(step.conversion * 100)}% van de vorige stap")
    if step.median_days is not None:
        parts.append(f"mediaan {step.median_days:.1f} dagen".replace(".", ","))
    return ", ".join(parts)


def reasons_figure(session: Session, org_ids: list[int], period: Period) -> Figure:
    """Rejected and not-hired suggestions of the cohort by reason."""
    rows = session.execute(select(Suggestion.status, Suggestion.reject_reason, func.count()).where(
        *cohort_filter(org_ids, period), Suggestion.status.in_((S.REJECTED, S.NOT_HIRED)))
        .group_by(Suggestion.status, Suggestion.reject_reason)).all()
    counts = {(status.value, reason or ""): n for status, reason, n in rows}
    bars = [Bar(f"Afgewezen: {label}", counts.get(("rejected", code), 0), f"rejected:{code}")
            for code, label in REJECT_REASONS.items()]
    bars += [Bar(f"Niet aangenomen: {label}", counts.get(("not_hired", code), 0), f"not_hired:{code}")
             for code, label in NOT_HIRED_REASONS.items()]
    unknown = sum(n for (status, code), n in counts.items()
                  if code not in (REJECT_REASONS if status == "rejected" else NOT_HIRED_REASONS))
    if unknown:
        bars.append(Bar(N_("Zonder bekende reden"), unknown, "unknown"))
    return Figure("reasons", N_("Redenen van afwijzen en niet aannemen"), bars=bars,
                  note=N_("Suggesties uit de periode die zijn afgewezen of niet aangenomen, naar reden."))
