"""Odd page numbers on every paginated list: the first or the last page, never a 500."""
from __future__ import annotations

import re

import pytest

from tests.helpers import visible_text

HUGE = ["99999999999999999999", "9" * 5000, "1000001"]
JUNK = ["abc", "-3", "0", "2.5", "", " ", "٢", "1e3", "0x10", "%00"]


def lists(world) -> list[tuple[str, str, str]]:
    """(role, url without the page number, page parameter) of every paginated staff and public list."""
    ids = world.ids["own"]
    return [
        ("coordinator", "/werkgevers/?", "pagina"),
        ("account_manager", "/werkgevers/follow-ups?", "pagina"),
        ("coordinator", f"/werkgevers/{ids['employer_id']}?", "tijdlijn"),
        ("coordinator", "/vacatures/?", "page"),
        ("matcher", "/beheer/kandidaten/?", "pagina"),
        ("matcher", "/beheer/plaatsingen/?", "pagina"),
        ("matcher", "/beheer/suggesties/?", "pagina"),
        ("coordinator", "/beheer/bias-monitor/?", "pagina"),
        ("account_manager", "/beheer/verzoeken/?", "pagina"),
        ("coordinator", "/beheer/social-return/?", "pagina"),
        ("coordinator", "/beheer/auditlog?", "pagina"),
        ("coordinator", "/beheer/taxonomie/?", "pagina"),
        ("coordinator", "/beheer/taxonomie/ongekoppeld?", "pagina"),
        ("anonymous", "/kandidaten?", "pagina"),
    ]


def pager(text: str) -> tuple[int, int] | None:
    found = re.search(r"Pagina (\d+) van (\d+)", text)
    return (int(found.group(1)), int(found.group(2))) if found else None


@pytest.mark.parametrize("kind", ["huge", "junk"])
def test_odd_page_numbers_show_the_first_or_last_page(world, kind):
    world.app.config["CATALOGUE_MAX_LIST_VIEWS_PER_HOUR"] = 1_000_000
    paged = 0
    for role, url, param in lists(world):
        client = world.client(role)
        for value in HUGE if kind == "huge" else JUNK:
            response = client.get(f"{url}{param}={value}")
            assert response.status_code == 200, (url, value[:30], response.status_code)
            shown = pager(visible_text(response.get_data(as_text=True)))
            if shown:
                paged += 1
                assert shown[0] == (shown[1] if kind == "huge" else 1), (url, value[:30], shown)
    assert paged  # the demo set fills more than one page somewhere, or the test checks nothing


def test_api_refuses_odd_page_numbers_by_name(world):
    headers = {"Authorization": f"Bearer {world.tokens['own']}"}
    client = world.app.test_client()
    for value in [*HUGE, *JUNK]:
        response = client.get(f"/api/v1/vacancies?page={value}", headers=headers)
        assert response.status_code == 400, (value[:30], response.status_code)
        assert any(e.startswith("page:") for e in response.get_json()["errors"]), value[:30]
    beyond = client.get("/api/v1/vacancies?page=1000", headers=headers).get_json()
    assert beyond["data"] == [] and beyond["next"] is None and beyond["page"] == 1000
