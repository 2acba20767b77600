"""Coordinator reports: periods, scopes and the plain figures every report family returns.

One module per family (placements, sroi, funnel, contacts, candidates); each figure is computed
with GROUP BY queries, so a page costs a constant number of queries whatever the data size.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.common.errors import N_, InvalidInput

PERIOD_KINDS = ("month", "quarter", "year", "custom")
SCOPES = ("own", "region")
SMALL = 5  # cells under this many people are shown as "<5" outside the team


@dataclass(frozen=True)
class Period:
    """An inclusive date range with the words a person reads it by."""

    start: date
    end: date
    kind: str
    label: str

    @property
    def start_at(self) -> datetime:
        """First instant of the period (UTC), for datetime columns."""
        return datetime.combine(self.start, time.min, tzinfo=timezone.utc)

    @property
    def end_before(self) -> datetime:
        """First instant after the period (UTC), for datetime columns."""
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Bar:
    """One labelled value of a figure; ``code`` identifies it for the drill-down list."""

    label: str
    value: int | float
    code: str = ""
    people: bool = True  # counts people (suppressed under SMALL in the council view)
    extra: str = ""
    overlap: bool = False  # a "waarvan" row that overlaps the others: not part of the total
    counts: tuple = ()  # (part, whole) of people behind a percentage: shown as "part van whole", small ones "<5"


@dataclass
class Figure:
    """A titled series of bars, with the unit and a note on how it was counted."""

    key: str
    title: str
    bars: list[Bar] = field(default_factory=list)
    unit: str = "aantal"
    note: str = ""
    target: int | None = None
    drill: bool = True

    @property
    def maximum(self) -> float:
        """The largest value (or the target), at least 1, to scale the chart."""
        values = [b.value for b in self.bars] + ([self.target] if self.target else [])
        return max([1, *values])

    total_label: str = ""  # set on breakdowns: the page shows a total row that reconciles them

    @property
    def total(self) -> int | float:
        """The sum of the bars that partition the whole (overlapping 'waarvan' rows left out)."""
        return sum(b.value for b in self.bars if not b.overlap)


def staff_labels(people: dict, empty: str) -> dict:
    """Labels for staff members {id: (name, email)}: the name, and the e-mail address too where two
    accounts share a name, so that nobody's figures are read as someone else's."""
    names = [name for name, _ in people.values() if name]
    return {key: (empty if not name else f"{name} ({email})" if names.count(name) > 1 and email else name)
            for key, (name, email) in people.items()}


MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december")


def _int(args, name: str, low: int, high: int, default: int, errors: dict, message: str) -> int:
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        errors[name] = message
        return default
    return value


def _date(raw: str | None, name: str, errors: dict) -> date | None:
    raw = (raw or "").strip()
    if not raw:
        errors[name] = N_("Vul een datum in (jjjj-mm-dd).")
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = N_("‘%(raw)s’ is geen datum (jjjj-mm-dd).", raw=raw)
        return None


def parse_period(args, today: date) -> Period:
    """The period chosen in a GET form (``periode``, ``jaar``, ``maand``, ``kwartaal``, ``van``, ``tot``).

    Defaults to the current year. Raises InvalidInput naming the field for a value it cannot use.
    """
    errors: dict[str, str] = {}
    kind = args.get("periode") or "year"
    if kind not in PERIOD_KINDS:
        raise InvalidInput({"periode": N_("Kies maand, kwartaal, jaar of vrije periode.")})
    year = _int(args, "jaar", 2000, 2100, today.year, errors, "Kies een jaar van 2000 tot en met 2100.")
    if kind == "month":
        month = _int(args, "maand", 1, 12, today.month, errors, "Kies een maand van 1 tot en met 12.")
        start = date(year, month, 1)
        end = date(year, month, calendar.monthrange(year, month)[1])
        label = f"{MONTH_NAMES[month - 1]} {year}"
    elif kind == "quarter":
        quarter = _int(args, "kwartaal", 1, 4, (today.month - 1) // 3 + 1, errors, "Kies kwartaal 1 tot en met 4.")
        start = date(year, 3 * quarter - 2, 1)
        last = 3 * quarter
        end = date(year, last, calendar.monthrange(year, last)[1])
        label = f"kwartaal {quarter} {year}"
    elif kind == "year":
        start, end, label = date(year, 1, 1), date(year, 12, 31), str(year)
    else:
        start, end = _date(args.get("van"), "van", errors), _date(args.get("tot"), "tot", errors)
        if start and end and end < start:
            errors["tot"] = N_("De einddatum ligt vóór de begindatum.")
        if start and end and (end - start).days > 366 * 5:
            errors["tot"] = N_("Kies een periode van hoogstens vijf jaar.")
        label = f"{start:%d-%m-%Y} t/m {end:%d-%m-%Y}" if start and end else ""
    if errors:
        raise InvalidInput(errors)
    return Period(start, end, kind, label)


def scope_org_ids(session: Session, organisation_id: int, scope: str) -> list[int]:
    """The own organisation, or it and every organisation in the same region (scope 'region')."""
    if scope != "region":
        return [organisation_id]
    region = session.scalar(select(Organisation.region).where(Organisation.id == organisation_id))
    if not region:
        return [organisation_id]
    ids = session.scalars(select(Organisation.id).where(Organisation.region == region)).all()
    return sorted(set(ids) | {organisation_id})


def months_between(period: Period) -> list[tuple[int, int]]:
    """Every (year, month) the period touches, in order."""
    result, y, m = [], period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        result.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return result
