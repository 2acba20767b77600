"""`flask seed demo`: the demo organisations, one account per role, and data for every area."""
from sqlalchemy import func, select

from models import (
    Candidate,
    ContactMoment,
    ContractorAccess,
    Employer,
    Organisation,
    Placement,
    SroiActivity,
    SroiObligation,
    User,
    Vacancy,
)
from seed.accounts import DEMO_CONTRACTOR_EMAIL, DEMO_PASSWORD
from tests.placement_fixtures import page_text


def count(db, model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_seed_demo_loads_everything_once(runner, db, login, client):
    result = runner.invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    assert "password for all: werkbrug-demo-2026" in result.output
    dronten = db.session.scalar(select(Organisation).where(Organisation.key == "dronten"))
    assert dronten.is_default
    assert count(db, Candidate, Candidate.organisation_id == dronten.id) == 300
    assert count(db, Employer, Employer.organisation_id == dronten.id) == 80
    assert count(db, Vacancy, Vacancy.organisation_id == dronten.id) == 120
    assert count(db, ContactMoment) == 600
    assert count(db, Placement) == 25
    assert count(db, Candidate, Candidate.organisation_id != dronten.id) == 60

    matcher = db.session.scalar(select(User).where(User.email == "matcher@dronten.example.org"))
    assert login(matcher, password=DEMO_PASSWORD).request.path == "/beheer/matcher"

    # the contractor's contact person signs in and finds its obligations, and nobody else's
    assert DEMO_CONTRACTOR_EMAIL in result.output
    contact = db.session.scalar(select(User).where(User.email == DEMO_CONTRACTOR_EMAIL))
    access = db.session.scalar(select(ContractorAccess).where(ContractorAccess.user_id == contact.id))
    own = db.session.scalars(select(SroiObligation).where(SroiObligation.contractor_id == access.employer_id)).all()
    others = db.session.scalars(select(SroiObligation).where(SroiObligation.contractor_id != access.employer_id)).all()
    assert own and others
    login(contact, password=DEMO_PASSWORD)
    listing = client.get("/werkgever/social-return/").get_data(as_text=True)
    assert all(mine.contract_name in listing for mine in own)
    assert all(other.contract_name not in listing for other in others)
    # its contract's table values activities: the demo activities count, each with its computation
    activities = db.session.scalars(select(SroiActivity).where(SroiActivity.obligation_id == own[0].id)).all()
    assert activities and all(a.value_cents > 0 for a in activities)
    page = page_text(client.get(f"/werkgever/social-return/{own[0].id}"))
    assert all(a.value_explanation in page for a in activities)
    assert "factuurwaarde" in page or "× €" in page
    again = runner.invoke(args=["seed", "demo", "--if-empty"])
    assert "not loaded again" in again.output
    assert count(db, Candidate) == 360
