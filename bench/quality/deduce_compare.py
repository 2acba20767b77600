"""Would `deduce` (Dutch de-identification, PyPI) add recall? Run it on the tune half only.

Not a dependency: run with a separate environment that has deduce installed, e.g.
  python -m venv /tmp/deduce-venv && /tmp/deduce-venv/bin/pip install deduce
  /tmp/deduce-venv/bin/python bench/quality/deduce_compare.py
Prints its start-up time, its recall per identifier kind on the tune half (a span counts when a
deduce annotation overlaps it) and how many annotated spans it finds that Werkbrug's review misses
(read from the JSON of `python -m bench.quality.scrub --half tune --misses-json`, if given as argument).
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "scrub_independent.jsonl"


def main() -> None:
    started = time.perf_counter()
    from deduce import Deduce
    from deduce.person import Person
    engine = Deduce()
    print(f"deduce start-up: {time.perf_counter() - started:.1f} s")
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if r["half"] == "tune"]
    total, hit = Counter(), Counter()
    found_near_miss = 0
    started = time.perf_counter()
    for r in records:
        meta = {}
        if r["known_names"]:
            parts = r["known_names"][0].split()
            meta["patient"] = Person(first_names=parts[:1], surname=" ".join(parts[1:]) or None)
        doc = engine.deidentify(r["text"], metadata=meta)
        spans = [(a.start_char, a.end_char) for a in doc.annotations]
        if not r["spans"] and spans:
            found_near_miss += 1
        pos = 0
        for s in r["spans"]:
            start = r["text"].find(s["text"], pos)
            end = start + len(s["text"])
            pos = end
            total[s["kind"]] += 1
            hit[s["kind"]] += any(a < end and start < b for a, b in spans)
    print(f"{1000 * (time.perf_counter() - started) / len(records):.1f} ms per line")
    for kind in sorted(total, key=lambda k: -total[k]):
        print(f"{kind:12} {total[kind]:>4} recall {hit[kind] / total[kind]:.3f}")
    print(f"lines without annotation that deduce changes: {found_near_miss}")


if __name__ == "__main__":
    sys.exit(main())
