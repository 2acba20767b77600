"""The demo data generator: valid against the contract, deterministic, realistic enough to test with."""
from __future__ import annotations

import inspect
import json
import re
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from models.importing.validate import schema as import_schema
from seed.demo import generate_activity, generate_import, iter_candidates, write_import_file

# The ranges from the brief, kept apart from seed/demo/places.py so the test does not check the
# generator against itself.
PC4_RANGES = {
    "Dronten": (8250, 8256), "Lelystad": (8200, 8245), "Almere": (1300, 1363), "Zeewolde": (3890, 3899),
    "Harderwijk": (3840, 3849), "Ermelo": (3850, 3853), "Nunspeet": (8070, 8075), "Elburg": (8080, 8085),
    "Epe": (8160, 8162), "Apeldoorn": (7300, 7399), "Kampen": (8260, 8267), "Biddinghuizen": (8256, 8256),
    "Swifterbant": (8255, 8255), "Urk": (8320, 8322), "Emmeloord": (8300, 8308),
}
PHONE = re.compile(r"(\+31|0)[\s-]?6[\s-]?\d{2}[\s]?\d{2}|0\d{2,3}-\d{6,7}")


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """The contract's schema as shipped with the importer."""
    return Draft202012Validator(import_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def doc() -> dict:
    return generate_import()


@pytest.fixture(scope="module")
def activity(doc: dict) -> dict:
    return generate_activity(doc)


def test_document_validates_against_the_contract(validator: Draft202012Validator, doc: dict) -> None:
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


def test_same_seed_gives_identical_bytes_and_another_seed_differs(doc: dict) -> None:
    again = json.dumps(generate_import(seed=2026), ensure_ascii=False)
    assert json.dumps(doc, ensure_ascii=False) == again
    assert json.dumps(generate_import(seed=7), ensure_ascii=False) != again
    assert json.dumps(generate_activity(doc)) == json.dumps(generate_activity(generate_import()))


def test_counts_are_as_asked(doc: dict) -> None:
    assert (len(doc["candidates"]), len(doc["employers"]), len(doc["vacancies"])) == (300, 80, 120)
    small = generate_import(seed=1, candidates=7, employers=3, vacancies=5)
    assert (len(small["candidates"]), len(small["employers"]), len(small["vacancies"])) == (7, 3, 5)


def test_external_ids_are_unique_per_list(doc: dict) -> None:
    for name in ("candidates", "employers", "vacancies"):
        ids = [r["external_id"] for r in doc[name]]
        assert len(ids) == len(set(ids)), name


def test_every_vacancy_belongs_to_an_employer_in_the_file(doc: dict) -> None:
    employers = {e["external_id"] for e in doc["employers"]}
    assert {v["employer"] for v in doc["vacancies"]} <= employers
    assert sum(v.get("status", "open") == "open" for v in doc["vacancies"]) > len(doc["vacancies"]) / 2


def test_postcodes_agree_with_the_city(doc: dict) -> None:
    records = doc["candidates"] + doc["employers"] + doc["vacancies"]
    checked = 0
    for rec in records:
        if "postcode" in rec and "city" in rec:
            low, high = PC4_RANGES[rec["city"]]
            assert low <= int(rec["postcode"][:4]) <= high, rec
            checked += 1
    assert checked > len(records) / 2


def test_kvk_numbers_are_eight_digits_and_unique() -> None:
    employers = generate_import(candidates=0, employers=2000, vacancies=0)["employers"]
    numbers = [e["kvk"] for e in employers if "kvk" in e]
    assert all(re.fullmatch(r"\d{8}", n) for n in numbers)
    assert len(numbers) == len(set(numbers)) > 1500


def test_consent_is_mixed_and_sometimes_already_ended(doc: dict) -> None:
    consenting = [c for c in doc["candidates"] if c.get("publish_consent")]
    assert 0.45 < len(consenting) / len(doc["candidates"]) < 0.75
    assert any(c.get("consent_until", "9999") < "2026-11-16" for c in consenting)


def test_some_free_texts_leak_personal_data_for_the_privacy_checks(doc: dict) -> None:
    def texts(c: dict) -> str:
        return f"{c.get('experience', '')} {c.get('about', '')}"
    assert any(PHONE.search(texts(c)) for c in doc["candidates"])
    assert any(f"{c['first_name']} {c['last_name']}" in texts(c) for c in doc["candidates"])
    assert any("@example." in texts(c) for c in doc["candidates"])


def test_statushouders_are_about_a_third(doc: dict) -> None:
    share = sum("statushouder" in c.get("target_groups", []) for c in doc["candidates"]) / len(doc["candidates"])
    assert 0.2 < share < 0.45


def test_iter_candidates_is_lazy_and_prefix_stable() -> None:
    assert inspect.isgenerator(iter_candidates(10, seed=3))
    assert list(iter_candidates(5, seed=3)) == list(iter_candidates(50, seed=3))[:5]


def test_written_file_is_the_generated_document_and_validates(
        tmp_path: Path, validator: Draft202012Validator) -> None:
    path = tmp_path / "import.json"
    counts = write_import_file(path, 150, n_employers=12, n_vacancies=20, seed=11)
    assert counts == {"employers": 12, "vacancies": 20, "candidates": 150}
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == generate_import(seed=11, candidates=150, employers=12, vacancies=20)
    assert list(validator.iter_errors(written)) == []


def test_writing_the_file_streams(tmp_path: Path) -> None:
    def peak(n: int) -> int:
        tracemalloc.start()
        try:
            write_import_file(tmp_path / f"{n}.json", n, n_employers=5, n_vacancies=5, seed=1)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    small, large = peak(500), peak(4000)
    size = (tmp_path / "4000.json").stat().st_size
    assert large < 2 * small + 200_000
    assert large < size / 4


def test_activity_refers_to_records_that_exist(doc: dict, activity: dict) -> None:
    employers = {e["external_id"] for e in doc["employers"]}
    candidates = {c["external_id"] for c in doc["candidates"]}
    vacancies = {v["external_id"]: v for v in doc["vacancies"]}
    staff = {s["key"] for s in activity["staff"]}
    persons = {p["key"]: p["employer"] for p in activity["contact_persons"]}
    assert 550 <= len(activity["contact_moments"]) <= 650
    for m in activity["contact_moments"]:
        assert m["employer"] in employers and m["staff"] in staff
        assert m["contact_person"] is None or persons[m["contact_person"]] == m["employer"]
        assert m["channel"] in {"visit", "phone", "email", "event", "other"}
    placements = activity["placements"]
    assert 20 <= len(placements) <= 30
    assert len({p["candidate"] for p in placements}) == len(placements)
    for p in placements:
        assert p["candidate"] in candidates and p["employer"] in employers
        assert p["vacancy"] is None or vacancies[p["vacancy"]]["employer"] == p["employer"]
    obligations = activity["sroi_obligations"]
    assert 3 <= len(obligations) <= 4
    assert all(o["contractor"] in employers and o["percentage"] == 5 for o in obligations)
    assert {o["region"] for o in obligations} <= {"utrecht", "oost-nederland", "rijnvicus", "flevoland-voorbeeld"}
    assert all(p["target_group"] != "statushouder" for p in placements)


def test_some_follow_ups_are_overdue_and_some_done(activity: dict) -> None:
    follow_ups = [m["follow_up"] for m in activity["contact_moments"] if m["follow_up"]]
    today = activity["reference_date"]
    assert any(f["done_on"] is None and f["due_on"] < today for f in follow_ups)
    assert any(f["done_on"] is not None for f in follow_ups)


def test_bench_writes_a_valid_file_and_reads_import_counts(
        tmp_path: Path, validator: Draft202012Validator) -> None:
    from bench.import_bench import all_unchanged, bench_sizes, write_bench_file
    path, counts = write_bench_file(tmp_path, 200, seed=5)
    assert counts == dict(zip(("employers", "vacancies"), bench_sizes(200)), candidates=200)
    assert list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))) == []
    assert bench_sizes(100_000) == (1000, 2000)
    assert all_unchanged(["candidates: created 0, updated 0, unchanged 100000"]) is True
    assert all_unchanged(['{"employers": {"created": 0, "updated": 3, "unchanged": 77}}']) is False
    assert all_unchanged(["0 created, 0 updated, 300 unchanged"]) is True
    assert all_unchanged(["done"]) is None


def test_demo_addresses_are_valid_staff_names_distinct_and_few_follow_ups_late(activity: dict) -> None:
    from email_validator import validate_email

    from seed.accounts import PEOPLE

    for person in activity["contact_persons"]:
        validate_email(person["email"], check_deliverability=False)  # raises on "b.v..example.nl"
    names = [s["name"] for s in activity["staff"]] + [n for people in PEOPLE.values() for n in people]
    assert len(names) == len(set(names))
    today = date.fromisoformat(activity["reference_date"])
    open_ = [m["follow_up"] for m in activity["contact_moments"] if m["follow_up"] and not m["follow_up"]["done_on"]]
    late = [f for f in open_ if date.fromisoformat(f["due_on"]) < today]
    this_week = [f for f in open_ if 0 <= (date.fromisoformat(f["due_on"]) - today).days < 7]
    assert 1 <= len(late) <= 12 and this_week  # some work waiting, a few late, not dozens
