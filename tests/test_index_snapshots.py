"""The matcher's index: built by a job into a snapshot on disk, mapped read-only, never built in a request;
changes found by change number, never by clock."""
from __future__ import annotations

import mmap
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from models import Candidate, Suggestion
from models.accounts import api_tokens
from models.base import utcnow
from models.candidates import erasure
from models.common import stamps
from models.common.system import CacheStamp
from models.enums import CandidateStatus, Role
from models.matches import index_cache, snapshots
from models.matches.suggestions import rank
from tests.helpers import visible_text
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy
from web.queue import huey_for


@pytest.fixture
def world(app, db, org, make_employer, make_candidate):
    app.config["MATCH_SNAPSHOT_CHECK_SECONDS"] = 0  # look for a new snapshot on every use
    load_small_taxonomy(db.session)
    people = []
    for first, skills in (("Amina", ["orderpicken", "heftruk"]), ("Henk", ["order picken"]), ("Sara", ["orderpicken"])):
        candidate = make_candidate(first_name=first, last_name="Test", hours_min=16, hours_max=36,
                                   lat=52.52, lon=5.72, max_travel_km=25)
        link_candidate(db.session, candidate, skills)
        people.append(candidate)
    vacancy = add_vacancy(db.session, org, make_employer(name="Polderbakkerij"), title="Orderpicker",
                          required=["orderpicken"], hours_min=16, hours_max=24)
    return vacancy, people


def ranked_ids(db, vacancy, org) -> list[int]:
    return [r.candidate_id for r in rank(db.session, vacancy, org.id, top=10)[0]]


def mapped(array) -> bool:
    """Is ``array`` a view of a memory-mapped file (not a private copy)?"""
    while array is not None and not isinstance(array, mmap.mmap):
        array = getattr(array, "base", None)
    return isinstance(array, mmap.mmap)


def another_process() -> None:
    """What a second web worker sees: nothing cached in this process."""
    index_cache.clear_cache()


def test_without_a_snapshot_nothing_is_built_the_page_says_computing_and_a_build_is_queued(
        app, db, world, as_role, client):
    vacancy, _people = world
    with pytest.raises(index_cache.IndexNotReady):
        index_cache.get_index(db.session, vacancy.organisation_id)
    as_role(Role.MATCHER)
    response = client.get(f"/beheer/suggesties/vacature/{vacancy.id}")
    assert response.status_code == 200
    assert "De suggesties worden berekend" in visible_text(response.get_data(as_text=True))
    assert snapshots.read_pointer(index_cache.settings()[0], vacancy.organisation_id) is None  # not built here
    assert db.session.scalar(select(Suggestion.id).where(Suggestion.vacancy_id == vacancy.id)) is None
    huey = huey_for(app)
    assert huey.pending_count() >= 1 and huey.get(f"index:build:{vacancy.organisation_id}", peek=True)

    left_out = client.get(f"/beheer/suggesties/vacature/{vacancy.id}/overige")
    assert left_out.status_code == 200 and left_out.headers["Retry-After"] == "30"
    assert "De suggesties worden berekend" in visible_text(left_out.get_data(as_text=True))


def test_the_api_answers_503_with_retry_after_until_the_worker_built_the_snapshot(app, db, org, world):
    vacancy, _people = world
    vacancy.external_id = "V-1"
    db.session.commit()
    _token, plaintext = api_tokens.create_token(db.session, org.id, "test")
    db.session.commit()
    headers = {"Authorization": f"Bearer {plaintext}"}
    client = app.test_client()
    waiting = client.get("/api/v1/vacancies/V-1/suggestions", headers=headers)
    assert waiting.status_code == 503 and int(waiting.headers["Retry-After"]) > 0
    assert "being computed" in waiting.json["error"]["message"]

    huey_for(app).flush()  # the queued build runs on the worker: here, in the test
    assert app.test_cli_runner().invoke(args=["match", "build-index"]).exit_code == 0
    ready = client.get("/api/v1/vacancies/V-1/suggestions", headers=headers)
    assert ready.status_code == 200 and len(ready.json["suggestions"]) == 3


def test_a_late_commit_with_an_old_timestamp_is_still_seen_by_another_process(app, db, org, world):
    """Issue 17, point 2: freshness keyed on updated_at missed commits more than 5 minutes late."""
    vacancy, (amina, henk, sara) = world
    index_cache.build(db.session, org.id)
    assert set(ranked_ids(db, vacancy, org)) == {amina.id, henk.id, sara.id}

    henk.hours_min, henk.hours_max = 1, 1  # breaks the vacancy's 16-24 hours
    db.session.commit()
    # The row says it changed hours ago (a long import; a host whose clock is behind).
    db.session.execute(update(Candidate).where(Candidate.id == henk.id)
                       .values(updated_at=utcnow() - timedelta(hours=3)))
    db.session.commit()
    another_process()
    assert henk.id not in ranked_ids(db, vacancy, org)
    entry = index_cache.get_index(db.session, org.id)
    assert entry.change_no == stamps.current_change(db.session)[0] > entry.snapshot_change_no


def test_edits_status_changes_and_erasures_reach_a_mapped_index_without_a_rebuild(app, db, org, world,
                                                                                 make_candidate):
    vacancy, (amina, henk, sara) = world
    index_cache.build(db.session, org.id)
    entry = index_cache.get_index(db.session, org.id)
    built = entry.version
    sara.status = CandidateStatus.PLACED
    db.session.commit()
    erasure.erase_candidate(db.session, amina)
    db.session.commit()
    newcomer = make_candidate(first_name="Nina", last_name="Nieuw", hours_min=16, hours_max=36, lat=52.52,
                              lon=5.72, max_travel_km=25)
    link_candidate(db.session, newcomer, ["orderpicken"])
    assert ranked_ids(db, vacancy, org) == sorted([henk.id, newcomer.id], key=ranked_ids(db, vacancy, org).index)
    assert set(ranked_ids(db, vacancy, org)) == {henk.id, newcomer.id}
    entry = index_cache.get_index(db.session, org.id)
    assert entry.version == built and len(entry.index) == 2  # the same snapshot, plus the changes since


def test_a_new_snapshot_is_mapped_atomically_and_its_arrays_are_read_only_maps(app, db, org, world):
    vacancy, people = world
    first = index_cache.build(db.session, org.id)
    old = index_cache.get_index(db.session, org.id)
    people[0].status = CandidateStatus.INACTIVE
    db.session.commit()
    second = index_cache.build(db.session, org.id)
    assert second["change_no"] > first["change_no"] and second["candidates"] == 2
    new = index_cache.get_index(db.session, org.id)
    assert new is not old and new.version == second["name"] and new.delta_size == 0
    assert len(old.index) == 3  # a request still holding the old one finishes on it
    base = new.index.base
    for array in (base._main.data, base._main.indices, base._main.indptr, base.attrs.ids, base.attrs.alive):
        assert mapped(array) and not array.flags.writeable
    assert set(ranked_ids(db, vacancy, org)) == {p.id for p in people[1:]}


def test_a_snapshot_of_another_database_is_never_used(app, db, org, world):
    vacancy, _people = world
    index_cache.build(db.session, org.id)
    db.session.get(CacheStamp, stamps.CHANGE_EPOCH).version += 1  # as if the database was reset
    db.session.commit()
    another_process()
    with pytest.raises(index_cache.IndexNotReady):
        index_cache.get_index(db.session, org.id)
    assert index_cache.snapshot_state(db.session, org.id, max_age=600) == "snapshot of another database"


def test_a_snapshot_whose_vectorizers_are_not_signed_with_this_installations_key_is_never_unpickled(
        app, db, org, world, tmp_path):
    import pickle

    built = index_cache.build(db.session, org.id)
    folder = snapshots.org_dir(index_cache.settings()[0], org.id) / built["name"]
    marker = tmp_path / "ran"

    class Payload:  # what an attacker who can write to the folder would plant
        def __reduce__(self):
            return (open, (str(marker), "w"))

    (folder / "space.pickle").write_bytes(pickle.dumps(Payload()))
    another_process()
    with pytest.raises(index_cache.IndexNotReady):
        index_cache.get_index(db.session, org.id)
    assert not marker.exists()
    assert "not signed" in index_cache.build_if_needed(db.session, org.id, max_age=600)  # the worker rebuilds
    another_process()
    assert len(index_cache.get_index(db.session, org.id).index) == 3
    app.config["SECRET_KEY"] = "another installation"
    another_process()
    with pytest.raises(index_cache.IndexNotReady):
        index_cache.get_index(db.session, org.id)


def test_the_worker_rebuilds_only_when_the_snapshot_is_behind(app, db, org, world):
    vacancy, people = world
    assert index_cache.build_if_needed(db.session, org.id, max_age=600).endswith("(3 candidates)")
    assert index_cache.snapshot_state(db.session, org.id, max_age=600) is None
    people[0].hours_max = 30
    db.session.commit()
    assert index_cache.snapshot_state(db.session, org.id, max_age=600) is None  # one recent change: the delta
    assert index_cache.snapshot_state(db.session, org.id, max_age=-1) == "1 changes since a snapshot older than -1 s"


def test_an_import_numbers_its_bulk_inserts(app, db, org, runner, tmp_path):
    from tests.test_api_suggestions import EXAMPLE

    index_cache.build(db.session, org.id)
    before = stamps.current_change(db.session)[0]
    source = tmp_path / "import.json"
    source.write_bytes(EXAMPLE)
    result = runner.invoke(args=["import", str(source), "--org", org.key])
    assert result.exit_code == 0, result.output
    numbers = db.session.scalars(select(Candidate.change_no).where(Candidate.organisation_id == org.id)).all()
    assert numbers and min(numbers) > before
    entry = index_cache.get_index(db.session, org.id)
    assert len(entry.index) == sum(1 for _ in db.session.scalars(select(Candidate.id).where(
        Candidate.organisation_id == org.id, Candidate.status == CandidateStatus.ACTIVE)))


def test_the_signature_check_of_the_health_probe_reads_space_pickle_once_per_version(app, db, org, world,
                                                                                     monkeypatch):
    built = index_cache.build(db.session, org.id)
    reads = []
    real = snapshots._signature
    monkeypatch.setattr(snapshots, "_signature", lambda key, data: reads.append(len(data)) or real(key, data))
    for _ in range(3):
        assert index_cache.snapshot_state(db.session, org.id, max_age=600) is None
    assert len(reads) == 1
    folder = snapshots.org_dir(index_cache.settings()[0], org.id) / built["name"]
    (folder / "space.pickle").write_bytes(b"another file")
    assert "not signed" in index_cache.snapshot_state(db.session, org.id, max_age=600)
    assert len(reads) == 2
