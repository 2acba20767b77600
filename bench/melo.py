"""Run the linker on a MELO-format directory and print MRR, MAP, success@10 and recall@10.

Usage: ``python -m bench.melo DIR [--json] [--order grouped|interleaved|hybrid|labels] [--expansion W]``. The linker
is built from corpus_elements.tsv and concept_mapping.tsv only; queries.tsv and annotations.tsv
are read for evaluation alone. The last stdout line is one JSON object when ``--json`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from matching.linker import Concept, Linker, LinkerConfig


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file without a header."""
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip()]


def melo_concepts(folder: Path) -> tuple[list[Concept], list[str], list[str], list[str]]:
    """Concepts (one per URI, preferred label = the ``_000`` element) and element ids/texts/URIs."""
    texts = dict(read_tsv(folder / "corpus_elements.tsv"))
    uris = dict(read_tsv(folder / "concept_mapping.tsv"))
    element_ids = sorted(texts)
    by_uri: dict[str, list[str]] = defaultdict(list)
    for element in element_ids:
        by_uri[uris[element]].append(element)
    concepts = []
    for uri, elements in by_uri.items():
        preferred = [e for e in elements if e.endswith("_000")] or elements[:1]
        rest = [texts[e] for e in elements if e not in preferred]
        concepts.append(Concept(uri, "occupation", texts[preferred[0]], tuple(rest)))
    return concepts, element_ids, [texts[e] for e in element_ids], [uris[e] for e in element_ids]


def element_scores(linker: Linker, block: np.ndarray, concepts: np.ndarray, element_label: np.ndarray,
                   element_concept: np.ndarray, order: str) -> np.ndarray:
    """Scores for every corpus element (higher first) from label and concept scores; see --order."""
    if order == "labels":
        return block[:, element_label]
    own = block[:, element_label]
    shared = concepts[:, element_concept]
    if order == "grouped":
        return shared + 1e-3 * own
    # interleaved: each concept's best label at the concept score, its other labels one step later.
    best = np.maximum.reduceat(block, linker.starts, axis=1)[:, element_concept]
    is_best = own >= best
    scores = np.where(is_best, shared + 2.0, shared + 1e-3 * own)
    if order == "hybrid":
        # the top concept keeps all its labels together in front: MAP gains, MRR loses little.
        top = np.argmax(concepts, axis=1)
        scores = np.where(element_concept[None, :] == top[:, None], shared + 4.0 + 1e-3 * own, scores)
    return scores


def evaluate(folder: Path, order: str = "interleaved", linker: Linker | None = None,
             config: LinkerConfig | None = None) -> dict[str, float]:
    """Build the linker on the corpus (unless given), rank all elements per query, return the metrics."""
    started = time.perf_counter()
    concepts, element_ids, element_texts, element_uris = melo_concepts(folder)
    linker = linker or Linker(concepts, config)
    built = time.perf_counter() - started
    print(f"linker built on {len(concepts)} concepts in {built:.1f}s", file=sys.stderr)
    concept_index = {c.id: i for i, c in enumerate(linker.concepts)}
    label_index = {(linker.labels.owner[i], t.casefold()): i for i, t in enumerate(linker.labels.texts)}
    element_concept = np.asarray([concept_index[u] for u in element_uris])
    element_label = np.asarray([label_index[(concept_index[u], t.strip().casefold())] for u, t in zip(element_uris, element_texts)])
    element_pos = {e: i for i, e in enumerate(element_ids)}
    queries = read_tsv(folder / "queries.tsv")
    relevant: dict[str, set[int]] = defaultdict(set)
    for qid, _, element, grade in read_tsv(folder / "annotations.tsv"):
        if int(grade) > 0 and element in element_pos:
            relevant[qid].add(element_pos[element])
    queries = [q for q in queries if relevant[q[0]]]
    rr, ap, success, recall = [], [], [], []
    for offset, block in linker.label_scores([q[1] for q in queries]):
        scores = element_scores(linker, block, linker.concept_scores(block), element_label, element_concept, order)
        for row in range(scores.shape[0]):
            ranking = np.lexsort((np.arange(scores.shape[1]), -scores[row]))
            rel = relevant[queries[offset + row][0]]
            hits = np.flatnonzero(np.isin(ranking, list(rel))) + 1
            rr.append(1.0 / hits[0])
            ap.append(float(np.mean(np.arange(1, len(hits) + 1) / hits)))
            success.append(float(hits[0] <= 10))
            recall.append(float(np.sum(hits <= 10)) / len(rel))
        print(f"  {offset + block.shape[0]}/{len(queries)} queries", file=sys.stderr)
    return {
        "mrr": round(float(np.mean(rr)), 4),
        "map": round(float(np.mean(ap)), 4),
        "success_at_10": round(float(np.mean(success)), 4),
        "recall_at_10": round(float(np.mean(recall)), 4),
        "n_queries": len(queries),
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of metrics")
    parser.add_argument("--order", choices=("interleaved", "hybrid", "grouped", "labels"), default="interleaved")
    parser.add_argument("--expansion", type=float, default=None,
                        help="word-translation expansion weight (LinkerConfig.expansion_weight; default: the linker's)")
    args = parser.parse_args(argv)
    config = None if args.expansion is None else LinkerConfig(expansion_weight=args.expansion)
    metrics = evaluate(args.folder, args.order, config=config)
    print(f"MELO {args.folder.name} ({metrics['n_queries']} queries, order={args.order}, {metrics['seconds']}s)")
    for name in ("mrr", "map", "success_at_10", "recall_at_10"):
        print(f"  {name:14s} {metrics[name]:.4f}")
    if args.json:
        print(json.dumps(metrics, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
