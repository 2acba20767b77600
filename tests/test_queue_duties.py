"""The scheduled duties: each is a periodic task of the worker and `flask queue run NAME`."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from models import AuditEvent, SuggestionRun, ThrottleEvent, Vacancy
from models.common import clock
from models.enums import VacancyStatus
from tests.matching_helpers import add_vacancy, load_small_taxonomy
from web.queue import duties, huey_for, jobs

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def test_every_duty_is_scheduled_on_the_worker(app):
    huey = huey_for(app)
    periodic = {task.name for task in huey._registry.periodic_tasks}
    assert periodic == {*duties.DUTIES, "heartbeat"}
    assert {name for name, _schedule in jobs.SCHEDULE} == set(duties.DUTIES)


def test_every_duty_runs_from_the_command_line(runner, db):
    for name in duties.DUTIES:
        result = runner.invoke(args=["queue", "run", name])
        assert result.exit_code == 0 and result.output.startswith(f"{name}: "), (name, result.output)
    result = runner.invoke(args=["queue", "run", "everything"])
    assert result.exit_code == 2 and "Invalid value for '{close-expired-vacancies|" in result.output


def test_close_expired_vacancies_closes_only_what_passed(db, org, make_employer):
    with clock.frozen(NOW):
        passed = add_vacancy(db.session, org, make_employer(), title="Voorbij",
                             closing_date=clock.today() - timedelta(days=1))
        today = add_vacancy(db.session, org, make_employer(), title="Vandaag", closing_date=clock.today())
        assert duties.close_expired_vacancies() == "closed 1 vacancy(ies) whose closing date passed"
    db.session.expire_all()
    assert db.session.get(Vacancy, passed.id).status == VacancyStatus.CLOSED
    assert db.session.get(Vacancy, today.id).status == VacancyStatus.OPEN


def test_throttle_pruning_keeps_the_last_day(db):
    db.session.add_all([ThrottleEvent(scope="login", key="203.0.113.7", at=NOW - timedelta(hours=25)),
                        ThrottleEvent(scope="login", key="203.0.113.8", at=NOW - timedelta(hours=1))])
    db.session.commit()
    with clock.frozen(NOW):
        assert duties.prune_throttle() == "deleted 1 counted attempt(s) older than 24 hours"
    assert db.session.scalars(select(ThrottleEvent.key)).all() == ["203.0.113.8"]


def test_audit_pruning_leaves_no_trace_when_nothing_is_old_enough(db):
    with clock.frozen(NOW):
        assert duties.prune_audit() == "no audit events older than 730 days"
    assert db.session.scalar(select(func.count(AuditEvent.id))) == 0  # no daily audit_pruned noise


def test_vacancies_never_computed_are_picked_up(app, db, org, make_employer):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), title="Heftruckchauffeur", required=["heftruck"])
    assert db.session.scalar(select(func.count(SuggestionRun.id))) == 0  # its job waits (no worker)
    assert duties.refresh_never_computed() == "computed suggestions for 1 vacancy(ies) not computed before"
    assert db.session.scalar(select(SuggestionRun.vacancy_id)) == vacancy.id
    assert duties.refresh_never_computed() == "computed suggestions for 0 vacancy(ies) not computed before"


def test_queue_status_says_what_waits(runner, db, org, make_employer):
    add_vacancy(db.session, org, make_employer(), title="Kok")
    result = runner.invoke(args=["queue", "status"])
    assert result.exit_code == 0
    assert "waiting jobs: 1" in result.output and "worker last alive: never" in result.output
    assert "outbox: 0 waiting, 0 sent, 0 failed" in result.output
