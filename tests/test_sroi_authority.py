"""The contracting authority's contract manager: staff give read-only access; the manager sees the
obligations of the authority's contracts, their progress and contributions, and never a person."""
from datetime import date

from sqlalchemy import select

from models import AuditEvent, AuthorityAccess, Placement
from models.enums import ContractType, Instrument, Role
from tests.placement_fixtures import page_text


def _placed(db, org, obligation, candidate):
    placement = Placement(organisation_id=org.id, employer_id=obligation.contractor_id, candidate_id=candidate.id,
                          start_date=date(2026, 2, 1), end_date=date(2026, 7, 31), hours_per_week=24,
                          contract_type=ContractType.TEMPORARY, instrument=Instrument.REGULAR,
                          target_group="participatiewet", benefit_months_at_start=30,
                          sroi_obligation_id=obligation.id, value_cents=1_333_333,
                          value_explanation="Participatiewet > 2 jaar: € 40.000 × 24/36 u × 6/12 mnd = € 13.333,33")
    db.session.add(placement)
    db.session.commit()


def test_contract_manager_reads_the_authoritys_obligations_without_personal_data(
        as_role, client, login, db, org, make_user, make_employer, make_obligation, make_candidate):
    ours = make_obligation(make_employer(name="Groen BV"), contract_name="Onderhoud openbaar groen",
                           contracting_authority="Gemeente Dronten")
    other = make_obligation(make_employer(name="Bouw BV"), contract_name="Sporthal", contracting_authority="Gemeente Tiel")
    candidate = make_candidate(external_id="K-55501")
    _placed(db, org, ours, candidate)
    manager = make_user(Role.EMPLOYER, email="contracten@dronten.example", name="Carla Contract",
                        company_name="Gemeente Dronten")
    staff = as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/beheer/social-return/{ours.id}/opdrachtgever-toegang",
                           data={"authority-email": "contracten@dronten.example"}, follow_redirects=True)
    assert "contracten@dronten.example ziet nu de verplichtingen van Gemeente Dronten (alleen lezen)." in page_text(response)
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "authority_access_granted")).all()
    assert (event.actor_id, event.object_id) == (staff.id, manager.id)

    login(manager)
    index = page_text(client.get("/opdrachtgever/social-return/"))
    assert "Onderhoud openbaar groen" in index and "Groen BV" in index and "Sporthal" not in index
    response = client.get(f"/opdrachtgever/social-return/{ours.id}")
    assert response.status_code == 200
    text = page_text(response)
    assert "24 u/week, tijdelijk contract" in text and "€ 13.333,33" in text
    assert "Participatiewet" not in text  # the block's label names the benefit: staff only
    assert "K-55501" not in text and "Plaatsing " not in text and "Bewerken" not in text
    assert candidate.personal is None or candidate.personal.last_name not in text
    assert client.get(f"/opdrachtgever/social-return/{other.id}").status_code == 404


def test_without_access_every_page_is_404(client, login, make_user, make_employer, make_obligation):
    obligation = make_obligation(make_employer())
    login(make_user(Role.EMPLOYER))
    assert client.get("/opdrachtgever/social-return/").status_code == 404
    assert client.get(f"/opdrachtgever/social-return/{obligation.id}").status_code == 404


def test_staff_end_the_access(as_role, client, login, db, org, make_user, make_employer, make_obligation):
    obligation = make_obligation(make_employer())
    manager = make_user(Role.EMPLOYER)
    staff = as_role(Role.ACCOUNT_MANAGER)
    db.session.add(AuthorityAccess(user_id=manager.id, organisation_id=org.id, authority="Gemeente Dronten",
                                   granted_by_id=staff.id))
    db.session.commit()
    client.post(f"/beheer/social-return/{obligation.id}/opdrachtgever-toegang/{manager.id}/intrekken")
    assert db.session.scalar(select(AuthorityAccess)) is None
    login(manager)
    assert client.get("/opdrachtgever/social-return/").status_code == 404


def test_an_unknown_account_is_refused_with_a_message(as_role, client, db, make_employer, make_obligation):
    obligation = make_obligation(make_employer())
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/beheer/social-return/{obligation.id}/opdrachtgever-toegang",
                           data={"authority-email": "niemand@example.org"})
    assert response.status_code == 422
    assert "Er is geen werkgeversaccount met dit e-mailadres." in page_text(response)
    assert db.session.scalar(select(AuthorityAccess)) is None


def test_the_page_title_is_the_contract_name_and_the_access_section_sits_in_the_page(
        as_role, client, make_user, make_employer, make_obligation):
    """The access section once sat inside the title block: the tab title held its HTML, the CSRF token and,
    once access was granted, the manager's name and e-mail address."""
    import re
    obligation = make_obligation(make_employer(), contract_name="Onderhoud openbaar groen",
                                 contracting_authority="Gemeente Dronten")
    make_user(Role.EMPLOYER, email="contracten@dronten.example", name="Karin Contract")
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/beheer/social-return/{obligation.id}/opdrachtgever-toegang",
                           data={"authority-email": "contracten@dronten.example"}, follow_redirects=True)
    html = response.get_data(as_text=True)
    [title] = re.findall(r"<title>(.*?)</title>", html, re.S)
    assert title.strip() == "Onderhoud openbaar groen · Werkbrug"
    body = html.split("</head>", 1)[1]
    assert body.count('id="authority-heading"') == 1
    assert "Karin Contract (contracten@dronten.example)" in page_text(response)
    assert "Toegang intrekken" in page_text(response)
