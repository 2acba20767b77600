"""Command-line groups per area; each command is one transaction. Names are a stable contract.

A command's module (and Flask-Migrate's ``flask db``, which imports Alembic) is imported when the
command line asks for that command, not in create_app nor for the other commands: a web worker never
runs a command, and `flask import` on SQLite needs neither Alembic nor the task queue's worker
(issue 18). ``flask --help`` lists them all, so it imports every command module: they keep their
heavy imports inside the commands.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

# `flask NAME` -> (module, attribute) of its command or group
COMMANDS = {
    "audit": ("web.commands.privacy", "audit_group"),
    "backup": ("web.commands.privacy", "backup_command"),
    "candidates": ("web.commands.privacy", "candidates_group"),
    "import": ("web.commands.importing", "import_command"),
    "match": ("web.commands.matching", "match_group"),
    "notifications": ("web.commands.notifications", "notifications_group"),
    "profiles": ("web.commands.profiles", "profiles_group"),
    "queue": ("web.queue.commands", "queue_group"),
    "restore": ("web.commands.privacy", "restore_command"),
    "seed": ("web.commands.seed", "seed_group"),
    "suggest": ("web.commands.matching", "suggest_command"),
    "taxonomy": ("web.commands.matching", "taxonomy_group"),
    "throttle": ("web.commands.privacy", "throttle_group"),
    "users": ("web.commands.users", "users_group"),
}
MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


class LazyCommands(AppGroup):
    """``app.cli`` that imports a Werkbrug command's module when the command line first asks for it
    (click's lazy group: `flask …`, a CLI test runner)."""

    def __init__(self, app: Flask, group: AppGroup) -> None:
        super().__init__(name=group.name)
        for name, command in group.commands.items():  # the blueprints' groups, e.g. `flask vacancies`
            self.add_command(command, name)
        self._app = app

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            if cmd_name == "db":
                self.add_command(migrate_group(self._app), "db")
            elif cmd_name in COMMANDS:
                self.add_command(load(*COMMANDS[cmd_name]), cmd_name)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS, "db"})


def load(module: str, attribute: str) -> click.Command:
    """The command ``attribute`` of ``module``; `flask match` with its `bias` command."""
    command = getattr(import_module(module), attribute)
    if attribute == "match_group":
        from .bias import bias_command

        command.add_command(bias_command)
    return command


def migrate_group(app: Flask) -> click.Group:
    """Flask-Migrate's `flask db` group, bound to ``app`` (Alembic is imported here)."""
    from flask_migrate import Migrate
    from flask_migrate.cli import db as db_group

    from web.extensions import db

    Migrate(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    return db_group


def install(app: Flask) -> None:
    """Make ``app.cli`` import each command when the command line first needs it."""
    app.cli = LazyCommands(app, app.cli)
