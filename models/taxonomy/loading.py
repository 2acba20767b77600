"""Loading the skill and occupation taxonomy into the database: idempotent upserts by kind + code."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from matching.text import normalise
from models.common import stamps
from models.enums import ConceptKind
from models.taxonomy.concept import Concept, ConceptAlias, ConceptRelation

Progress = Callable[[str], None]
BATCH = 5000


@dataclass
class LoadSummary:
    concepts_created: int = 0
    concepts_updated: int = 0
    concepts_unchanged: int = 0
    aliases_added: int = 0
    relations_added: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.concepts_created or self.concepts_updated or self.aliases_added or self.relations_added)

    def lines(self) -> list[str]:
        """The summary as printable lines."""
        return [
            f"concepts: {self.concepts_created} created, {self.concepts_updated} updated, "
            f"{self.concepts_unchanged} unchanged",
            f"aliases: {self.aliases_added} added",
            f"relations (occupation → skill): {self.relations_added} added",
        ]


def _cut(text: str) -> str:
    return text.strip()[:255]


def load_taxonomy(session: Session, concepts: Iterable | None = None, progress: Progress | None = None) -> LoadSummary:
    """Upsert concepts (default: ``seed.taxonomy.load_all()``), their aliases and occupation → skill relations.

    Concepts are matched by (kind, code); aliases are only added, never removed (coordinators add
    their own). Bumps the taxonomy stamp when anything changed (the worker then saves new index snapshots). Flushes only.
    """
    if concepts is None:
        from seed.taxonomy import load_all

        concepts = load_all()
    records = [c for c in concepts if c.id and c.label.strip()]
    say = progress or (lambda _msg: None)
    summary = LoadSummary()
    ids = _upsert_concepts(session, records, summary)
    say(f"{len(records)} concepts checked")
    _add_aliases(session, records, ids, summary)
    say(f"{summary.aliases_added} aliases added")
    _add_relations(session, records, ids, summary)
    if summary.changed:
        stamps.bump(session, stamps.TAXONOMY)  # the matcher's snapshots are rebuilt (models/matches/index_cache.py)
    session.flush()
    return summary


def _upsert_concepts(session: Session, records: list, summary: LoadSummary) -> dict[tuple[str, str], int]:
    existing = {
        (kind.value, code): (cid, label, sector, source)
        for cid, kind, code, label, sector, source in session.execute(
            select(Concept.id, Concept.kind, Concept.code, Concept.label, Concept.sector, Concept.source))
    }
    new, seen = [], set()
    for c in records:
        key = (c.kind, _cut(c.id))
        if key in seen:
            continue
        seen.add(key)
        sector = (", ".join(getattr(c, "sectors", ()) or ()) or None)
        sector = sector[:100] if sector else None
        values = {"label": _cut(c.label), "sector": sector, "source": (getattr(c, "source", "") or "werkbrug")[:50]}
        known = existing.get(key)
        if known is None:
            new.append({"kind": ConceptKind(c.kind), "code": key[1], **values})
        elif known[1:] != (values["label"], values["sector"], values["source"]):
            session.execute(update(Concept).where(Concept.id == known[0]).values(**values))
            summary.concepts_updated += 1
        else:
            summary.concepts_unchanged += 1
    for start in range(0, len(new), BATCH):
        session.execute(insert(Concept), new[start:start + BATCH])
    summary.concepts_created = len(new)
    return {(kind.value, code): cid for cid, kind, code in session.execute(select(Concept.id, Concept.kind, Concept.code))}


def _add_aliases(session: Session, records: list, ids: dict, summary: LoadSummary) -> None:
    have = {tuple(row) for row in session.execute(select(ConceptAlias.concept_id, ConceptAlias.normalised))}
    rows = []
    for c in records:
        cid = ids[(c.kind, _cut(c.id))]
        for text in (c.label, *c.aliases):
            key = normalise(text)[:255]
            if key and (cid, key) not in have:
                have.add((cid, key))
                rows.append({"concept_id": cid, "label": _cut(text), "normalised": key})
    for start in range(0, len(rows), BATCH):
        session.execute(insert(ConceptAlias), rows[start:start + BATCH])
    summary.aliases_added = len(rows)


def _add_relations(session: Session, records: list, ids: dict, summary: LoadSummary) -> None:
    skill_ids = {code: cid for (kind, code), cid in ids.items() if kind == "skill"}
    have = {tuple(row) for row in session.execute(select(ConceptRelation.from_id, ConceptRelation.to_id))}
    rows = []
    for c in records:
        if c.kind != "occupation":
            continue
        occupation = ids[(c.kind, _cut(c.id))]
        for skill in c.related:
            target = skill_ids.get(skill)
            if target is not None and (occupation, target) not in have:
                have.add((occupation, target))
                rows.append({"from_id": occupation, "to_id": target, "weight": 1.0})
    for start in range(0, len(rows), BATCH):
        session.execute(insert(ConceptRelation), rows[start:start + BATCH])
    summary.relations_added = len(rows)
