"""Command-line groups per area; each command is one transaction. Names are a stable contract."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Add Werkbrug's commands to ``flask``."""
    from .importing import import_command
    from .seed import seed_group
    from .users import users_group

    app.cli.add_command(import_command)
    app.cli.add_command(users_group)
    app.cli.add_command(seed_group)
    _add_to_match_group(app)


def _add_to_match_group(app: Flask) -> None:
    """`flask match bias`; joins the `match` group when another module registered it already."""
    import click

    from .bias import bias_command

    group = app.cli.commands.get("match")
    if group is None:
        group = click.Group("match", help="The matcher: rebuild, inspect and monitor it.")
        app.cli.add_command(group)
    group.add_command(bias_command)
