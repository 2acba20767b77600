"""The worklist of unmatched wordings: suggested concepts, and linking a wording in one step."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matching.text import normalise
from models.candidates.candidate import CandidateTerm
from models.common import audit
from models.common.errors import N_, InvalidInput
from models.common.paging import Page, paginate
from models.common.system import CacheStamp
from models.enums import ConceptKind, TermKind
from models.taxonomy import linker_files
from models.taxonomy import semantic as taxonomy_semantic
from models.taxonomy.admin import STAMP, add_alias, bump_stamp, owner_of
from models.taxonomy.concept import Concept, ConceptAlias, UnmatchedWording
from models.vacancies.vacancy import Vacancy, VacancyTerm

if TYPE_CHECKING:  # the linker pulls in scikit-learn: imported where one is built
    from matching.linker import Linker

JOB_KEY = "taxonomy:proposals"  # the queue's once-key of the job running store_proposals
SUGGEST_THRESHOLD = 0.35  # lower than the linker's own: these are proposals a person checks
_cache: dict[str, tuple[tuple, Linker | None, dict[str, str]]] = {}


@dataclass(frozen=True)
class Proposal:
    """A concept proposed for an unmatched wording."""

    concept_id: int
    label: str
    kind: str
    confidence: float
    by_meaning: bool = False  # proposed for what the words mean, not for how they are written


def worklist(session: Session, page: int = 1, per_page: int = 25) -> Page[UnmatchedWording]:
    """Wordings not linked yet, most seen first (past the end: the last page)."""
    open_rows = select(UnmatchedWording).where(UnmatchedWording.linked_concept_id.is_(None))
    return paginate(session, open_rows.order_by(UnmatchedWording.seen_count.desc(), UnmatchedWording.normalised),
                    page, per_page)


def _linker_key(session: Session) -> tuple:
    """What the proposals follow from: the taxonomy stamp, the wordings' rows and the label vectors."""
    stamp = session.execute(select(CacheStamp.version, CacheStamp.updated_at).where(CacheStamp.name == STAMP)).first()
    rows = session.execute(select(func.count(), func.max(ConceptAlias.id), func.sum(ConceptAlias.concept_id))).first()
    return (tuple(stamp) if stamp else None, tuple(rows), taxonomy_semantic.stamp())


def _digest(key: tuple) -> str:
    return hashlib.sha1(repr(key).encode(), usedforsecurity=False).hexdigest()  # a cache key, not a secret


def linker(session: Session, key: tuple | None = None) -> tuple[Linker | None, dict[str, str]]:
    """A Linker over the database's concepts and their kinds; rebuilt when the stamp, the rows or the
    label vectors change. It ranks with sentence embeddings when they are set up (taxonomy_semantic)."""
    key = key or _linker_key(session)
    cached = _cache.get("linker")
    if cached and cached[0] == key:
        return cached[1], cached[2]
    labels: dict[int, tuple[str, str]] = {}
    aliases: dict[int, list[str]] = defaultdict(list)
    for cid, kind, label in session.execute(select(Concept.id, Concept.kind, Concept.label)):
        labels[cid] = (kind.value, label)
    for cid, alias in session.execute(select(ConceptAlias.concept_id, ConceptAlias.label)):
        aliases[cid].append(alias)
    texts = [label.strip() for _, label in labels.values()] + [a.strip() for values in aliases.values() for a in values]
    semantic = taxonomy_semantic.proposal_vectors(texts) if labels else None
    from matching.linker import PROPOSALS

    # the saved fit over every concept (models/taxonomy/linker_files.py), mapped; fitted and saved if none
    built = linker_files.linker(session, None, config=PROPOSALS, semantic=semantic) if labels else None
    kinds = {str(cid): kind for cid, (kind, _) in labels.items()}
    _cache["linker"] = (key, built, kinds)
    return built, kinds


def proposals(session: Session, wordings: list[str], top: int = 3, key: tuple | None = None) -> list[list[Proposal]]:
    """Up to `top` suggested concepts per wording, best first (empty lists when there are no concepts)."""
    built, kinds = linker(session, key) if wordings else (None, {})
    if built is None:
        return [[] for _ in wordings]
    # With embeddings the ranking (and this cut-off) uses the fused score; the shown confidence
    # stays the lexical one, and a proposal under the lexical cut-off is marked "by meaning".
    threshold = 0.0 if built.semantic else SUGGEST_THRESHOLD
    return [[Proposal(int(link.concept_id), link.label, kinds[link.concept_id], link.confidence,
                      link.confidence < SUGGEST_THRESHOLD)
             for link in links if link.score >= SUGGEST_THRESHOLD]
            for links in built.link_many(wordings, top=top, threshold=threshold)]


def page_proposals(session: Session, items: list[UnmatchedWording]) -> tuple[list[list[Proposal]], bool]:
    """Proposals for a page of the worklist, and whether the stored ones are due for a refresh.

    Worked out here when this process's linker is current or a wording has none stored yet;
    otherwise the stored ones (store_proposals, on the queue) are shown, so the page never waits
    for a linker to be built (seconds: scikit-learn, every concept, the label vectors).
    """
    key = _linker_key(session)
    digest = _digest(key)
    due = any(item.proposals_key != digest for item in items)
    cached = _cache.get("linker")
    if (cached and cached[0] == key) or any(item.proposals is None for item in items):
        return proposals(session, [item.wording for item in items], key=key), due
    return [[Proposal(*p) for p in item.proposals] for item in items], due


def store_proposals(session: Session, batch: int = 500) -> int:
    """Work out and store the proposals of every open wording made with another linker key, most
    seen first, committing per batch; returns how many were stored (the queue's job)."""
    key = _linker_key(session)
    digest = _digest(key)
    stored = 0
    stale = select(UnmatchedWording).where(
        UnmatchedWording.linked_concept_id.is_(None),
        (UnmatchedWording.proposals_key.is_(None)) | (UnmatchedWording.proposals_key != digest),
    ).order_by(UnmatchedWording.seen_count.desc(), UnmatchedWording.id).limit(batch)
    while items := session.scalars(stale).all():
        for item, found in zip(items, proposals(session, [i.wording for i in items], key=key), strict=True):
            item.proposals = [[p.concept_id, p.label, p.kind, round(p.confidence, 4), p.by_meaning] for p in found]
            item.proposals_key = digest
        session.commit()
        stored += len(items)
    return stored


def link_wording(session: Session, item: UnmatchedWording, concept: Concept, actor=None) -> int:
    """Add the wording as an alias of `concept` and re-link the unlinked terms written that way.

    Returns how many candidate terms, vacancy terms and vacancy occupations now point at the concept.
    """
    if item.linked_concept_id is not None:
        raise InvalidInput({"concept": N_("Deze schrijfwijze is al gekoppeld.")})
    owner = owner_of(session, item.normalised)
    if owner is not None and owner.id != concept.id:
        raise InvalidInput({"concept": N_("‘%(wording)s’ hoort al bij %(label)s.",
                                          wording=item.wording, label=owner.label)})
    if owner is None:
        add_alias(session, concept, item.wording, actor)
    item.linked_concept_id = concept.id
    count = 0
    first = item.normalised.split(" ")[0]
    candidate_kinds = [TermKind.OCCUPATION] if concept.kind == ConceptKind.OCCUPATION else \
        [TermKind.SKILL, TermKind.CERTIFICATE]
    terms = [*session.scalars(select(CandidateTerm).where(
        CandidateTerm.concept_id.is_(None), CandidateTerm.kind.in_(candidate_kinds),
        func.lower(CandidateTerm.wording).contains(first)))]
    if concept.kind == ConceptKind.SKILL:
        terms += session.scalars(select(VacancyTerm).where(
            VacancyTerm.concept_id.is_(None), func.lower(VacancyTerm.wording).contains(first)))
    for term in terms:
        if normalise(term.wording) == item.normalised:
            term.concept_id, term.confidence = concept.id, 1.0
            count += 1
    if concept.kind == ConceptKind.OCCUPATION:
        for vacancy in session.scalars(select(Vacancy).where(
                Vacancy.occupation_concept_id.is_(None), func.lower(Vacancy.occupation).contains(first))):
            if normalise(vacancy.occupation or "") == item.normalised:
                vacancy.occupation_concept_id = concept.id
                count += 1
    session.flush()
    audit.record(session, "taxonomy_wording_linked", actor=actor, obj=concept,
                 details={"unmatched_id": item.id, "relinked": count})
    bump_stamp(session)
    return count
