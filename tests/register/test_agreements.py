"""Agreements with employers and their progress, counted from recorded placements."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from models import Agreement
from tests.helpers import visible_text


def text_of(response) -> str:
    return visible_text(response.get_data(as_text=True))


def test_agreement_progress_counts_placements_in_period_and_target_group(manager, client, db, make_employer,
                                                                          make_placement):
    employer = make_employer(name="Zorggroep Flevo")
    response = client.post(f"/werkgevers/{employer.id}/afspraken/nieuw", data={
        "description": "5 plaatsingen in 2027 voor statushouders", "target_count": "5",
        "period_start": "2027-01-01", "period_end": "2027-12-31", "target_group": "statushouder",
    }, follow_redirects=True)
    assert "De afspraak is vastgelegd" in text_of(response)
    make_placement(employer, date(2027, 3, 1), target_group="statushouder")
    make_placement(employer, date(2027, 6, 1), target_group="participatiewet", statushouder=True)
    make_placement(employer, date(2027, 7, 1), target_group="participatiewet")  # other group
    make_placement(employer, date(2026, 12, 31), target_group="statushouder")  # before the period
    make_placement(make_employer(), date(2027, 3, 1), target_group="statushouder")  # other employer
    text = text_of(client.get(f"/werkgevers/{employer.id}"))
    assert "5 plaatsingen in 2027 voor statushouders" in text and "2 van 5" in text


def test_agreement_without_target_group_counts_all_and_edit_is_in_history(manager, client, db, make_employer,
                                                                          make_placement):
    employer = make_employer()
    client.post(f"/werkgevers/{employer.id}/afspraken/nieuw", data={
        "description": "3 plaatsingen", "target_count": "3", "period_start": "2027-01-01",
        "period_end": "2027-12-31", "target_group": ""})
    make_placement(employer, date(2027, 3, 1), target_group="wajong")
    agreement = db.session.scalar(select(Agreement))
    assert "1 van 3" in text_of(client.get(f"/werkgevers/{employer.id}"))
    client.post(f"/werkgevers/{employer.id}/afspraken/{agreement.id}/bewerken", data={
        "description": "4 plaatsingen", "target_count": "4", "period_start": "2027-01-01",
        "period_end": "2027-12-31", "target_group": "", "version": "1"})
    assert "1 van 4" in text_of(client.get(f"/werkgevers/{employer.id}"))
    history = text_of(client.get(f"/werkgevers/{employer.id}/afspraken/{agreement.id}/geschiedenis"))
    assert "Aantal plaatsingen 3 4" in history


def test_bad_agreement_input_is_named(manager, client, db, make_employer):
    employer = make_employer()
    response = client.post(f"/werkgevers/{employer.id}/afspraken/nieuw", data={
        "description": "x", "target_count": "0", "period_start": "2027-12-31", "period_end": "2027-01-01"})
    assert response.status_code == 422
    text = text_of(response)
    assert "Vul een aantal plaatsingen van 1 of meer in" in text and "De einddatum moet op of na de begindatum liggen" in text
    assert db.session.scalar(select(Agreement)) is None
