"""Big exports: made by the worker, a page that waits and then offers the file, only to the asker."""
from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from models import AuditEvent, ExportJob
from models.common import clock
from models.enums import Role
from tests.helpers import visible_text
from tests.queue_helpers import run_jobs
from web.queue import duties


@pytest.fixture
def employers(app, db, make_employer):
    app.config["EXPORT_INLINE_MAX_ROWS"] = 2
    made = [make_employer(name=name) for name in ('=HYPERLINK("http://evil.example")', "Polderbakkerij", "Zorgcentrum")]
    db.session.commit()
    return made


def test_a_big_export_is_made_by_the_worker_and_offered_to_the_asker_only(app, client, db, employers, as_role,
                                                                        login, make_user):
    asker = as_role(Role.ACCOUNT_MANAGER)
    response = client.get("/werkgevers/export.csv?q=")
    assert response.status_code == 302
    page_url = response.headers["Location"]
    assert page_url.startswith("/exports/")

    waiting = client.get(page_url)
    assert waiting.status_code == 200 and "Refresh" not in waiting.headers  # no reload under a user's hands
    assert 'data-refresh-after="3"' in waiting.get_data(as_text=True)
    assert "Uw export wordt gemaakt" in visible_text(waiting.get_data(as_text=True))
    assert "Your export is being made" in visible_text(client.get(page_url + "?lang=en").get_data(as_text=True))
    client.get(page_url + "?lang=nl")
    record = db.session.scalar(select(ExportJob))
    assert client.get(f"/exports/{record.public_id}/download").status_code == 404  # not made yet

    assert run_jobs(app, "make_export") == 1
    ready = client.get(page_url)
    text = visible_text(ready.get_data(as_text=True))
    assert "Uw export is klaar" in text and "3 rijen" in text and "data-refresh-after" not in ready.get_data(as_text=True)
    download = client.get(f"/exports/{record.public_id}/download")
    assert download.status_code == 200
    assert 'filename=werkgevers.csv' in download.headers["Content-Disposition"]
    cells = [c for row in csv.reader(io.StringIO(download.get_data().decode("utf-8-sig")), delimiter=";")
             for c in row]
    assert "Polderbakkerij" in cells and "Zorgcentrum" in cells
    assert "'=HYPERLINK(\"http://evil.example\")" in cells  # formulas neutralised, as in every export
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert event.actor_id == asker.id and event.details["what"] == "employers" and event.details["rows"] == 3
    assert event.details["job"] == record.public_id

    colleague = make_user(Role.COORDINATOR)
    login(colleague)
    assert client.get(page_url).status_code == 404
    assert client.get(f"/exports/{record.public_id}/download").status_code == 404


def test_a_small_export_still_comes_at_once(app, client, db, employers, as_role):
    app.config["EXPORT_INLINE_MAX_ROWS"] = 10
    as_role(Role.ACCOUNT_MANAGER)
    response = client.get("/werkgevers/export.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    assert db.session.scalar(select(ExportJob)) is None


def test_a_big_vacancy_export_keeps_its_filters(app, client, db, as_role, make_vacancy):
    app.config["EXPORT_INLINE_MAX_ROWS"] = 1
    as_role(Role.COORDINATOR)
    for title in ("Heftruckchauffeur", "Heftruck monteur", "Kok"):
        make_vacancy(title=title)
    page_url = client.get("/vacatures/export.csv?q=heftruck").headers["Location"]
    run_jobs(app, "make_export")
    record = db.session.scalar(select(ExportJob))
    text = client.get(f"/exports/{record.public_id}/download").get_data().decode("utf-8-sig")
    assert "Heftruckchauffeur" in text and "Heftruck monteur" in text and "Kok" not in text
    assert "2 rijen" in visible_text(client.get(page_url).get_data(as_text=True))


def test_made_exports_are_deleted_after_the_retention_period(app, client, db, employers, as_role):
    as_role(Role.ACCOUNT_MANAGER)
    page_url = client.get("/werkgevers/export.csv").headers["Location"]
    run_jobs(app, "make_export")
    record = db.session.scalar(select(ExportJob))
    folder = Path(app.instance_path) / "exports"
    assert [p.name for p in folder.iterdir()] == [f"{record.public_id}.csv"]
    assert duties.prune_exports() == "deleted 0 export file(s) older than 24 hours"
    with clock.frozen(clock.utcnow() + timedelta(hours=25)):
        assert duties.prune_exports() == "deleted 1 export file(s) older than 24 hours"
    assert list(folder.iterdir()) == []
    assert client.get(page_url).status_code == 404
