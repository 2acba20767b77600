"""Planted personal data never reaches an anonymous visitor, an employer, or a partner organisation.

Candidates of the municipality get names, BSNs, phone numbers in many formats, e-mail and street
addresses in every free-text field; their profiles are published in bulk. Then every page, export
and API answer an outsider can reach is crawled (following links) and searched for any planted value.
"""
from __future__ import annotations

import io
import random
import re
from collections import deque
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from stdnum.nl import bsn as bsn_check

from models import Candidate, CandidatePersonal, PublicProfile, Vacancy
from models.catalogue.publishing.bulk import publish_all_consented
from models.catalogue.publishing.groups import published_violations
from models.common import clock
from models.enums import Education, ProfileStatus
from models.matches.suggestions import refresh_suggestions
from tests.test_profile_privacy import STREETS, bsn, phones
from web.extensions import db

TODAY = clock.today()
SYLLABLES = ["ko", "ra", "vel", "thu", "mir", "zan", "dew", "quo", "bex", "lor", "ny", "wik", "sto", "gru"]
MAX_PAGES = 150
LINK = re.compile(r'href="([^"#]+)"')


def made_up_name(rng) -> str:
    """A name that no page of the demo set can hold by chance."""
    return "".join(rng.choice(SYLLABLES) for _ in range(4)).title()


def plant_candidates(world, n: int = 40) -> list[dict]:
    """Active consenting candidates whose free text is full of their own personal data."""
    rng, planted = random.Random(8), []
    org = world.orgs["own"]
    for i in range(n):
        first, last = made_up_name(rng), made_up_name(rng)
        number, phone_list = bsn(rng), phones(rng)
        assert bsn_check.is_valid(number)
        born = date(1965, 1, 1) + timedelta(days=rng.randint(0, 365 * 35))
        email = f"{first.lower()}.{last.lower()}@voorbeeld.example"
        street = f"{rng.choice(STREETS)} {rng.randint(1, 200)}"
        ext = f"PII-{rng.randint(100000, 999999)}"
        text = (f"{first} {last} woont aan de {street} te Dronten, BSN {number}, bel {phone_list[0]} of "
                f"{phone_list[2]}, mail {email}. Klantnummer {ext}.")
        about = f"Mevrouw {last} ({phone_list[1]}; {phone_list[3]}) vraagt {first} te mailen: {email}. BSN: {number}"
        candidate = Candidate(organisation_id=org.id, external_id=ext, place="Dronten", education=Education.MBO2,
                              desired_occupations=["productiemedewerker"], skills=["orderpicken", "heftruck"],
                              hours_min=24, hours_max=36, publish_consent=True, consent_given_on=TODAY,
                              consent_until=TODAY + timedelta(days=200), last_active_on=TODAY)
        candidate.personal = CandidatePersonal(first_name=first, last_name=last, birth_date=born,
                                               postcode=f"82{rng.randint(10, 59)} XK", city="Dronten",
                                               email=email, phone=phone_list[0], experience=text, about=about)
        db.session.add(candidate)
        planted.append(dict(words=[first, last, email, street, ext, candidate.personal.postcode],
                            digits=[number, *(re.sub(r"\D", "", p)[-8:] for p in phone_list)]))
    db.session.flush()
    publish_all_consented(db.session, TODAY, k=5)
    shared = db.session.get(Vacancy, world.shared_vacancy.id)
    refresh_suggestions(db.session, shared, org)
    db.session.commit()
    return planted


def readable(response) -> str:
    """The text of a page, JSON answer, CSV or XLSX export."""
    if response.mimetype.endswith("spreadsheetml.sheet"):
        sheet = load_workbook(io.BytesIO(response.get_data())).active
        return "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None)
    return response.get_data(as_text=True)


def crawl(client, start: list[str], headers: dict | None = None) -> dict[str, str]:
    """Breadth-first GET of every same-site link from ``start``; returns url -> text."""
    seen: dict[str, str] = {}
    queue = deque(start)
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen or url.startswith(("/static/", "/uitloggen")):
            continue
        response = client.get(url, headers=headers or {})
        assert response.status_code in (200, 302, 403, 404, 410), (url, response.status_code)  # never 429 or 5xx
        seen[url] = text = readable(response)
        if response.mimetype == "text/html":
            for href in LINK.findall(text):
                target = urljoin(url, href.replace("&amp;", "&"))
                parts = urlsplit(target)
                if not parts.netloc:
                    queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return seen


def leaks(pages: dict[str, str], planted: list[dict]) -> list[tuple[str, str]]:
    found = []
    for url, text in pages.items():
        lowered = text.lower()
        digits = re.sub(r"(?<=\d)[\s\-().]+(?=\d)", "", text)
        for person in planted:
            found += [(url, w) for w in person["words"] if w.lower() in lowered]
            found += [(url, d) for d in person["digits"] if d in digits]
    return found


@pytest.fixture(scope="module")
def planted(world):
    # One test client crawls every profile: lift the scraping limits so no page is a 429.
    for key in ("CATALOGUE_MAX_LIST_VIEWS_PER_HOUR", "CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR"):
        world.app.config[key] = 1_000_000
    return plant_candidates(world)


def test_planted_personal_data_reaches_no_outsider(world, planted):
    codes = db.session.scalars(select(PublicProfile.code).where(PublicProfile.status == ProfileStatus.PUBLISHED)).all()
    own_candidates = [c.id for c in db.session.scalars(select(Candidate).where(Candidate.external_id.like("PII-%")))]
    published_planted = db.session.scalars(select(PublicProfile).where(
        PublicProfile.candidate_id.in_(own_candidates), PublicProfile.status == ProfileStatus.PUBLISHED)).all()
    assert len(published_planted) >= 30, len(published_planted)

    public_start = ["/", "/kandidaten", "/vacature-aanmelden", "/werkgever/registreren",
                    *(f"/kandidaten/{code}" for code in codes)]
    shared = world.shared_vacancy
    partner_start = ["/beheer/", "/vacatures/", f"/vacatures/{shared.id}", f"/vacatures/{shared.id}/geschiedenis",
                     "/vacatures/export.csv", "/vacatures/export.xlsx", "/werkgevers/export.csv",
                     "/beheer/social-return/export.xlsx", "/beheer/suggesties/", "/beheer/auditlog",
                     f"/beheer/suggesties/vacature/{shared.id}"]
    results = {
        "anonymous": crawl(world.app.test_client(), public_start),
        "employer": crawl(world.clients["employer"], ["/werkgever/", *public_start]),
        "partner coordinator": crawl(world.clients["partner_coordinator"], partner_start),
        "partner matcher": crawl(world.clients["partner_matcher"], partner_start),
    }
    api = {"Authorization": f"Bearer {world.tokens['other']}"}
    results["partner API"] = crawl(world.app.test_client(), [
        "/api/v1/vacancies?per_page=100", f"/api/v1/vacancies/{shared.external_id}",
        f"/api/v1/vacancies/{shared.external_id}/suggestions?top=100"], headers=api)
    for who, pages in results.items():
        assert len(pages) >= 3, (who, list(pages))
        assert leaks(pages, planted) == [], who
    assert sum(len(p) for p in results.values()) > 100


def test_the_search_finds_what_it_looks_for(world, planted):
    """The crawl's matcher is not blind: the same data on the municipality's own staff page is found."""
    candidate = db.session.scalar(select(Candidate).where(Candidate.external_id.like("PII-%")))
    page = crawl(world.clients["matcher"], [f"/beheer/kandidaten/{candidate.id}"])
    assert leaks(page, planted)


def test_published_profiles_are_k_anonymous(world, planted):
    assert published_violations(db.session, 5) == {}
