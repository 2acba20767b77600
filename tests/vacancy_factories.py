"""Factories for the vacancy tests; import the fixtures into a test module to use them."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import Vacancy, VacancyShare
from models.common import clock
from models.enums import VacancyStatus


@pytest.fixture
def make_vacancy(db, org, make_employer):
    counter = iter(range(1, 10_000))

    def make(organisation=None, employer=None, shared_with=(), **kw) -> Vacancy:
        n = next(counter)
        organisation = organisation or org
        employer = employer or make_employer(organisation)
        vacancy = Vacancy(organisation_id=organisation.id, employer_id=employer.id,
                          external_id=kw.pop("external_id", f"V-{organisation.key}-{n}"),
                          title=kw.pop("title", f"Vacature {n}"), city=kw.pop("city", "Dronten"),
                          status=kw.pop("status", VacancyStatus.OPEN), required_skills=kw.pop("required_skills", []),
                          preferred_skills=kw.pop("preferred_skills", []), **kw)
        vacancy.shares = [VacancyShare(organisation_id=o.id) for o in shared_with]
        db.session.add(vacancy)
        db.session.commit()
        return vacancy
    return make


def future(days: int = 30) -> date:
    return clock.today() + timedelta(days=days)
