"""Field ownership against a re-import: what a person changed since is kept and reported, never lost."""
import json

import pytest
from sqlalchemy import select

from models import Candidate, LadderAssessment, ScreeningRoute, Trajectory
from models.enums import Role

RECORD = {"external_id": "K-1", "first_name": "Amina", "last_name": "Bakker", "birth_date": "1990-05-01",
          "city": "Dronten", "hours_min": 20, "hours_max": 30, "skills": ["schoonmaken"], "email": "a@example.org",
          "ladder": 3, "ladder_assessed_on": "2026-01-10"}


def run(runner, tmp_path, *records, employers=()):
    path = tmp_path / "import.json"
    path.write_text(json.dumps({"format": "werkbrug-import/1", "employers": list(employers),
                                "candidates": list(records)}), encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    return result


def get(db) -> Candidate:
    db.session.expire_all()
    return db.session.scalar(select(Candidate).where(Candidate.external_id == "K-1"))


@pytest.fixture
def imported(runner, tmp_path, org, db):
    result = run(runner, tmp_path, RECORD)
    assert result.exit_code == 0, result.output
    return get(db)


def edit(client, candidate, **changes):
    from tests.candidate_file.test_edit import GOOD
    data = {**GOOD, "hours_min": "20", "hours_max": "30", "skills": "schoonmaken", "email": "a@example.org",
            "education": "", "dutch_level": "", "max_travel_km": "", "available_from": "", "driving_licences": "",
            "certificates": "", "desired_occupations": "", "phone": "", "version": str(candidate.version), **changes}
    response = client.post(f"/beheer/kandidaten/{candidate.id}/bewerken", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)


def test_a_field_changed_by_a_person_is_skipped_by_the_import_and_reported(runner, tmp_path, db, imported,
                                                                          as_role, client):
    as_role(Role.MATCHER)
    edit(client, imported, hours_min="24", hours_max="36", skills="schoonmaken\nstrijken")
    changed = {**RECORD, "hours_min": 16, "hours_max": 24, "skills": ["schoonmaken"], "phone": "0612345678",
               "dutch_level": "B1"}
    result = run(runner, tmp_path, changed)
    assert result.exit_code == 0, result.output
    assert "candidates: 0 created, 1 updated, 0 unchanged" in result.output
    assert "K-1: hours_max, hours_min, skills" in result.output
    saved = get(db)
    assert (saved.hours_min, saved.hours_max, saved.skills) == (24, 36, ["schoonmaken", "strijken"])
    assert saved.personal.phone == "0612345678" and saved.dutch_level.value == "B1"  # not edited: the source's
    assert "Amina" not in result.output  # the report names the client number and field, never personal data


def test_when_the_source_catches_up_it_owns_the_field_again(runner, tmp_path, db, imported, as_role, client):
    as_role(Role.MATCHER)
    edit(client, imported, hours_min="24", hours_max="36")
    result = run(runner, tmp_path, {**RECORD, "hours_min": 24, "hours_max": 36})
    assert "not overwritten" not in result.output
    assert "hours_min" not in get(db).edited_fields
    result = run(runner, tmp_path, {**RECORD, "hours_min": 12, "hours_max": 36})
    assert "not overwritten" not in result.output
    assert get(db).hours_min == 12


def test_an_import_without_the_new_fields_keeps_owner_plan_and_screening(runner, tmp_path, db, imported, make_user):
    owner = make_user(Role.MATCHER)
    route = ScreeningRoute(organisation_id=imported.organisation_id, code="werk", label="Werk binnen 2 jaar")
    db.session.add(route)
    db.session.commit()
    full = {**RECORD, "owner_email": owner.email.upper(), "plan_date": "2026-02-01", "screening_route": "werk",
            "screened_on": "2026-01-20", "expected_ladder": 4, "hours_min": 22}
    assert run(runner, tmp_path, full).exit_code == 0
    saved = get(db)
    assert (saved.owner_id, saved.screening_route_id, saved.expected_ladder) == (owner.id, route.id, 4)
    assert str(saved.plan_updated_on) == "2026-02-01" and str(saved.expected_ladder_on) == "2026-01-10"
    result = run(runner, tmp_path, {**RECORD, "hours_min": 18})  # an older export: none of the new fields
    assert result.exit_code == 0, result.output
    saved = get(db)
    assert saved.hours_min == 18
    assert (saved.owner_id, saved.screening_route_id, saved.expected_ladder) == (owner.id, route.id, 4)


def test_reassigned_owner_survives_an_import_naming_another(runner, tmp_path, db, imported, make_user, as_role, client):
    source_owner, new_owner = make_user(Role.MATCHER), make_user(Role.MATCHER)
    assert run(runner, tmp_path, {**RECORD, "owner_email": source_owner.email}).exit_code == 0
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/kandidaten/herverdelen", data={"candidate_ids": [str(imported.id)],
                                                                   "owner_id": str(new_owner.id)})
    assert response.status_code == 302
    result = run(runner, tmp_path, {**RECORD, "owner_email": source_owner.email, "hours_min": 21})
    assert "K-1: owner_email" in result.output
    assert get(db).owner_id == new_owner.id


def test_imported_rungs_and_trajectories_are_kept_as_history(runner, tmp_path, db, imported):
    employers = [{"external_id": "P-1", "name": "Taalwerk BV"}]
    traj = {"external_id": "T-1", "kind": "language_and_work", "provider": "P-1", "bought_on": "2026-02-01"}
    result = run(runner, tmp_path, {**RECORD, "ladder": 4, "ladder_assessed_on": "2026-03-01",
                                    "trajectories": [traj]}, employers=employers)
    assert result.exit_code == 0, result.output
    rungs = [(h.rung, str(h.assessed_on)) for h in db.session.scalars(
        select(LadderAssessment).order_by(LadderAssessment.assessed_on))]
    assert rungs == [(3, "2026-01-10"), (4, "2026-03-01")]
    ended = {**traj, "started_on": "2026-02-10", "ended_on": "2026-05-01", "result": "wep"}
    assert run(runner, tmp_path, {**RECORD, "ladder": 4, "ladder_assessed_on": "2026-03-01", "trajectories": [ended]},
               employers=employers).exit_code == 0
    items = list(db.session.scalars(select(Trajectory)))
    assert len(items) == 1 and items[0].result.value == "wep" and items[0].provider.is_provider


@pytest.mark.parametrize(("change", "message"), [
    ({"owner_email": "niemand@example.org"}, "candidates[0].owner_email: no active matcher or coordinator"),
    ({"screening_route": "bestaat-niet"}, "candidates[0].screening_route: 'bestaat-niet' is not a screening route"),
    ({"expected_ladder": 7}, "candidates[0].expected_ladder: 7 is above the maximum 6"),
    ({"plan_date": "2026-13-01"}, "candidates[0].plan_date: '2026-13-01' is not a date"),
    ({"trajectories": [{"external_id": "T", "kind": "yoga", "provider": "P", "bought_on": "2026-01-01"}]},
     "candidates[0].trajectories[0].kind: 'yoga' is not one of"),
    ({"trajectories": [{"external_id": "T", "kind": "training", "provider": "ONBEKEND", "bought_on": "2026-01-01"}]},
     "candidates[0].trajectories[0].provider: no employer with external_id 'ONBEKEND'"),
    ({"trajectories": [{"external_id": "T", "kind": "training", "provider": "P", "bought_on": "2026-01-01",
                        "started_on": "2026-03-01", "ended_on": "2026-02-01", "result": "wep"}]},
     "candidates[0].trajectories[0].ended_on: lies before started_on"),
])
def test_bad_new_fields_are_refused_with_their_path(runner, tmp_path, org, db, change, message):
    result = run(runner, tmp_path, {**RECORD, **change}, employers=[{"external_id": "P", "name": "Aanbieder"}])
    assert result.exit_code != 0
    assert message in result.output
    assert get(db) is None
