"""Measure the scrubber on bench/data/scrub_sentences.jsonl: recall and precision per kind.

Usage: python -m bench.scrub [--json]   (--json prints only the final JSON line)
A finding counts as a hit when it has the annotated kind and overlaps the annotated span.
"protected" is the share of annotated spans wholly hidden by findings of any kind: what leaks.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from models.catalogue.scrubbing.scrub import PRIORITY, detect

DATA = Path(__file__).parent / "data" / "scrub_sentences.jsonl"


def _expected(record: dict) -> list[tuple[str, int, int]]:
    """Locate each annotated (kind, text) in order of appearance."""
    spans, pos = [], 0
    text = record["text"]
    for span in record["spans"]:
        start = text.find(span["text"], pos)
        if start < 0:
            start = text.find(span["text"])
        if start < 0:
            raise ValueError(f"span {span['text']!r} not in {text!r}")
        spans.append((span["kind"], start, start + len(span["text"])))
        pos = start + len(span["text"])
    return spans


def evaluate(path: Path = DATA) -> dict:
    """Return counts, per-kind figures, misses and false positives for the evaluation set."""
    tp_recall, total, tp_precision, found, protected = Counter(), Counter(), Counter(), Counter(), 0
    misses, false_positives, elapsed, n, names_blind = [], [], 0.0, 0, 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text, n = record["text"], n + 1
        expected = _expected(record)
        started = time.perf_counter()
        findings = detect(text, record["known_names"])
        elapsed += time.perf_counter() - started
        blind = detect(text)  # as if the consultant had not passed the person's names
        for kind, start, end in expected:
            total[kind] += 1
            if kind == "name" and any(f.kind == "name" and f.start < end and start < f.end for f in blind):
                names_blind += 1
            if any(f.kind == kind and f.start < end and start < f.end for f in findings):
                tp_recall[kind] += 1
            else:
                misses.append((kind, text[start:end], text))
            covered = set()
            for f in findings:
                covered.update(range(max(start, f.start), min(end, f.end)))
            protected += len(covered) == end - start
        for f in findings:
            found[f.kind] += 1
            if any(f.kind == k and f.start < e and s < f.end for k, s, e in expected):
                tp_precision[f.kind] += 1
            else:
                false_positives.append((f.kind, f.text, text))
    kinds = {}
    for kind in PRIORITY:
        kinds[kind] = {
            "n": total[kind],
            "recall": round(tp_recall[kind] / total[kind], 3) if total[kind] else None,
            "precision": round(tp_precision[kind] / found[kind], 3) if found[kind] else None,
        }
    kinds["name"]["recall_without_known_names"] = round(names_blind / total["name"], 3)
    all_total, all_found = sum(total.values()), sum(found.values())
    kinds["overall"] = {
        "n": all_total,
        "recall": round(sum(tp_recall.values()) / all_total, 3),
        "precision": round(sum(tp_precision.values()) / all_found, 3) if all_found else None,
        "protected": round(protected / all_total, 3),
    }
    return {"sentences": n, "ms_per_sentence": round(1000 * elapsed / n, 3), "kinds": kinds,
            "misses": misses, "false_positives": false_positives}


def main(argv: list[str]) -> None:
    """Print the figures; the last line is always the JSON summary."""
    result = evaluate()
    summary = {"sentences": result["sentences"], "ms_per_sentence": result["ms_per_sentence"],
               **result["kinds"]}
    if "--json" not in argv:
        print(f"{result['sentences']} sentences, {result['ms_per_sentence']} ms per sentence\n")
        print(f"{'kind':10} {'n':>4} {'recall':>7} {'precision':>9}")
        for kind, fig in result["kinds"].items():
            recall = "-" if fig["recall"] is None else f"{fig['recall']:.3f}"
            precision = "-" if fig["precision"] is None else f"{fig['precision']:.3f}"
            print(f"{kind:10} {fig['n']:>4} {recall:>7} {precision:>9}")
        print(f"name recall without known_names: {result['kinds']['name']['recall_without_known_names']:.3f}")
        print(f"\nannotated spans wholly hidden (any kind): {result['kinds']['overall']['protected']:.3f}")
        print(f"\nmisses ({len(result['misses'])}):")
        for kind, found, text in result["misses"]:
            print(f"  {kind:8} {found!r:30} in {text!r}")
        print(f"\nfalse positives ({len(result['false_positives'])}):")
        for kind, found, text in result["false_positives"]:
            print(f"  {kind:8} {found!r:30} in {text!r}")
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
