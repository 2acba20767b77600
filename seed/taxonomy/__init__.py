"""Werkbrug's skill and occupation taxonomy: shipped data files and the functions that load them."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from matching.text import fold, joined

DATA = Path(__file__).parent
OCCUPATIONS_FILE = DATA / "esco_occupations_nl.tsv.gz"
CURATED_OCCUPATIONS_FILE = DATA / "occupations.txt"
SKILLS_FILE = DATA / "skills.txt"


@dataclass(frozen=True)
class TaxonomyConcept:
    """One skill or occupation: stable id, kind ("skill"/"occupation"), Dutch label and aliases."""

    id: str
    kind: str
    label: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    source: str = "werkbrug"
    sectors: tuple[str, ...] = ()
    slug: str = ""


@dataclass(frozen=True)
class CuratedOccupation:
    """A hand-written occupation line: slug, label, the ESCO preferred label it refines, aliases, skills."""

    slug: str
    label: str
    esco_label: str
    aliases: tuple[str, ...] = ()
    skills: tuple[str, ...] = field(default_factory=tuple)


def _rows(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != columns:
            raise ValueError(f"{path.name}:{number}: expected {columns} fields separated by '|', got {len(cells)}")
        rows.append(cells)
    return rows


def _split(cell: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(separator) if part.strip())


@lru_cache(maxsize=1)
def load_curated_occupations() -> tuple[CuratedOccupation, ...]:
    """The hand-written occupations of seed/taxonomy/occupations.txt, in file order."""
    return tuple(
        CuratedOccupation(slug, label, esco, _split(aliases, ";"), _split(skills, ","))
        for slug, label, esco, aliases, skills in _rows(CURATED_OCCUPATIONS_FILE, 5)
    )


@lru_cache(maxsize=1)
def _skill_rows() -> tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]:
    return tuple(
        (slug, label, _split(sectors, ","), _split(aliases, ";"))
        for slug, label, sectors, aliases in _rows(SKILLS_FILE, 4)
    )


def read_esco_occupations(path: Path = OCCUPATIONS_FILE) -> list[TaxonomyConcept]:
    """ESCO occupations and ISCO groups from the shipped gzip TSV (uri, preferred label, aliases joined by '|')."""
    concepts = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            uri, label, aliases = line.rstrip("\n").split("\t")
            source = "isco" if "/isco/" in uri else "esco"
            concepts.append(TaxonomyConcept(uri, "occupation", label, _split(aliases, "|"), source=source))
    return concepts


def esco_index(concepts: list[TaxonomyConcept]) -> dict[str, str]:
    """Folded preferred label -> URI (first URI in sorted order wins when labels repeat)."""
    index: dict[str, str] = {}
    for concept in sorted(concepts, key=lambda c: c.id):
        index.setdefault(fold(concept.label), concept.id)
    return index


@lru_cache(maxsize=1)
def _occupations() -> tuple[TaxonomyConcept, ...]:
    concepts = read_esco_occupations()
    by_uri = {c.id: c for c in concepts}
    index = esco_index(concepts)
    claimed: dict[str, str] = {}
    for curated in load_curated_occupations():
        uri = index.get(fold(curated.esco_label))
        if uri is None:
            raise ValueError(f"occupations.txt: {curated.slug}: no ESCO occupation labelled {curated.esco_label!r}")
        base = by_uri[uri]
        known = {fold(x) for x in (base.label, *base.aliases)}
        extra = tuple(a for a in (curated.label, *curated.aliases) if fold(a) not in known)
        by_uri[uri] = replace(base, aliases=base.aliases + extra, related=curated.skills, source="esco+werkbrug", slug=curated.slug)
        claimed.update({joined(a): uri for a in (curated.label, *curated.aliases)})
    # A curated wording means its curated concept: ESCO also lists "tuinman" under botanicus and
    # groenvoorziening, which would tie with hovenier. Other concepts lose such aliases.
    for uri, concept in by_uri.items():
        kept = tuple(a for a in concept.aliases if claimed.get(joined(a), uri) == uri)
        if kept != concept.aliases:
            by_uri[uri] = replace(concept, aliases=kept)
    return tuple(by_uri[c.id] for c in concepts)


def load_occupations() -> list[TaxonomyConcept]:
    """All ESCO occupations (and ISCO groups) in Dutch; curated ones carry extra aliases, a slug and skill ids."""
    return list(_occupations())


def load_skills() -> list[TaxonomyConcept]:
    """The curated Dutch skill vocabulary; ``related`` holds the ESCO URIs of occupations that use each skill."""
    users: dict[str, list[str]] = {}
    for occupation in _occupations():
        for skill in occupation.related:
            users.setdefault(skill, []).append(occupation.id)
    return [
        TaxonomyConcept(slug, "skill", label, aliases, tuple(users.get(slug, ())), "werkbrug", sectors, slug)
        for slug, label, sectors, aliases in _skill_rows()
    ]


def load_all() -> list[TaxonomyConcept]:
    """Skills and occupations together, e.g. to build one matching.linker.Linker."""
    return [*load_skills(), *load_occupations()]
