"""The indicators that read the candidate file (docs/indicators.md): ladder in beeld, current plan,
trajectories, outreach, return to benefit; hand-computed, each breakdown adding up, small numbers hidden
on the council report."""
from __future__ import annotations

import random
import re
from datetime import date

from models.candidates.history import ActionPlan, LadderAssessment
from models.candidates.outreach import OutreachContact
from models.candidates.trajectory import Trajectory
from models.common import clock
from models.enums import CandidateStatus, Outflow, OutreachReferral, Role, TrajectoryKind, TrajectoryResult
from models.reports import parse_period
from models.reports.casework import funnel_figures, trajectory_figures
from models.reports.ladder import Person, reference_dates, shares_at, status_at
from models.reports.returns import return_shares
from models.reports.targets import set_target
from tests.placement_fixtures import page_text

D = date
YEAR_2026 = parse_period({"periode": "year", "jaar": "2026"}, D(2026, 12, 2))


def test_in_beeld_needs_a_current_and_an_expected_rung_both_at_most_a_year_old():
    on = D(2026, 6, 30)
    fresh = Person(D(2020, 1, 1), rungs=[(D(2026, 1, 5), 2)], expected=[(D(2026, 1, 5), 4)], plans=[D(2025, 9, 1)])
    assert status_at(fresh, on) == (True, True, True)
    no_expected = Person(D(2020, 1, 1), rungs=[(D(2026, 1, 5), 2)])
    assert status_at(no_expected, on) == (False, False, False)
    old_expected = Person(D(2020, 1, 1), rungs=[(D(2026, 1, 5), 2)], expected=[(D(2025, 6, 1), 4)])
    assert status_at(old_expected, on)[0] is False
    # in beeld but the expected rung is not higher: not developable, so no plan is asked
    steady = Person(D(2020, 1, 1), rungs=[(D(2026, 1, 5), 3)], expected=[(D(2026, 1, 5), 3)], plans=[D(2026, 2, 1)])
    assert status_at(steady, on) == (True, False, False)
    # an old plan does not count; a rung judged after the reference date is not known on it
    stale_plan = Person(D(2020, 1, 1), rungs=[(D(2026, 1, 5), 2)], expected=[(D(2026, 1, 5), 4)],
                        plans=[D(2025, 6, 1)])
    assert status_at(stale_plan, on) == (True, True, False)
    assert status_at(fresh, D(2025, 12, 31)) == (False, False, False)


def test_shares_count_only_people_on_benefit_on_the_reference_date():
    on = D(2026, 6, 30)
    people = [Person(D(2020, 1, 1), [(D(2026, 1, 5), 2)], [(D(2026, 1, 5), 4)], [D(2026, 2, 1)]),
              Person(D(2020, 1, 1), [(D(2026, 1, 5), 2)], [(D(2026, 1, 5), 4)]),
              Person(D(2020, 1, 1)),
              Person(D(2026, 9, 1), [(D(2026, 1, 5), 2)], [(D(2026, 1, 5), 4)])]  # benefit starts later
    shares = shares_at(people, on)
    assert (shares.population, shares.in_beeld, shares.developable, shares.with_plan) == (3, 2, 2, 1)


def test_reference_dates_are_quarter_ends_up_to_today():
    assert reference_dates(YEAR_2026, D(2026, 12, 2)) == [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30),
                                                          D(2026, 12, 2)]
    q2 = parse_period({"periode": "quarter", "jaar": "2026", "kwartaal": "2"}, D(2026, 12, 2))
    assert reference_dates(q2, D(2026, 12, 2)) == [D(2026, 6, 30)]
    assert reference_dates(YEAR_2026, D(2025, 12, 2)) == []


def test_trajectories_move_on_share_results_add_up_and_durations():
    rows = [(D(2025, 1, 1), D(2026, 2, 1), TrajectoryResult.WEP.value),         # 13 months
            (D(2026, 1, 1), D(2026, 9, 1), TrajectoryResult.WEP.value),         # 8 months
            (D(2026, 1, 1), D(2026, 11, 1), TrajectoryResult.WEP.value),        # 10 months
            (D(2026, 3, 1), D(2026, 5, 1), TrajectoryResult.DROPPED_OUT.value)]  # 2 months
    wep, results, durations = trajectory_figures(rows, YEAR_2026, {})
    assert wep.bars[0].value == 75 and wep.bars[0].counts == (3, 4) and wep.target == 75
    assert results.total == 4 and {b.code: b.value for b in results.bars}["wep"] == 3
    assert [(b.value, b.counts) for b in durations.bars] == [(50, (2, 4)), (75, (3, 4))]


def test_outreach_funnel_never_grows_and_referrals_add_up():
    end = D(2026, 12, 31)
    rows = [(D(2026, 2, 1), D(2026, 2, 10), D(2026, 3, 1), D(2026, 3, 5), D(2026, 4, 1), "coach"),
            (D(2026, 2, 1), D(2026, 2, 10), D(2026, 3, 1), D(2026, 3, 5), None, "work_centre"),
            (D(2026, 2, 1), D(2026, 2, 10), None, None, None, None),
            (D(2026, 5, 1), None, None, None, None, None)]
    funnel, referrals = funnel_figures(rows, parse_period({"periode": "year", "jaar": "2026"}, end))
    assert [b.value for b in funnel.bars] == [4, 3, 2, 2, 1]
    assert all(a.value >= b.value for a, b in zip(funnel.bars, funnel.bars[1:]))
    assert funnel.bars[1].extra == "75% van de vorige stap"
    assert referrals.total == funnel.bars[3].value == 2


def test_return_to_benefit_counts_only_outflow_long_enough_ago():
    today = D(2026, 12, 2)
    rows = [(D(2025, 1, 10), D(2025, 5, 1), 1),    # back within 6 months
            (D(2025, 3, 1), D(2026, 1, 15), 2),    # two back after 10.5 months: 12-month figure only
            (D(2025, 6, 1), D(2020, 1, 1), 1),     # the benefit start is the old one: not back
            (D(2026, 10, 1), D(2026, 11, 1), 1)]   # too recent for either
    assert return_shares(rows, today, 6) == (1, 4)
    assert return_shares(rows, today, 12) == (3, 4)


def _casework_2026(db, org, make_candidate, make_employer):
    """Two people on a Participatiewet benefit (one in beeld with a plan), one WW client; two ended
    trajectories (one to a WEP); one outreach contact referred to a coach."""
    year = clock.today().year
    one = make_candidate(target_groups=["participatiewet"], benefit_since=D(2020, 1, 1), ladder=2,
                         ladder_assessed_on=D(year, 1, 10), expected_ladder=4, expected_ladder_on=D(year, 1, 10),
                         plan_updated_on=D(year, 2, 1))
    two = make_candidate(target_groups=["participatiewet"], benefit_since=D(2020, 1, 1), ladder=3,
                         ladder_assessed_on=D(year - 3, 1, 10))
    make_candidate(target_groups=["ww"], benefit_since=D(2020, 1, 1), ladder=2, ladder_assessed_on=D(year, 1, 10),
                   expected_ladder=3, expected_ladder_on=D(year, 1, 10))
    make_candidate(target_groups=["participatiewet"], status=CandidateStatus.INACTIVE)
    db.session.add(LadderAssessment(candidate_id=one.id, rung=2, expected_rung=4, assessed_on=D(year, 1, 10)))
    db.session.add(ActionPlan(candidate_id=one.id, drawn_up_on=D(year, 2, 1), goals="Werk", steps="Stap"))
    provider = make_employer()
    for candidate, result in ((one, TrajectoryResult.WEP), (two, TrajectoryResult.PAID_WORK)):
        db.session.add(Trajectory(organisation_id=org.id, candidate_id=candidate.id, provider_id=provider.id,
                                  kind=TrajectoryKind.DEVELOPMENT_NETWORK, bought_on=D(year, 1, 2),
                                  started_on=D(year, 1, 5), ended_on=D(year, 3, 5), result=result))
    db.session.add(OutreachContact(organisation_id=org.id, campaign="Herstart", candidate_id=two.id,
                                   selected_on=D(year, 1, 3), approached_on=D(year, 1, 4), talked_on=D(year, 1, 8),
                                   follow_up_on=D(year, 1, 9), referred_on=D(year, 1, 20),
                                   referred_to=OutreachReferral.COACH))
    db.session.commit()
    return year


def test_coordinator_sees_the_casework_indicators_by_their_definition(client, as_role, db, org, make_candidate,
                                                                     make_employer):
    year = _casework_2026(db, org, make_candidate, make_employer)
    set_target(db.session, org.id, "ladder_in_beeld", year, "80")
    db.session.commit()
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"/beheer/rapportages/dossier?periode=year&jaar={year}"))
    assert "Participatieladder in beeld (Participatiewet)" in text
    assert "Doel: 80% (de verticale lijn)." in text  # the coordinator's target, not the default 90
    assert "In beeld 1" in text and "Niet in beeld 1" in text  # the WW client and the inactive one are not counted
    assert "Mensen met een Participatiewet-uitkering 2" in text
    assert "Met actueel plan 1" in text and "Zonder actueel plan 0" in text
    assert "Door naar werkervaringsplaats 50% 1 van 2" in text
    assert "Beëindigde trajecten 2" in text
    assert "Coach 1" in text and "Doorverwezen 1" in text


def test_dossier_page_is_stored_per_worker_until_what_it_counts_changes(client, as_role, db, org, make_candidate,
                                                                      make_employer, count_queries):
    year = _casework_2026(db, org, make_candidate, make_employer)
    as_role(Role.COORDINATOR)
    url = f"/beheer/rapportages/dossier?periode=year&jaar={year}"
    first = count_queries(url)
    assert count_queries(url) <= first - 4  # the stored figures: no ladder, trajectory or outreach queries again
    assert "Mensen met een Participatiewet-uitkering 2" in page_text(client.get(url))
    make_candidate(target_groups=["participatiewet"], benefit_since=D(2020, 1, 1))  # an ORM change: the report stamp
    assert "Mensen met een Participatiewet-uitkering 3" in page_text(client.get(url))


def test_council_report_hides_small_counts_of_the_casework_indicators(client, as_role, db, org, make_candidate,
                                                                      make_employer):
    year = _casework_2026(db, org, make_candidate, make_employer)
    as_role(Role.COORDINATOR)
    response = client.get(f"/beheer/rapportages/raad?periode=year&jaar={year}")
    text = page_text(response)
    assert "Participatie, trajecten en outreach" in text
    assert "Door naar werkervaringsplaats × <5 van <5" in text  # 50% of "<5" says 1 of 2 or 2 of 4
    assert "Door naar werkervaringsplaats 50%" not in text
    assert "Zonder actueel plan 0" in text and "Met actueel plan <5" in text  # 0 stays 0, 1 becomes <5
    assert "Participatieladder in beeld (Participatiewet): Stand" in text  # the short Dutch text
    csv = client.get(f"/beheer/rapportages/raad/dossier/trajectory_wep.csv?periode=year&jaar={year}")
    assert csv.status_code == 200 and "<5 van <5" in csv.get_data(as_text=True)
    assert "50" not in csv.get_data(as_text=True).split("Door naar werkervaringsplaats", 1)[1].split("\n")[0]
    assert "1 van 2" not in csv.get_data(as_text=True)


def test_small_numbers_threshold_is_configurable(app, client, as_role, db, org, make_candidate, make_employer):
    year = _casework_2026(db, org, make_candidate, make_employer)
    app.config["REPORT_SMALL_NUMBERS"] = 2
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"/beheer/rapportages/raad?periode=year&jaar={year}"))
    assert "Door naar werkervaringsplaats × <2 van 2" in text  # 1 of 2: the percentage would say the part
    assert "Aantallen van 1 tot en met 1 mensen staan als “<2”" in text


def test_return_to_benefit_on_the_placements_page(client, as_role, db, org, make_candidate, make_placement):
    year = clock.today().year
    back = make_candidate(benefit_since=D(year - 1, 4, 1))
    stays = make_candidate(benefit_since=D(2019, 1, 1))
    make_placement(candidate_id=back.id, start_date=D(year - 1, 1, 5), outflow=Outflow.FULL,
                   outflow_on=D(year - 1, 1, 5))
    make_placement(candidate_id=stays.id, start_date=D(year - 1, 2, 5), outflow=Outflow.PARTIAL,
                   outflow_on=D(year - 1, 2, 5))
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"/beheer/rapportages/plaatsingen?periode=year&jaar={year - 1}"))
    assert "Terug in de uitkering binnen 6 maanden 50% 1 van 2" in text
    assert "Terug in de uitkering binnen 12 maanden 50% 1 van 2" in text


def test_every_casework_breakdown_reconciles_with_the_figure_it_explains(db, org, make_candidate, make_employer):
    from web.reports.data import family_data

    year = _casework_2026(db, org, make_candidate, make_employer)
    period = parse_period({"periode": "year", "jaar": str(year)}, clock.today())
    figures = {f.key: f for f in family_data(db.session, "dossier", org.id, "own", period, clock.today(), {}).figures}
    assert figures["ladder_in_beeld_counts"].total == figures["ladder_in_beeld"].bars[-1].counts[1] == 2
    assert figures["plan_current_counts"].total == figures["plan_current"].bars[-1].counts[1] == 1
    assert figures["trajectory_results"].total == figures["trajectory_wep"].bars[0].counts[1] == 2
    assert figures["outreach_referrals"].total == figures["outreach"].bars[3].value == 1
    for figure in figures.values():  # a total row only where the rows partition the whole
        if figure.total_label:
            assert figure.unit == "aantal" and all(isinstance(b.value, int) for b in figure.bars), figure.key


def test_a_higher_threshold_hides_the_bar_length_too(app, client, as_role, db, org, make_candidate, make_employer):
    year = _casework_2026(db, org, make_candidate, make_employer)
    for _n in range(5):  # six referred to a coach: shown under 5 as a number, under 10 as "<10"
        db.session.add(OutreachContact(organisation_id=org.id, campaign="Herstart", candidate_id=make_candidate().id,
                                       selected_on=D(year, 1, 3), approached_on=D(year, 1, 4),
                                       talked_on=D(year, 1, 8), follow_up_on=D(year, 1, 9),
                                       referred_on=D(year, 1, 20), referred_to=OutreachReferral.COACH))
    db.session.commit()
    app.config["REPORT_SMALL_NUMBERS"] = 10
    as_role(Role.COORDINATOR)
    html = client.get(f"/beheer/rapportages/raad?periode=year&jaar={year}").get_data(as_text=True)
    start = html.index('id="fig-outreach_referrals-heading"')
    chart = html[start:html.index("</svg>", start)]
    widths = re.findall(r'<rect [^>]*width="([0-9.]+)"', chart)
    assert "&lt;10" in chart and widths and all(float(w) == 0 for w in widths), widths


def test_the_database_count_of_the_ladder_matches_the_rule_person_by_person(db, org, other_org, make_candidate):
    """ladder_shares counts in SQL what shares_at counts over load_people, on every reference date:
    history newer and older than the candidate's own fields, two rungs on one day (the higher wins),
    a benefit starting between dates, plans only in the history, another organisation left out."""
    from models.reports.ladder import ladder_shares, load_people

    rng = random.Random(5)
    days = [D(2024, 11, 2), D(2025, 3, 31), D(2025, 4, 1), D(2025, 9, 30), D(2026, 1, 10), D(2026, 6, 30)]
    for n in range(60):
        own = rng.random() < 0.7
        candidate = make_candidate(
            organisation=other_org if n % 15 == 0 else None,
            target_groups=["participatiewet"] if n % 9 else ["ww"],
            status=CandidateStatus.INACTIVE if n % 13 == 0 else CandidateStatus.ACTIVE,
            benefit_since=rng.choice([None, D(2020, 1, 1), D(2025, 6, 1)]),
            ladder=rng.randint(1, 6) if own else None, ladder_assessed_on=rng.choice(days) if own else None,
            expected_ladder=rng.randint(1, 6) if rng.random() < 0.7 else None,
            expected_ladder_on=rng.choice(days), plan_updated_on=rng.choice([None, *days]))
        for _ in range(rng.randrange(3)):
            db.session.add(LadderAssessment(candidate_id=candidate.id, rung=rng.randint(1, 6),
                                            expected_rung=rng.choice([None, rng.randint(1, 6)]),
                                            assessed_on=rng.choice(days)))
        if rng.random() < 0.4:
            db.session.add(ActionPlan(candidate_id=candidate.id, drawn_up_on=rng.choice(days), goals="Werk", steps="Stap"))
    db.session.commit()
    dates = [D(2025, 3, 31), D(2025, 6, 30), D(2025, 12, 31), D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30)]
    people = load_people(db.session, org.id)
    expected = [shares_at(people, on) for on in dates]
    assert ladder_shares(db.session, org.id, dates) == expected
    assert any(s.with_plan for s in expected) and any(s.developable > s.with_plan for s in expected)
    assert ladder_shares(db.session, org.id, []) == []
