"""The review flow without dead ends (issue 16): owner sees only proposals, links onward, bulk reject, left out."""
import pytest
from sqlalchemy import select

from models import Suggestion
from models.enums import Role, SuggestionStatus
from tests.helpers import visible_text
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy, share
from tests.queue_helpers import first_visit

pytestmark = pytest.mark.usefixtures("index_snapshots")  # the worker's snapshot, as after its first build


def url(vacancy) -> str:
    return f"/beheer/suggesties/vacature/{vacancy.id}"


def people(db, make_candidate, skills_by_name, organisation=None):
    out = []
    for first, skills in skills_by_name:
        kw = {"organisation": organisation} if organisation is not None else {}
        candidate = make_candidate(first_name=first, last_name="Test", hours_min=20, hours_max=36,
                                   lat=52.52, lon=5.72, max_travel_km=25, **kw)
        link_candidate(db.session, candidate, skills)
        out.append(candidate)
    return out


def test_owner_sees_only_what_a_partner_proposed_never_what_it_was_shown(
        db, org, other_org, make_employer, make_candidate, as_role, app, client):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), title="Orderpicker", required=["orderpicken"],
                          hours_min=24, hours_max=32)
    share(db.session, vacancy, other_org)
    people(db, make_candidate, [("Ilse", ["orderpicken"]), ("Bram", ["orderpicken"]), ("Cor", ["order picken"])],
           organisation=other_org)
    as_role(Role.MATCHER, other_org)
    first_visit(app, client, url(vacancy))  # the partner's matcher is shown three suggestions
    shown = list(db.session.scalars(select(Suggestion).where(Suggestion.organisation_id == other_org.id)))
    assert len(shown) == 3 and all(s.status == SuggestionStatus.NEW for s in shown)
    chosen = shown[0]
    client.post(f"/beheer/suggesties/{chosen.id}/voordragen", data={f"s{chosen.id}-version": chosen.version})
    as_role(Role.ACCOUNT_MANAGER)
    page = visible_text(client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True))
    section = page.split("Voorgedragen door partners", 1)[1]
    assert section.count("kandidaat van UWV Flevoland") == 1  # one real proposal, not three rows
    assert "Ilse" not in page and "Bram" not in page


def test_matcher_on_a_vacancy_page_gets_the_suggestions_link_and_no_employer_link_that_answers_403(
        db, org, make_employer, as_role, client):
    load_small_taxonomy(db.session)
    employer = make_employer(name="Polderbakkerij")
    vacancy = add_vacancy(db.session, org, employer, title="Orderpicker", required=["orderpicken"])
    as_role(Role.MATCHER)
    page = client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    assert f'href="/beheer/suggesties/vacature/{vacancy.id}"' in page
    assert f'href="/werkgevers/{employer.id}"' not in page and "Polderbakkerij" in visible_text(page)
    as_role(Role.ACCOUNT_MANAGER)
    page = client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    assert "Polderbakkerij</a>" in page  # account managers still follow it to the employer


def test_hired_suggestion_leads_to_recording_the_placement_with_the_prefill(
        db, org, make_employer, make_candidate, as_role, app, client):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), title="Orderpicker", required=["orderpicken"],
                          hours_min=24, hours_max=32)
    people(db, make_candidate, [("Amina", ["orderpicken"])])
    as_role(Role.MATCHER)
    first_visit(app, client, url(vacancy))
    s = db.session.scalar(select(Suggestion))
    client.post(f"/beheer/suggesties/{s.id}/voordragen", data={f"s{s.id}-version": s.version})
    for step in ("introduced", "interview", "hired"):
        db.session.refresh(s)
        client.post(f"/beheer/suggesties/{s.id}/status",
                    data={f"s{s.id}-version": s.version, f"s{s.id}-status": step, f"s{s.id}-reason": ""})
    db.session.refresh(s)
    assert s.status == SuggestionStatus.HIRED
    page = client.get(url(vacancy)).get_data(as_text=True)
    link = f'href="/beheer/plaatsingen/nieuw?suggestie={s.id}"'
    assert link in page and "Plaatsing vastleggen" in visible_text(page)
    form = client.get(f"/beheer/plaatsingen/nieuw?suggestie={s.id}")
    assert form.status_code == 200


def test_bulk_reject_with_one_reason_all_or_none(db, org, make_employer, make_candidate, as_role, app, client):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), title="Orderpicker", required=["orderpicken"],
                          hours_min=24, hours_max=32)
    people(db, make_candidate, [("Amina", ["orderpicken"]), ("Henk", ["order picken"]), ("Kees", ["orderpicken"])])
    as_role(Role.MATCHER)
    page = visible_text(first_visit(app, client, url(vacancy)).get_data(as_text=True))
    assert "Aangevinkte suggesties samen afwijzen" in page
    first, second, third = db.session.scalars(select(Suggestion).order_by(Suggestion.id)).all()
    ticked = [f"{first.id}:{first.version}", f"{second.id}:{second.version - 1}"]  # the second is stale
    conflict = client.post(f"{url(vacancy)}/afwijzen", data={"kies": ticked, "reason": "hours"})
    assert conflict.status_code == 409
    db.session.expire_all()
    assert {s.status for s in db.session.scalars(select(Suggestion))} == {SuggestionStatus.NEW}
    no_reason = client.post(f"{url(vacancy)}/afwijzen", data={"kies": [f"{first.id}:{first.version}"], "reason": ""},
                            follow_redirects=True)
    assert "Kies een reden uit de lijst." in visible_text(no_reason.get_data(as_text=True))
    done = client.post(f"{url(vacancy)}/afwijzen", follow_redirects=True, data={
        "kies": [f"{first.id}:{first.version}", f"{second.id}:{second.version}"], "reason": "hours"})
    assert "2 suggesties afgewezen." in visible_text(done.get_data(as_text=True))
    db.session.expire_all()
    statuses = {s.id: (s.status, s.reject_reason) for s in db.session.scalars(select(Suggestion))}
    assert statuses[first.id] == statuses[second.id] == (SuggestionStatus.REJECTED, "hours")
    assert statuses[third.id] == (SuggestionStatus.NEW, None)


def test_weak_fits_are_left_out_counted_and_can_be_seen(db, org, make_employer, make_candidate, as_role, app, client):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), title="Orderpicker", required=["orderpicken"],
                          preferred=["heftruck"], hours_min=24, hours_max=32)
    people(db, make_candidate, [("Amina", ["orderpicken", "heftruck"]), ("Henk", ["heftruck"])])
    app.config["MATCH_MIN_SCORE"] = 0.5
    as_role(Role.MATCHER)
    page = visible_text(first_visit(app, client, url(vacancy)).get_data(as_text=True))
    assert "Amina" in page and "Henk" not in page.split("voldoe")[0]
    assert "1 kandidaat voldoet aan de harde eisen maar staat niet in de lijst" in page
    left = visible_text(client.get(f"{url(vacancy)}/overige").get_data(as_text=True))
    assert "Henk Test" in left and "Amina" not in left
