"""`flask candidates purge-inactive`, `flask throttle prune`, `flask audit prune`, `flask backup`,
`flask restore`: data lifecycle."""
from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app

from models.base import utcnow
from models.candidates import erasure
from models.common import audit, clock, throttle
from models.common.backup import BackupError, backup, restore
from web.extensions import db

candidates_group = click.Group("candidates", help="Lifecycle of candidates' personal data.")
throttle_group = click.Group("throttle", help="The counted attempts behind the rate limits.")
audit_group = click.Group("audit", help="Retention of the audit trail.")

AUDIT_MIN_DAYS = 180  # the BIO asks that logs be kept at least six months


@candidates_group.command("purge-inactive")
@click.option("--dry-run", is_flag=True, help="Only count and list who would be erased.")
@click.option("--days", type=click.IntRange(min=30), help="Retention period in days (default: RETENTION_DAYS).")
def purge_inactive(dry_run: bool, days: int | None) -> None:
    """Erase candidates who stopped being active longer ago than the retention period."""
    days = days or current_app.config["RETENTION_DAYS"]
    due = erasure.inactive_candidates(db.session, clock.today(), days)
    click.echo(f"{len(due)} candidate(s) inactive for more than {days} days.")
    for candidate in due:
        click.echo(f"  candidate id {candidate.id} (organisation {candidate.organisation_id}, {candidate.status.value})")
    if dry_run:
        click.echo("Dry run: nothing was erased.")
        return
    for candidate in due:
        erasure.erase_candidate(db.session, candidate, origin="cli")
    db.session.commit()
    click.echo(f"Erased {len(due)} candidate(s); their placements remain as anonymous statistics.")


@throttle_group.command("prune")
@click.option("--hours", type=click.IntRange(min=1), default=24, show_default=True,
              help="Keep the attempts of the last HOURS (at least the longest limit window: one hour).")
def throttle_prune(hours: int) -> None:
    """Delete counted attempts (logins, catalogue views; they hold client addresses) older than --hours.

    Run daily from a scheduler: the limits look back one hour at most, so older rows only keep
    visitors' addresses around.
    """
    removed = throttle.prune(db.session, hours * 3600)
    db.session.commit()
    click.echo(f"Deleted {removed} counted attempt(s) older than {hours} hour{'s' if hours != 1 else ''}.")


@audit_group.command("prune")
@click.option("--days", type=click.IntRange(min=AUDIT_MIN_DAYS),
              help=f"Keep the audit events of the last DAYS days (default: AUDIT_RETENTION_DAYS; at least {AUDIT_MIN_DAYS}).")
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
def audit_prune(days: int | None, dry_run: bool) -> None:
    """Delete audit events older than the retention period; an `audit_pruned` event records the prune.

    Run daily from a scheduler. Fewer than 180 days are refused: the BIO asks that logs be kept at
    least six months.
    """
    if days is None:
        days = current_app.config["AUDIT_RETENTION_DAYS"]
        if days < AUDIT_MIN_DAYS:
            raise click.UsageError(
                f"Invalid value for AUDIT_RETENTION_DAYS: {days} is not in the range x>={AUDIT_MIN_DAYS}."
            )
    cutoff = utcnow() - timedelta(days=days)
    period = f"from before {cutoff:%Y-%m-%d %H:%M:%S} UTC (older than {days} days)"
    if dry_run:
        click.echo(f"Dry run: {audit.count_before(db.session, cutoff)} audit event(s) {period} would be deleted.")
        return
    deleted = audit.prune(db.session, cutoff, origin="cli")
    db.session.commit()
    click.echo(f"Deleted {deleted} audit event(s) {period}.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Write a consistent backup of the database to PATH while Werkbrug keeps running."""
    try:
        backup(db.engine, path)
    except BackupError as exc:
        click.echo(f"Backup failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Backup written to {path} ({path.stat().st_size / 1e6:.1f} MB).")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Confirm that the current data may be replaced.")
def restore_command(path: Path, yes: bool) -> None:
    """Replace the database's content with the backup in PATH (stop the app servers first)."""
    if not yes:
        click.echo("Restoring replaces all current data. Run again with --yes to confirm.", err=True)
        sys.exit(2)
    try:
        restore(db.engine, path)
    except BackupError as exc:
        click.echo(f"Restore failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Restored from {path}.")
