"""Large API imports: 202 with a status URL, run by the worker, counts or errors in the inline shape."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from models import ApiImport, Candidate, IdempotencyKey
from models.accounts import api_tokens
from models.base import utcnow
from models.importing import write
from tests.queue_helpers import run_jobs
from web.queue import duties

EXAMPLE = Path(__file__).parent / "data" / "example.json"


def bearer(db, organisation) -> dict:
    _token, plaintext = api_tokens.create_token(db.session, organisation.id, "test")
    db.session.commit()
    return {"Authorization": f"Bearer {plaintext}", "Content-Type": "application/json"}


@pytest.fixture
def headers(app, db, other_org):
    app.config["IMPORT_INLINE_MAX_BYTES"] = 200  # the example file (2.4 kB) goes through the worker
    return bearer(db, other_org)


def candidates(db, organisation) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Candidate.id)).where(Candidate.organisation_id == organisation.id))


def test_a_large_import_is_accepted_run_by_the_worker_and_reports_like_the_inline_one(app, client, db, headers,
                                                                                      other_org):
    response = client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers=headers)
    assert response.status_code == 202
    location = response.headers["Location"]
    assert location == response.json["status_url"] and location.startswith("/api/v1/imports/")
    assert response.json["status"] == "queued" and response.headers["Retry-After"] == "5"
    assert candidates(db, other_org) == 0  # nothing written before the worker runs it

    waiting = client.get(location, headers=headers)
    assert waiting.status_code == 200 and waiting.json["status"] == "queued" and "counts" not in waiting.json

    assert run_jobs(app, "run_api_import") == 1
    done = client.get(location, headers=headers)
    assert done.json["status"] == "done" and "Retry-After" not in done.headers
    assert done.json["counts"]["candidates"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert done.json["counts"]["employers"]["created"] == 2
    assert candidates(db, other_org) == 2
    assert done.json["started_at"] and done.json["finished_at"]

    app.config["IMPORT_INLINE_MAX_BYTES"] = 10**6  # the same body inline: the same shape of answer
    inline = client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers=headers)
    assert inline.status_code == 200
    assert set(inline.json) <= set(done.json)
    assert inline.json["counts"]["candidates"] == {"created": 0, "updated": 0, "unchanged": 2}
    db.session.expire_all()
    assert db.session.scalar(select(ApiImport.body)) is None  # the stored body is emptied once imported


def test_a_refused_large_import_lists_every_error_with_its_field_and_writes_nothing(app, client, db, headers,
                                                                                   other_org):
    body = json.loads(EXAMPLE.read_text())
    body["candidates"][1]["hours_min"] = 99
    body["candidates"][0]["birth_date"] = "gisteren"
    location = client.post("/api/v1/import", data=json.dumps(body), headers=headers).headers["Location"]
    run_jobs(app, "run_api_import")
    failed = client.get(location, headers=headers).json
    assert failed["status"] == "failed"
    assert failed["error"]["message"] == "The import was refused: 2 error(s); nothing was written."
    assert any(e.startswith("candidates[1].hours_min") for e in failed["errors"]), failed["errors"]
    assert any(e.startswith("candidates[0].birth_date") for e in failed["errors"]), failed["errors"]
    assert "Rachidi" not in json.dumps(failed)
    assert candidates(db, other_org) == 0


@pytest.mark.parametrize("body", [
    b"{" * 5000, b"\xff\xfe" * 300, b'{"format": "werkbrug-import/1", "candidates": "' + b"x" * 400 + b'"}',
    b"[" + b"1," * 300 + b"1]", b'{"format": "werkbrug-import/1", "candidates": [' + b"null," * 100 + b"null]}",
])
def test_hostile_large_bodies_fail_with_a_message_never_a_500(app, client, db, headers, body):
    response = client.post("/api/v1/import", data=body, headers=headers)
    assert response.status_code == 202
    run_jobs(app, "run_api_import")
    status = client.get(response.headers["Location"], headers=headers)
    assert status.status_code == 200
    assert status.json["status"] == "failed" and status.json["errors"], status.json


def test_another_organisation_never_sees_the_import(app, client, db, headers, org):
    location = client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers=headers).headers["Location"]
    theirs = client.get(location, headers=bearer(db, org))
    assert theirs.status_code == 404
    assert theirs.json["error"]["message"].startswith("No import ")
    assert client.get("/api/v1/imports/nonexistent", headers=headers).status_code == 404
    assert client.get(location).status_code == 401


def test_a_retry_with_the_same_key_gets_the_same_status_url_and_stores_one_import(app, client, db, headers):
    body = EXAMPLE.read_bytes()
    first = client.post("/api/v1/import", data=body, headers={**headers, "Idempotency-Key": "big-1"})
    again = client.post("/api/v1/import", data=body, headers={**headers, "Idempotency-Key": "big-1"})
    assert again.status_code == 202 and again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Location"] == first.headers["Location"]
    assert db.session.scalar(select(func.count(ApiImport.id))) == 1
    assert db.session.scalar(select(func.count(IdempotencyKey.id))) == 1
    assert run_jobs(app, "run_api_import") == 1


def test_an_import_that_breaks_halfway_leaves_nothing_written_and_runs_again(app, client, db, headers, other_org,
                                                                            monkeypatch):
    location = client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers=headers).headers["Location"]
    real = write.upsert_batch

    def break_at_candidates(session, list_name, *args):
        if list_name == "candidates":
            raise OSError("the worker's disk went away")
        return real(session, list_name, *args)

    monkeypatch.setattr("models.importing.run.upsert_batch", break_at_candidates)
    from web.queue import huey_for

    task = huey_for(app).dequeue()
    with pytest.raises(OSError):
        task.execute()  # the queue would retry it; here the test looks in between
    status = client.get(location, headers=headers).json
    assert status["status"] == "queued"
    assert candidates(db, other_org) == 0
    from models import Employer

    assert db.session.scalar(select(func.count(Employer.id)).where(Employer.organisation_id == other_org.id)) == 0

    monkeypatch.setattr("models.importing.run.upsert_batch", real)
    task.execute()
    assert client.get(location, headers=headers).json["status"] == "done"
    assert candidates(db, other_org) == 2


def test_an_import_whose_worker_was_killed_is_enqueued_again_and_finishes(app, client, db, headers, other_org):
    location = client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers=headers).headers["Location"]
    run_jobs(app, "nothing")  # the job is lost (a killed worker took it off the queue)
    long_ago = utcnow() - timedelta(seconds=app.config["IMPORT_STALE_SECONDS"] + 60)
    db.session.execute(update(ApiImport).values(status="running", started_at=long_ago, attempts=1))
    db.session.commit()
    assert duties.resume_imports().startswith("enqueued 1 lost import(s) again")
    assert run_jobs(app, "run_api_import") == 1
    status = client.get(location, headers=headers).json
    assert status["status"] == "done" and status["counts"]["candidates"]["created"] == 2
    assert duties.resume_imports().startswith("enqueued 0 lost import(s) again")


def test_a_running_import_is_not_taken_by_a_second_worker(app, client, db, headers):
    client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers=headers)
    from models.jobs import imports

    record_id = db.session.scalar(select(ApiImport.id))
    assert imports.claim(db.session, record_id, stale_seconds=3600) is not None
    assert imports.claim(db.session, record_id, stale_seconds=3600) is None
    assert imports.execute(db.session, record_id, max_bytes=10**7, stale_seconds=3600).endswith("nothing to do")


def test_the_matcher_index_is_built_once_after_an_import_sent_in_bodies_not_after_each(app, client, db, headers,
                                                                                       other_org, monkeypatch):
    """100,000 candidates in 20 bodies rebuilt the growing index after every body (25 minutes in
    bench.multi_host); while more of the organisation's import waits, the refresh keeps the snapshot."""
    from models.jobs import imports
    from models.matches import index_cache, snapshots
    from web.queue import enqueue

    index_cache.build(db.session, other_org.id)
    db.session.commit()
    root = index_cache.settings()[0]
    before = snapshots.read_pointer(root, other_org.id).name
    monkeypatch.setattr(index_cache, "DELTA_ROWS", 1)  # every import's candidates make the snapshot due

    assert client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers=headers).status_code == 202
    assert run_jobs(app, "run_api_import") == 1  # the first body is written ...
    later = imports.submit(db.session, other_org.id, "test", EXAMPLE.read_bytes())  # ... the next one waits
    db.session.commit()
    with app.app_context():
        enqueue("refresh_organisation", other_org.id)
    assert run_jobs(app, "refresh_organisation") == 1
    assert snapshots.read_pointer(root, other_org.id).name == before
    assert index_cache.snapshot_state(db.session, other_org.id, 600).endswith("changes since the snapshot")
    db.session.commit()

    db.session.execute(update(ApiImport).where(ApiImport.id == later.id).values(status="done"))
    db.session.commit()
    with app.app_context():
        enqueue("refresh_organisation", other_org.id)
    assert run_jobs(app, "refresh_organisation") == 1
    assert snapshots.read_pointer(root, other_org.id).name != before
    assert index_cache.snapshot_state(db.session, other_org.id, 600) is None


def _body(*external_ids: str) -> bytes:
    """Candidates who fit the orderpicker vacancy below, in an import body of their own."""
    record = json.loads(EXAMPLE.read_text())["candidates"][0]
    people = [{**record, "external_id": ext, "first_name": f"Fleur{i}", "last_name": "Import", "skills": ["orderpicken"],
               "desired_occupations": [], "hours_min": 24, "hours_max": 32} for i, ext in enumerate(external_ids)]
    return json.dumps({"format": "werkbrug-import/1", "candidates": people}).encode()


@pytest.mark.usefixtures("index_snapshots")
def test_while_more_of_an_import_waits_the_page_says_the_suggestions_are_recomputed_and_after_the_last_body_they_are(
        app, client, db, org, as_role, make_employer, make_candidate):
    """Re-ranking every open vacancy after each body of an import was half its time (bench.import_refresh);
    the refresh waits for the last body, and the stored list, which leaves out the new candidates
    meanwhile, says so."""
    from models import SuggestionRun
    from models.enums import Role
    from tests.helpers import visible_text
    from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy
    from tests.queue_helpers import first_visit
    from web.queue import huey_for

    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(name="Polderbakkerij"), title="Orderpicker",
                          required=["orderpicken"], hours_min=24, hours_max=32)
    link_candidate(db.session, make_candidate(first_name="Henk", last_name="Test", hours_min=20, hours_max=36),
                   ["orderpicken"])
    db.session.commit()
    app.config["IMPORT_INLINE_MAX_BYTES"] = 200
    api = bearer(db, org)
    as_role(Role.MATCHER)
    page = f"/beheer/suggesties/vacature/{vacancy.id}"
    notice = "De suggesties worden opnieuw berekend: er komt een import van kandidaten van uw organisatie binnen."
    text = visible_text(first_visit(app, client, page).get_data(as_text=True))
    assert "Henk Test" in text and notice not in text
    run_jobs(app, "refresh_organisation")  # the one Henk's commit enqueued

    for body in (_body("K-9001", "K-9002"), _body("K-9003")):  # a client sends both bodies at once
        assert client.post("/api/v1/import", data=body, headers=api).status_code == 202
    huey = huey_for(app)
    first, last = [task for task in iter(huey.dequeue, None) if task.name == "run_api_import"]
    computed = db.session.scalar(select(SuggestionRun.computed_at))
    huey.execute(first)
    assert run_jobs(app, "refresh_organisation") == 1
    db.session.expire_all()
    assert db.session.scalar(select(SuggestionRun.computed_at)) == computed  # not ranked while the last body waits
    text = visible_text(client.get(page).get_data(as_text=True))
    assert notice in text and "Henk Test" in text and "Fleur0 Import" not in text

    huey.execute(last)
    text = visible_text(client.get(page).get_data(as_text=True))
    assert notice in text  # the last body is in; the refresh it enqueued has not run yet
    assert run_jobs(app, "refresh_organisation") == 1
    text = visible_text(client.get(page).get_data(as_text=True))
    assert notice not in text
    assert all(name in text for name in ("Henk Test", "Fleur0 Import", "Fleur1 Import"))
    assert db.session.scalar(select(SuggestionRun.computed_at)) > computed


def test_a_refused_last_body_still_has_the_suggestions_refreshed(app, client, db, headers, other_org):
    """The refresh after the earlier bodies waited for it: a refused body enqueues it too."""
    bad = json.loads(EXAMPLE.read_text())
    bad["candidates"][0]["hours_min"] = 99
    assert client.post("/api/v1/import", data=json.dumps(bad), headers=headers).status_code == 202
    from web.queue import huey_for

    huey = huey_for(app)
    run = [task for task in iter(huey.dequeue, None) if task.name == "run_api_import"]
    huey.execute(run[0])
    follows = list(iter(huey.dequeue, None))
    assert [task.name for task in follows] == ["refresh_organisation"]
    assert follows[0].eta is not None  # after IMPORT_REFRESH_DELAY_SECONDS, as after a body that was written
