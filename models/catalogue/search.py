"""Query expansion for the public catalogue: typos, spelling variants and related taxonomy concepts.

``expand_query`` turns what an employer typed into the set of normalised wordings to look up in the
catalogue index. It fuzzy-matches every word (and the whole phrase) against the vocabulary: the
distinct wordings of public profiles plus every ConceptAlias of the taxonomy. A matched alias brings
in every wording of its concept and of concepts linked to it by a ConceptRelation, and a query that
names a sector brings in the concepts of that sector. The richer the taxonomy tables, the better the
expansion, without changes here.

The vocabulary is derived state: each process keeps a copy and reloads it when a one-row stamp
query (highest ids and counts of the source tables) says it changed, so every worker answers alike.
A page that searches for no wording needs only the sector list of the filter form: ``sectors``
reads that alone (one small query) when the full vocabulary is not loaded yet, so a worker's first
unfiltered catalogue page does not wait for some 26,000 wordings (issue 18; web/warmup.py loads
them right after the worker's first answer).
"""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.catalogue.index import CatalogueTerm
from models.taxonomy import sectors as fixed_sectors
from models.taxonomy.concept import Concept, ConceptAlias, ConceptRelation
from models.taxonomy.terms import normalise

# partial_ratio at or above this counts as the same word (heftruk ~ heftruck scores 92)
FUZZY_CUTOFF = 88
CANDIDATE_CUTOFF = 80  # partial_ratio of a candidate that _near then checks letter by letter
SHORT_WORD = 4  # words this short must start a word of the wording: "kok" finds "kok", "koken"


@dataclass
class Vocabulary:
    """Everything a query is matched against, keyed by normalised wording."""

    stamp: tuple = ()
    wordings: list[str] = field(default_factory=list)  # catalogue terms and aliases
    alias_concepts: dict[str, set[int]] = field(default_factory=dict)
    concept_wordings: dict[int, set[str]] = field(default_factory=dict)
    related: dict[int, set[int]] = field(default_factory=dict)
    sectors: dict[str, set[int]] = field(default_factory=dict)  # normalised sector -> concepts
    sector_names: dict[str, str] = field(default_factory=dict)  # sector code -> label (models.taxonomy.sectors)
    term_ids: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, wording) -> catalogue_term id
    sector_list: tuple[tuple[str, str], ...] = ()  # (code, label), sorted for a filter's choices
    expansions: dict[str, Expansion] = field(default_factory=dict)  # phrase -> expansion()'s answer


_cache: dict[str, Vocabulary] = {}
_sector_lists: dict[str, tuple[tuple, tuple[tuple[str, str], ...]]] = {}  # url -> (stamp, sector list)
_lock = threading.Lock()


def stamp(session: Session) -> tuple:
    """The one-row stamp of the vocabulary's source tables: it changes when any of them does."""
    parts = [
        select(func.max(CatalogueTerm.id)).scalar_subquery(),
        select(func.count(ConceptAlias.id)).scalar_subquery(),
        select(func.max(ConceptAlias.id)).scalar_subquery(),
        select(func.count(ConceptRelation.id)).scalar_subquery(),
        select(func.max(Concept.updated_at)).scalar_subquery(),
    ]
    return tuple(session.execute(select(*parts)).one())


def _load(session: Session, stamp: tuple) -> Vocabulary:
    vocab = Vocabulary(stamp=stamp)
    # Plain rows on the session's connection: tens of thousands of them, none an ORM object.
    rows = session.connection().execute
    vocab.term_ids = {(kind, term): id_ for id_, kind, term in
                      rows(select(CatalogueTerm.id, CatalogueTerm.kind, CatalogueTerm.term))}
    words = {term for kind, term in vocab.term_ids if kind != "licence"}
    alias_concepts: dict[str, set[int]] = defaultdict(set)
    concept_wordings: dict[int, set[str]] = defaultdict(set)
    labels: set[int] = set()  # a concept's label comes once per alias row: normalise it once

    def add(wording: str, concept_id: int) -> None:
        alias_concepts[wording].add(concept_id)
        concept_wordings[concept_id].add(wording)

    for concept_id, label, normalised in rows(
        select(Concept.id, Concept.label, ConceptAlias.normalised).outerjoin(ConceptAlias)
    ):
        if concept_id not in labels:
            labels.add(concept_id)
            if wording := normalise(label):
                add(wording, concept_id)
        if normalised:
            add(normalised, concept_id)
    related: dict[int, set[int]] = defaultdict(set)
    for a, b in rows(select(ConceptRelation.from_id, ConceptRelation.to_id)):
        related[a].add(b)
        related[b].add(a)
    sectors: dict[str, set[int]] = defaultdict(set)
    for concept_id, sector in rows(select(Concept.id, Concept.sector).where(Concept.sector.is_not(None))):
        for code in fixed_sectors.split(sector):  # "productie, techniek" belongs to both fields
            sectors[code].add(concept_id)
            vocab.sector_names.setdefault(code, fixed_sectors.label(code))
    vocab.wordings = sorted(words | alias_concepts.keys())
    vocab.sector_list = _sorted_sectors(vocab.sector_names)
    vocab.alias_concepts, vocab.concept_wordings = dict(alias_concepts), dict(concept_wordings)
    vocab.related, vocab.sectors = dict(related), dict(sectors)
    return vocab


def _sorted_sectors(names: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(names.items(), key=lambda pair: pair[1].lower()))


def _load_sector_list(session: Session) -> tuple[tuple[str, str], ...]:
    """The sector list as ``_load`` makes it, from the concepts' distinct sector texts only."""
    names = {code: fixed_sectors.label(code)
             for sector in session.scalars(select(Concept.sector).where(Concept.sector.is_not(None)).distinct())
             for code in fixed_sectors.split(sector)}
    return _sorted_sectors(names)


def vocabulary(session: Session, current: tuple | None = None) -> Vocabulary:
    """The current vocabulary: one stamp query (none when ``current`` is the stamp already read), and a
    reload only when the tables changed."""
    current = stamp(session) if current is None else current
    key = str(session.get_bind().url)
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached.stamp != current:
            cached = _cache[key] = _load(session, current)
    return cached


def _close(word: str, piece: str) -> bool:
    """At most one edit for a word up to 8 letters, two for a longer one, counted as optimal string
    alignment (a swapped pair of letters is one edit: "magazjin"). A word up to 6 letters may miss,
    gain or swap a letter but not change one: "lassen" is not "wassen", "script" not "stript"."""
    from rapidfuzz.distance import OSA, Indel

    edits = 1 if len(word) <= 8 else 2
    if OSA.distance(word, piece, score_cutoff=edits) > edits:
        return False
    if len(word) > 6:
        return True
    return Indel.distance(word, piece) <= 1 or sorted(word) == sorted(piece)


def _near(word: str, wording: str, start: int) -> bool:
    """Whether ``wording`` holds ``word`` with a typo (``_close``), aligned near ``start``.

    A piece shorter than the word counts only at the start of a word of the wording (a typo at the
    word's end, "heftruk"), never cut off by the wording's end inside a compound ("aler" of
    "vuilophaler" is not "alert"); a piece never spans more words than the query word."""
    size, spaces = len(word), word.count(" ")
    for s in (start - 1, start, start + 1):
        if s < 0:
            continue
        at_word_start = s == 0 or wording[s - 1] == " "
        for n in (size - 1, size, size + 1):
            piece = wording[s:s + n]
            if (len(piece) == n and (n >= size or at_word_start) and piece.count(" ") == spaces
                    and _close(word, piece)):
                return True
    return False


def _matches(word: str, wordings: list[str]) -> set[str]:
    """Wordings that contain ``word`` or a near spelling of it."""
    if len(word) <= SHORT_WORD:
        return {w for w in wordings if any(part.startswith(word) for part in w.split())}
    from rapidfuzz import fuzz, process  # here, not at boot: its C++ scorers take ~50 ms to load

    found = set()
    # partial_ratio finds the candidates (a generous cutoff: a swapped pair scores ~87); _near decides.
    for wording, _score, _ in process.extract(
        word, wordings, scorer=fuzz.partial_ratio, score_cutoff=CANDIDATE_CUTOFF, limit=None
    ):
        if word in wording:
            found.add(wording)
            continue
        # A wording much shorter than the word must match it as a whole ("las" is not "lassen").
        if len(wording) < len(word) - 2 and fuzz.ratio(word, wording) < FUZZY_CUTOFF:
            continue
        if _near(word, wording, fuzz.partial_ratio_alignment(word, wording).dest_start):
            found.add(wording)
    # Variants of a whole wording: "schoonmaakster" ~ "schoonmaker".
    found.update(w for w, _, _ in process.extract(word, wordings, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None))
    return found


def _expand_concepts(vocab: Vocabulary, concepts: set[int]) -> set[str]:
    """Every wording of the given concepts and of the concepts related to them."""
    reach = set(concepts)
    for concept_id in concepts:
        reach |= vocab.related.get(concept_id, set())
    return set().union(*(vocab.concept_wordings.get(c, set()) for c in reach)) if reach else set()


class Expansion(NamedTuple):
    """What a search text finds: the wordings it names itself (or a typo of them) and all it reaches."""

    direct: frozenset[str]
    found: frozenset[str]


def expansion(session: Session, text: str, vocab: Vocabulary | None = None) -> Expansion:
    """The wordings ``text`` names (``direct``: the wordings holding one of its words, their concepts'
    other wordings) and everything a search for it finds (``found``: also related concepts and the
    concepts of a sector it names). Both empty for an empty text."""
    phrase = normalise(text or "")
    if not phrase:
        return Expansion(frozenset(), frozenset())
    vocab = vocab or vocabulary(session)
    known = vocab.expansions.get(phrase)
    if known is not None:  # fuzzy matching over the whole vocabulary once per phrase and vocabulary
        return known
    words = [w for w in phrase.split() if len(w) >= 2]
    matched: set[str] = set()
    for word in dict.fromkeys(words + ([phrase] if len(words) > 1 else [])):
        matched |= _matches(word, vocab.wordings)
    concepts = set().union(*(vocab.alias_concepts.get(w, set()) for w in matched)) if matched else set()
    direct = matched.union(*(vocab.concept_wordings.get(c, set()) for c in concepts))
    from rapidfuzz import fuzz

    for sector, members in vocab.sectors.items():
        if phrase == sector or (len(phrase) > SHORT_WORD and fuzz.ratio(phrase, sector) >= FUZZY_CUTOFF):
            concepts |= members
    answer = Expansion(frozenset(direct), frozenset(matched | _expand_concepts(vocab, concepts)))
    if len(vocab.expansions) < 4096:  # bounded; a new vocabulary starts empty
        vocab.expansions[phrase] = answer
    return answer


def expand_query(session: Session, text: str, vocab: Vocabulary | None = None) -> set[str]:
    """Normalised wordings that a catalogue search for ``text`` should find; empty for an empty text."""
    return set(expansion(session, text, vocab).found)


def term_ids(vocab: Vocabulary, wordings: set[str], kinds: tuple[str, ...]) -> list[int]:
    """Catalogue term ids of ``wordings`` of ``kinds``: literal ids let the planner see how common each is."""
    known = vocab.term_ids
    return sorted(known[(k, w)] for w in wordings for k in kinds if (k, w) in known)


def sector_terms(session: Session, sector: str, vocab: Vocabulary | None = None) -> set[str]:
    """Normalised wordings of every concept in ``sector`` (a code of models.taxonomy.sectors)."""
    vocab = vocab or vocabulary(session)
    concepts = vocab.sectors.get(fixed_sectors.sector_of(sector) or "", set())
    return set().union(*(vocab.concept_wordings.get(c, set()) for c in concepts)) if concepts else set()


def sectors(session: Session, vocab: Vocabulary | None = None, current: tuple | None = None) -> list[tuple[str, str]]:
    """(code, label) of the fixed sectors the taxonomy's concepts fall in, for a filter; empty while it has none.

    From ``vocab``, else from the loaded vocabulary if it is current, else from a sector list read on
    its own (the stamp: ``current``, or one query)."""
    if vocab is not None:
        return list(vocab.sector_list)
    current = stamp(session) if current is None else current
    key = str(session.get_bind().url)
    with _lock:
        full = _cache.get(key)
        if full is not None and full.stamp == current:
            return list(full.sector_list)
        kept = _sector_lists.get(key)
        if kept is None or kept[0] != current:
            kept = _sector_lists[key] = (current, _load_sector_list(session))
    return list(kept[1])
