"""`flask seed ...`: demo organisations, accounts and data."""
from __future__ import annotations

import click
from sqlalchemy import select

from models import Organisation
from web.extensions import db

seed_group = click.Group("seed", help="Load demo data and reference tables.")


@seed_group.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has organisations (used by `make run`).")
@click.option("--seed", "seed_value", default=2026, show_default=True, help="Random seed: the same seed gives the same data.")
def demo(if_empty: bool, seed_value: int) -> None:
    """Create two demo organisations with one account per role, plus realistic demo data."""
    from seed.accounts import demo_accounts_text
    from seed.loader import load_demo

    if if_empty and db.session.scalar(select(Organisation.id).limit(1)) is not None:
        click.echo("Database already has data; demo data not loaded again.")
        click.echo(demo_accounts_text())
        return
    for line in load_demo(db.session, seed_value, echo=lambda msg: click.echo(msg, err=True)):
        click.echo(line)
    db.session.commit()
    click.echo(demo_accounts_text())


@seed_group.command("bouwblokken")
def bouwblokken() -> None:
    """Load the shipped bouwblokken tables (Utrecht, Oost-Nederland, Rijnvicus); loading twice adds nothing."""
    from models.sroi.tables import load_shipped_tables

    for line in load_shipped_tables(db.session):
        click.echo(line)
    db.session.commit()
