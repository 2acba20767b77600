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


# Sentences that carry a special category, an AWGB ground or the person's finances, and the words that must not reach an outsider.
SENSITIVE = [
    ("In Eritrea werkte {hij} als kleermaker.", ["Eritrea", "kleermaker"]),
    ("{Hij} komt uit Marokko en spreekt Berbers.", ["Marokko"]),
    ("Doet vrijwilligerswerk bij de moskee.", ["moskee"]),
    ("Zingt elke zondag in het koor van de kerk.", ["koor van de kerk"]),
    ("{Hij} heeft reuma en een burn-out gehad.", ["reuma", "burn-out"]),
    ("Is lesbisch en woont samen met haar vriendin.", ["lesbisch", "vriendin"]),
    ("Is lid van de FNV en was kaderlid.", ["FNV", "kaderlid"]),
    ("Zat twee jaar in de gevangenis en heeft een taakstraf gehad.", ["taakstraf", "gevangenis"]),
    ("Is 20 weken zwanger.", ["zwanger"]),
    ("Heeft drie kinderen op de basisschool.", ["basisschool"]),
    ("Is actief lid van de PvdA.", ["PvdA"]),
    ("Draagt een hoofddoek en bidt vijf keer per dag.", ["hoofddoek"]),
    # found on the demo's published profiles (walk-through of 2026-12-03)
    ("Heeft kinderen op de basisschool, kan daarom alleen onder schooltijd werken.", ["schooltijd"]),
    ("Schulden zijn in beeld bij schuldhulpverlening.", ["Schulden", "schuldhulpverlening"]),
    ("Twee jaar gewerkt als kok in het bedrijf van een oom.", ["van een oom"]),
    ("Geen recente werkervaring in NL.", ["werkervaring in NL"]),
]
SENSITIVE_TERMS = [("Lid van de FNV", "FNV"), ("imam", "imam"), ("PvdA-campagne", "PvdA"), ("Koranles", "Koranles")]


def plant_candidates(world, n: int = 40) -> list[dict]:
    """Active consenting candidates with their own personal data and special categories in every
    free-text and list field (occupations, skills, certificates)."""
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
        sensitive = rng.sample(SENSITIVE, 3)
        hij = rng.choice(["hij", "zij"])
        told = " ".join(t.format(hij=hij, Hij=hij.title()) for t, _w in sensitive)
        text = (f"{first} {last} woont aan de {street} te Dronten, BSN {number}, bel {phone_list[0]} of "
                f"{phone_list[2]}, mail {email}. Klantnummer {ext}. {first} werkte vijf jaar als orderpicker. "
                f"{told}")
        about = (f"Mevrouw {last} ({phone_list[1]}; {phone_list[3]}) vraagt {first} te mailen: {email}. BSN: {number}. "
                 f"{first.upper()} is betrouwbaar en {hij} komt altijd op tijd. "
                 f"Zie https://www.{first.lower()}{last.lower()}.nl of {' '.join(last)}.")
        term, term_word = rng.choice(SENSITIVE_TERMS)
        candidate = Candidate(organisation_id=org.id, external_id=ext, place="Dronten", education=Education.MBO2,
                              desired_occupations=["productiemedewerker", term],
                              skills=["orderpicken", "heftruck", f"{first} {last}", email],
                              certificates=["VCA", phone_list[1], f"Diploma op naam van {last}"],
                              hours_min=24, hours_max=36, publish_consent=True, consent_given_on=TODAY,
                              consent_until=TODAY + timedelta(days=200), last_active_on=TODAY)
        candidate.personal = CandidatePersonal(first_name=first, last_name=last, birth_date=born,
                                               postcode=f"82{rng.randint(10, 59)} XK", city="Dronten",
                                               email=email, phone=phone_list[0], experience=text, about=about)
        db.session.add(candidate)
        words = [first, last, email, street, ext, candidate.personal.postcode]
        planted.append(dict(words=words, digits=[number, *(re.sub(r"\D", "", p)[-8:] for p in phone_list)],
                            first=first, sensitive=[term_word, *(w for _t, ws in sensitive for w in ws)]))
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


PROFILE_CODE = re.compile(r"\bK-[A-Z0-9]{4}\b")  # random letters: "K-NFNV" is no union membership
# A form's one-time token (``once``) and CSRF token are random base64: one holding "iMAm" made a
# profile page "leak" the word imam (a failed run on 2026-12-03; "FNV" has a chance of about 2 % a crawl).
TOKEN_INPUT = re.compile(r'<input[^>]*name="(?:once|csrf_token)"[^>]*>')


def without_token_values(html: str) -> str:
    return TOKEN_INPUT.sub(lambda m: re.sub(r'value="[^"]*"', 'value=""', m.group()), html)


def leaks(pages: dict[str, str], planted: list[dict]) -> list[tuple[str, str]]:
    found = []
    for url, text in pages.items():
        url, text = PROFILE_CODE.sub("K-…", url), without_token_values(PROFILE_CODE.sub("K-…", text))
        typed = urlsplit(url).query.lower()
        # A search page shows the visitor's own query back in its search box: not a leak.
        lowered = re.sub(r'value="[^"]*"', "", text.lower()) if typed else text.lower()
        digits = re.sub(r"(?<=\d)[\s\-().]+(?=\d)", "", text)
        for person in planted:
            found += [(url, w) for w in person["words"] if w.lower() in lowered and w.lower() not in typed]
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

    searches = [f"/kandidaten?q={p['first']}" for p in planted[:10]]
    searches += [f"/kandidaten?q={w}" for w in ("moskee", "Eritrea", "FNV", "zwanger", "reuma", "imam", "PvdA")]
    public_start = ["/", "/kandidaten", "/vacature-aanmelden", "/werkgever/registreren", *searches,
                    *(f"/kandidaten/{code}" for code in codes), *(f"/kandidaten/{code}/verstuurd" for code in codes[:5])]
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
        found = leaks(pages, planted)
        assert found == [], (who, sorted({w for _u, w in found})[:20], sorted({u for u, _w in found})[:10])
    assert sum(len(p) for p in results.values()) > 100
    # What the texts said about origin, religion, health, ... reaches no public page, employer or partner
    # API either (partner staff pages are left out: they show the partner's own candidates in full).
    told = [dict(words=p["sensitive"], digits=[]) for p in planted]
    for who in ("anonymous", "employer", "partner API"):
        found = leaks(results[who], told)
        assert found == [], (who, sorted({w for _u, w in found})[:20], sorted({u for u, _w in found})[:10])
    # The searches for a planted name or a special category find nobody; the profiles still say
    # what the person can do.
    anonymous = results["anonymous"]
    for url in searches:
        assert "K-" not in re.sub(r"<[^>]+>", " ", anonymous[url].split("<main", 1)[-1]) or \
            not any(f"/kandidaten/{c}" in anonymous[url] for c in (p.code for p in published_planted)), url
    shown = [anonymous[f"/kandidaten/{p.code}"] for p in published_planted]
    assert all("orderpicken" in page and "werkte vijf jaar als orderpicker" in page for page in shown)


def test_the_search_finds_what_it_looks_for(world, planted):
    """The crawl's matcher is not blind: the same data on the municipality's own staff page is found."""
    candidate = db.session.scalar(select(Candidate).where(Candidate.external_id.like("PII-%")))
    page = crawl(world.clients["matcher"], [f"/beheer/kandidaten/{candidate.id}"])
    assert leaks(page, planted)


def test_published_profiles_are_k_anonymous(world, planted):
    assert published_violations(db.session, 5) == {}
