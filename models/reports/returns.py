"""Return to benefit 6 and 12 months after outflow (Divosa, duurzaamheid uitstroom; docs/indicators.md)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate
from models.common.errors import N_
from models.enums import Outflow
from models.placements.placement import Placement
from models.sroi.valuation.period import add_months

from . import Bar, Figure, Period

Outflows = list[tuple[date, date | None, int]]


def return_shares(rows: Outflows, today: date, months: int) -> tuple[int, int]:
    """(back on benefit, outflows measured) for outflows at least ``months`` ago.

    rows: (outflow date, the person's benefit start as the candidate file has it now, how many outflows
    have these two). Back on benefit: a benefit start after the outflow date and at most ``months`` after it."""
    measured = [(out, since, n) for out, since, n in rows if add_months(out, months) <= today]
    back = sum(n for out, since, n in measured if since is not None and out < since <= add_months(out, months))
    return back, sum(n for _out, _since, n in measured)


def load_outflows(session: Session, org_ids: list[int], period: Period) -> Outflows:
    """Outflow date and benefit start of the outflows (full or partial) in the period whose person is still
    in the candidate file (an erased person cannot be followed), counted per pair. A benefit start on or
    before the outflow can never mean a return, so it is read as none: one row per day for most."""
    moment = func.coalesce(Placement.outflow_on, Placement.start_date)
    later = case((Candidate.benefit_since > moment, Candidate.benefit_since))
    return [(out, since, n) for out, since, n in session.execute(
        select(moment, later, func.count()).join(Candidate, Candidate.id == Placement.candidate_id).where(
            Placement.organisation_id.in_(org_ids), Placement.outflow != Outflow.NONE, moment >= period.start,
            moment <= period.end).group_by(moment, later)).all()]


def return_figure(rows: Outflows, today: date) -> Figure:
    """The share back on benefit 6 and 12 months after outflow, with the counts behind each."""
    bars = []
    for months in (6, 12):
        back, measured = return_shares(rows, today, months)
        bars.append(Bar(N_("Terug in de uitkering binnen %(months)s maanden", months=months),
                        round(100 * back / measured) if measured else 0, f"{months}m", people=False,
                        counts=(back, measured),
                        extra="" if measured else N_("nog niet te meten: geen uitstroom die lang genoeg geleden is")))
    return Figure("return_to_benefit", N_("Terugval in de uitkering na uitstroom"), unit=N_("procent"), drill=False, bars=bars,
                  note=(N_("Van de uitstroom in de periode (volledig of gedeeltelijk) die minstens 6 of 12 maanden "
                           "geleden is: het aandeel van wie het kandidatendossier een nieuwe uitkeringsstart noteert "
                           "binnen 6 of 12 maanden na de uitstroom. Uitstroom die nog niet zo lang geleden is, telt "
                           "(nog) niet mee; mensen die uit het bestand zijn verwijderd ook niet.")))
