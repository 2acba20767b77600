"""Running an import: size check, whole-file validation, then one pass per list to write."""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.common import audit, stamps
from models.register.employer import Employer
from models.taxonomy.terms import TermLinker

from .errors import ImportFailed
from .reader import LISTS, iter_items
from .validate import validate_file
from .write import Context, Counts, upsert_batch

BATCH_SIZE = 2000
Progress = Callable[[str, int, int], None]  # list name, records written, records in the list


@dataclass
class ImportResult:
    counts: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in LISTS})
    touched: dict[str, list[int]] = field(default_factory=lambda: {name: [] for name in LISTS})
    unmatched_wordings: int = 0

    def lines(self) -> list[str]:
        """One line per list: 'candidates: 3 created, 1 updated, 0 unchanged'."""
        return [
            f"{name}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            for name, c in self.counts.items()
        ]

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
    """Validate ``source`` completely, then upsert it; flushes, the caller commits.

    Raises ImportFailed (with every error and its path) before writing anything.
    """
    fp = _open(source, max_bytes)
    try:
        known = set(session.scalars(
            select(Employer.external_id).where(
                Employer.organisation_id == organisation.id, Employer.external_id.is_not(None)
            )
        ))
        errors, sizes = validate_file(fp, known)
        if errors:
            raise ImportFailed(errors.items, errors.total)
        result = ImportResult()
        ctx = Context(organisation.id, TermLinker(session))
        for list_name in LISTS:
            if list_name == "vacancies":
                rows = session.execute(
                    select(Employer.external_id, Employer.id).where(
                        Employer.organisation_id == organisation.id
                    )
                )
                ctx.employer_ids = {ext: employer_id for ext, employer_id in rows}
            fp.seek(0)
            _write_list(session, fp, list_name, ctx, result, progress, sizes[list_name])
        result.unmatched_wordings = ctx.linker.save_unmatched()
        if any(result.touched.values()):
            stamps.bump(session, stamps.MATCH_INDEX)  # bulk inserts bypass the ORM hooks
        session.flush()
    finally:
        if fp is not source:
            fp.close()
    audit.record(
        session, "import", actor=actor, origin=origin,
        details={"organisation": organisation.key, **{k: v.as_dict() for k, v in result.counts.items()}},
    )
    return result


def _write_list(session, fp, list_name, ctx, result, progress, total) -> None:
    batch: list[dict] = []
    done = 0
    for item in iter_items(fp, only=list_name):
        if item.kind != "record" or item.key != list_name:
            continue
        batch.append(item.value)
        if len(batch) >= BATCH_SIZE:
            result.touched[list_name] += upsert_batch(session, list_name, batch, ctx, result.counts[list_name])
            done += len(batch)
            batch = []
            if progress:
                progress(list_name, done, total)
    if batch:
        result.touched[list_name] += upsert_batch(session, list_name, batch, ctx, result.counts[list_name])
        done += len(batch)
    if progress and total:
        progress(list_name, done, total)
