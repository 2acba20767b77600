"""`flask audit prune`: audit events are kept for AUDIT_RETENTION_DAYS (at least the BIO's six months)."""
import re
from datetime import datetime, timedelta

from sqlalchemy import select

from models import AuditEvent
from models.base import utcnow
from models.common import audit

CUTOFF_LINE = re.compile(r"from before (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC \(older than (\d+) days\)")


def add_events(db, **ages: timedelta) -> None:
    """One event per keyword, its action the keyword, that long ago."""
    now = utcnow()
    db.session.add_all([AuditEvent(action=action, at=now - age) for action, age in ages.items()])
    db.session.commit()


def actions(db) -> list[str]:
    db.session.expire_all()
    return sorted(db.session.scalars(select(AuditEvent.action)))


def prune_events(db) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "audit_pruned")))


def printed_cutoff(output: str, days: int) -> datetime:
    """The cut-off the command printed; it is ``days`` before now, to the second."""
    match = CUTOFF_LINE.search(output)
    assert match, output
    assert int(match[2]) == days
    cutoff = datetime.strptime(match[1], "%Y-%m-%d %H:%M:%S")
    expected = (utcnow() - timedelta(days=days)).replace(tzinfo=None)
    assert timedelta(0) <= expected - cutoff < timedelta(seconds=10)
    return cutoff


def test_prune_deletes_events_before_the_cutoff_and_keeps_the_one_at_it(db):
    cutoff = utcnow() - timedelta(days=200)
    db.session.add_all([
        AuditEvent(action="long_ago", at=cutoff - timedelta(days=400)),
        AuditEvent(action="just_before", at=cutoff - timedelta(microseconds=1)),
        AuditEvent(action="at_cutoff", at=cutoff),
        AuditEvent(action="recent", at=cutoff + timedelta(days=199)),
    ])
    db.session.commit()
    assert audit.count_before(db.session, cutoff) == 2
    assert audit.prune(db.session, cutoff, origin="cli") == 2
    db.session.commit()
    assert actions(db) == ["at_cutoff", "audit_pruned", "recent"]
    [event] = prune_events(db)
    assert (event.actor_id, event.organisation_id, event.object_type, event.object_id) == (None, None, None, None)
    assert event.origin == "cli" and event.result == "ok"
    assert event.details == {"deleted": 2, "cutoff": cutoff.isoformat()}


def test_command_deletes_events_older_than_audit_retention_days_and_records_the_prune(runner, db):
    add_events(db, three_years=timedelta(days=3 * 365), just_over=timedelta(days=731),
               just_under=timedelta(days=729), yesterday=timedelta(days=1))
    result = runner.invoke(args=["audit", "prune"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Deleted 2 audit event(s) from before ")
    cutoff = printed_cutoff(result.output, 730)
    assert actions(db) == ["audit_pruned", "just_under", "yesterday"]
    [event] = prune_events(db)
    assert event.origin == "cli" and event.actor_id is None and event.object_id is None
    assert event.details["deleted"] == 2
    assert datetime.fromisoformat(event.details["cutoff"]).replace(tzinfo=None, microsecond=0) == cutoff
    assert set(event.details) == {"deleted", "cutoff"}


def test_command_takes_a_shorter_period_down_to_180_days(runner, db):
    add_events(db, older=timedelta(days=181), younger=timedelta(days=179))
    result = runner.invoke(args=["audit", "prune", "--days", "180"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 audit event(s)" in result.output
    printed_cutoff(result.output, 180)
    assert actions(db) == ["audit_pruned", "younger"]


def test_dry_run_counts_and_deletes_nothing(runner, db):
    add_events(db, old=timedelta(days=800), older=timedelta(days=900), recent=timedelta(days=5))
    result = runner.invoke(args=["audit", "prune", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Dry run: 2 audit event(s) from before ")
    assert result.output.rstrip().endswith("would be deleted.")
    printed_cutoff(result.output, 730)
    assert actions(db) == ["old", "older", "recent"]


def test_fewer_than_180_days_are_refused_and_nothing_is_deleted(runner, db):
    add_events(db, old=timedelta(days=800), month_old=timedelta(days=40))
    result = runner.invoke(args=["audit", "prune", "--days", "30"])
    assert result.exit_code == 2
    assert "Invalid value for '--days': 30 is not in the range x>=180." in result.output
    assert actions(db) == ["month_old", "old"]


def test_a_configured_period_below_180_days_is_refused_and_nothing_is_deleted(app, runner, db):
    app.config["AUDIT_RETENTION_DAYS"] = 90
    add_events(db, old=timedelta(days=800), quarter_old=timedelta(days=100))
    result = runner.invoke(args=["audit", "prune"])
    assert result.exit_code == 2
    assert "Invalid value for AUDIT_RETENTION_DAYS: 90 is not in the range x>=180." in result.output
    assert actions(db) == ["old", "quarter_old"]
