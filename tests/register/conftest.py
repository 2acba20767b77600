"""Fixtures of the register's tests: an account manager signed in, employers with history."""
from __future__ import annotations

from datetime import date

import pytest

from models import ContactMoment, ContactPerson, Placement, Vacancy
from models.enums import Channel, ContractType, Instrument, Role, VacancyStatus


@pytest.fixture
def manager(as_role):
    """A signed-in account manager of the main organisation."""
    return as_role(Role.ACCOUNT_MANAGER)


@pytest.fixture
def make_person(db):
    def make(employer, name="Petra de Vries", **kw) -> ContactPerson:
        person = ContactPerson(employer_id=employer.id, name=name, position=kw.pop("position", "HR-adviseur"),
                               email=kw.pop("email", "petra@bakkerij.example"), phone=kw.pop("phone", "0321 123456"), **kw)
        db.session.add(person)
        db.session.commit()
        return person
    return make


@pytest.fixture
def make_moment(db):
    def make(employer, occurred_on=date(2026, 1, 5), **kw) -> ContactMoment:
        moment = ContactMoment(organisation_id=employer.organisation_id, employer_id=employer.id,
                               channel=kw.pop("channel", Channel.PHONE), occurred_on=occurred_on,
                               subject=kw.pop("subject", "Kennismaking"), **kw)
        db.session.add(moment)
        db.session.commit()
        return moment
    return make


@pytest.fixture
def make_vacancy(db):
    def make(employer, status=VacancyStatus.OPEN, title="Medewerker bakkerij") -> Vacancy:
        vacancy = Vacancy(organisation_id=employer.organisation_id, employer_id=employer.id, title=title,
                          status=status)
        db.session.add(vacancy)
        db.session.commit()
        return vacancy
    return make


@pytest.fixture
def make_placement(db):
    def make(employer, start_date, target_group=None, **kw) -> Placement:
        placement = Placement(organisation_id=employer.organisation_id, employer_id=employer.id,
                              start_date=start_date, hours_per_week=kw.pop("hours_per_week", 32),
                              contract_type=ContractType.TEMPORARY, instrument=Instrument.REGULAR,
                              target_group=target_group, **kw)
        db.session.add(placement)
        db.session.commit()
        return placement
    return make
