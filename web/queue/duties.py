"""The recurring duties the worker runs on a schedule; each is also `flask queue run NAME`.

Each duty runs inside an app context, commits its own work and returns one line saying what it did.
"""
from __future__ import annotations

import json
import logging
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select

from models.accounts.user import User
from models.base import utcnow
from models.candidates import erasure
from models.candidates.candidate import Candidate
from models.catalogue import employer_accounts
from models.catalogue.publishing.profiles import withdraw_expired
from models.common import audit, clock, idempotency, mail, throttle
from models.jobs import exports as export_jobs
from models.jobs import imports as import_jobs
from models.matches import index_cache, refresh
from models.notifications import collect as notices
from models.vacancies.edit import close_expired
from web.catalogue.employer_account.routes import filters_for
from web.commands.privacy import AUDIT_MIN_DAYS
from web.extensions import db

log = logging.getLogger("werkbrug.queue")

THROTTLE_KEEP_HOURS = 24  # as `flask throttle prune`: the limits look back one hour at most
NEVER_COMPUTED_PER_RUN = 50
MAIL_KEPT = "no MAIL_SERVER configured: mail stays in the outbox"
RESUME_QUEUED_SECONDS = 600  # an import queued this long without a worker taking it: its job was lost


def close_expired_vacancies() -> str:
    """Close open and on-hold vacancies whose closing date has passed."""
    count = close_expired(db.session, clock.today())
    db.session.commit()
    return f"closed {count} vacancy(ies) whose closing date passed"


def withdraw_expired_profiles() -> str:
    """Withdraw public profiles whose consent ended or whose candidate was placed or left."""
    reasons = withdraw_expired(db.session, clock.today(), k=current_app.config["PROFILE_K_ANONYMITY"])
    db.session.commit()
    return f"withdrew {sum(reasons.values())} profile(s)"


def purge_inactive_candidates() -> str:
    """Erase candidates inactive for longer than RETENTION_DAYS (as `flask candidates purge-inactive`)."""
    days = current_app.config["RETENTION_DAYS"]
    due = erasure.inactive_candidates(db.session, clock.today(), days)
    for candidate in due:
        erasure.erase_candidate(db.session, candidate, origin="queue")
    db.session.commit()
    return f"erased {len(due)} candidate(s) inactive for more than {days} days"


def prune_throttle() -> str:
    """Delete counted attempts (they hold client addresses) older than a day."""
    removed = throttle.prune(db.session, THROTTLE_KEEP_HOURS * 3600)
    db.session.commit()
    return f"deleted {removed} counted attempt(s) older than {THROTTLE_KEEP_HOURS} hours"


def prune_audit() -> str:
    """Delete audit events older than AUDIT_RETENTION_DAYS (never fewer than 180 days)."""
    days = max(int(current_app.config["AUDIT_RETENTION_DAYS"]), AUDIT_MIN_DAYS)
    cutoff = utcnow() - timedelta(days=days)
    if not audit.count_before(db.session, cutoff):
        return f"no audit events older than {days} days"
    deleted = audit.prune(db.session, cutoff, origin="queue")
    db.session.commit()
    return f"deleted {deleted} audit event(s) older than {days} days"


def prune_idempotency_keys() -> str:
    """Forget API Idempotency-Keys and the one-time tokens of create forms older than a day (older
    tokens are refused, so forgetting them never lets a form be stored twice)."""
    removed = idempotency.prune(db.session)
    db.session.commit()
    return f"deleted {removed} key(s) and form token(s) older than {idempotency.KEEP_HOURS} hours"


def saved_search_alerts() -> str:
    """E-mail employers the profiles published since the last alert of each saved search (the account
    page shows them and writes nothing)."""
    with current_app.test_request_context("/"):  # the catalogue's filter form reads the visitor's language
        sent = employer_accounts.send_alerts(db.session, filters_for)
    db.session.commit()
    return f"{sent} saved-search alert(s) queued"


def refresh_index_snapshots() -> str:
    """Save a new matcher index snapshot for every organisation with candidates whose snapshot is
    missing, of another taxonomy, or behind by many or old changes (as `flask match build-index --if-needed`)."""
    max_age = float(current_app.config["MATCH_SNAPSHOT_MAX_AGE"])
    said = [index_cache.build_if_needed(db.session, org_id, max_age) for org_id in index_organisations(db.session)]
    db.session.commit()
    built = [line for line in said if not line.endswith("snapshot current")]
    return "; ".join(built) if built else f"{len(said)} snapshot(s) current"


def index_organisations(session) -> list[int]:
    """Organisations that have candidates (each gets a matcher index)."""
    return list(session.scalars(select(Candidate.organisation_id).distinct().order_by(Candidate.organisation_id)))


def refresh_never_computed() -> str:
    """Rank open vacancies that an organisation has no suggestions for yet (new ones, imported ones)."""
    floor = float(current_app.config.get("MATCH_MIN_SCORE", 0.0))
    pairs = refresh.never_computed(db.session, NEVER_COMPUTED_PER_RUN)
    for organisation_id in sorted({org for _vacancy, org in pairs}):
        index_cache.ensure(db.session, organisation_id)  # a worker may build; a request never does
    for vacancy_id, organisation_id in pairs:
        refresh.for_pair(db.session, vacancy_id, organisation_id, floor)
        db.session.commit()
    return f"computed suggestions for {len(pairs)} vacancy(ies) not computed before"


def collect_notifications() -> str:
    """Add the notices not given yet (follow-ups due, new requests and suggestions, consents ending) and
    queue the e-mails of those who chose 'meteen' (as `flask notifications collect`)."""
    added = notices.collect(db.session, clock.today(), clock.utcnow(), _base_url())
    db.session.commit()
    return f"{added} new notice(s)"


def notification_digest() -> str:
    """Queue the daily e-mail of unread notices (as `flask notifications digest`)."""
    sent = notices.digest(db.session, clock.utcnow(), _base_url())
    db.session.commit()
    return f"{sent} daily e-mail(s) queued"


def _base_url() -> str:
    return current_app.config.get("BASE_URL") or "http://127.0.0.1:5000"


def smtp_settings() -> mail.SmtpSettings | None:
    """The MAIL_* settings, or None when no MAIL_SERVER is configured."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return None
    return mail.SmtpSettings(
        host=config["MAIL_SERVER"], port=int(config["MAIL_PORT"]), use_tls=bool(config["MAIL_USE_TLS"]),
        use_ssl=bool(config["MAIL_USE_SSL"]), username=config.get("MAIL_USERNAME"),
        password=config.get("MAIL_PASSWORD"), sender=config["MAIL_DEFAULT_SENDER"],
        timeout=float(config["MAIL_TIMEOUT"]))


def deliver_mail() -> str:
    """Send the outbox's due messages over SMTP; failures wait longer each time, then count as failed."""
    settings = smtp_settings()
    if settings is None:
        say_mail_is_kept()
        return MAIL_KEPT
    policy = mail.Policy(int(current_app.config["MAIL_MAX_ATTEMPTS"]), int(current_app.config["MAIL_RETRY_SECONDS"]))
    sent = failed = 0
    connection = None
    try:
        for message_id in mail.due_ids(db.session, utcnow()):
            message = mail.claim(db.session, message_id, utcnow())
            db.session.commit()  # the claim holds before anything is sent
            if message is None:
                continue
            try:
                if connection is None:
                    connection = mail.connect(settings)
                connection.send_message(mail.as_email(message, settings.sender))
            except Exception as exc:  # noqa: BLE001 - any failure is recorded on the message and retried
                mail.record_failure(db.session, message, mail.describe(exc), utcnow(), policy)
                db.session.commit()
                failed += 1
                if connection is not None and not _still_connected(connection):
                    connection = None
                continue
            mail.record_sent(db.session, message, utcnow())
            db.session.commit()
            sent += 1
    finally:
        if connection is not None:
            try:
                connection.quit()
            except Exception:  # noqa: BLE001 - the messages are recorded; a failing goodbye changes nothing
                pass
    return f"sent {sent} message(s), {failed} attempt(s) failed"


def _still_connected(connection) -> bool:
    try:
        return connection.noop()[0] == 250
    except Exception:  # noqa: BLE001
        return False


def resume_imports() -> str:
    """Enqueue again the API imports whose job was lost (queue down when they came, a worker killed while
    running them); forget finished ones after IMPORT_KEEP_DAYS."""
    from web.queue import enqueue

    config = current_app.config
    lost = import_jobs.waiting_too_long(db.session, RESUME_QUEUED_SECONDS, int(config["IMPORT_STALE_SECONDS"]))
    for import_id in lost:
        enqueue("run_api_import", import_id, once_key=f"import:resume:{import_id}")
    removed = import_jobs.prune(db.session, int(config["IMPORT_KEEP_DAYS"]))
    db.session.commit()
    return f"enqueued {len(lost)} lost import(s) again; forgot {removed} finished import(s)"


def make_export(export_id: int) -> str:
    """Make one asked-for export into EXPORT_DIR for the person who asked; audit-logged as exports made at once."""
    from web.access import can
    from web.exports.kinds import KINDS, content_of
    from web.exports.routes import export_dir

    record = export_jobs.start(db.session, export_id)
    if record is None:
        return f"export {export_id}: made already or deleted"
    user = db.session.get(User, record.user_id)
    kind = KINDS.get(record.what)
    if kind is None or user is None or not user.active or user.organisation_id != record.organisation_id \
            or not can(kind.capability, user):
        export_jobs.fail(db.session, export_id, "the person who asked may no longer make this export")
        return f"export {export_id}: refused, the asker may no longer make it"
    try:
        with force_locale(record.locale or "nl"):  # labels in the asker's language, as at once
            made = kind.make(db.session, record.organisation_id, json.loads(record.params or "{}"), record.fmt)
        content, _mimetype = content_of(made, record.fmt)
        export_jobs.write_file(export_dir(), record, content)
    except Exception as exc:  # noqa: BLE001 - the page says it failed instead of waiting for ever
        db.session.rollback()
        export_jobs.fail(db.session, export_id, type(exc).__name__)
        db.session.commit()
        log.error("export %s failed: %s: %s", export_id, type(exc).__name__, str(exc).splitlines()[0][:200]
                  if str(exc) else "")
        return f"export {export_id}: failed"
    export_jobs.finish(db.session, record, len(made.rows), made.filename)
    audit.record(db.session, "export", actor=user, origin=record.origin,
                 details={**made.details, "job": record.public_id})
    db.session.commit()
    return f"export {export_id}: {len(made.rows)} row(s) of {record.what}"


def prune_exports() -> str:
    """Delete made exports (file and record) older than EXPORT_KEEP_HOURS."""
    from web.exports.routes import export_dir

    hours = int(current_app.config["EXPORT_KEEP_HOURS"])
    removed = export_jobs.prune(db.session, export_dir(), hours)
    db.session.commit()
    return f"deleted {removed} export file(s) older than {hours} hours"


def say_mail_is_kept() -> None:
    """Log once per process that mail waits in the outbox because no mail server is configured."""
    state = current_app.extensions.setdefault("werkbrug_mail", {})
    if not state.get("said"):
        state["said"] = True
        log.warning("no MAIL_SERVER configured: mail stays in the outbox (set MAIL_SERVER to send it)")


DUTIES = {
    "close-expired-vacancies": close_expired_vacancies,
    "withdraw-expired-profiles": withdraw_expired_profiles,
    "purge-inactive-candidates": purge_inactive_candidates,
    "prune-throttle": prune_throttle,
    "prune-audit": prune_audit,
    "prune-idempotency-keys": prune_idempotency_keys,
    "refresh-index-snapshots": refresh_index_snapshots,
    "saved-search-alerts": saved_search_alerts,
    "refresh-never-computed": refresh_never_computed,
    "collect-notifications": collect_notifications,
    "notification-digest": notification_digest,
    "deliver-mail": deliver_mail,
    "resume-imports": resume_imports,
    "prune-exports": prune_exports,
}
