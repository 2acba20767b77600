"""`flask import PATH`: load a werkbrug-import/1 file."""
from __future__ import annotations

import sys

import click
from flask import current_app

from models.catalogue.publishing.profiles import withdraw_expired
from models.common import clock
from models.importing import ImportFailed, resolve_organisation, run_import
from web.extensions import db
from web.queue import triggers


@click.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--org", "org_key", metavar="ORG_KEY", help="Organisation the records belong to (default: the default organisation).")
def import_command(path: str, org_key: str | None) -> None:
    """Import employers, vacancies and candidates from a werkbrug-import/1 JSON file.

    Every record is checked as the file streams; on any error nothing is written (one
    transaction, rolled back), every error is printed with its path (e.g.
    candidates[12].birth_date) and the exit code is 1.
    Importing the same file twice changes nothing the second time.
    """
    def progress(list_name: str, done: int) -> None:
        if done % 20_000 == 0:
            click.echo(f"  {list_name}: {done} written", err=True)

    try:
        organisation = resolve_organisation(db.session, org_key)
        click.echo(f"Checking and importing {path} ...", err=True)
        result = run_import(
            db.session, path, organisation, max_bytes=current_app.config["IMPORT_MAX_BYTES"],
            progress=progress,
        )
        # Consent withdrawn or ended in the client system takes the profile off at once.
        withdrawn = withdraw_expired(db.session, clock.today(), k=current_app.config["PROFILE_K_ANONYMITY"])
        triggers.organisation_changed(db.session, organisation.id)  # the worker recomputes its suggestions
        db.session.commit()
    except ImportFailed as exc:
        db.session.rollback()
        for line in exc.lines():
            click.echo(line, err=True)
        click.echo(f"Import refused: {exc.total} error(s); nothing was written.", err=True)
        sys.exit(1)
    click.echo(f"Imported into {organisation.key}:")
    if withdrawn:
        click.echo(f"  profiles withdrawn: {sum(withdrawn.values())}")
    for line in result.lines():
        click.echo(f"  {line}")
    if result.unmatched_wordings:
        click.echo(f"  {result.unmatched_wordings} wording(s) did not match the taxonomy; "
                   "coordinators can link them under Vaardigheden en beroepen.")
