"""`flask import`: the werkbrug-import/1 contract — validation first, atomic, idempotent."""
import json
from copy import deepcopy
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import (
    Candidate,
    CandidatePersonal,
    CandidateTerm,
    Employer,
    Organisation,
    UnmatchedWording,
    Vacancy,
    VacancyTerm,
)

EXAMPLE = json.loads((Path(__file__).parent / "data" / "example.json").read_text())
COUNTED = (Employer, Vacancy, Candidate, CandidatePersonal, CandidateTerm, VacancyTerm)


def write(tmp_path, doc, name="import.json") -> str:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(path)


def row_counts(db) -> dict[str, int]:
    return {m.__name__: db.session.scalar(select(func.count()).select_from(m)) for m in COUNTED}


def test_example_file_imports_with_counts(runner, tmp_path, org, db):
    result = runner.invoke(args=["import", write(tmp_path, EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "employers: 2 created, 0 updated, 0 unchanged" in result.output
    assert "vacancies: 2 created, 0 updated, 0 unchanged" in result.output
    assert "candidates: 2 created, 0 updated, 0 unchanged" in result.output
    amina = db.session.scalar(select(Candidate).where(Candidate.external_id == "K-20017"))
    assert amina.organisation_id == org.id
    assert amina.personal.last_name == "Rachidi" and amina.personal.postcode == "8253 CD"
    assert amina.skills == ["inpakken", "werken aan een lopende band", "nauwkeurig"]
    assert {t.wording for t in amina.terms} >= {"inpakken", "productiemedewerker", "HACCP"}
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.external_id == "V-1001"))
    assert vacancy.employer.name == "Polderbakkerij Noord"
    assert [t.wording for t in vacancy.terms if t.required] == ["inpakken", "hygiënisch werken"]


def test_personal_data_lives_only_in_the_personal_table():
    columns = set(Candidate.__table__.columns.keys())
    assert not columns & {"first_name", "last_name", "birth_date", "postcode", "email", "phone", "experience", "about"}
    assert {"first_name", "last_name", "birth_date", "postcode", "email", "phone"} <= set(
        CandidatePersonal.__table__.columns.keys())


def test_second_import_changes_nothing_and_changed_records_update(runner, tmp_path, org, db):
    path = write(tmp_path, EXAMPLE)
    runner.invoke(args=["import", path])
    before = row_counts(db)
    result = runner.invoke(args=["import", path])
    assert "candidates: 0 created, 0 updated, 2 unchanged" in result.output
    assert row_counts(db) == before

    changed = deepcopy(EXAMPLE)
    changed["candidates"][0]["skills"].append("heftruck rijden")
    changed["employers"] = changed["employers"][:1]  # an absent record is not deleted
    result = runner.invoke(args=["import", write(tmp_path, changed, "changed.json")])
    assert result.exit_code == 0, result.output
    assert "candidates: 0 created, 1 updated, 1 unchanged" in result.output
    assert "employers: 0 created, 0 updated, 1 unchanged" in result.output
    db.session.expire_all()
    amina = db.session.scalar(select(Candidate).where(Candidate.external_id == "K-20017"))
    assert "heftruck rijden" in amina.skills and amina.version == 2
    assert "heftruck rijden" in {t.wording for t in amina.terms}
    assert db.session.scalar(select(func.count()).select_from(Employer)) == 2


def test_without_org_and_empty_database_a_default_organisation_is_created(runner, tmp_path, db):
    result = runner.invoke(args=["import", write(tmp_path, EXAMPLE)])
    assert result.exit_code == 0, result.output
    org = db.session.scalar(select(Organisation))
    assert org.is_default and org.key == "default"


def test_org_option_selects_organisation_and_unknown_is_refused(runner, tmp_path, org, other_org, db):
    result = runner.invoke(args=["import", write(tmp_path, EXAMPLE), "--org", "uwv-flevoland"])
    assert result.exit_code == 0
    assert {c.organisation_id for c in db.session.scalars(select(Candidate))} == {other_org.id}
    result = runner.invoke(args=["import", write(tmp_path, EXAMPLE), "--org", "nergens"])
    assert result.exit_code == 1
    assert "unknown organisation 'nergens' (known: dronten, uwv-flevoland)" in result.output


def test_same_external_ids_in_two_organisations_are_separate_records(runner, tmp_path, org, other_org, db):
    runner.invoke(args=["import", write(tmp_path, EXAMPLE), "--org", "dronten"])
    runner.invoke(args=["import", write(tmp_path, EXAMPLE), "--org", "uwv-flevoland"])
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 4


def test_x_fields_are_allowed(runner, tmp_path, org):
    doc = deepcopy(EXAMPLE)
    doc["candidates"][0]["x_source_system"] = "Suite4"
    assert runner.invoke(args=["import", write(tmp_path, doc)]).exit_code == 0


def broken(mutate):
    doc = deepcopy(EXAMPLE)
    mutate(doc)
    return doc


BAD_INPUTS = {
    "not json": ("{\"format\": \"werkbrug-import/1\", \"employers\": [", "the file is not valid JSON"),
    "not an object": ("[1, 2, 3]", "one JSON object"),
    "wrong format": (broken(lambda d: d.update(format="werkbrug-import/0")),
                     "format: 'werkbrug-import/0' is not supported; expected 'werkbrug-import/1'"),
    "missing format": (broken(lambda d: d.pop("format")), "format: is required"),
    "unknown field": (broken(lambda d: d["candidates"][1].update(frist_name="Henk")),
                      "candidates[1]: unknown field(s) 'frist_name' (allowed extra fields start with x_)"),
    "unknown top-level list": (broken(lambda d: d.update(werkgevers=[])), "werkgevers: unknown field"),
    "impossible date": (broken(lambda d: d["candidates"][0].update(birth_date="2026-02-30")),
                        "candidates[0].birth_date: '2026-02-30' is not a date (YYYY-MM-DD)"),
    "date in Dutch order": (broken(lambda d: d["candidates"][0].update(birth_date="31-02-1980")),
                            "candidates[0].birth_date: '31-02-1980' is not a date (YYYY-MM-DD)"),
    "unknown enum": (broken(lambda d: d["candidates"][0].update(education="phd")),
                     "candidates[0].education: 'phd' is not one of: none, primary"),
    "unknown employer": (broken(lambda d: d["vacancies"][1].update(employer="W-404")),
                         "vacancies[1].employer: no employer with external_id 'W-404' in this file or already imported"),
    "hours zero": (broken(lambda d: d["vacancies"][0].update(hours_min=0)),
                   "vacancies[0].hours_min: 0 is below the minimum 1"),
    "hours sixty": (broken(lambda d: d["candidates"][0].update(hours_max=60)),
                    "candidates[0].hours_max: 60 is above the maximum 48"),
    "hours reversed": (broken(lambda d: d["vacancies"][0].update(hours_min=36, hours_max=24)),
                       "vacancies[0].hours_min: 36 is more than hours_max 24"),
    "duplicate id": (broken(lambda d: d["candidates"][1].update(external_id="K-20017")),
                     "candidates[1].external_id: 'K-20017' appears twice in candidates (first at candidates[0])"),
    "no place": (broken(lambda d: d["candidates"][1].pop("city")),
                 "candidates[1]: give a postcode or a city (at least one is required)"),
    "bad postcode": (broken(lambda d: d["employers"][0].update(postcode="0123 AB")),
                     "employers[0].postcode: '0123 AB' is not a Dutch postcode"),
    "bad kvk": (broken(lambda d: d["employers"][0].update(kvk="1234")),
                "employers[0].kvk: '1234' is not a KvK number (8 digits)"),
    "postcode letters never used": (broken(lambda d: d["candidates"][0].update(postcode="8251 SS")),
                                    "candidates[0].postcode: '8251 SS' is not a Dutch postcode"),
    "kvk in other digits": (broken(lambda d: d["employers"][0].update(kvk="١٢٣٤٥٦٧٨")),
                            "employers[0].kvk: '١٢٣٤٥٦٧٨' is not a KvK number (8 digits)"),
    "wrong type": (broken(lambda d: d["candidates"][0].update(skills="inpakken")),
                   "candidates[0].skills: 'inpakken' must be a list"),
    "list is not a list": (broken(lambda d: d.update(candidates={})), "candidates: must be a list"),
    "utf-16": (None, "must be encoded as UTF-8"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_refused_with_its_path_and_nothing_is_written(case, runner, tmp_path, org, db):
    doc, expected = BAD_INPUTS[case]
    if case == "utf-16":
        path = tmp_path / "utf16.json"
        path.write_text(json.dumps(EXAMPLE), encoding="utf-16")
        path = str(path)
    else:
        path = write(tmp_path, doc)
    before = row_counts(db)
    result = runner.invoke(args=["import", path])
    assert result.exit_code == 1
    assert expected in result.output
    assert "nothing was written" in result.output
    assert row_counts(db) == before


def test_every_error_is_reported_not_just_the_first(runner, tmp_path, org):
    doc = deepcopy(EXAMPLE)
    doc["candidates"][0]["birth_date"] = "1980-13-01"
    doc["candidates"][1]["ladder"] = 9
    doc["vacancies"][0]["dutch_min"] = "Z9"
    result = runner.invoke(args=["import", write(tmp_path, doc)])
    assert "candidates[0].birth_date" in result.output
    assert "candidates[1].ladder: 9 is above the maximum 6" in result.output
    assert "vacancies[0].dutch_min: 'Z9' is not one of" in result.output
    assert "Import refused: 3 error(s)" in result.output


def test_error_in_last_record_leaves_database_as_it_was(runner, tmp_path, org, db):
    runner.invoke(args=["import", write(tmp_path, EXAMPLE)])
    before = row_counts(db)
    doc = deepcopy(EXAMPLE)
    doc["employers"].append({"external_id": "W-003", "name": "Nieuw"})
    doc["candidates"][0]["skills"] = ["iets nieuws"]
    doc["candidates"][1]["hours_min"] = 0
    result = runner.invoke(args=["import", write(tmp_path, doc)])
    assert result.exit_code == 1
    assert row_counts(db) == before
    assert db.session.scalar(select(Employer).where(Employer.external_id == "W-003")) is None


def test_a_200_mb_file_is_refused_before_reading(runner, tmp_path, org, db):
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:  # sparse: takes no disk and no memory
        fh.truncate(200 * 1024 * 1024)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert "the file is 209.7 MB; the limit is 157 MB (IMPORT_MAX_BYTES)" in result.output


def test_missing_file_is_named(runner, tmp_path, org):
    result = runner.invoke(args=["import", str(tmp_path / "nope.json")])
    assert result.exit_code == 1
    assert "nope.json: no such file" in result.output


def test_unmatched_wordings_are_counted_for_coordinators(runner, tmp_path, org, db):
    runner.invoke(args=["import", write(tmp_path, EXAMPLE)])
    runner.invoke(args=["import", write(tmp_path, broken(lambda d: d["candidates"][0]["skills"].append("zwaaien")))])
    row = db.session.scalar(select(UnmatchedWording).where(UnmatchedWording.normalised == "zwaaien"))
    assert row is not None and row.seen_count == 1


def test_lists_in_any_order_import_alike(runner, tmp_path, org, db):
    """One pass over the file: vacancies and trajectories that come before their employer wait for it."""
    doc = deepcopy(EXAMPLE)
    doc["candidates"][1]["trajectories"] = [
        {"external_id": "T-1", "kind": "training", "provider": "W-002", "bought_on": "2026-02-01"}]
    reordered = {"candidates": doc["candidates"], "vacancies": doc["vacancies"], "format": doc["format"],
                 "employers": doc["employers"]}
    result = runner.invoke(args=["import", write(tmp_path, json.dumps(reordered))])
    assert result.exit_code == 0, result.output
    assert "vacancies: 2 created" in result.output and "candidates: 2 created" in result.output
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.external_id == "V-1002"))
    assert vacancy.employer.name == "Zorgcentrum De Waterkant"
    from models.candidates.trajectory import Trajectory

    (trajectory,) = db.session.scalars(select(Trajectory))
    assert trajectory.provider.external_id == "W-002" and trajectory.provider.is_provider
    assert runner.invoke(args=["import", write(tmp_path, reordered, "again.json")]).output.count(" 0 created") == 3


def test_an_error_after_many_written_batches_leaves_nothing(runner, tmp_path, org, db):
    """Records are written while the file streams; an error near the end rolls all of them back."""
    doc = deepcopy(EXAMPLE)
    template = doc["candidates"][1]
    doc["candidates"] = [{**template, "external_id": f"K-{n}"} for n in range(4500)]  # more than two batches
    doc["candidates"][-1]["birth_date"] = "1980-02-30"
    before = row_counts(db)
    result = runner.invoke(args=["import", write(tmp_path, doc)])
    assert result.exit_code == 1
    assert "candidates[4499].birth_date: '1980-02-30' is not a date (YYYY-MM-DD)" in result.output
    assert row_counts(db) == before


ODD_VALUES = ("", " ", "B\n", "2026-01-01\n", "١٢٣٤", "١٢٣٤٥٦٧٨", "8251\u00a0AB", "8251\ufeffAB", "8251\x1cAB",
              "8251\u2028ab", "x" * 300, 0, -1, 2, 49,
              True, None, [], ["a"], [1], {}, 2.0, "mbo1", "A2", "2026-02-30")


@pytest.mark.parametrize("list_name", ["employers", "vacancies", "candidates"])
def test_the_compiled_validator_never_passes_what_the_exact_one_refuses(list_name):
    """Only a record the compiled validator refuses gets the exact check: it must not be laxer."""
    from models.importing.validate import fast_check, item_validator

    record = EXAMPLE[list_name][0]
    fields = set(record) | set(item_validator(list_name).schema["properties"])
    for field in sorted(fields):
        for value in ODD_VALUES:
            changed = {**record, field: value}
            if fast_check(list_name)(changed):
                assert not list(item_validator(list_name).iter_errors(changed)), (field, value)
