"""The contractor view of social return: staff give access, the contractor follows its obligations and
proposes activities, staff approve or reject them. No page of the contractor names a placed job seeker."""
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from models import AuditEvent, ContractorAccess, Placement, SroiActivity
from models.enums import ActivityStatus, Role
from tests.conftest import PASSWORD
from tests.placement_fixtures import page_text, placement_form

PURCHASE = {"activity-kind": "purchase", "activity-occurred_on": "2025-03-01", "activity-amount": "1.234,56",
            "activity-evidence": "Factuur 2025-88 van Kringloop Flevo"}


@pytest.fixture
def contractor(make_employer):
    return make_employer(name="Groen BV")


@pytest.fixture
def contact(make_user):
    """The contractor's contact person: an employer account, not yet linked."""
    return make_user(Role.EMPLOYER, email="planner@groen.example", name="Piet Planner", company_name="Groen BV")


@pytest.fixture
def linked(db, contractor, contact, make_user):
    """The contact person with access to Groen BV's obligations, as staff give it."""
    staff = make_user(Role.ACCOUNT_MANAGER)
    db.session.add(ContractorAccess(user_id=contact.id, employer_id=contractor.id, granted_by_id=staff.id))
    db.session.commit()
    return contact


def _actions(db, action: str) -> list[AuditEvent]:
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_staff_give_and_remove_access(as_role, client, login, db, contractor, contact, make_obligation):
    obligation = make_obligation(contractor, contract_name="Onderhoud openbaar groen")
    staff = as_role(Role.ACCOUNT_MANAGER)
    page = page_text(client.get(f"/beheer/social-return/{obligation.id}"))
    assert "Toegang voor de opdrachtnemer" in page and "Nog niemand heeft toegang." in page
    response = client.post(f"/beheer/social-return/{obligation.id}/toegang",
                           data={"access-email": "Planner@Groen.example"}, follow_redirects=True)
    text = page_text(response)
    assert "planner@groen.example heeft nu toegang als contactpersoon van Groen BV." in text
    assert "Piet Planner (planner@groen.example)" in text
    access = db.session.scalar(select(ContractorAccess))
    assert (access.user_id, access.employer_id, access.granted_by_id) == (contact.id, contractor.id, staff.id)
    [event] = _actions(db, "contractor_access_granted")
    assert (event.actor_id, event.object_id, event.details) == (staff.id, contact.id, {"employer_id": contractor.id})

    home = page_text(login(contact))
    assert "Social return" in home
    text = page_text(client.get("/werkgever/social-return/"))
    assert "Verplichtingen van Groen BV als opdrachtnemer" in text and "Onderhoud openbaar groen" in text

    login(staff)
    response = client.post(f"/beheer/social-return/{obligation.id}/toegang/{contact.id}/intrekken",
                           follow_redirects=True)
    assert "De toegang van planner@groen.example is ingetrokken." in page_text(response)
    assert db.session.scalar(select(func.count(ContractorAccess.id))) == 0
    assert len(_actions(db, "contractor_access_revoked")) == 1
    home = page_text(login(contact))
    assert "Social return" not in home
    assert client.get("/werkgever/social-return/").status_code == 404
    assert client.get(f"/werkgever/social-return/{obligation.id}").status_code == 404


@pytest.mark.parametrize("email, message", [
    ("niemand@groen.example", "E-mailadres van het werkgeversaccount: Er is geen werkgeversaccount met dit "
                              "e-mailadres."),
    ("geen-adres", "E-mailadres van het werkgeversaccount: Vul een geldig e-mailadres in"),
    ("staff", "Er is geen werkgeversaccount met dit e-mailadres."),
    ("elsewhere", "heeft al toegang als contactpersoon van een andere opdrachtnemer"),
    ("same", "planner@groen.example heeft al toegang."),
])
def test_giving_access_refuses_what_is_not_an_unlinked_employer_account(
        as_role, client, db, contractor, contact, make_employer, make_obligation, email, message):
    obligation = make_obligation(contractor)
    staff = as_role(Role.COORDINATOR)
    if email == "staff":
        email = staff.email
    elif email in ("elsewhere", "same"):
        employer = contractor if email == "same" else make_employer(name="Ander BV")
        db.session.add(ContractorAccess(user_id=contact.id, employer_id=employer.id))
        db.session.commit()
        email = contact.email
    before = db.session.scalar(select(func.count(ContractorAccess.id)))
    response = client.post(f"/beheer/social-return/{obligation.id}/toegang", data={"access-email": email})
    assert response.status_code == 422
    assert message in page_text(response)
    assert db.session.scalar(select(func.count(ContractorAccess.id))) == before
    assert not _actions(db, "contractor_access_granted")


def test_contractor_sees_the_staff_figures_and_no_personal_data(as_role, client, login, db, make_candidate,
                                                                contractor, linked, make_obligation):
    candidate = make_candidate(first_name="Fatima", last_name="El Idrissi", external_id="K-00001",
                               target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    obligation = make_obligation(contractor, period_start=date(2025, 1, 1))  # 5% of € 1.000.000
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/plaatsingen/nieuw", data=placement_form(
        employer=str(contractor.id), start_date="2025-01-01", end_date="2025-06-30",
        sroi_obligation=str(obligation.id)))
    assert response.status_code == 302
    placement = db.session.scalar(select(Placement))
    staff_text = page_text(client.get(f"/beheer/social-return/{obligation.id}"))

    login(linked)
    listing = client.get("/werkgever/social-return/")
    page = client.get(f"/werkgever/social-return/{obligation.id}")
    assert page.status_code == 200
    text = page_text(page)
    figures = ["€ 13.333,33 van € 50.000,00 gerealiseerd (26,7%)", "Nog te realiseren € 36.666,67",
               "Verwacht aan het einde van de periode € 13.333,33", "5% van € 1.000.000,00 = € 50.000,00",
               "Status achter"]
    for figure in figures:
        assert figure in staff_text and figure in text, figure
    assert "24 u/week, tijdelijk contract" in text and "Regulier werk" not in text
    assert "Participatiewet > 2 jaar: € 40.000 × 24/36 u × 6/12 mnd = € 13.333,33" in staff_text
    assert "Bouwblok 2 van de tabel (plaatsing)" in text
    assert "achter" in page_text(listing) and "€ 13.333,33 van € 50.000,00" in page_text(listing)
    for response in (listing, page):
        html = response.get_data(as_text=True)
        for personal in ("Fatima", "El Idrissi", "K-00001", "1988", "8251", "kandidaat1@example.org",
                         f"Plaatsing {placement.id}", "/beheer/"):
            assert personal not in html, personal
    assert candidate.personal.last_name == "El Idrissi"


def test_another_contractors_obligation_is_not_found(client, login, contractor, linked, make_employer,
                                                     make_obligation, other_org):
    own = make_obligation(contractor, contract_name="Eigen contract")
    other = make_obligation(make_employer(name="Ander BV"), contract_name="Contract van een ander")
    foreign = make_obligation(make_employer(organisation=other_org), organisation=other_org)
    login(linked)
    assert "Contract van een ander" not in page_text(client.get("/werkgever/social-return/"))
    assert client.get(f"/werkgever/social-return/{own.id}").status_code == 200
    for obligation in (other, foreign):
        assert client.get(f"/werkgever/social-return/{obligation.id}").status_code == 404
        assert client.post(f"/werkgever/social-return/{obligation.id}/voorstellen", data=PURCHASE).status_code == 404
    assert client.get("/werkgever/social-return/999999").status_code == 404


def test_who_may_open_the_contractor_pages(client, login, as_role, db, contractor, linked, make_user,
                                           make_obligation, other_org):
    obligation = make_obligation(contractor)
    anonymous = client.get(f"/werkgever/social-return/{obligation.id}")
    assert anonymous.status_code == 302 and "/inloggen" in anonymous.headers["Location"]
    login(make_user(Role.EMPLOYER))  # an employer account without access
    assert client.get("/werkgever/social-return/").status_code == 404
    assert client.get(f"/werkgever/social-return/{obligation.id}").status_code == 404
    assert "Social return" not in page_text(client.get("/werkgever/"))
    as_role(Role.COORDINATOR)  # staff use their own pages
    assert client.get(f"/werkgever/social-return/{obligation.id}").status_code == 403
    as_role(Role.COORDINATOR, other_org)  # staff of another organisation cannot touch the access
    assert client.post(f"/beheer/social-return/{obligation.id}/toegang",
                       data={"access-email": "planner@groen.example"}).status_code == 404
    assert client.post(f"/beheer/social-return/{obligation.id}/toegang/{linked.id}/intrekken").status_code == 404
    login(linked)  # a contractor cannot use the staff pages
    assert client.get(f"/beheer/social-return/{obligation.id}").status_code == 403
    assert db.session.scalar(select(func.count(ContractorAccess.id))) == 1


def _utrecht_obligation(make_obligation, contractor):
    """Utrecht's table values purchases at invoice value and hours at € 100; 5% of € 100.000."""
    return make_obligation(contractor, table="utrecht", contract_sum_cents=10_000_000,
                           period_start=date(2025, 1, 1), period_end=date(2026, 12, 31))


def test_a_proposal_counts_once_staff_approve_it(client, login, as_role, db, contractor, linked, make_obligation):
    obligation = _utrecht_obligation(make_obligation, contractor)
    login(linked)
    url = f"/werkgever/social-return/{obligation.id}"
    response = client.post(f"{url}/voorstellen", data=PURCHASE, follow_redirects=True)
    text = page_text(response)
    assert ("Voorstel verstuurd: Inkoop bij sociale onderneming: factuurwaarde € 1.234,56 excl. btw "
            "= € 1.234,56.") in text
    assert "Inkoop bij sociale onderneming: Factuur 2025-88 van Kringloop Flevo" in text and "voorgesteld" in text
    assert "€ 0,00 van € 5.000,00 gerealiseerd" in text
    activity = db.session.scalar(select(SroiActivity))
    assert (activity.status, activity.proposed_by_id, activity.value_cents) == (ActivityStatus.PROPOSED, linked.id,
                                                                                123_456)
    assert [e.actor_id for e in _actions(db, "sroi_activity_proposed")] == [linked.id]

    staff = as_role(Role.ACCOUNT_MANAGER)
    assert "1 voorstel wacht" in page_text(client.get("/beheer/social-return/"))
    page = page_text(client.get(f"/beheer/social-return/{obligation.id}"))
    assert "Voorstellen van de opdrachtnemer" in page and "Factuur 2025-88 van Kringloop Flevo" in page
    assert "€ 0,00 van € 5.000,00 gerealiseerd" in page
    response = client.post(f"/beheer/social-return/{obligation.id}/voorstellen/{activity.id}/goedkeuren",
                           data={"version": str(activity.version)}, follow_redirects=True)
    text = page_text(response)
    assert ("Voorstel goedgekeurd: Inkoop bij sociale onderneming: factuurwaarde € 1.234,56 excl. btw "
            "= € 1.234,56.") in text
    assert "€ 1.234,56 van € 5.000,00 gerealiseerd" in text and "Er wachten geen voorstellen" in text
    assert "voorstel wacht" not in page_text(client.get("/beheer/social-return/"))
    db.session.refresh(activity)
    assert (activity.status, activity.reviewed_by_id) == (ActivityStatus.APPROVED, staff.id)
    assert activity.reviewed_at is not None
    [event] = _actions(db, "sroi_activity_approved")
    assert (event.actor_id, event.details["value_cents"]) == (staff.id, 123_456)

    login(linked)
    text = page_text(client.get(url))
    assert "goedgekeurd" in text and "€ 1.234,56 van € 5.000,00 gerealiseerd" in text


def test_a_stale_or_reviewed_proposal_is_not_reviewed_again(client, login, as_role, db, contractor, linked,
                                                            make_obligation):
    obligation = _utrecht_obligation(make_obligation, contractor)
    login(linked)
    client.post(f"/werkgever/social-return/{obligation.id}/voorstellen", data=PURCHASE)
    activity = db.session.scalar(select(SroiActivity))
    as_role(Role.COORDINATOR)
    base = f"/beheer/social-return/{obligation.id}/voorstellen/{activity.id}"
    stale = client.post(f"{base}/goedkeuren", data={"version": str(activity.version + 1)})
    assert stale.status_code == 409 and "Dit is intussen gewijzigd" in page_text(stale)
    assert client.post(f"{base}/goedkeuren", data={"version": str(activity.version)}).status_code == 302
    db.session.refresh(activity)
    again = client.post(f"{base}/afwijzen", data={"version": str(activity.version), "reason": "Toch niet"})
    assert again.status_code == 422
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.APPROVED and activity.rejection_reason is None


def test_rejecting_needs_a_reason_the_contractor_sees(client, login, as_role, db, contractor, linked,
                                                      make_obligation):
    obligation = _utrecht_obligation(make_obligation, contractor)
    login(linked)
    client.post(f"/werkgever/social-return/{obligation.id}/voorstellen", data={
        **PURCHASE, "activity-kind": "social_hours", "activity-amount": "12", "activity-unit": "hour",
        "activity-evidence": "Gastlessen op de praktijkschool"})
    activity = db.session.scalar(select(SroiActivity))
    staff = as_role(Role.ACCOUNT_MANAGER)
    url = f"/beheer/social-return/{obligation.id}/voorstellen/{activity.id}/afwijzen"
    response = client.post(url, data={"version": str(activity.version), "reason": "  "})
    assert response.status_code == 422
    assert "Vul de reden van afwijzing in; de opdrachtnemer ziet die." in page_text(response)
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.PROPOSED
    response = client.post(url, data={"version": str(activity.version), "reason": "Urenstaat ontbreekt"},
                           follow_redirects=True)
    assert "Voorstel afgewezen." in page_text(response)
    db.session.refresh(activity)
    assert (activity.status, activity.rejection_reason, activity.reviewed_by_id) == (
        ActivityStatus.REJECTED, "Urenstaat ontbreekt", staff.id)
    assert len(_actions(db, "sroi_activity_rejected")) == 1

    login(linked)
    text = page_text(client.get(f"/werkgever/social-return/{obligation.id}"))
    assert "Maatschappelijke activiteit: Gastlessen op de praktijkschool" in text
    assert "afgewezen reden: Urenstaat ontbreekt" in text
    assert "€ 0,00 van € 5.000,00 gerealiseerd" in text


@pytest.mark.parametrize("changes, messages", [
    ({"activity-occurred_on": "2024-04-01", "activity-evidence": ""},
     ["Datum: De datum ligt buiten de periode 01-01-2025 – 31-12-2026.", "Bewijs: Beschrijf het bewijs"]),
    ({"activity-amount": "veel"}, ["Bedrag of aantal: Ongeldig bedrag 'veel'"]),
    ({"activity-kind": "social_hours", "activity-amount": "twaalf", "activity-unit": "hour"},
     ["Bedrag of aantal: Ongeldig aantal 'twaalf': gebruik een heel getal, bijvoorbeeld 12."]),
    ({"activity-kind": "social_hours", "activity-amount": "3", "activity-unit": "activity"},
     ["Eenheid van het bedrag of aantal: 'Sociale activiteit / hulp aan sociaal initiatief' wordt in deze tabel "
      "gewaardeerd per uur (€ 100); vul het aantal uren in, niet het aantal activiteiten."]),
    ({"activity-amount": "0"}, ["Bedrag of aantal: Het bedrag of aantal moet groter dan 0 zijn."]),
    ({"activity-occurred_on": ""}, ["Datum: Vul de datum in."]),
])
def test_a_bad_proposal_names_the_field_and_saves_nothing(client, login, db, contractor, linked, make_obligation,
                                                          changes, messages):
    obligation = _utrecht_obligation(make_obligation, contractor)
    login(linked)
    response = client.post(f"/werkgever/social-return/{obligation.id}/voorstellen", data={**PURCHASE, **changes})
    assert response.status_code == 422
    text = page_text(response)
    for message in messages:
        assert message in text
    assert db.session.scalar(select(func.count(SroiActivity.id))) == 0
    assert not _actions(db, "sroi_activity_proposed")


def test_staff_of_another_organisation_cannot_review(client, login, as_role, db, contractor, linked,
                                                     make_obligation, other_org):
    obligation = _utrecht_obligation(make_obligation, contractor)
    login(linked)
    client.post(f"/werkgever/social-return/{obligation.id}/voorstellen", data=PURCHASE)
    activity = db.session.scalar(select(SroiActivity))
    as_role(Role.COORDINATOR, other_org)
    base = f"/beheer/social-return/{obligation.id}/voorstellen/{activity.id}"
    assert client.post(f"{base}/goedkeuren", data={"version": "1"}).status_code == 404
    assert client.post(f"{base}/afwijzen", data={"version": "1", "reason": "Nee"}).status_code == 404
    as_role(Role.MATCHER)  # matchers do not manage obligations
    assert client.post(f"{base}/goedkeuren", data={"version": "1"}).status_code == 403
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.PROPOSED


def test_review_and_proposal_forms_need_the_csrf_token(app, client, as_role, db, contractor, linked,
                                                       make_obligation):
    from flask import g

    def token_from(response) -> str:
        return re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', response.get_data(as_text=True))[1]

    obligation = _utrecht_obligation(make_obligation, contractor)
    app.config["WTF_CSRF_ENABLED"] = True
    client.post("/inloggen", data={"email": linked.email, "password": PASSWORD,
                                   "csrf_token": token_from(client.get("/inloggen"))})
    url = f"/werkgever/social-return/{obligation.id}/voorstellen"
    assert client.post(url, data=PURCHASE).status_code in (400, 422)
    assert db.session.scalar(select(func.count(SroiActivity.id))) == 0
    g.pop("csrf_token", None)  # the test's app context outlives requests: forget the old session's token
    token = token_from(client.get(f"/werkgever/social-return/{obligation.id}"))
    assert client.post(url, data={**PURCHASE, "activity-csrf_token": token}).status_code == 302
    activity = db.session.scalar(select(SroiActivity))
    app.config["WTF_CSRF_ENABLED"] = False
    as_role(Role.ACCOUNT_MANAGER)
    app.config["WTF_CSRF_ENABLED"] = True
    refused = client.post(f"/beheer/social-return/{obligation.id}/voorstellen/{activity.id}/goedkeuren",
                          data={"version": str(activity.version)})
    assert refused.status_code in (400, 422)
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.PROPOSED


def test_a_table_without_activity_rates_says_so_to_the_contractor(client, login, db, contractor, linked,
                                                                   make_obligation):
    obligation = make_obligation(contractor, period_start=date(2025, 1, 1))  # Oost-Nederland: no activity blocks
    login(linked)
    response = client.post(f"/werkgever/social-return/{obligation.id}/voorstellen", data=PURCHASE)
    assert response.status_code == 422
    assert ("Soort: De tabel 'Uniform model social return Oost-Nederland' waardeert deze soort activiteit "
            "niet.") in page_text(response)
    assert db.session.scalar(select(func.count(SroiActivity.id))) == 0


def test_staff_notes_on_their_own_activities_do_not_reach_the_contractor(client, login, as_role, db, contractor,
                                                                         linked, make_obligation):
    # staff write evidence for themselves ("werkervaring van ...") and it may name people; the
    # contractor sees the kind and the value of such an activity, and the evidence of its own proposals
    obligation = _utrecht_obligation(make_obligation, contractor)
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/beheer/social-return/{obligation.id}/activiteiten", data={
        **PURCHASE, "activity-evidence": "Stageplek voor Fatima El Idrissi, factuur 77"}, follow_redirects=True)
    assert "Stageplek voor Fatima El Idrissi" in page_text(response)
    login(linked)
    client.post(f"/werkgever/social-return/{obligation.id}/voorstellen", data=PURCHASE)
    text = page_text(client.get(f"/werkgever/social-return/{obligation.id}"))
    assert "€ 1.234,56 van € 5.000,00 gerealiseerd" in text  # the staff activity counts
    assert "Fatima" not in text and "factuur 77" not in text
    assert "Factuur 2025-88 van Kringloop Flevo" in text


def test_the_contractor_reads_values_and_the_block_number_never_a_target_group(
        as_role, client, login, db, make_candidate, contractor, linked, make_obligation):
    """Block labels name a benefit or a disability ("Participatiewet > 2 jaar, zonder arbeidsbeperking"),
    instruments too ("Beschut werk"), bonuses a status: the contractor can tell its employees apart by start
    and hours, so it reads the values and the block's number only; staff keep the whole calculation."""
    obligation = make_obligation(contractor, table="rijnvicus", period_start=date(2025, 1, 1))
    as_role(Role.COORDINATOR)
    make_candidate(external_id="K-00001", target_groups=["participatiewet"], benefit_since=date(2021, 1, 1))
    make_candidate(external_id="K-00002", target_groups=["participatiewet"], benefit_since=date(2021, 1, 1))
    for number, start, hours, instrument in (("K-00001", "2025-01-01", "24", "regular"),
                                             ("K-00002", "2025-02-10", "32", "sheltered")):
        response = client.post("/beheer/plaatsingen/nieuw", data=placement_form(
            candidate_number=number, employer=str(contractor.id), start_date=start, end_date="2025-09-30",
            hours_per_week=hours, instrument=instrument, sroi_obligation=str(obligation.id)))
        assert response.status_code == 302, page_text(response)
    staff_text = page_text(client.get(f"/beheer/social-return/{obligation.id}"))
    assert "Participatiewet > 2 jaar, zonder arbeidsbeperking" in staff_text and "Beschut werk" in staff_text

    login(linked)
    page = client.get(f"/werkgever/social-return/{obligation.id}")
    html = page.get_data(as_text=True)
    for word in ("Participatiewet", "arbeidsbeperking", "uitkering", "Wajong", "WIA", "Beschut", "banenafspraak",
                 "55+", "statushouder", "doelgroep", "> 2 jaar"):
        assert word not in html, word
    text = page_text(page)
    assert text.count("Bouwblok ") == 2 and "24 u/week, tijdelijk contract" in text
    cells = re.findall(r"<td>(€ [\d.,]+)</td><td>(€ [\d.,]+)</td>", html)
    assert len(cells) == 2
    def cents(text):
        return int(text.removeprefix("€ ").replace(".", "").replace(",", ""))
    realised = re.search(r'id="realised">(€ [\d.,]+)<', html).group(1)
    assert sum(cents(r) for r, _ in cells) == cents(realised) > 0
