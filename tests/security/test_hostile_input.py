"""Hostile text in every public and register form: no 500, no reflected script, control characters dropped."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models import Employer
from web.extensions import db

SCRIPT = "<script>alert(1)</script>"
HOSTILE = [
    SCRIPT, f'"><{SCRIPT[1:]}', "' OR 1=1 --", "'; DROP TABLE employer; --", "x" * 10_000, "\u202eevil\u202c",
    "a\x00b", "\x01\x02\x1b[31mrood", "{{ 7*7 }}", "%s%n%x", "😀" * 40, "\r\nSet-Cookie: x=y", "Robert'); --",
    "\\x00", "<img src=x onerror=alert(1)>",
]
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=120))
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def forms(world) -> dict[str, tuple[str, str, dict, tuple[str, ...]]]:
    """name -> (role, url, fixed fields, text fields)."""
    ids = world.ids["own"]
    return {
        "employer": ("coordinator", "/werkgevers/nieuw", {"status": "prospect", "size": ""},
                     ("name", "kvk", "sector", "address", "postcode", "city", "notes")),
        "contact moment": ("account_manager", f"/werkgevers/{ids['employer_id']}/contactmomenten",
                           {"channel": "phone", "occurred_on": "2026-01-05"}, ("subject", "notes", "follow_up_action")),
        "vacancy": ("coordinator", "/vacatures/nieuw", {"employer_id": str(ids["employer_id"]), "status": "open"},
                    ("title", "occupation", "description", "required_skills", "preferred_skills", "postcode", "city")),
        "meeting request": ("anonymous", f"/kandidaten/{ids['profile_code']}/ontmoeten", {},
                            ("name", "company", "kvk", "email", "phone", "message")),
        "vacancy submission": ("anonymous", "/vacature-aanmelden", {},
                               ("company_name", "kvk", "contact_name", "email", "phone", "title", "description",
                                "city")),
    }


def assert_safe(client, response, where):
    assert response.status_code < 500, where
    assert SCRIPT not in response.get_data(as_text=True), where
    if response.status_code in (302, 303):
        follow = client.get(response.headers["Location"])
        assert follow.status_code < 500 and SCRIPT not in follow.get_data(as_text=True), where


def test_hostile_text_in_every_form(world):
    for key in ("CATALOGUE_MAX_REQUESTS_PER_HOUR", "CATALOGUE_MAX_MEET_ATTEMPTS_PER_HOUR",
                "CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR"):
        world.app.config[key] = 1_000_000

    for name, (role, url, fixed, fields) in forms(world).items():
        client = world.client(role)

        @SETTINGS
        @given(st.fixed_dictionaries({f: TEXT for f in fields}))
        def submit(values):
            assert_safe(client, client.post(url, data={**fixed, **values}), (name, values))

        submit()


def test_search_boxes_take_hostile_text(world):
    client = world.clients["coordinator"]

    @SETTINGS
    @given(TEXT)
    def search(value):
        for url in ("/werkgevers/", "/vacatures/", "/kandidaten", "/beheer/kandidaten/"):
            assert_safe(client, client.get(url, query_string={"q": value}), (url, value))

    search()


def test_control_characters_are_dropped_before_storing(world):
    client = world.clients["coordinator"]
    response = client.post("/werkgevers/nieuw", data={"status": "prospect", "size": "",
                                                      "name": "Bakkerij\x00 de\x1b[31m Ruyter\u202e"})
    assert response.status_code == 302
    stored = db.session.scalar(select(Employer).where(Employer.name.like("Bakkerij%Ruyter%")))
    assert stored.name == "Bakkerij de[31m Ruyter\u202e"


def test_bodies_above_the_limit_are_413(world):
    world.app.config["MAX_CONTENT_LENGTH"] = 10_000
    try:
        response = world.app.test_client().post("/vacature-aanmelden", data={"description": "x" * 20_000})
        assert response.status_code == 413
        assert "Bestand te groot" in response.get_data(as_text=True)
    finally:
        world.app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
