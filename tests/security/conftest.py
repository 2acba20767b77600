"""A small demo world loaded once per module: two organisations, every role signed in, ids to use."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

import seed.loader as demo_loader
from models import (
    Agreement,
    BuildingBlock,
    BuildingBlockTableVersion,
    Candidate,
    ContactMoment,
    ContactPerson,
    Employer,
    EmployerRequest,
    Organisation,
    Placement,
    PublicProfile,
    SavedSearch,
    SroiObligation,
    Suggestion,
    User,
    Vacancy,
    VacancyShare,
)
from models.accounts import api_tokens, users
from models.enums import Channel, ProfileStatus, Role
from seed.accounts import DEMO_PASSWORD, demo_email
from tests.conftest import _empty_tables, make_test_app
from tests.matching_helpers import load_small_taxonomy
from web.extensions import db

ROLE_SLUGS = {"account_manager": "accountmanager", "matcher": "matcher", "coordinator": "coordinator",
              "admin": "beheerder"}
SMALL_DEMO = {"dronten": (40, 12, 16), "uwv-flevoland": (15, 4, 5)}


class World:
    """What the security tests need: the app, a signed-in client per role, own and foreign ids."""

    def __init__(self, app):
        self.app = app
        self.clients: dict[str, object] = {}
        self.ids: dict[str, dict[str, object]] = {}
        self.tokens: dict[str, str] = {}

    def client(self, role: str):
        return self.clients[role] if role != "anonymous" else self.app.test_client()


def _first(model, *where):
    return db.session.scalar(select(model).where(*where).order_by(model.id).limit(1))


def _ids_for(org: Organisation, employer_user: User | None) -> dict[str, object]:
    """One real object of every kind in ``org`` (pairs that belong together stay together)."""
    own = lambda model: _first(model, model.organisation_id == org.id)  # noqa: E731
    employer = own(Employer)
    agreement = _first(Agreement, Agreement.employer_id == employer.id)
    if agreement is None:
        agreement = Agreement(employer_id=employer.id, description="Twee plaatsingen", target_count=2,
                              period_start=date(2026, 1, 1), period_end=date(2026, 12, 31))
        db.session.add(agreement)
    person = ContactPerson(employer_id=employer.id, name="Petra de Vries", email="petra@bedrijf.example")
    candidate, vacancy = own(Candidate), own(Vacancy)
    vacancy.external_id = f"V-{org.key}-own"  # demo numbers repeat across organisations
    suggestion = _first(Suggestion, Suggestion.vacancy_id == vacancy.id, Suggestion.candidate_id == candidate.id) \
        or Suggestion(vacancy_id=vacancy.id, candidate_id=candidate.id, organisation_id=org.id, score=0.5)
    profile = own(PublicProfile) or PublicProfile(organisation_id=org.id, code=f"K-{org.id:04X}",
                                                   status=ProfileStatus.PUBLISHED)
    request = EmployerRequest(organisation_id=org.id, profile=profile, requester_name="Jan Werkgever",
                              company="Bakkerij Jansen", email="jan@bakkerij.example", message="Graag kennismaken")
    db.session.add_all([person, suggestion, profile, request])
    db.session.flush()
    moment = own(ContactMoment) or ContactMoment(organisation_id=org.id, employer_id=employer.id, subject="Bel",
                                                     channel=Channel.PHONE, occurred_on=date(2026, 1, 5))
    db.session.add(moment)
    version = _first(BuildingBlockTableVersion)
    block = _first(BuildingBlock, BuildingBlock.version_id == version.id)
    user = own(User)
    ids = dict(
        employer_id=employer.id, agreement_id=agreement.id, person_id=person.id, moment_id=moment.id,
        candidate_id=candidate.id, vacancy_id=vacancy.id, suggestion_id=suggestion.id, request_id=request.id,
        placement_id=getattr(own(Placement), "id", 999_999), obligation_id=getattr(own(SroiObligation), "id", 999_999),
        version_id=version.id, table_id=version.table_id, code=block.code, profile_code=profile.code,
        user_id=user.id, token_id=None, external_id=vacancy.external_id, organisation_id=org.id,
        fmt="csv", family="plaatsingen", figure="instrument", concept_id=1, alias_id=1, skill_id=1, item_id=1, search_id=None,
        activity_id=999_999, message_id=999_999, secret="onbekend-agenda-adres",
        public_id="onbekende-export", import_id="onbekende-import",
    )
    if employer_user is not None:
        search = SavedSearch(user_id=employer_user.id, name="Heftruck", query_string="q=heftruck")
        db.session.add(search)
        db.session.flush()
        ids["search_id"] = search.id
    return ids


@pytest.fixture(scope="module")
def world(database_url, tmp_path_factory, fast_password_hashing):
    """Load the small demo set once, sign in every role of Dronten, make tokens for both organisations."""
    app, violations = make_test_app(database_url, str(tmp_path_factory.mktemp("instance")))
    original = (demo_loader.DEMO_SIZES, demo_loader.load_taxonomy)
    demo_loader.DEMO_SIZES, demo_loader.load_taxonomy = SMALL_DEMO, load_small_taxonomy
    with app.app_context():
        try:
            for _line in demo_loader.load_demo(db.session, 11, echo=lambda _s: None):
                pass
            employer_user = users.create_user(db.session, email="werkgever@bedrijf.example", name="Werkgever",
                                                 role=Role.EMPLOYER, password=DEMO_PASSWORD, organisation=None)
            w = World(app)
            dronten = db.session.scalar(select(Organisation).where(Organisation.key == "dronten"))
            partner = db.session.scalar(select(Organisation).where(Organisation.key == "uwv-flevoland"))
            w.orgs = {"own": dronten, "other": partner}
            w.ids["own"] = _ids_for(dronten, employer_user)
            w.ids["other"] = _ids_for(partner, None)
            for key, org in w.orgs.items():
                token, w.tokens[key] = api_tokens.create_token(db.session, org.id, "security tests")
                w.ids[key]["token_id"] = token.id
            # One Dronten vacancy shared with the partner: the partner sees it read-only.
            shared = _first(Vacancy, Vacancy.organisation_id == dronten.id, Vacancy.id != w.ids["own"]["vacancy_id"])
            db.session.add(VacancyShare(vacancy_id=shared.id, organisation_id=partner.id))
            w.shared_vacancy = shared
            db.session.commit()
            for role, slug in ROLE_SLUGS.items():
                w.clients[role] = _signed_in(app, demo_email(slug, "dronten"))
            w.clients["partner_coordinator"] = _signed_in(app, demo_email("coordinator", "uwv-flevoland"))
            w.clients["partner_matcher"] = _signed_in(app, demo_email("matcher", "uwv-flevoland"))
            w.clients["employer"] = _signed_in(app, "werkgever@bedrijf.example")
            yield w
            assert not violations, f"API responses that break the OpenAPI document: {violations}"
        finally:
            demo_loader.DEMO_SIZES, demo_loader.load_taxonomy = original
            db.session.remove()
            _empty_tables(db.engine)
            db.engine.dispose()


def _signed_in(app, email: str):
    client = app.test_client()
    response = client.post("/inloggen", data={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, (email, response.status_code)
    return client
