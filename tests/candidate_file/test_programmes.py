"""Trajectories with a provider's budget, participatiebanen with their term and reminder, screening routes."""
from datetime import date

import pytest
from sqlalchemy import select

from models import Candidate, Participatiebaan, ScreeningRoute, Trajectory, TrajectoryBudget
from models.candidates import participatiebanen
from models.common import clock
from models.enums import Role, TrajectoryKind, TrajectoryResult
from tests.helpers import visible_text

TODAY = date(2026, 5, 20)


@pytest.fixture(autouse=True)
def frozen():
    with clock.frozen(TODAY):
        yield


@pytest.fixture
def provider(make_employer, db):
    employer = make_employer(name="Taal en Werk Flevoland", is_provider=True)
    return employer


def test_budget_page_shows_budgeted_bought_started_and_results(db, as_role, client, provider, make_candidate, org):
    as_role(Role.COORDINATOR)
    assert client.post("/beheer/kandidaten/trajecten/budget?jaar=2026", data={
        "provider_id": str(provider.id), "year": "2026", "budgeted": "50", "amount": "125.000"}).status_code == 302
    people = [make_candidate(external_id=f"S-{n}") for n in range(5)]
    for n, person in enumerate(people):
        db.session.add(Trajectory(
            organisation_id=org.id, candidate_id=person.id, kind=TrajectoryKind.LANGUAGE_AND_WORK,
            provider_id=provider.id, bought_on=date(2026, 1 + n, 1),
            started_on=date(2026, 2 + n, 1) if n < 4 else None,  # the fifth has not started
            ended_on=date(2026, 4 + n, 1) if n < 2 else None,
            result=(TrajectoryResult.WEP, TrajectoryResult.DROPPED_OUT)[n] if n < 2 else None))
    db.session.add(Trajectory(organisation_id=org.id, candidate_id=people[0].id, kind=TrajectoryKind.TRAINING,
                              provider_id=provider.id, bought_on=date(2025, 12, 1)))  # another year
    db.session.commit()
    page = visible_text(client.get("/beheer/kandidaten/trajecten-en-participatiebanen?jaar=2026").get_data(as_text=True))
    # 50 budgeted, 5 bought in 2026, 4 started by today (the 4th starts 1-5), 2 ended: 59 and 61 days; 1 of 2 to a WEP.
    assert "Taal en Werk Flevoland 50 5 4 2 60 50%" in page
    budget = db.session.scalar(select(TrajectoryBudget))
    assert (budget.budgeted, budget.amount_cents) == (50, 12_500_000)


@pytest.mark.parametrize(("data", "message"), [
    ({"kind": "yoga"}, "Soort traject: kies een soort uit de lijst"),
    ({"provider_id": "999999"}, "Aanbieder: kies een aanbieder uit de lijst"),
    ({"bought_on": "2026-06-01"}, "Datum van inkoop: ligt in de toekomst"),
    ({"started_on": "2026-05-01", "planned_end_on": "2026-04-01"}, "Geplande einddatum: ligt voor de startdatum"),
    ({"cost": "duur"}, "Kosten: vul een bedrag in euro in"),
])
def test_bad_trajectory_input_is_named_and_nothing_is_written(db, as_role, client, provider, make_candidate, data,
                                                              message):
    as_role(Role.MATCHER)
    candidate = make_candidate()
    form = {"kind": "training", "provider_id": str(provider.id), "bought_on": "2026-05-01", **data}
    response = client.post(f"/beheer/kandidaten/{candidate.id}/trajecten", data=form)
    assert response.status_code == 422 and message in visible_text(response.get_data(as_text=True))
    assert db.session.query(Trajectory).count() == 0


def test_matcher_records_and_ends_a_trajectory_listed_on_the_candidate_page(db, as_role, client, provider,
                                                                            make_candidate):
    as_role(Role.MATCHER)
    candidate = make_candidate()
    assert client.post(f"/beheer/kandidaten/{candidate.id}/trajecten", data={
        "kind": "language_and_work", "provider_id": str(provider.id), "bought_on": "2026-03-01",
        "started_on": "2026-03-15", "cost": "2.500"}).status_code == 302
    item = db.session.scalar(select(Trajectory))
    response = client.post(f"/beheer/kandidaten/trajecten/{item.id}/afronden", data={
        "version": str(item.version), "ended_on": "2026-05-01", "result": "wep"})
    assert response.status_code == 302
    page = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}").get_data(as_text=True))
    assert "Taal en werk Taal en Werk Flevoland 01-03-2026 15-03-2026 01-05-2026 door naar werkervaringsplaats" in page


def test_participatiebaan_term_premiums_capacity_and_reminder(app, db, as_role, client, make_candidate):
    me = as_role(Role.MATCHER)
    app.config["PARTICIPATIEBAAN_CAPACITY"] = 2
    ending, fresh, third = (make_candidate(owner_id=me.id, external_id=x) for x in ("PB-1", "PB-2", "PB-3"))
    url = "/beheer/kandidaten/{}/participatiebaan"
    too_long = client.post(url.format(ending.id), data={"started_on": "2024-07-01", "ends_on": "2026-08-01"})
    assert "ten hoogste 24 maanden (uiterlijk 01-07-2026)" in visible_text(too_long.get_data(as_text=True))
    assert client.post(url.format(ending.id), data={"started_on": "2024-07-01"}).status_code == 302
    assert client.post(url.format(fresh.id), data={"started_on": "2026-05-01"}).status_code == 302
    again = client.post(url.format(fresh.id), data={"started_on": "2026-05-02"})
    assert "al een lopende participatiebaan" in visible_text(again.get_data(as_text=True))
    app.config["PARTICIPATIEBAAN_CAPACITY"] = 1
    full = client.post(url.format(third.id), data={"started_on": "2026-05-10"})
    assert "de 1 participatiebanen van 2026 zijn allemaal vergeven" in visible_text(full.get_data(as_text=True))
    job = db.session.scalar(select(Participatiebaan).where(Participatiebaan.candidate_id == ending.id))
    assert job.ends_on == date(2026, 7, 1)
    assert participatiebanen.premium_dates(job) == [date(2025, 1, 1), date(2025, 7, 1), date(2026, 1, 1),
                                                    date(2026, 7, 1)]
    # The reminder: 42 days before its end it is on the owner's follow-up list; the fresh one is not.
    caseload = visible_text(client.get(f"/beheer/kandidaten/caseload/{me.id}").get_data(as_text=True))
    assert "PB-1 : participatiebaan loopt af op 01-07-2026" in caseload and "PB-2 : participatiebaan" not in caseload
    response = client.post(f"/beheer/kandidaten/participatiebanen/{job.id}/beeindigen", data={
        "version": str(job.version), "ended_on": "2026-05-19", "outflow": "full"})
    assert response.status_code == 302
    caseload = visible_text(client.get(f"/beheer/kandidaten/caseload/{me.id}").get_data(as_text=True))
    assert "PB-1 : participatiebaan" not in caseload
    overview = visible_text(client.get("/beheer/kandidaten/trajecten-en-participatiebanen").get_data(as_text=True))
    assert "1 van 1 gestart in 2026; 1 lopen nu" in overview and "volledig 1" in overview


def test_screening_routes_per_organisation_filter_and_count(db, as_role, client, make_candidate, org, other_org):
    as_role(Role.COORDINATOR)
    assert client.post("/beheer/kandidaten/screeningsroutes", data={"code": "werk-2-jaar",
                                                                   "label": "Betaald werk binnen 2 jaar"}).status_code == 302
    duplicate = client.post("/beheer/kandidaten/screeningsroutes", data={"code": "werk-2-jaar", "label": "x"})
    assert "bestaat al" in visible_text(duplicate.get_data(as_text=True))
    foreign = ScreeningRoute(organisation_id=other_org.id, code="elders", label="Andere gemeente")
    db.session.add(foreign)
    db.session.commit()
    route = db.session.scalar(select(ScreeningRoute).where(ScreeningRoute.code == "werk-2-jaar"))
    screened, other = make_candidate(external_id="SH-1"), make_candidate(external_id="SH-2")
    url = f"/beheer/kandidaten/{screened.id}/screening"
    refused = client.post(url, data={"route_id": str(foreign.id), "screened_on": "2026-05-01"})
    assert "kies een route uit de lijst van uw organisatie" in visible_text(refused.get_data(as_text=True))
    assert client.post(url, data={"route_id": str(route.id), "screened_on": "2026-05-01"}).status_code == 302
    listing = visible_text(client.get(f"/beheer/kandidaten/?route={route.id}").get_data(as_text=True))
    assert "SH-1" in listing and "SH-2" not in listing
    counts = visible_text(client.get("/beheer/kandidaten/screeningsroutes").get_data(as_text=True))
    assert "Betaald werk binnen 2 jaar werk-2-jaar 1" in counts and "Niet gescreend 1" in counts
    assert db.session.get(Candidate, other.id).screening_route_id is None
