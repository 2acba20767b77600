"""Recording placements: from a hired suggestion, a request or directly; ending, extending, listing."""
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from models import AuditEvent, EmployerRequest, Placement, PublicProfile, Suggestion
from models.enums import CandidateStatus, ProfileStatus, RequestStatus, Role, SuggestionStatus
from tests.placement_fixtures import page_text, placement_form

WORKED_EXAMPLE = "Participatiewet > 2 jaar: € 40.000 × 24/36 u × 6/12 mnd = € 13.333,33"


def _count(db) -> int:
    return db.session.scalar(select(func.count(Placement.id)))


def test_record_from_hired_suggestion_values_it_and_takes_the_candidate_off_the_market(
        as_role, client, db, tables, hired_suggestion):
    as_role(Role.MATCHER)
    page = client.get(f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}")
    text = page_text(page)
    assert "Vanuit de aangenomen suggestie voor vacature Hovenier" in text
    assert "Kandidaat: Fatima El Idrissi" in text
    html = page.get_data(as_text=True)
    assert 'value="K-00001"' in html and 'value="24"' in html  # prefilled number and hours
    [flag] = [tag for tag in re.findall(r"<input[^>]*>", html) if 'id="statushouder"' in tag]
    assert "checked" in flag  # the bonus flag is prefilled from the candidate file
    employer_id = hired_suggestion.vacancy.employer_id
    response = client.post(f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}", data=placement_form(
        employer=str(employer_id), vacancy=str(hired_suggestion.vacancy_id), statushouder="y"), follow_redirects=True)
    text = page_text(response)
    assert "Plaatsing vastgelegd. Waarde voor social return: € 13.333,33." in text
    assert WORKED_EXAMPLE in text
    placement = db.session.scalar(select(Placement))
    assert placement.suggestion_id == hired_suggestion.id
    assert (placement.age_at_start, placement.statushouder, placement.benefit_months_at_start) == (55, True, 36)
    assert placement.table_version_id is not None
    assert db.session.scalar(select(PublicProfile)).status == ProfileStatus.WITHDRAWN
    assert db.session.scalar(select(PublicProfile)).withdrawn_reason == "geplaatst"
    statuses = {s.status: s.reject_reason for s in db.session.scalars(select(Suggestion))}
    assert statuses == {SuggestionStatus.HIRED: None, SuggestionStatus.CLOSED: "placed"}
    assert placement.candidate.status == CandidateStatus.PLACED


def test_record_from_an_introduced_employer_request(as_role, client, db, org, tables, make_candidate,
                                                   make_employer):
    candidate = make_candidate(target_groups=["ww"], benefit_since=date(2025, 6, 1))
    employer = make_employer()
    profile = PublicProfile(candidate_id=candidate.id, organisation_id=org.id, code="K-AAAA",
                            status=ProfileStatus.PUBLISHED)
    db.session.add(profile)
    db.session.flush()
    request = EmployerRequest(organisation_id=org.id, profile_id=profile.id, employer_id=employer.id,
                              requester_name="Piet", company=employer.name, email="p@example.org",
                              status=RequestStatus.INTRODUCED)
    db.session.add(request)
    db.session.commit()
    as_role(Role.ACCOUNT_MANAGER)
    assert f'selected value="{employer.id}"' in client.get(
        f"/beheer/plaatsingen/nieuw?verzoek={request.id}").get_data(as_text=True)
    response = client.post(f"/beheer/plaatsingen/nieuw?verzoek={request.id}", data=placement_form(
        employer=str(employer.id), target_group="ww", hours_per_week="36", end_date=""), follow_redirects=True)
    assert "WW < 1 jaar" in page_text(response)
    placement = db.session.scalar(select(Placement))
    assert placement.request_id == request.id and placement.benefit_months_at_start == 7
    assert placement.value_cents == 1_000_000  # counted 1 year at 36 h


def test_placing_closes_the_open_requests_about_the_candidate(as_role, client, db, org, tables, make_candidate,
                                                             make_employer):
    candidate = make_candidate(target_groups=["ww"], benefit_since=date(2025, 6, 1))
    employer = make_employer()
    profile = PublicProfile(candidate_id=candidate.id, organisation_id=org.id, code="K-AAAB",
                            status=ProfileStatus.PUBLISHED)
    db.session.add(profile)
    db.session.flush()
    waiting = EmployerRequest(organisation_id=org.id, profile_id=profile.id, requester_name="Ander",
                              company="Ander BV", email="a@example.org")
    db.session.add(waiting)
    db.session.commit()
    as_role(Role.ACCOUNT_MANAGER)
    client.post("/beheer/plaatsingen/nieuw", data=placement_form(employer=str(employer.id), target_group="ww",
                                                                 hours_per_week="36", end_date=""))
    assert db.session.scalar(select(Placement)) is not None
    db.session.expire_all()
    assert db.session.get(EmployerRequest, waiting.id).status == RequestStatus.CLOSED
    page = page_text(client.get(f"/beheer/verzoeken/{waiting.id}"))
    assert "afgesloten" in page and "Vraag de kandidaat" not in page


def test_a_suggestion_that_is_not_hired_cannot_become_a_placement(as_role, client, db, tables, hired_suggestion):
    hired_suggestion.status = SuggestionStatus.INTERVIEW
    db.session.commit()
    as_role(Role.MATCHER)
    response = client.post(f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}", data=placement_form(
        employer=str(hired_suggestion.vacancy.employer_id)))
    assert response.status_code == 422
    assert "Alleen een suggestie met de status 'aangenomen'" in page_text(response)
    assert _count(db) == 0


@pytest.mark.parametrize("overrides, message", [
    ({"end_date": "2025-12-01"}, "(Geplande) einddatum: De (geplande) einddatum ligt vóór de startdatum."),
    ({"hours_per_week": "0"}, "Uren per week: Het aantal uren per week moet tussen 1 en 48 liggen."),
    ({"hours_per_week": "60"}, "Uren per week: Het aantal uren per week moet tussen 1 en 48 liggen."),
    ({"candidate_number": "K-99999"}, "Klantnummer van de kandidaat: Kies een kandidaat van uw organisatie."),
    ({"outflow": "full"}, "Datum uitstroom: Vul de datum van de uitstroom in."),
    ({"block_code": "bestaat-niet"}, "geen plaatsingsblok 'bestaat-niet' in deze tabel"),
])
def test_bad_input_names_the_field_and_saves_nothing(as_role, client, db, tables, make_candidate, make_employer,
                                                    overrides, message):
    make_candidate()
    employer = make_employer()
    as_role(Role.MATCHER)
    response = client.post("/beheer/plaatsingen/nieuw", data=placement_form(employer=str(employer.id), **overrides))
    assert response.status_code == 422
    assert message in page_text(response)
    assert _count(db) == 0


def test_candidate_and_employer_of_another_organisation_are_refused(as_role, client, db, tables, other_org,
                                                                   make_candidate, make_employer):
    make_candidate(organisation=other_org, external_id="K-55555")
    foreign = make_employer(organisation=other_org)
    make_candidate()
    as_role(Role.MATCHER)
    response = client.post("/beheer/plaatsingen/nieuw", data=placement_form(
        candidate_number="K-55555", employer=str(foreign.id)))
    assert response.status_code == 422
    text = page_text(response)
    assert "Kies een kandidaat van uw organisatie" in text
    assert "Werkgever: Kies een werkgever uit het register van uw organisatie." in text
    assert _count(db) == 0


def _record(client, employer, **overrides):
    response = client.post("/beheer/plaatsingen/nieuw", data=placement_form(employer=str(employer.id), **overrides))
    assert response.status_code == 302, page_text(response)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_the_worked_example_of_bouwblokken_md_through_the_database(as_role, client, db, tables, make_candidate,
                                                                 make_employer):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    employer = make_employer()
    as_role(Role.MATCHER)
    short = db.session.get(Placement, _record(client, employer, start_date="2025-01-01", end_date="2025-06-30"))
    assert short.value_cents == 1_333_333 and short.value_explanation == WORKED_EXAMPLE
    assert short.table_version_id == tables["oost-nederland"].versions[0].id
    long = db.session.get(Placement, _record(client, employer, candidate_number="K-00002", hours_per_week="36",
                                             start_date="2025-01-01", end_date="2027-12-31"))
    assert long.value_cents == 8_000_000
    assert long.value_explanation.startswith("Participatiewet > 2 jaar: € 40.000 × 36/36 u × 24/12 mnd = € 80.000,00")


def test_end_early_and_extend_revalue_and_are_recorded(as_role, client, db, tables, make_candidate, make_employer):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    employer = make_employer()
    as_role(Role.MATCHER)
    placement_id = _record(client, employer, start_date="2025-01-01", end_date="2025-06-30")
    response = client.post(f"/beheer/plaatsingen/{placement_id}/beeindigen", data={
        "end-version": "1", "end-ended_on": "2025-03-31", "end-reason": "Proeftijd niet gehaald"},
        follow_redirects=True)
    text = page_text(response)
    assert "de waarde is opnieuw berekend: € 6.666,67" in text and "Proeftijd niet gehaald" in text
    placement = db.session.get(Placement, placement_id)
    assert placement.end_date == date(2025, 6, 30) and placement.ended_early_on == date(2025, 3, 31)
    response = client.post(f"/beheer/plaatsingen/{placement_id}/verlengen", data={
        "extend-version": str(placement.version), "extend-end_date": "2025-12-31"}, follow_redirects=True)
    assert "€ 26.666,67" in page_text(response)
    db.session.refresh(placement)
    assert placement.ended_early_on is None and placement.value_cents == 2_666_667


def test_end_early_bad_input_and_stale_form(as_role, client, db, tables, make_candidate, make_employer):
    make_candidate(target_groups=["participatiewet"])
    employer = make_employer()
    as_role(Role.MATCHER)
    placement_id = _record(client, employer)
    response = client.post(f"/beheer/plaatsingen/{placement_id}/beeindigen", data={
        "end-version": "1", "end-ended_on": "2025-01-01", "end-reason": ""})
    assert response.status_code == 422
    text = page_text(response)
    assert "Geëindigd op: De einddatum ligt vóór de startdatum." in text
    assert "Reden: Geef de reden van het vroegtijdig einde." in text
    client.post(f"/beheer/plaatsingen/{placement_id}/verlengen",
                data={"extend-version": "1", "extend-end_date": "2026-12-31"})
    stale = client.post(f"/beheer/plaatsingen/{placement_id}/beeindigen", data={
        "end-version": "1", "end-ended_on": "2026-03-01", "end-reason": "Verhuisd"})
    assert stale.status_code == 409
    assert "Dit is intussen gewijzigd door" in page_text(stale)
    assert db.session.get(Placement, placement_id).ended_early_on is None


def test_list_filters_paginates_and_uses_constant_queries(as_role, client, count_queries, db, app, tables, make_candidate,
                                                          make_employer):
    bakery, garage = make_employer(name="Bakkerij"), make_employer(name="Garage")
    as_role(Role.MATCHER)
    for n in range(1, 31):
        make_candidate(target_groups=["participatiewet"])
        _record(client, bakery if n % 2 else garage, candidate_number=f"K-{n:05d}",
                instrument="wep" if n <= 4 else "regular", start_date=f"2025-{(n % 12) + 1:02d}-01", end_date="")
    first = client.get("/beheer/plaatsingen/")
    text = page_text(first)
    assert "30 plaatsingen" in text and "Pagina 1 van 2" in text
    assert "Fatima El Idrissi" in text  # matchers see names, audit-logged
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "view_personal")) is not None
    wep = page_text(client.get(f"/beheer/plaatsingen/?instrument=wep&werkgever={bakery.id}"))
    assert "2 plaatsingen" in wep and "Werkervaringsplaats" in wep
    assert "2 plaatsingen" in page_text(client.get("/beheer/plaatsingen/?van=2025-12-01&tot=2025-12-31"))
    small = count_queries("/beheer/plaatsingen/?pagina=2")
    assert count_queries("/beheer/plaatsingen/?pagina=1") == small


def test_account_managers_see_no_names(as_role, client, tables, make_candidate, make_employer):
    make_candidate(target_groups=["participatiewet"])
    employer = make_employer()
    as_role(Role.ACCOUNT_MANAGER)
    placement_id = _record(client, employer)
    text = page_text(client.get("/beheer/plaatsingen/"))
    assert "El Idrissi" not in text and f"Plaatsing {placement_id}" in text


def test_candidate_history(as_role, client, tables, make_candidate, make_employer):
    candidate = make_candidate(target_groups=["participatiewet"])
    employer = make_employer(name="Bakkerij")
    as_role(Role.MATCHER)
    _record(client, employer, start_date="2024-01-01", end_date="2024-03-31")
    _record(client, employer, start_date="2025-01-01", end_date="")
    text = page_text(client.get(f"/beheer/plaatsingen/kandidaat/{candidate.id}"))
    assert "Plaatsingen van Fatima El Idrissi" in text
    assert text.index("01-01-2024") < text.index("01-01-2025")


def test_statushouder_is_a_bonus_flag_not_a_target_group(as_role, client, db, tables, hired_suggestion):
    as_role(Role.MATCHER)
    html = client.get(f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}").get_data(as_text=True)
    target_select = html[html.index('id="target_group"'):]
    target_select = target_select[:target_select.index("</select>")]
    assert 'value="statushouder"' not in target_select
    response = client.post(f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}", data=placement_form(
        employer=str(hired_suggestion.vacancy.employer_id), target_group="statushouder"))
    assert response.status_code == 422
    assert "Statushouder is geen doelgroep maar een bonus" in page_text(response)
    assert _count(db) == 0


def test_sheltered_work_for_a_ww_client_is_refused(as_role, client, db, tables, hired_suggestion):
    as_role(Role.MATCHER)
    response = client.post(f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}", data=placement_form(
        employer=str(hired_suggestion.vacancy.employer_id), target_group="ww", instrument="sheltered"))
    assert response.status_code == 422
    assert "Instrument: Beschut werk is een voorziening van de Participatiewet" in page_text(response)
    assert _count(db) == 0


def test_a_participatiebaan_is_not_valued_as_a_paid_job(as_role, client, db, tables, hired_suggestion):
    as_role(Role.MATCHER)
    response = client.post(f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}", data=placement_form(
        employer=str(hired_suggestion.vacancy.employer_id), instrument="participatiebaan"), follow_redirects=True)
    assert "Een participatiebaan telt in deze tabel niet mee voor social return" in page_text(response)
    assert db.session.scalar(select(Placement.value_cents)) == 0


def test_the_client_number_hint_shows_a_client_number_not_a_profile_code(as_role, client, tables):
    as_role(Role.MATCHER)
    for lang, hint in (("nl", "Het klantnummer uit het dossier (nooit een BSN), bijv. 200001."),
                       ("en", "The client number from the case file (never a BSN), e.g. 200001.")):
        text = page_text(client.get(f"/beheer/plaatsingen/nieuw?lang={lang}"))
        assert hint in text and "K-00012" not in text
