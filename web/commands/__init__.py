"""Command-line groups per area; each command is one transaction. Names are a stable contract."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Add Werkbrug's commands to ``flask``."""
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
