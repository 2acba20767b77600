"""The matching funnel: suggestions → proposed → introduced → interview → hired, with conversion and days.

Suggestions are counted in the period they were made in (a cohort). A step counts as reached when
the current status implies it or the suggestion's ``history`` records it; days per step are the
median from reaching the previous step (for the first step: the suggestion's creation) to this one.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from models.enums import SuggestionStatus as S
from models.services.suggestion_review import NOT_HIRED_REASONS, REJECT_REASONS, STATUS_LABELS as _LABELS
from models.suggestion import Suggestion

from . import Bar, Figure, Period

STATUS_LABELS = {k.value: v for k, v in _LABELS.items()}
STEPS = ("proposed", "introduced", "interview", "hired")
STEP_LABELS = {"suggested": "Gesuggereerd", "proposed": "Voorgedragen", "introduced": "Voorgesteld aan werkgever",
               "interview": "Gesprek", "hired": "Aangenomen"}
# The current statuses that mean a step was certainly reached, whatever the history says.
IMPLIED = {"proposed": ("proposed", "introduced", "interview", "hired", "not_hired"),
           "introduced": ("introduced", "interview", "hired", "not_hired"),
           "interview": ("interview", "hired"), "hired": ("hired",)}


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


def _events_sql(dialect: str) -> str:
    if dialect == "postgresql":
        return ("SELECT s.id AS sid, e ->> 'status' AS step, (e ->> 'at')::timestamptz AS at FROM suggestion s "
                "CROSS JOIN LATERAL json_array_elements(s.history) e WHERE {cohort}")
    return ("SELECT s.id AS sid, json_extract(e.value, '$.status') AS step, json_extract(e.value, '$.at') AS at "
            "FROM suggestion s, json_each(s.history) e WHERE {cohort}")


def _days(dialect: str, later: str, earlier: str) -> str:
    if dialect == "postgresql":
        return f"EXTRACT(EPOCH FROM ({later} - {earlier})) / 86400.0"
    return f"julianday({later}) - julianday({earlier})"


COHORT = "s.organisation_id IN :orgs AND s.created_at >= :start AND s.created_at < :end"


def cohort_filter(org_ids: list[int], period: Period):
    """ORM condition for the suggestions counted in this period."""
    return (Suggestion.organisation_id.in_(org_ids), Suggestion.created_at >= period.start_at,
            Suggestion.created_at < period.end_before)


def _run(session: Session, sql: str, org_ids: list[int], period: Period):
    statement = text(sql).bindparams(bindparam("orgs", expanding=True))
    return session.execute(statement, {"orgs": list(org_ids), "start": period.start_at, "end": period.end_before})


def funnel_report(session: Session, org_ids: list[int], period: Period) -> FunnelReport:
    """Counts, conversion and median days per step, and rejection reasons (three queries)."""
    dialect = session.get_bind().dialect.name
    events = _events_sql(dialect).format(cohort=COHORT)
    implied = " UNION ".join(
        f"SELECT s.id AS sid, '{step}' AS step FROM suggestion s WHERE {COHORT} AND s.status IN "
        f"({', '.join(repr(v) for v in IMPLIED[step])})" for step in STEPS)
    steps_in = ", ".join(repr(s) for s in STEPS)
    reached_sql = (f"WITH ev AS ({events}), reached AS ({implied} UNION SELECT sid, step FROM ev "
                   f"WHERE step IN ({steps_in})) SELECT 'suggested', COUNT(*) FROM suggestion s WHERE {COHORT} "
                   "UNION ALL SELECT step, COUNT(DISTINCT sid) FROM reached GROUP BY step")
    counts = dict(_run(session, reached_sql, org_ids, period).all())
    previous = {"proposed": None, "introduced": "proposed", "interview": "introduced", "hired": "interview"}
    pairs = " UNION ALL ".join(
        f"SELECT f.step AS step, {_days(dialect, 'f.at', 's.created_at' if prev is None else 'p.at')} AS days "
        f"FROM firsts f JOIN suggestion s ON s.id = f.sid "
        + ("" if prev is None else f"JOIN firsts p ON p.sid = f.sid AND p.step = '{prev}' ")
        + f"WHERE f.step = '{step}'" for step, prev in previous.items())
    median_sql = (f"WITH ev AS ({events}), firsts AS (SELECT sid, step, MIN(at) AS at FROM ev GROUP BY sid, step), "
                  f"d AS ({pairs}), r AS (SELECT step, days, ROW_NUMBER() OVER (PARTITION BY step ORDER BY days) AS rn, "
                  "COUNT(*) OVER (PARTITION BY step) AS c FROM d WHERE days IS NOT NULL) "
                  "SELECT step, AVG(days) FROM r WHERE rn IN ((c + 1) / 2, (c + 2) / 2) GROUP BY step")
    medians = {step: float(days) for step, days in _run(session, median_sql, org_ids, period).all()}

    steps, before = [], None
    for code in ("suggested", *STEPS):
        count = int(counts.get(code, 0))
        conversion = (count / before) if before else None
        steps.append(FunnelStep(code, STEP_LABELS[code], count, conversion, medians.get(code)))
        before = count
    figure = Figure("funnel", "Van suggestie tot aangenomen", note=(
        "Suggesties gemaakt in de periode, gevolgd tot vandaag. Een stap telt als bereikt als de huidige "
        "status of de geschiedenis van de suggestie dat zegt."), bars=[
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
        bars.append(Bar("Zonder bekende reden", unknown, "unknown"))
    return Figure("reasons", "Redenen van afwijzen en niet aannemen", bars=bars,
                  note="Suggesties uit de periode die zijn afgewezen of niet aangenomen, naar reden.")
