"""Running an import: one pass over the file that checks each record and writes it in batches."""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.accounts.user import User
from models.candidates.screening import ScreeningRoute
from models.common import audit
from models.register.employer import Employer
from models.taxonomy.terms import TermLinker

from .errors import ImportFailed
from .reader import LISTS, iter_items
from .validate import FileCheck, check_items
from .write import Context, Counts, upsert_batch

BATCH_SIZE = 2000
Progress = Callable[[str, int], None]  # list name, records written so far


@dataclass
class ImportResult:
    counts: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in LISTS})
    unmatched_wordings: int = 0
    # Fields a person changed in Werkbrug since, left as they are: (client number, field names).
    skipped: list[tuple[str, list[str]]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per list: 'candidates: 3 created, 1 updated, 0 unchanged'; then the skipped fields."""
        out = [
            f"{name}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            for name, c in self.counts.items()
        ]
        if self.skipped:
            out.append(f"candidates: {len(self.skipped)} with fields changed in Werkbrug since, not overwritten:")
            out += [f"  {ext}: {', '.join(fields)}" for ext, fields in self.skipped]
        return out

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {name: c.as_dict() for name, c in self.counts.items()}


def resolve_organisation(session: Session, key: str | None) -> Organisation:
    """The organisation named ``key``; without a key the default one, created if there is none.

    Raises ImportFailed naming the known keys when ``key`` is unknown.
    """
    if key:
        org = session.scalar(select(Organisation).where(Organisation.key == key))
        if org is None:
            known = ", ".join(session.scalars(select(Organisation.key).order_by(Organisation.key))) or "none"
            raise ImportFailed([f"--org: unknown organisation {key!r} (known: {known})"])
        return org
    org = session.scalar(select(Organisation).where(Organisation.is_default.is_(True)))
    if org is None:
        org = session.scalar(select(Organisation).order_by(Organisation.id))
    if org is None:
        org = Organisation(key="default", name="Standaardorganisatie", is_default=True)
        session.add(org)
        session.flush()
    return org


def _open(source: str | os.PathLike | bytes | BinaryIO, max_bytes: int) -> BinaryIO:
    if isinstance(source, bytes):
        if len(source) > max_bytes:
            raise ImportFailed([_too_big(len(source), max_bytes)])
        return io.BytesIO(source)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise ImportFailed([f"{path}: no such file"])
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportFailed([_too_big(size, max_bytes)])
        return path.open("rb")
    return source


def _too_big(size: int, max_bytes: int) -> str:
    return (f"the file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB "
            "(IMPORT_MAX_BYTES); split the export into smaller files")


def run_import(
    session: Session, source, organisation: Organisation, *, max_bytes: int,
    actor=None, origin: str = "cli", progress: Progress | None = None,
) -> ImportResult:
    """Check ``source`` record by record as it streams and upsert it in batches; flushes, the caller commits.

    Raises ImportFailed with every error and its path. Records are written only while no error
    was found; when one turns up later the session is rolled back, so nothing of the file stays.
    """
    fp = _open(source, max_bytes)
    writer = None
    try:
        employer_ids = dict(session.execute(
            select(Employer.external_id, Employer.id).where(
                Employer.organisation_id == organisation.id, Employer.external_id.is_not(None)
            )
        ).all())
        owners = _owner_emails(session, organisation.id)
        routes = dict(session.execute(select(ScreeningRoute.code, ScreeningRoute.id).where(
            ScreeningRoute.organisation_id == organisation.id)).all())
        check = FileCheck(employer_ids.keys(), set(owners["active"]), set(routes))
        result = ImportResult()
        ctx = Context(organisation.id, TermLinker(session), employer_ids=employer_ids,
                      owner_ids=owners["all"], route_ids=routes)
        writer = _Writer(session, ctx, result, progress)
        for list_name, record in check_items(iter_items(fp), check):
            writer.add(list_name, record)
        errors = check.finish()
        if errors:
            raise ImportFailed(errors.items, errors.total)
        writer.finish()
        result.unmatched_wordings = ctx.linker.save_unmatched()
        result.skipped = ctx.skipped
        if ctx.provider_ids:
            session.execute(update(Employer).where(Employer.id.in_(ctx.provider_ids)).values(is_provider=True))
        session.flush()
    except ImportFailed:
        if writer is not None and writer.written:
            session.rollback()
        raise
    finally:
        if fp is not source:
            fp.close()
    audit.record(
        session, "import", actor=actor, origin=origin,
        details={"organisation": organisation.key, **{k: v.as_dict() for k, v in result.counts.items()},
                 "skipped_fields": sum(len(f) for _ext, f in result.skipped)},
    )
    return result


def _owner_emails(session: Session, organisation_id: int) -> dict[str, dict[str, int]]:
    """Staff e-mail (lower case) -> id: "active" who may be named as owner now, "all" to keep one."""
    rows = session.execute(select(User.email, User.id, User.active, User.role).where(
        User.organisation_id == organisation_id)).all()
    from models.candidates.editing import OWNER_ROLES

    return {"all": {e.lower(): i for e, i, _a, _r in rows},
            "active": {e.lower(): i for e, i, a, r in rows if a and r in OWNER_ROLES}}


class _Writer:
    """Batches of checked records, upserted when full. Employers go first, so that a vacancy or a
    trajectory finds its employer's id; one whose employer comes later in the file waits."""

    def __init__(self, session: Session, ctx: Context, result: ImportResult, progress: Progress | None):
        self.session, self.ctx, self.result, self.progress = session, ctx, result, progress
        self.batches: dict[str, list[dict]] = {name: [] for name in LISTS}
        self.waiting: list[tuple[str, dict]] = []
        self.written = 0

    def add(self, list_name: str, record: dict) -> None:
        if list_name != "employers" and self.batches["employers"]:
            self._flush("employers")
        if not self._employers_known(list_name, record):
            self.waiting.append((list_name, record))
            return
        batch = self.batches[list_name]
        batch.append(record)
        if len(batch) >= BATCH_SIZE:
            self._flush(list_name)

    def _employers_known(self, list_name: str, record: dict) -> bool:
        ids = self.ctx.employer_ids
        if list_name == "vacancies":
            return record["employer"] in ids
        if list_name == "candidates":
            return all(t["provider"] in ids for t in record.get("trajectories", ()))
        return True

    def finish(self) -> None:
        """Write what is left: the open batches, then the records that waited for their employer."""
        for list_name in LISTS:
            self._flush(list_name)
        waiting, self.waiting = self.waiting, []
        for list_name, record in waiting:
            self.add(list_name, record)
        for list_name in LISTS:
            self._flush(list_name)

    def _flush(self, list_name: str) -> None:
        batch = self.batches[list_name]
        if not batch:
            return
        self.batches[list_name] = []
        result = self.result
        # the ids it returns are not kept: nothing read them, and 100,000 candidates' took 3.6 MB (issue 18)
        upsert_batch(self.session, list_name, batch, self.ctx, result.counts[list_name])
        self.written += len(batch)
        if self.progress:
            c = result.counts[list_name]
            self.progress(list_name, c.created + c.updated + c.unchanged)
