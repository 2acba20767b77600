"""Loading the demo data set into the database through the same paths real data takes."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Organisation
from models.catalogue.publishing.bulk import publish_all_consented
from models.common import clock
from models.importing import run_import
from models.sroi.tables import load_shipped_tables, store_table
from models.taxonomy import linker_files
from models.taxonomy.loading import load_taxonomy
from seed.accounts import create_demo_accounts, create_demo_contractor
from seed.activity_loader import load_activity
from seed.casework_loader import load_casework
from seed.demo import generate_activity, generate_import
from seed.demo.tables import demo_table
from seed.work_in_progress import load_work_in_progress

# The municipality gets the full demo set; the partner a smaller one of its own.
DEMO_SIZES = {"dronten": (300, 80, 120), "uwv-flevoland": (60, 15, 25)}


def load_demo(session: Session, seed: int, echo: Callable[[str], None] = print) -> Iterator[str]:
    """Load reference tables, then demo data per demo organisation; yields summary lines.

    Flushes; the caller commits.
    """
    create_demo_accounts(session)
    yield "Demo organisations and accounts are ready."
    yield from load_shipped_tables(session)
    row, added = store_table(session, demo_table())
    yield f"Demo bouwblokken table {row.key} ({row.region}, an example without a source): {added} version(s) added."
    load_taxonomy(session)  # before the import, so that demo wordings link to concepts
    yield "Taxonomy loaded."
    yield from linker_files.ensure(session)  # fitted once here, mapped by the import, the worklist and the worker
    for offset, (org_key, (candidates, employers, vacancies)) in enumerate(DEMO_SIZES.items()):
        org = session.scalar(select(Organisation).where(Organisation.key == org_key))
        doc = generate_import(seed=seed + offset, candidates=candidates, employers=employers, vacancies=vacancies)
        echo(f"Importing demo data for {org.name} ...")
        result = run_import(session, json.dumps(doc).encode("utf-8"), org, max_bytes=50_000_000, origin="seed")
        for line in result.lines():
            yield f"{org_key} {line}"
        if org_key == "dronten":
            activity = generate_activity(doc, seed=seed)
            for line in load_activity(session, org, activity):
                yield f"{org_key} {line}"
            if line := create_demo_contractor(session, org):
                yield f"{org_key} {line}"
        for line in load_casework(session, org, doc, seed=seed + offset):
            yield f"{org_key} {line}"
    yield from publish_all_consented(session, clock.today(), origin="seed").lines()
    for org in session.scalars(select(Organisation).order_by(Organisation.id)):
        for line in load_work_in_progress(session, org):
            yield f"{org.key} {line}"
    from models.notifications.collect import collect

    added = collect(session, clock.today(), clock.utcnow(), "http://127.0.0.1:5000")
    yield f"Notifications: {added} for the demo staff (new requests, proposals, follow-ups due, consents ending)."
