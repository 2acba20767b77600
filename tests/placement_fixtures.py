"""Fixtures for placements and social return: the shipped tables, obligations, a hired suggestion."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from models import BuildingBlockTable, PublicProfile, SroiObligation, Suggestion, Vacancy
from models.enums import ProfileStatus, SuggestionStatus
from models.sroi.tables import load_shipped_tables


@pytest.fixture
def tables(db, org, other_org):
    """The three shipped tables in the database; both organisations default to Oost-Nederland."""
    load_shipped_tables(db.session)
    org.building_block_table_key = "oost-nederland"
    other_org.building_block_table_key = "oost-nederland"
    db.session.commit()
    return {t.key: t for t in db.session.scalars(select(BuildingBlockTable))}


@pytest.fixture
def make_obligation(db, org, tables):
    def make(contractor, organisation=None, table="oost-nederland", **kw) -> SroiObligation:
        obligation = SroiObligation(
            organisation_id=(organisation or org).id, contract_name=kw.pop("contract_name", "Onderhoud groen"),
            contracting_authority=kw.pop("contracting_authority", "Gemeente Dronten"), contractor_id=contractor.id,
            contract_sum_cents=kw.pop("contract_sum_cents", 100_000_000), percentage=kw.pop("percentage", Decimal(5)),
            period_start=kw.pop("period_start", date(2026, 1, 1)), period_end=kw.pop("period_end", date(2027, 12, 31)),
            table_id=tables[table].id, **kw)
        db.session.add(obligation)
        db.session.commit()
        return obligation
    return make


@pytest.fixture
def hired_suggestion(db, org, make_candidate, make_employer):
    """A candidate on Participatiewet for 3 years, hired through a suggestion; with a published profile
    and a second, still open suggestion for another vacancy."""
    candidate = make_candidate(target_groups=["participatiewet", "statushouder"], benefit_since=date(2023, 1, 1),
                               birth_date=date(1970, 6, 15))
    employer = make_employer(name="Groenbedrijf Flevo")
    vacancy = Vacancy(organisation_id=org.id, employer_id=employer.id, title="Hovenier", hours_min=20, hours_max=24)
    other = Vacancy(organisation_id=org.id, employer_id=employer.id, title="Schoonmaker")
    db.session.add_all([vacancy, other])
    db.session.flush()
    hired = Suggestion(vacancy_id=vacancy.id, candidate_id=candidate.id, organisation_id=org.id, score=0.9,
                       status=SuggestionStatus.HIRED)
    open_one = Suggestion(vacancy_id=other.id, candidate_id=candidate.id, organisation_id=org.id, score=0.5,
                          status=SuggestionStatus.PROPOSED)
    profile = PublicProfile(candidate_id=candidate.id, organisation_id=org.id, code="K-7F3A",
                            status=ProfileStatus.PUBLISHED)
    db.session.add_all([hired, open_one, profile])
    db.session.commit()
    return hired


def placement_form(**overrides) -> dict:
    """The fields of the placement form as a person fills them in."""
    data = {"candidate_number": "K-00001", "employer": "0", "vacancy": "0", "start_date": "2026-01-01",
            "end_date": "2026-06-30", "hours_per_week": "24", "contract_type": "temporary",
            "instrument": "regular", "target_group": "participatiewet", "benefit_months_at_start": "",
            "outflow": "none", "outflow_on": "", "sroi_obligation": "0", "block_code": ""}
    data.update(overrides)
    return data


def page_text(response) -> str:
    """What a person reads on the page, with entities such as &gt; shown as characters."""
    import html

    from tests.helpers import visible_text

    return html.unescape(visible_text(response.get_data(as_text=True)))
