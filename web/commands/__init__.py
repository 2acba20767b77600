"""Command-line groups per area; each command is one transaction. Names are a stable contract.

The commands (and Flask-Migrate's ``flask db``, which imports Alembic) are attached when the command
line first asks for them, not in create_app: a web worker never runs a command, and importing every
command module and Alembic was a tenth of its start-up (issue 18).
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.cli import AppGroup


class LazyCommands(AppGroup):
    """``app.cli`` that attaches Werkbrug's commands on the first look-up (`flask …`, a CLI test runner)."""

    def __init__(self, app: Flask, group: AppGroup) -> None:
        super().__init__(name=group.name)
        for name, command in group.commands.items():  # the blueprints' groups, e.g. `flask vacancies`
            self.add_command(command, name)
        self._app: Flask | None = app

    def _attach(self) -> None:
        app, self._app = self._app, None
        if app is not None:
            register(app)

    def get_command(self, ctx, cmd_name):
        self._attach()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx):
        self._attach()
        return super().list_commands(ctx)


def install(app: Flask) -> None:
    """Make ``app.cli`` attach the commands when the command line first needs them."""
    app.cli = LazyCommands(app, app.cli)


def register(app: Flask) -> None:
    """Add Werkbrug's commands, and Flask-Migrate's `flask db`, to ``flask``."""
    from flask_migrate import Migrate

    from web.extensions import db

    Migrate(app, db, directory=str(Path(__file__).resolve().parents[2] / "migrations"), render_as_batch=True)
    from web.queue.commands import queue_group

    from .bias import bias_command
    from .importing import import_command
    from .matching import match_group, suggest_command, taxonomy_group
    from .notifications import notifications_group
    from .privacy import audit_group, backup_command, candidates_group, restore_command, throttle_group
    from .profiles import profiles_group
    from .seed import seed_group
    from .users import users_group

    app.cli.add_command(import_command)
    app.cli.add_command(users_group)
    app.cli.add_command(seed_group)
    app.cli.add_command(candidates_group)
    app.cli.add_command(throttle_group)
    app.cli.add_command(audit_group)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(profiles_group)
    app.cli.add_command(taxonomy_group)
    match_group.add_command(bias_command)
    app.cli.add_command(match_group)
    app.cli.add_command(suggest_command)
    app.cli.add_command(queue_group)
    app.cli.add_command(notifications_group)
