"""Which figures each report page shows: one call per family, plain figures and headline numbers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from models.common.errors import N_
from models.common.money import format_euro
from models.reports import Figure, Period, scope_org_ids
from models.reports import targets as report_targets
from models.reports.candidates import candidate_report, screening_figure
from models.reports.casework import funnel_figures, load_outreach, load_trajectories, trajectory_figures
from models.reports.contacts import contact_report
from models.reports.funnel import funnel_report
from models.reports.ladder import ladder_figures, ladder_shares, reference_dates
from models.reports.placements import banenafspraak_figure, placement_figures
from models.reports.returns import load_outflows, return_figure
from models.reports.sroi import sroi_report

FAMILIES = {
    "plaatsingen": N_("Plaatsingen en uitstroom"),
    "social-return": N_("Social return"),
    "funnel": N_("Van suggestie tot baan"),
    "werkgevers": N_("Werkgeverscontact"),
    "kandidaten": N_("Kandidatenbestand"),
    "dossier": N_("Participatie, trajecten en outreach"),
}
DOSSIER_NOTE = (N_("De ladder en het plan van aanpak staan per peildatum (einde van elk kwartaal in de periode, of "
                   "vandaag); trajecten tellen in de periode waarin ze eindigden, outreach in de periode van het "
                   "eerste contact."))
SCOPED = ("plaatsingen", "funnel")  # the families where partners in the region can be included


@dataclass
class Headline:
    label: str
    value: int | str
    people: bool = False


@dataclass
class FamilyData:
    family: str
    figures: list[Figure]
    headlines: list[Headline] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def family_data(session: Session, family: str, organisation_id: int, scope: str, period: Period, today: date,
                config, skip: tuple[str, ...] = ()) -> FamilyData:
    """The figures of one report page; raises KeyError for an unknown family. Figures keyed in ``skip``
    may be left out without being computed (the council view's team-only figures)."""
    org_ids = scope_org_ids(session, organisation_id, scope if family in SCOPED else "own")
    if family == "plaatsingen":
        figures = placement_figures(session, org_ids, period)
        figures.append(banenafspraak_figure(session, org_ids, period,
                                            report_targets.targets(session, organisation_id, "banenafspraak")))
        figures.append(return_figure(load_outflows(session, org_ids, period), today))
        return FamilyData(family, figures, [Headline(N_("Gestarte plaatsingen"), figures[0].total, True),
                                            Headline(N_("Uitstroom uit de uitkering"), figures[4].total, True)])
    if family == "social-return":
        report = sroi_report(session, organisation_id, period, today,
                             report_targets.targets(session, organisation_id, "sroi_jobs"))
        return FamilyData(family, [report.per_contractor, report.jobs], [
            Headline(N_("Verplichtingen"), report.obligations), Headline(N_("Totale verplichting"),
                                                                     format_euro(report.obligation_cents)),
            Headline(N_("Gerealiseerd (vandaag)"), format_euro(report.realised_cents)),
            Headline(N_("Prognose aan het eind"), format_euro(report.forecast_cents)),
            Headline(N_("Banen via social return"), report.jobs.total, True)])
    if family == "funnel":
        report = funnel_report(session, org_ids, period)
        return FamilyData(family, [report.figure, report.reasons],
                          [Headline(s.label, s.count, True) for s in report.steps])
    if family == "werkgevers":
        report = contact_report(session, organisation_id, period, today)
        return FamilyData(family, [report.per_author, report.per_channel, report.overdue_per_owner], [
            Headline(N_("Contactmomenten"), report.moments), Headline(N_("Werkgevers gesproken"), report.employers_contacted),
            Headline(N_("Nieuwe werkgevers"), report.new_employers), Headline(N_("Te late follow-ups (nu)"), report.overdue)])
    if family == "dossier":
        goals = report_targets.all_targets(session, organisation_id)
        ladder = ladder_figures(ladder_shares(session, organisation_id, reference_dates(period, today)), period, goals)
        trajectories = trajectory_figures(load_trajectories(session, organisation_id, period), period, goals)
        outreach = funnel_figures(load_outreach(session, organisation_id, period), period)
        return FamilyData(family, [*ladder, *trajectories, *outreach], [
            Headline(N_("Participatieladder in beeld"), f"{ladder[0].bars[-1].value}%" if ladder[0].bars else "–"),
            Headline(N_("Actueel plan (te ontwikkelen)"), f"{ladder[2].bars[-1].value}%" if ladder[2].bars else "–"),
            Headline(N_("Beëindigde trajecten"), trajectories[1].total, True),
            Headline(N_("Benaderd (outreach)"), outreach[0].bars[0].value, True)],
            [DOSSIER_NOTE])
    if family == "kandidaten":
        limit = report_targets.targets(session, organisation_id, "caseload_limit").get(today.year)
        report = candidate_report(session, organisation_id, today,
                                  int(limit) if limit is not None else int(config.get("CASELOAD_LIMIT", 50)),
                                  caseload="caseload" not in skip)
        figures = [report.ladder, report.indicators, report.caseload,
                   screening_figure(session, organisation_id, report.screening)]
        return FamilyData(family, [f for f in figures if f.key not in skip], [
            Headline(N_("Actieve kandidaten"), report.total, True),
            Headline(N_("Trede beoordeeld < 12 maanden"), f"{report.share(report.assessed)}%"),
            Headline(N_("Actueel plan"), f"{report.share(report.with_plan)}%"),
            Headline(N_("Profiel volledig"), f"{report.share(report.complete)}%"),
            Headline(N_("Gepubliceerd"), f"{report.share(report.published)}%")],
            [N_("Het kandidatenbestand toont de stand van vandaag; de gekozen periode geldt hier niet.")])
    raise KeyError(family)
