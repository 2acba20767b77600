"""Read the official ESCO CSV downloads and rebuild the shipped occupation file from a MELO folder.

ESCO's "classification" download holds, per language, ``occupations_nl.csv`` and ``skills_nl.csv``
(columns conceptType, conceptUri, preferredLabel, altLabels, hiddenLabels, status, ...; several
labels in one cell are separated by newlines) and ``occupationSkillRelations_*.csv``.
Run ``python -m seed.taxonomy.esco MELO_DIR`` to regenerate ``esco_occupations_nl.tsv.gz``.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from seed.taxonomy import OCCUPATIONS_FILE, TaxonomyConcept


def _labels(cell: str | None) -> tuple[str, ...]:
    return tuple(label.strip() for label in (cell or "").splitlines() if label.strip())


def _open(source: Path | str | TextIO) -> TextIO:
    return source if hasattr(source, "read") else open(source, encoding="utf-8-sig", newline="")  # type: ignore[return-value]


def parse_esco_csv(source: Path | str | TextIO, kind: str) -> list[TaxonomyConcept]:
    """Concepts of ``kind`` ("occupation"/"skill") from an ESCO CSV; alt and hidden labels become aliases.

    Rows without conceptUri or preferredLabel, and rows whose status is set but not "released",
    are skipped. Raises ValueError when the header lacks conceptUri or preferredLabel.
    """
    handle = _open(source)
    try:
        reader = csv.DictReader(handle)
        missing = {"conceptUri", "preferredLabel"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"not an ESCO CSV: missing column(s) {', '.join(sorted(missing))}")
        concepts = []
        for row in reader:
            uri, label = (row.get("conceptUri") or "").strip(), (row.get("preferredLabel") or "").strip()
            status = (row.get("status") or "released").strip()
            if not uri or not label or status != "released":
                continue
            aliases = tuple(dict.fromkeys(a for a in _labels(row.get("altLabels")) + _labels(row.get("hiddenLabels")) if a != label))
            concepts.append(TaxonomyConcept(uri, kind, label, aliases, source="esco"))
        return concepts
    finally:
        if handle is not source:
            handle.close()


def parse_esco_relations(source: Path | str | TextIO) -> dict[str, tuple[str, ...]]:
    """occupationUri -> skill URIs from ESCO's occupationSkillRelations CSV (essential first, then optional)."""
    handle = _open(source)
    try:
        ranked: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for row in csv.DictReader(handle):
            rank = 0 if (row.get("relationType") or "") == "essential" else 1
            ranked[row["occupationUri"]].append((rank, row["skillUri"]))
        return {occ: tuple(uri for _, uri in sorted(pairs)) for occ, pairs in ranked.items()}
    finally:
        if handle is not source:
            handle.close()


def load_esco_folder(folder: Path) -> list[TaxonomyConcept]:
    """Occupations and skills from an unpacked ESCO download (Dutch files); relations fill ``related``."""
    concepts = parse_esco_csv(folder / "occupations_nl.csv", "occupation")
    relations = next(iter(sorted(folder.glob("occupationSkillRelations*.csv"))), None)
    if relations is not None:
        related = parse_esco_relations(relations)
        concepts = [TaxonomyConcept(c.id, c.kind, c.label, c.aliases, related.get(c.id, ()), c.source) for c in concepts]
    if (folder / "skills_nl.csv").exists():
        concepts += parse_esco_csv(folder / "skills_nl.csv", "skill")
    return concepts


def melo_occupations(folder: Path) -> list[TaxonomyConcept]:
    """One concept per ESCO/ISCO URI of a MELO folder: the ``_000`` element is the preferred label."""
    texts: dict[str, str] = {}
    with (folder / "corpus_elements.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            element, text = line.rstrip("\n").split("\t")
            texts[element] = text.strip()
    grouped: dict[str, list[str]] = defaultdict(list)
    with (folder / "concept_mapping.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            element, uri = line.rstrip("\n").split("\t")
            grouped[uri].append(element)
    concepts = []
    for uri in sorted(grouped):
        elements = sorted(grouped[uri])
        label = texts[elements[0]]
        aliases = tuple(dict.fromkeys(texts[e] for e in elements[1:] if texts[e] != label))
        concepts.append(TaxonomyConcept(uri, "occupation", label, aliases, source="isco" if "/isco/" in uri else "esco"))
    return concepts


def write_occupations(concepts: Iterable[TaxonomyConcept], path: Path = OCCUPATIONS_FILE) -> int:
    """Write concepts as the shipped gzip TSV (reproducible bytes: mtime 0); returns the count."""
    count = 0
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as zipped:
        for concept in concepts:
            cells = [concept.id, concept.label, "|".join(concept.aliases)]
            if any("\t" in c or "\n" in c for c in cells) or any("|" in a for a in concept.aliases):
                raise ValueError(f"{concept.id}: label contains a tab, newline or '|'")
            zipped.write(("\t".join(cells) + "\n").encode("utf-8"))
            count += 1
    return count


if __name__ == "__main__":
    melo = Path(sys.argv[1] if len(sys.argv) > 1 else "shared/data/melo/nld_q_nl_c_nl")
    print(f"wrote {write_occupations(melo_occupations(melo))} occupations to {OCCUPATIONS_FILE}")
