"""The candidate base today: participation ladder, assessment and plan freshness, completeness, caseload."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.candidates.candidate import Candidate
from models.catalogue.profile import PublicProfile
from models.common.errors import N_
from models.enums import CandidateStatus, ProfileStatus

from . import Bar, Figure, staff_labels

LADDER_LABELS = {1: N_("1 Geïsoleerd"), 2: N_("2 Sociale contacten buiten de deur"), 3: N_("3 Deelname georganiseerde activiteiten"),
                 4: N_("4 Onbetaald werk"), 5: N_("5 Betaald werk met ondersteuning"), 6: N_("6 Betaald werk")}
ASSESSED_TARGET, PLAN_TARGET, CASELOAD_LIMIT = 90, 50, 50
MOVEMENT_NOTE = (N_("Beweging op de ladder tussen twee datums kan Werkbrug nog niet tonen: alleen de huidige trede en "
                    "de datum van de laatste beoordeling worden bewaard, geen eerdere treden."))


@dataclass
class CandidateReport:
    total: int
    assessed: int
    with_plan: int
    complete: int
    published: int
    ladder: Figure
    indicators: Figure
    caseload: Figure
    screening: dict = field(default_factory=dict)  # {screening route id or None: active candidates}

    def share(self, count: int) -> int:
        """count as a whole percentage of all active candidates (0 when there are none)."""
        return round(100 * count / self.total) if self.total else 0


def base(organisation_id: int):
    """The active candidates of the organisation."""
    return (Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE)


def conditions(today: date) -> dict:
    """The SQL condition behind each indicator, by code (shared with the drill-down)."""
    year_ago = today - timedelta(days=365)
    return {
        "assessed": and_(Candidate.ladder.is_not(None), Candidate.ladder_assessed_on >= year_ago),
        "plan": Candidate.plan_updated_on >= year_ago,
        "complete": and_(Candidate.education.is_not(None), Candidate.hours_min.is_not(None),
                         Candidate.hours_max.is_not(None), Candidate.available_from.is_not(None)),
        "published": PublicProfile.status == ProfileStatus.PUBLISHED,
    }


def screening_figure(session: Session, organisation_id: int, counts: dict | None = None) -> Figure:
    """Active candidates per screening route of the organisation, plus those not screened (adds up);
    ``counts`` {route id or None: n} when already counted (candidate_report's ``screening``)."""
    from models.candidates.screening import ScreeningRoute

    if counts is None:
        counts = dict(session.execute(select(Candidate.screening_route_id, func.count()).where(*base(organisation_id))
                                      .group_by(Candidate.screening_route_id)).all())
    routes = session.execute(select(ScreeningRoute.id, ScreeningRoute.label).where(
        ScreeningRoute.organisation_id == organisation_id).order_by(ScreeningRoute.position, ScreeningRoute.label)).all()
    return Figure("screening", N_("Screeningsroute (actieve kandidaten, nu)"), drill=False, note=(
        N_("De route waarin de kandidaat bij de screening is ingedeeld; routes stelt de organisatie zelf in.")), bars=[
        *(Bar(label, counts.get(rid, 0), str(rid)) for rid, label in routes), Bar(N_("Niet gescreend"), counts.get(None, 0),
                                                                              "none")])


def candidate_report(session: Session, organisation_id: int, today: date,
                     caseload_limit: int = CASELOAD_LIMIT, caseload: bool = True) -> CandidateReport:
    """The figures of the organisation's active candidates as they are today: one pass over them for
    the ladder, the indicators and the screening routes (``screening``), one for the caseload
    (left out, an empty figure, when ``caseload`` is false: the council view does not show it)."""
    cond = conditions(today)
    grouped = session.execute(select(
        Candidate.ladder, Candidate.screening_route_id, func.count(),
        *(func.sum(case((cond[k], 1), else_=0)) for k in ("assessed", "plan", "complete", "published"))
    ).select_from(Candidate).outerjoin(PublicProfile, PublicProfile.candidate_id == Candidate.id)
        .where(*base(organisation_id)).group_by(Candidate.ladder, Candidate.screening_route_id)).all()
    ladder: dict = {}
    screening: dict = {}
    total = assessed = plan = complete = published = 0
    for rung, route, n, *sums in grouped:
        ladder[rung] = ladder.get(rung, 0) + n
        screening[route] = screening.get(route, 0) + n
        total += n
        assessed, plan, complete, published = (a + int(b or 0) for a, b in
                                               zip((assessed, plan, complete, published), sums, strict=True))
    ladder_figure = Figure("ladder", N_("Participatieladder (actieve kandidaten, nu)"), note=MOVEMENT_NOTE, bars=[
        *(Bar(label, ladder.get(rung, 0), str(rung)) for rung, label in LADDER_LABELS.items()),
        Bar(N_("Onbekend"), ladder.get(None, 0), "unknown")])
    indicators = Figure("indicator", N_("Actualiteit en volledigheid van de dossiers"), unit=N_("procent"), note=(
        f"Aandeel van de actieve kandidaten. Doelen: trede beoordeeld in de laatste 12 maanden {ASSESSED_TARGET}%, "
        f"actueel plan (niet ouder dan 12 maanden) {PLAN_TARGET}%. Volledig profiel: opleiding, uren en "
        "beschikbaarheid ingevuld."))
    report = CandidateReport(total, assessed, plan, complete, published, ladder_figure, indicators, Figure("", ""),
                             screening)
    indicators.bars = [
        Bar(N_("Trede beoordeeld < 12 maanden"), report.share(assessed), "assessed", people=False,
            extra=f"{assessed} van {total}, doel {ASSESSED_TARGET}%"),
        Bar(N_("Actueel plan van aanpak"), report.share(plan), "plan", people=False,
            extra=f"{plan} van {total}, doel {PLAN_TARGET}%"),
        Bar(N_("Profiel volledig"), report.share(complete), "complete", people=False, extra=f"{complete} van {total}"),
        Bar(N_("Profiel gepubliceerd"), report.share(published), "published", people=False,
            extra=f"{published} van {total}")]
    # No single target line: the two indicators have different targets (90% and 50%), named per row.
    if not caseload:
        report.caseload = Figure("caseload", N_("Caseload per matcher"), target=caseload_limit)
        return report
    rows = session.execute(select(Candidate.owner_id, User.name, User.email, func.count())
                           .outerjoin(User, User.id == Candidate.owner_id).where(*base(organisation_id))
                           .group_by(Candidate.owner_id, User.name, User.email)).all()
    owners = staff_labels({r[0]: (r[1], r[2]) for r in rows}, "Zonder eigenaar")
    report.caseload = Figure("caseload", N_("Caseload per matcher"), target=caseload_limit, note=(
        f"Actieve kandidaten per eigenaar; boven {caseload_limit} staat ‘te hoog’."), bars=[
        Bar(owners[oid], n, str(oid or 0), people=False, extra="te hoog" if oid and n > caseload_limit else "")
        for oid, _name, _email, n in sorted(rows, key=lambda r: (r[1] is None, owners[r[0]]))])
    return report
