"""A vacancy's suggestions a page at a time (issue 18): best first across pages, counts per state, review and
bulk reject return to the page they were made on, odd page numbers never a 500."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from models import Candidate, CandidatePersonal, Suggestion
from models.enums import Role, SuggestionStatus
from models.matches.queries import SUGGESTIONS_PER_PAGE
from tests.helpers import visible_text
from tests.matching_helpers import add_vacancy, load_small_taxonomy

pytestmark = pytest.mark.usefixtures("index_snapshots")
COUNT = SUGGESTIONS_PER_PAGE + 12  # two pages


@pytest.fixture
def ranked(db, org, make_employer):
    """A vacancy with COUNT stored suggestions; the n-th best is "Kandidaat n" (score falling with n)."""
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), title="Orderpicker", required=["orderpicken"])
    for n in range(1, COUNT + 1):
        candidate = Candidate(organisation_id=org.id, external_id=f"P-{n:03d}", place="Dronten")
        candidate.personal = CandidatePersonal(first_name="Kandidaat", last_name=str(n), city="Dronten",
                                               birth_date=date(1990, 1, 1))
        db.session.add(candidate)
        db.session.flush()
        db.session.add(Suggestion(vacancy_id=vacancy.id, candidate_id=candidate.id, organisation_id=org.id,
                                  score=1 - n / 1000, reasons=[{"text": f"Reden {n}"}]))
    db.session.commit()
    return vacancy


def url(vacancy, page=None) -> str:
    return f"/beheer/suggesties/vacature/{vacancy.id}" + (f"?pagina={page}" if page is not None else "")


def names(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"Kandidaat (\d+) Dronten", text)]


def suggestion_of(db, n: int) -> Suggestion:
    return db.session.scalar(select(Suggestion).join(Candidate).where(Candidate.external_id == f"P-{n:03d}"))


def test_pages_hold_the_best_first_with_counts_and_links(ranked, as_role, client):
    as_role(Role.MATCHER)
    first = visible_text(client.get(url(ranked)).get_data(as_text=True))
    assert names(first) == list(range(1, SUGGESTIONS_PER_PAGE + 1))
    assert f"Suggesties 1–{SUGGESTIONS_PER_PAGE} van {COUNT}" in first and f"Nieuw: {COUNT}" in first
    assert "Pagina 1 van 2" in first
    html = client.get(url(ranked, 2)).get_data(as_text=True)
    second = visible_text(html)
    assert names(second) == list(range(SUGGESTIONS_PER_PAGE + 1, COUNT + 1))  # page 2 starts with the 51st best
    assert f"Suggesties {SUGGESTIONS_PER_PAGE + 1}–{COUNT} van {COUNT}" in second and "Pagina 2 van 2" in second
    assert f'start="{SUGGESTIONS_PER_PAGE + 1}"' in html and f'href="{url(ranked, 1)}"' in html
    assert f'action="{url(ranked)}/afwijzen?pagina=2"' in html  # the bulk reject of this page's boxes
    assert "Opnieuw berekenen" in second


def test_counts_per_state_cover_every_page(ranked, as_role, client, db):
    as_role(Role.MATCHER)
    s = suggestion_of(db, COUNT)
    client.post(f"/beheer/suggesties/{s.id}/voordragen", data={f"s{s.id}-version": s.version})
    text = visible_text(client.get(url(ranked)).get_data(as_text=True))
    assert f"Nieuw: {COUNT - 1} · Voorgedragen: 1" in text


@pytest.mark.parametrize("value,shown", [("abc", 1), ("0", 1), ("-2", 1), ("2.5", 1), ("99", 2),
                                         ("9" * 40, 2)])
def test_odd_page_numbers_show_the_first_or_the_last_page(ranked, as_role, client, value, shown):
    as_role(Role.MATCHER)
    response = client.get(f"{url(ranked)}?pagina={value}")
    assert response.status_code == 200
    assert f"Pagina {shown} van 2" in visible_text(response.get_data(as_text=True))


def test_a_review_from_page_two_returns_to_page_two(ranked, as_role, client, db):
    as_role(Role.MATCHER)
    s = suggestion_of(db, SUGGESTIONS_PER_PAGE + 3)
    done = client.post(f"/beheer/suggesties/{s.id}/afwijzen", data={
        f"s{s.id}-version": s.version, f"s{s.id}-reason": "hours"})
    assert done.status_code == 302
    assert done.headers["Location"].endswith(f"{url(ranked, 2)}#suggestie-{s.id}")
    page = visible_text(client.get(done.headers["Location"]).get_data(as_text=True))
    assert "Suggestie afgewezen." in page and "Uren of werktijden passen niet" in page
    best = suggestion_of(db, 1)
    back = client.post(f"/beheer/suggesties/{best.id}/voordragen", data={f"s{best.id}-version": best.version})
    assert back.headers["Location"].endswith(f"{url(ranked)}#suggestie-{best.id}")


def test_bulk_reject_on_page_two_returns_to_page_two(ranked, as_role, client, db):
    as_role(Role.MATCHER)
    ticked = [suggestion_of(db, n) for n in (SUGGESTIONS_PER_PAGE + 1, SUGGESTIONS_PER_PAGE + 2)]
    done = client.post(f"{url(ranked)}/afwijzen?pagina=2", data={
        "kies": [f"{s.id}:{s.version}" for s in ticked], "reason": "distance"})
    assert done.status_code == 302 and done.headers["Location"].endswith(url(ranked, 2))
    text = visible_text(client.get(done.headers["Location"]).get_data(as_text=True))
    assert "2 suggesties afgewezen." in text and "Afgewezen: 2" in text
    db.session.expire_all()
    assert {s.status for s in ticked} == {SuggestionStatus.REJECTED}
    no_reason = client.post(f"{url(ranked)}/afwijzen?pagina=abc", data={"kies": [], "reason": ""})
    assert no_reason.headers["Location"].endswith(url(ranked))  # junk page number: the first page


def test_only_the_shown_page_is_audited(ranked, as_role, client, db):
    from models import AuditEvent

    as_role(Role.MATCHER)
    client.get(url(ranked, 2))
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "view_personal")).all()[-1]
    assert len(event.details["candidates"]) == COUNT - SUGGESTIONS_PER_PAGE
