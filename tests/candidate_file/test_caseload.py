"""Owner and caseload: bulk reassignment by a coordinator, the caseload page, ladder and plan history."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models import Candidate, ChangeRecord, LadderAssessment
from models.common import clock
from models.enums import CandidateStatus, Role
from tests.helpers import visible_text

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def frozen():
    with clock.frozen(TODAY):
        yield


def test_coordinator_reassigns_many_at_once_and_only_own_candidates(db, as_role, client, make_candidate, make_user,
                                                                    other_org):
    old, new = make_user(Role.MATCHER, name="Oud Eigenaar"), make_user(Role.MATCHER, name="Nieuwe Eigenaar")
    mine = [make_candidate(owner_id=old.id, external_id=f"C-{n}") for n in range(3)]
    stranger = make_candidate(organisation=other_org, external_id="UWV-1")
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/kandidaten/herverdelen", data={
        "candidate_ids": [str(c.id) for c in mine[:2]], "owner_id": str(new.id), "from_user": str(old.id)})
    assert response.status_code == 302
    page = visible_text(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "2 kandidaten hebben een nieuwe eigenaar" in page and "1 actieve kandidaten" in page
    db.session.expire_all()
    assert [db.session.get(Candidate, c.id).owner_id for c in mine] == [new.id, new.id, old.id]
    assert db.session.scalar(select(ChangeRecord).where(ChangeRecord.field == "owner_id",
                                                        ChangeRecord.object_id == mine[0].id)).new == str(new.id)
    # Another organisation's candidate among the chosen: nothing changes at all.
    response = client.post("/beheer/kandidaten/herverdelen", data={
        "candidate_ids": [str(mine[2].id), str(stranger.id)], "owner_id": str(new.id), "from_user": str(old.id)})
    assert response.status_code == 422
    assert "bestaan niet (meer) in uw organisatie" in visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    assert db.session.get(Candidate, mine[2].id).owner_id == old.id


@pytest.mark.parametrize(("data", "message"), [
    ({"owner_id": "1"}, "Kies ten minste één kandidaat"),
    ({"candidate_ids": ["abc"], "owner_id": "1"}, "Kies kandidaten uit de lijst"),
    ({"candidate_ids": ["1"], "owner_id": "999999"}, "Kies een eigenaar uit de lijst"),
])
def test_reassignment_with_bad_input_is_refused(db, as_role, client, make_candidate, data, message):
    make_candidate()
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/kandidaten/herverdelen", data=data)
    assert response.status_code == 422 and message in visible_text(response.get_data(as_text=True))


def test_a_matcher_may_not_reassign(db, as_role, client, make_candidate, make_user):
    owner = make_user(Role.MATCHER)
    candidate = make_candidate(owner_id=owner.id)
    as_role(Role.MATCHER)
    response = client.post("/beheer/kandidaten/herverdelen", data={"candidate_ids": [str(candidate.id)],
                                                                   "owner_id": str(owner.id)})
    assert response.status_code == 403


def test_caseload_page_counts_rungs_against_the_limit_and_lists_overdue_reviews(app, db, as_role, client,
                                                                                 make_candidate):
    app.config["CASELOAD_LIMIT"] = 3
    me = as_role(Role.MATCHER)
    for n, rung in enumerate((2, 2, 4, None)):
        make_candidate(owner_id=me.id, ladder=rung, external_id=f"R-{n}")
    make_candidate(owner_id=me.id, external_id="LATE", next_review_on=TODAY - timedelta(days=3),
                   plan_updated_on=TODAY - timedelta(days=200))
    make_candidate(owner_id=me.id, external_id="GONE", status=CandidateStatus.INACTIVE)
    response = client.get("/beheer/kandidaten/caseload", follow_redirects=True)
    page = visible_text(response.get_data(as_text=True))
    assert "5 actieve kandidaten; de grens is 3" in page and "Te hoog: 2 boven de grens" in page
    assert "Trede 1 Trede 2 Trede 3 Trede 4 Trede 5 Trede 6 Onbekend Totaal 0 2 0 1 0 0 2 5" in page
    assert "LATE : evaluatie van het plan te laat (gepland 12-06-2026)" in page
    assert "GONE" not in page
    overview = visible_text(client.get("/beheer/kandidaten/caseloads").get_data(as_text=True))
    assert f"{me.name} 5 0 1 te hoog" in overview


def test_a_rung_with_expected_rung_is_history_and_makes_in_beeld(db, as_role, client, make_candidate):
    me = as_role(Role.MATCHER)
    candidate = make_candidate(owner_id=me.id, external_id="L-1")
    url = f"/beheer/kandidaten/{candidate.id}/trede"
    assert client.post(url, data={"rung": "2", "assessed_on": "2025-03-01", "expected_rung": ""}).status_code == 302
    assert client.post(url, data={"rung": "3", "assessed_on": "2026-06-01", "expected_rung": "5",
                                  "note": "start bij de taalschool"}).status_code == 302
    page = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}").get_data(as_text=True))
    assert "In beeld ja" in page
    assert "01-06-2026 3 5" in page and "01-03-2025 2" in page
    assert "Participatieladder door de tijd" in client.get(f"/beheer/kandidaten/{candidate.id}").get_data(as_text=True)
    # A late entry of an older assessment joins the history but does not replace the current rung.
    assert client.post(url, data={"rung": "1", "assessed_on": "2024-01-01"}).status_code == 302
    db.session.expire_all()
    saved = db.session.get(Candidate, candidate.id)
    assert (saved.ladder, saved.expected_ladder) == (3, 5)
    assert db.session.query(LadderAssessment).filter_by(candidate_id=candidate.id).count() == 3
    caseload = visible_text(client.get(f"/beheer/kandidaten/caseload/{me.id}").get_data(as_text=True))
    assert "In beeld (trede en verwachte trede beide binnen 12 maanden): 1 van 1" in caseload


@pytest.mark.parametrize(("data", "message"), [
    ({"rung": "7", "assessed_on": "2026-06-01"}, "De trede: 7 kan niet; toegestaan is 1 tot en met 6"),
    ({"rung": "", "assessed_on": "2026-06-01"}, "Vul de trede in"),
    ({"rung": "3", "assessed_on": "2026-07-01"}, "Datum van de beoordeling: ligt in de toekomst"),
    ({"rung": "3", "assessed_on": "gisteren"}, "geen geldige datum"),
    ({"rung": "3", "assessed_on": "2026-06-01", "expected_rung": "0"}, "De verwachte trede over 12 maanden: 0 kan niet"),
])
def test_bad_ladder_input_is_named_and_nothing_is_written(db, as_role, client, make_candidate, data, message):
    as_role(Role.MATCHER)
    candidate = make_candidate()
    response = client.post(f"/beheer/kandidaten/{candidate.id}/trede", data=data)
    assert response.status_code == 422 and message in visible_text(response.get_data(as_text=True))
    assert db.session.query(LadderAssessment).count() == 0


def test_plan_of_action_versions_and_the_report_reads_them(db, as_role, client, make_candidate):
    as_role(Role.COORDINATOR)
    candidate = make_candidate()
    url = f"/beheer/kandidaten/{candidate.id}/plan"
    bad = client.post(url, data={"drawn_up_on": "2026-06-01", "goals": "", "steps": "x", "next_review_on": "2026-05-01"})
    assert bad.status_code == 422
    text = visible_text(bad.get_data(as_text=True))
    assert "Vul de doelen in" in text and "Volgende evaluatie: moet na de datum van het plan liggen" in text
    for on, goal in (("2025-09-01", "Taal B1 halen"), ("2026-06-01", "Werkervaring in de zorg")):
        assert client.post(url, data={"drawn_up_on": on, "goals": goal, "steps": "Elke week naar de taalschool",
                                      "next_review_on": "2026-12-01"}).status_code == 302
    page = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}").get_data(as_text=True))
    assert "Plan van 01-06-2026 (huidig)" in page and "Plan van 01-09-2025" in page
    report = visible_text(client.get("/beheer/rapportages/kandidaten").get_data(as_text=True))
    assert "1 van 1, doel 50%" in report


def test_a_long_caseload_is_paged_with_counts_of_everyone_and_constant_queries(db, as_role, client, count_queries,
                                                                                make_candidate, make_user,
                                                                                monkeypatch):
    from models.candidates import caseload

    monkeypatch.setattr(caseload, "PER_PAGE", 2)
    monkeypatch.setattr(caseload, "SHOWN", 2)
    owner = make_user(Role.MATCHER, name="Veel Werk")
    as_role(Role.COORDINATOR)
    url = f"/beheer/kandidaten/caseload/{owner.id}"
    for n in range(3):
        make_candidate(owner_id=owner.id, external_id=f"C-{n}").next_review_on = TODAY - timedelta(days=n + 1)
    db.session.commit()
    few = count_queries(url)
    for n in range(3, 7):
        make_candidate(owner_id=owner.id, external_id=f"C-{n}").next_review_on = TODAY - timedelta(days=n + 1)
    db.session.commit()
    assert count_queries(url) == few
    text = visible_text(client.get(url).get_data(as_text=True))
    assert "7 actieve kandidaten" in text and "Pagina 1 van 4" in text
    assert "C-6 : evaluatie van het plan te laat" in text and "C-0 : evaluatie" not in text  # longest overdue first
    assert "En nog 5 evaluaties te laat." in text
    last = visible_text(client.get(f"{url}?pagina=4").get_data(as_text=True))
    assert "C-6" in last.split("Kandidaten in deze caseload")[-1] and "Pagina 4 van 4" in last
