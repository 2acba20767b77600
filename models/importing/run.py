"""Running an import: size check, whole-file validation, then one pass per list to write."""
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
from .validate import validate_file
from .write import Context, Counts, upsert_batch

BATCH_SIZE = 2000
Progress = Callable[[str, int, int], None]  # list name, records written, records in the list


@dataclass
class ImportResult:
    counts: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in LISTS})
    touched: dict[str, list[int]] = field(default_factory=lambda: {name: [] for name in LISTS})
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
        owners = _owner_emails(session, organisation.id)
        routes = dict(session.execute(select(ScreeningRoute.code, ScreeningRoute.id).where(
            ScreeningRoute.organisation_id == organisation.id)).all())
        errors, sizes = validate_file(fp, known, set(owners["active"]), set(routes))
        if errors:
            raise ImportFailed(errors.items, errors.total)
        result = ImportResult()
        ctx = Context(organisation.id, TermLinker(session), owner_ids=owners["all"], route_ids=routes)
        for list_name in LISTS:
            if list_name in ("vacancies", "candidates"):
                rows = session.execute(
                    select(Employer.external_id, Employer.id).where(
                        Employer.organisation_id == organisation.id
                    )
                )
                ctx.employer_ids = {ext: employer_id for ext, employer_id in rows}
            fp.seek(0)
            _write_list(session, fp, list_name, ctx, result, progress, sizes[list_name])
        result.unmatched_wordings = ctx.linker.save_unmatched()
        result.skipped = ctx.skipped
        if ctx.provider_ids:
            session.execute(update(Employer).where(Employer.id.in_(ctx.provider_ids)).values(is_provider=True))
        session.flush()
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
