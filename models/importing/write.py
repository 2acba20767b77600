"""Upserting validated records by external_id, in batches, with bulk inserts for new rows."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, object_session, selectinload

from models.candidates import ownership
from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.candidates.history import LadderAssessment
from models.candidates.trajectory import Trajectory
from models.common import stamps
from models.enums import VacancySource
from models.register.employer import Employer
from models.taxonomy.terms import TermLinker
from models.vacancies.vacancy import Vacancy, VacancyTerm

from . import rows
from .bulk import insert_plain


@dataclass
class Context:
    organisation_id: int
    linker: TermLinker
    employer_ids: dict[str, int] = field(default_factory=dict)
    owner_ids: dict[str, int] = field(default_factory=dict)  # lower-case e-mail -> user id
    route_ids: dict[str, int] = field(default_factory=dict)  # screening-route code -> id
    provider_ids: set[int] = field(default_factory=set)  # employers named as a trajectory's provider
    skipped: list[tuple[str, list[str]]] = field(default_factory=list)  # (external_id, fields a person owns)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


@dataclass(frozen=True)
class ListSpec:
    """How one list of the format maps onto a model and its child rows."""

    model: type
    values: Callable[[dict, Context], dict[str, Any]]
    children: Callable[[int, dict, Context], Iterable[tuple[type, dict[str, Any]]]]
    update_children: Callable[[Any, dict, Context], None]
    load_options: tuple = ()
    insert_defaults: tuple[tuple[str, Any], ...] = ()  # set on creation only, never overwritten
    # Before an update: the record as it may be applied (fields a person owns kept as they are).
    prepare: Callable[[Any, dict, Context], dict] | None = None
    keep_columns: Callable[[dict], set[str]] = lambda r: set()  # columns an update leaves alone


def _trajectory_rows(candidate_id: int, r: dict, ctx: Context):
    for item in r.get("trajectories", []):
        provider_id = ctx.employer_ids[item["provider"]]
        ctx.provider_ids.add(provider_id)
        yield {"organisation_id": ctx.organisation_id, "candidate_id": candidate_id,
               **rows.trajectory_values(item, provider_id)}


def _candidate_children(new_id: int, r: dict, ctx: Context):
    yield CandidatePersonal, {"candidate_id": new_id, **rows.personal_values(r)}
    for term in rows.candidate_terms(r, ctx.linker):
        yield CandidateTerm, {"candidate_id": new_id, **term}
    entry = rows.ladder_entry(r)
    if entry:
        yield LadderAssessment, {"candidate_id": new_id, **entry}
    for values in _trajectory_rows(new_id, r, ctx):
        yield Trajectory, values


def _candidate_prepare(obj: Candidate, r: dict, ctx: Context) -> dict:
    """Keep what a person changed since (reported), and add the imported rung to the history."""
    merged, skipped = ownership.merge_protected(obj, r)
    if skipped:
        ctx.skipped.append((obj.external_id, skipped))
    entry = rows.ladder_entry(merged)
    if entry and (entry["rung"], entry["assessed_on"]) != (obj.ladder, obj.ladder_assessed_on):
        object_session(obj).add(LadderAssessment(candidate_id=obj.id, **entry))
    return merged


def _candidate_update(obj: Candidate, r: dict, ctx: Context) -> None:
    for key, value in rows.personal_values(r).items():
        setattr(obj.personal, key, value)
    obj.terms = [CandidateTerm(**t) for t in rows.candidate_terms(r, ctx.linker)]
    if "trajectories" in r:
        session = object_session(obj)
        known = {t.external_id: t for t in session.scalars(select(Trajectory).where(Trajectory.candidate_id == obj.id))}
        for values in _trajectory_rows(obj.id, r, ctx):
            existing = known.get(values["external_id"])
            if existing is None:
                session.add(Trajectory(**values))
            else:
                for key, value in values.items():
                    setattr(existing, key, value)


def _vacancy_children(new_id: int, r: dict, ctx: Context):
    for term in rows.vacancy_terms(r, ctx.linker):
        yield VacancyTerm, {"vacancy_id": new_id, **term}


def _vacancy_update(obj: Vacancy, r: dict, ctx: Context) -> None:
    obj.terms = [VacancyTerm(**t) for t in rows.vacancy_terms(r, ctx.linker)]


PLAIN_CHILDREN = (CandidateTerm, VacancyTerm)  # no defaults, no typed values: straight to the driver

SPECS = {
    "employers": ListSpec(
        Employer, lambda r, ctx: rows.employer_values(r), lambda *_: (), lambda *_: None,
        insert_defaults=(("status", "active"),),
    ),
    "vacancies": ListSpec(
        Vacancy, lambda r, ctx: rows.vacancy_values(r, ctx.employer_ids[r["employer"]], ctx.linker),
        _vacancy_children, _vacancy_update, (selectinload(Vacancy.terms),),
        insert_defaults=(("source", VacancySource.IMPORT),),
    ),
    "candidates": ListSpec(
        Candidate, lambda r, ctx: rows.candidate_values(r, ctx.owner_ids, ctx.route_ids),
        _candidate_children, _candidate_update,
        (selectinload(Candidate.personal), selectinload(Candidate.terms), selectinload(Candidate.owner),
         selectinload(Candidate.screening_route)),
        prepare=_candidate_prepare, keep_columns=rows.absent_columns,
    ),
}


# New records are inserted in parts of this many (a batch keeps its one change number): the
# values and child rows of a whole batch of 2,000 candidates were ~10 MB at the import's peak
# (issue 18); the same rows, ids and change numbers either way.
WRITE_PART = 500


def upsert_batch(session: Session, list_name: str, records: list[dict], ctx: Context, counts: Counts) -> list[int]:
    """Create, update or leave each record of one batch; returns the ids created or updated."""
    spec = SPECS[list_name]
    model = spec.model
    ext_ids = [r["external_id"] for r in records]
    existing = {
        ext: (row_id, digest)
        for row_id, ext, digest in session.execute(
            select(model.id, model.external_id, model.import_hash).where(
                model.organisation_id == ctx.organisation_id, model.external_id.in_(ext_ids)
            )
        )
    }
    new, changed = [], {}
    for r in records:
        digest = rows.record_hash(r)
        known = existing.get(r["external_id"])
        if known is None:
            new.append((r, digest))
        elif known[1] == digest:
            counts.unchanged += 1
        else:
            changed[known[0]] = (r, digest)

    rows.prime_linker(ctx.linker, list_name, [r for r, _digest in new] + [r for r, _digest in changed.values()])
    touched: list[int] = []
    if new:
        # Bulk inserts bypass the ORM hooks (models/events.py): the batch takes its change number here.
        numbered = {"change_no": stamps.next_change(session.connection())} if hasattr(model, "change_no") else {}
        for part in range(0, len(new), WRITE_PART):
            touched += _insert_new(session, spec, new[part:part + WRITE_PART], ctx, numbered)
        counts.created += len(new)
    if changed:
        objs = session.scalars(select(model).where(model.id.in_(changed)).options(*spec.load_options))
        for obj in objs:
            r, digest = changed[obj.id]
            if spec.prepare is not None:
                r = spec.prepare(obj, r, ctx)
            keep = spec.keep_columns(r)
            for key, value in spec.values(r, ctx).items():
                if key not in keep:
                    setattr(obj, key, value)
            obj.import_hash = digest
            spec.update_children(obj, r, ctx)
        session.flush()
        counts.updated += len(changed)
        touched += list(changed)
    return touched


def _insert_new(session: Session, spec: ListSpec, new: list[tuple[dict, str]], ctx: Context, numbered: dict) -> list[int]:
    """Insert ``new`` (records with their digests) and their children; returns their ids."""
    model = spec.model
    values = [
        {**dict(spec.insert_defaults), **spec.values(r, ctx), "organisation_id": ctx.organisation_id,
         "external_id": r["external_id"], "import_hash": digest, **numbered}
        for r, digest in new
    ]
    # A plain Core executemany (the ORM's bulk insert cost a quarter of the import), then the
    # ids by external id: RETURNING with sort_by_parameter_order splices every page's rows
    # into the result so far, which grew quadratically with the batch.
    session.execute(insert(model.__table__), values)
    ids_by_ext = dict(session.execute(
        select(model.external_id, model.id).where(
            model.organisation_id == ctx.organisation_id, model.external_id.in_([r["external_id"] for r, _ in new])
        )
    ).all())
    if model is Employer:
        ctx.employer_ids.update(ids_by_ext)  # the vacancies and trajectories that follow name them
    new_ids = [ids_by_ext[r["external_id"]] for r, _digest in new]
    child_rows: dict[type, list[dict]] = defaultdict(list)
    for new_id, (r, _digest) in zip(new_ids, new):
        for child_model, child in spec.children(new_id, r, ctx):
            child_rows[child_model].append(child)
    for child_model, batch in child_rows.items():
        if child_model in PLAIN_CHILDREN:
            insert_plain(session, child_model.__table__, batch)
        else:
            session.execute(insert(child_model.__table__), batch)
    return new_ids
