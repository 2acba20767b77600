"""The matcher's pages: who may open them, review through the real forms, partners, queue cost."""
import pytest
from sqlalchemy import func, select

from models import AuditEvent, Suggestion
from models.enums import Role, SuggestionStatus
from tests.helpers import visible_text
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy, share
from tests.queue_helpers import first_visit

pytestmark = pytest.mark.usefixtures("index_snapshots")  # the worker's snapshot, as after its first build


@pytest.fixture
def world(db, org, make_employer, make_candidate):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(name="Polderbakkerij"), title="Orderpicker",
                          required=["orderpicken"], preferred=["heftruck"], hours_min=24, hours_max=32)
    people = []
    for first, skills in (("Amina", ["orderpicken", "heftruk"]), ("Henk", ["order picken"])):
        candidate = make_candidate(first_name=first, last_name="Test", hours_min=20, hours_max=36,
                                   lat=52.52, lon=5.72, max_travel_km=25)
        link_candidate(db.session, candidate, skills)
        people.append(candidate)
    return vacancy, people


def url(vacancy) -> str:
    return f"/beheer/suggesties/vacature/{vacancy.id}"


@pytest.mark.parametrize("role,status", [(Role.MATCHER, 200), (Role.COORDINATOR, 200),
                                         (Role.ACCOUNT_MANAGER, 403), (Role.ADMIN, 403)])
def test_roles(world, as_role, client, role, status):
    vacancy, people = world
    as_role(role)
    for path in ("/beheer/suggesties/", url(vacancy), f"/beheer/suggesties/kandidaat/{people[0].id}"):
        assert client.get(path).status_code == status, path


def test_anonymous_visitors_go_to_the_login_page(world, client):
    vacancy, _people = world
    assert client.get(url(vacancy)).status_code == 302
    assert client.post(f"{url(vacancy)}/herberekenen").status_code == 302


def test_other_organisation_gets_404(world, app, as_role, client, other_org, db):
    vacancy, people = world
    as_role(Role.MATCHER, other_org)
    assert client.get(url(vacancy)).status_code == 404
    assert client.get(f"/beheer/suggesties/kandidaat/{people[0].id}").status_code == 404
    assert client.post(f"{url(vacancy)}/herberekenen").status_code == 404
    as_role(Role.MATCHER)
    first_visit(app, client, url(vacancy))
    s = db.session.scalars(select(Suggestion)).first()
    as_role(Role.MATCHER, other_org)
    assert client.post(f"/beheer/suggesties/{s.id}/voordragen", data={f"s{s.id}-version": s.version}).status_code == 404
    assert client.get(f"/beheer/suggesties/{s.id}/afwijzen").status_code == 404


def test_reasons_are_written_in_the_language_of_the_page(world, app, as_role, client):
    """Reasons are stored with their facts and labels, so an English page says them in English."""
    vacancy, (amina, _henk) = world
    as_role(Role.MATCHER)
    first_visit(app, client, url(vacancy))  # the suggestions computed and stored, in Dutch
    text = visible_text(client.get(url(vacancy) + "?lang=en").get_data(as_text=True))
    assert "Has 1 of 1 required skills: Orderpicken" in text
    assert "Has 1 of 1 preferred skills: Heftruck rijden (‘heftruk’)" in text
    assert "Hours fit: 24–32 h/week" in text
    assert "Heeft 1 van" not in text and "Uren passen" not in text
    live = visible_text(client.get(f"/beheer/suggesties/kandidaat/{amina.id}").get_data(as_text=True))
    assert "Has 1 of 1 required skills: Orderpicken" in live  # a ranking made for the page itself
    dutch = visible_text(client.get(url(vacancy) + "?lang=nl").get_data(as_text=True))
    assert "Heeft 1 van 1 vereiste vaardigheden: Orderpicken" in dutch


def test_reasons_stored_before_their_labels_were_kept_are_in_english_too(world, app, as_role, client, db):
    vacancy, _people = world
    as_role(Role.MATCHER)
    first_visit(app, client, url(vacancy))
    for suggestion in db.session.scalars(select(Suggestion)):  # as an older version stored them
        suggestion.reasons = [{k: v for k, v in r.items() if k != "labels"} for r in suggestion.reasons]
    db.session.commit()
    text = visible_text(client.get(url(vacancy) + "?lang=en").get_data(as_text=True))
    assert "Has 1 of 1 preferred skills: Heftruck rijden (‘heftruk’)" in text
    assert "Heeft 1 van" not in text


def test_matcher_reads_reasons_proposes_and_rejects(world, app, as_role, client, db):
    vacancy, (amina, henk) = world
    as_role(Role.MATCHER)
    page = first_visit(app, client, url(vacancy))
    text = visible_text(page.get_data(as_text=True))
    assert text.index("Amina Test") < text.index("Henk Test")  # best first
    assert "Heeft 1 van 1 vereiste vaardigheden: Orderpicken" in text
    assert "Heeft 1 van 1 gewenste vaardigheden: Heftruck rijden (‘heftruk’)" in text
    assert "Uren passen: 24–32 u/week" in text
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "view_personal")) is not None
    first, second = db.session.scalars(select(Suggestion).order_by(Suggestion.score.desc())).all()
    response = client.post(f"/beheer/suggesties/{first.id}/voordragen", data={f"s{first.id}-version": first.version},
                           follow_redirects=True)
    assert "Voorgedragen aan de werkgever." in visible_text(response.get_data(as_text=True))
    missing = client.post(f"/beheer/suggesties/{second.id}/afwijzen",
                          data={f"s{second.id}-version": second.version, f"s{second.id}-reason": ""})
    assert missing.status_code == 422
    assert "Kies een reden uit de lijst." in visible_text(missing.get_data(as_text=True))
    done = client.post(f"/beheer/suggesties/{second.id}/afwijzen", follow_redirects=True, data={
        f"s{second.id}-version": second.version, f"s{second.id}-reason": "hours",
        f"s{second.id}-note": "Werkt alleen ochtenden"})
    text = visible_text(done.get_data(as_text=True))
    assert "Suggestie afgewezen." in text and "Uren of werktijden passen niet — Werkt alleen ochtenden" in text
    client.post(f"{url(vacancy)}/herberekenen", follow_redirects=True)
    db.session.expire_all()
    states = {s.candidate_id: s.status for s in db.session.scalars(select(Suggestion))}
    assert states == {amina.id: SuggestionStatus.PROPOSED, henk.id: SuggestionStatus.REJECTED}


def test_follow_a_proposal_to_hired_and_stale_forms_conflict(world, app, as_role, client, db):
    vacancy, _people = world
    as_role(Role.MATCHER)
    first_visit(app, client, url(vacancy))
    s = db.session.scalars(select(Suggestion).order_by(Suggestion.score.desc())).first()
    client.post(f"/beheer/suggesties/{s.id}/voordragen", data={f"s{s.id}-version": s.version})
    db.session.refresh(s)
    stale = s.version
    for step in ("introduced", "interview", "hired"):
        response = client.post(f"/beheer/suggesties/{s.id}/status", follow_redirects=True,
                               data={f"s{s.id}-version": s.version, f"s{s.id}-status": step, f"s{s.id}-reason": ""})
        assert response.status_code == 200, visible_text(response.get_data(as_text=True))[:600]
        db.session.refresh(s)
    assert s.status == SuggestionStatus.HIRED
    assert "Aangenomen" in visible_text(client.get(url(vacancy)).get_data(as_text=True))
    conflict = client.post(f"/beheer/suggesties/{s.id}/voordragen", data={f"s{s.id}-version": stale})
    assert conflict.status_code == 409


def test_partner_sees_only_its_candidates_and_owner_sees_them_anonymised(world, app, as_role, client, db, other_org,
                                                                        make_candidate):
    vacancy, _people = world
    partner_person = make_candidate(organisation=other_org, first_name="Ilse", last_name="Partner", hours_min=24,
                                    hours_max=32, lat=52.52, lon=5.72, max_travel_km=25)
    link_candidate(db.session, partner_person, ["orderpicken"])
    as_role(Role.MATCHER, other_org)
    assert client.get(url(vacancy)).status_code == 404
    share(db.session, vacancy, other_org)
    text = visible_text(first_visit(app, client, url(vacancy)).get_data(as_text=True))
    assert "Ilse Partner" in text and "Amina" not in text and "gedeeld" in text
    s = db.session.scalar(select(Suggestion).where(Suggestion.organisation_id == other_org.id))
    client.post(f"/beheer/suggesties/{s.id}/voordragen", data={f"s{s.id}-version": s.version})
    queue = visible_text(client.get("/beheer/suggesties/").get_data(as_text=True))
    assert "Orderpicker" in queue and "gedeeld door Gemeente Dronten" in queue
    as_role(Role.MATCHER)
    owner_view = visible_text(client.get(url(vacancy)).get_data(as_text=True))
    assert "Kandidaat van UWV Flevoland" in owner_view and "Voorgedragen" in owner_view
    assert "Ilse" not in owner_view and "Partner" not in owner_view.replace("Voorgedragen door partners", "")


def test_queue_counts_new_suggestions_with_constant_queries(world, app, as_role, client, count_queries, db, org,
                                                            make_employer):
    vacancy, _people = world
    as_role(Role.MATCHER)
    first_visit(app, client, url(vacancy))

    few = count_queries("/beheer/suggesties/")
    for n in range(6):
        add_vacancy(db.session, org, make_employer(), title=f"Extra {n}", required=["orderpicken"])
    assert count_queries("/beheer/suggesties/") == few
    rows = visible_text(client.get("/beheer/suggesties/").get_data(as_text=True))
    assert rows.index("Orderpicker") < rows.index("Extra 0")  # newest suggestions first
    assert "Orderpicker Polderbakkerij Dronten 2 0" in rows


def test_best_vacancies_for_a_candidate(world, as_role, client):
    vacancy, (amina, _henk) = world
    as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/suggesties/kandidaat/{amina.id}").get_data(as_text=True))
    assert "Passende vacatures voor Amina Test" in text and "Orderpicker" in text
    assert "Heeft 1 van 1 vereiste vaardigheden" in text


def test_suggestions_page_does_not_rebuild_the_index(world, as_role, client):
    from models.matches import index_cache, snapshots

    vacancy, _people = world
    as_role(Role.MATCHER)
    client.get(url(vacancy))
    client.post(f"{url(vacancy)}/herberekenen")
    entries = list(index_cache._cache.values())
    assert len(entries) == 1
    folder = snapshots.org_dir(index_cache.settings()[0], vacancy.organisation_id)
    assert len(list(folder.glob("v*"))) == 1  # built once, then mapped by both requests


def test_an_inactive_candidates_fitting_vacancies_say_the_candidate_is_not_suggested(world, as_role, client, db):
    from models.enums import CandidateStatus

    vacancy, (amina, _henk) = world
    amina.status = CandidateStatus.INACTIVE
    db.session.commit()
    as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/suggesties/kandidaat/{amina.id}").get_data(as_text=True))
    assert "Deze kandidaat is niet actief: de vacatures hieronder passen, maar de kandidaat wordt pas voorgesteld" in text
    assert "Orderpicker" in text


def test_the_first_visit_stores_nothing_and_has_the_worker_rank_the_vacancy(world, app, as_role, client, db):
    """A GET writes no suggestions (issue 17): the page says they are being computed and offers a
    reload; one job is enqueued however often the page is opened, and after it the list is there."""
    from models import SuggestionRun
    from web.queue import huey_for

    vacancy, _people = world
    as_role(Role.MATCHER)
    for _ in range(2):
        page = client.get(url(vacancy)).get_data(as_text=True)
        assert "De suggesties voor deze vacature worden berekend." in visible_text(page)
        assert 'data-refresh-after="5"' in page and "Pagina vernieuwen" in visible_text(page)
    assert db.session.scalar(select(func.count(Suggestion.id))) == 0
    assert db.session.scalar(select(func.count(SuggestionRun.id))) == 0
    waiting = [t.name for t in iter(huey_for(app).dequeue, None)]
    assert waiting.count("refresh_vacancy") == 1
    huey_for(app).delete(f"refresh:vacancy:{vacancy.id}")  # as the worker does when it starts the job
    text = visible_text(first_visit(app, client, url(vacancy)).get_data(as_text=True))
    assert "Amina Test" in text and "worden berekend" not in text
