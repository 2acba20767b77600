"""`flask vacancies ...`: the scheduler's entry points for vacancies."""
from __future__ import annotations

import click
from flask import Blueprint

from models.common import clock
from web.extensions import db


def register_commands(bp: Blueprint) -> None:
    """Attach the commands to the blueprint's `flask vacancies` group."""

    @bp.cli.command("close-expired")
    def close_expired_command() -> None:
        """Close every open or on-hold vacancy whose closing date has passed (run daily)."""
        from models.vacancies.edit import close_expired  # the command line's, not a web worker's start

        today = clock.today()
        count = close_expired(db.session, today)
        db.session.commit()
        click.echo(f"Closed {count} vacancy(ies) whose closing date passed before {today.isoformat()}.")
