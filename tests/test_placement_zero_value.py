"""A placement's target group comes from the file when the form leaves it unknown, and one worth € 0
for an obligation is only recorded once the user has seen the value and why."""
from datetime import date

from sqlalchemy import func, select

from models import Placement
from models.enums import Role
from tests.placement_fixtures import page_text, placement_form

URL = "/beheer/plaatsingen/nieuw"


def _count(db) -> int:
    return db.session.scalar(select(func.count(Placement.id)))


def test_unknown_target_group_on_the_form_is_taken_from_the_file(as_role, client, db, tables, make_candidate,
                                                                make_employer, make_obligation):
    make_candidate(external_id="200004", target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    employer = make_employer()
    obligation = make_obligation(employer, contract_name="Onderhoud openbaar groen")
    as_role(Role.MATCHER)
    response = client.post(URL, data=placement_form(candidate_number="200004", employer=str(employer.id),
                                                    target_group="", sroi_obligation=str(obligation.id)))
    assert response.status_code == 302, page_text(response)
    placement = db.session.scalar(select(Placement))
    assert placement.target_group == "participatiewet" and placement.value_cents > 0
    assert "Geen bouwblok" not in placement.value_explanation


def test_a_placement_worth_nothing_for_its_obligation_asks_to_confirm(as_role, client, db, tables, make_candidate,
                                                                      make_employer, make_obligation):
    make_candidate(external_id="200005", target_groups=[])  # nothing in the file either
    employer = make_employer()
    obligation = make_obligation(employer, contract_name="Onderhoud openbaar groen")
    as_role(Role.MATCHER)
    form = placement_form(candidate_number="200005", employer=str(employer.id), target_group="",
                          sroi_obligation=str(obligation.id))
    refused = client.post(URL, data=form)
    assert refused.status_code == 422
    text = page_text(refused)
    assert "waarde voor social return van € 0,00" in text and "Geen bouwblok in deze tabel past" in text
    assert "Toch vastleggen met waarde € 0,00" in text
    assert _count(db) == 0
    confirmed = client.post(URL, data={**form, "confirm_zero_value": "y"})
    assert confirmed.status_code == 302, page_text(confirmed)
    assert db.session.scalar(select(Placement)).value_cents == 0


def test_without_an_obligation_nothing_is_asked(as_role, client, db, tables, make_candidate, make_employer):
    make_candidate(external_id="200006", target_groups=[])
    employer = make_employer()
    as_role(Role.MATCHER)
    response = client.post(URL, data=placement_form(candidate_number="200006", employer=str(employer.id),
                                                    target_group=""))
    assert response.status_code == 302, page_text(response)
    assert "Toch vastleggen" not in page_text(client.get(URL))


def test_a_confirmed_zero_placement_is_started_but_no_job_through_social_return(
        as_role, client, db, org, tables, make_candidate, make_employer, make_obligation):
    from models.common import clock
    from models.reports import parse_period
    from models.reports.placements import placement_figures
    from models.reports.sroi import sroi_jobs_figure

    make_candidate(external_id="200007", target_groups=[])
    make_candidate(external_id="200008", target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    employer = make_employer()
    obligation = make_obligation(employer, contract_name="Onderhoud openbaar groen")
    as_role(Role.MATCHER)
    for number in ("200007", "200008"):
        response = client.post(URL, data=placement_form(candidate_number=number, employer=str(employer.id),
                                                        target_group="", sroi_obligation=str(obligation.id),
                                                        start_date="2026-02-01", confirm_zero_value="y"))
        assert response.status_code == 302, page_text(response)
    with clock.frozen(date(2026, 12, 6)):
        period = parse_period({"periode": "year", "jaar": "2026"}, date(2026, 12, 6))
        assert placement_figures(db.session, [org.id], period)[0].total == 2
        assert sroi_jobs_figure(db.session, [org.id], period, None).total == 1
        as_role(Role.COORDINATOR)
        listed = page_text(client.get("/beheer/rapportages/social-return/sroi_jobs/lijst/2026?periode=year&jaar=2026"))
    assert "200008" in listed and "200007" not in listed
