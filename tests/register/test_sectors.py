"""Sector from a fixed list: free texts mapped, the rest assigned by a coordinator, the catalogue filter clean."""
from __future__ import annotations

from sqlalchemy import select

from models import ChangeRecord, Employer
from models.enums import Role
from models.taxonomy import sectors
from tests.helpers import visible_text


def test_free_texts_map_onto_one_sector_or_are_left_for_a_person():
    assert sectors.sector_of("Bouw en infra") == "bouw"
    assert sectors.sector_of("  installatietechniek ") == "techniek"
    assert sectors.sector_of("I") == "horeca" and sectors.sector_of("C") == "productie"
    assert sectors.sector_of("Zorg") == "zorg" and sectors.sector_of("Logistiek centrum") == "logistiek"
    assert sectors.sector_of("N") is None  # cleaning and staffing alike: a person decides
    assert sectors.sector_of("Bouw, logistiek, techniek") is None  # several fields: a person decides
    assert sectors.sector_of("G") == "detailhandel" and sectors.sector_of("") is None
    assert sectors.split("productie, techniek") == ["productie", "techniek"]
    assert sectors.split("algemeen") == []


def test_employer_form_offers_the_list_and_refuses_anything_else(as_role, client, db, make_employer):
    as_role(Role.ACCOUNT_MANAGER)
    employer = make_employer(name="Garage Wiel")
    page = client.get(f"/werkgevers/{employer.id}/bewerken").get_data(as_text=True)
    assert '<option value="techniek">Techniek en installatie</option>' in page
    data = {"version": employer.version, "name": "Garage Wiel", "status": "active", "sector": "Auto's"}
    response = client.post(f"/werkgevers/{employer.id}/bewerken", data=data)
    assert response.status_code == 422 and "Kies een sector uit de lijst" in visible_text(response.get_data(as_text=True))
    response = client.post(f"/werkgevers/{employer.id}/bewerken", data={**data, "sector": "techniek"},
                           follow_redirects=True)
    assert "Techniek en installatie" in visible_text(response.get_data(as_text=True))
    db.session.refresh(employer)
    assert employer.sector == "techniek"


def test_a_coordinator_assigns_what_did_not_map_and_account_managers_cannot(as_role, client, db, make_employer,
                                                                           make_user, login):
    odd = make_employer(name="Uitzendbureau Flex", sector=None, sector_unmapped="N")
    other = make_employer(name="Stichting Samen", sector=None, sector_unmapped="Maatschappelijke opvang")
    login(make_user(Role.ACCOUNT_MANAGER))
    assert client.get("/werkgevers/sectoren").status_code == 403
    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/werkgevers/sectoren").get_data(as_text=True))
    assert "2 werkgevers wachten op een sector" in text and "Maatschappelijke opvang" in text
    response = client.post("/werkgevers/sectoren", data={f"sector-{odd.id}": "kapsalon", f"sector-{other.id}": "zorg"})
    assert response.status_code == 422 and "Kies een sector uit de lijst" in visible_text(response.get_data(as_text=True))
    db.session.refresh(other)
    assert other.sector is None  # all or nothing
    response = client.post("/werkgevers/sectoren", data={f"sector-{odd.id}": "", f"sector-{other.id}": "zorg"},
                           follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "1 werkgever(s) hebben nu een sector" in text and "1 werkgever wacht op een sector" in text
    db.session.refresh(other)
    assert (other.sector, other.sector_unmapped) == ("zorg", None)
    change = db.session.scalar(select(ChangeRecord).where(ChangeRecord.object_id == other.id, ChangeRecord.field == "sector"))
    assert (change.old, change.new) == ("Maatschappelijke opvang", "zorg")
    assert db.session.get(Employer, odd.id).sector_unmapped == "N"
