"""`flask throttle prune`: counted attempts (with client addresses) do not outlive their use."""
from datetime import timedelta

from sqlalchemy import select

from models.base import utcnow
from models.common.system import ThrottleEvent


def test_prune_deletes_attempts_older_than_the_period_and_keeps_recent_ones(runner, db):
    now = utcnow()
    db.session.add_all([
        ThrottleEvent(scope="catalogue-list", key="203.0.113.7", at=now - timedelta(days=3)),
        ThrottleEvent(scope="login", key="a@example.org", at=now - timedelta(hours=25)),
        ThrottleEvent(scope="login", key="b@example.org", at=now - timedelta(minutes=5)),
        ThrottleEvent(scope="catalogue-list", key="198.51.100.2", at=now - timedelta(hours=2)),
    ])
    db.session.commit()
    result = runner.invoke(args=["throttle", "prune"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 counted attempt(s) older than 24 hours." in result.output
    db.session.expire_all()
    assert sorted(db.session.scalars(select(ThrottleEvent.key))) == ["198.51.100.2", "b@example.org"]

    result = runner.invoke(args=["throttle", "prune", "--hours", "1"])
    assert "Deleted 1 counted attempt(s) older than 1 hour." in result.output
    db.session.expire_all()
    assert list(db.session.scalars(select(ThrottleEvent.key))) == ["b@example.org"]


def test_prune_refuses_a_period_shorter_than_an_hour(runner, db):
    db.session.add(ThrottleEvent(scope="login", key="a@example.org", at=utcnow()))
    db.session.commit()
    result = runner.invoke(args=["throttle", "prune", "--hours", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--hours': 0 is not in the range x>=1." in result.output
    assert db.session.scalar(select(ThrottleEvent.key)) == "a@example.org"
