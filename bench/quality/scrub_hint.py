"""What a person is shown of a line: the rules' removals plus the shipped hint, on any set (held-out too).

Usage: python -m bench.quality.scrub_hint [--half NAME ...]   (default: every held-out half)

The rules remove; the learned sentence gate (models/catalogue/publishing/hints.py, exactly as the matcher's
preview and the bulk publication call it) asks a person to read a sentence again. For each set this prints,
aggregates only (no line, so it may run on held-out halves):

- ``rules``: category recall of the rules alone (as bench.quality.scrub's "categories", gender included);
- ``rules or hint``: a category span counts when the rules removed it or its sentence (a list wording: the
  wording) is hinted, so it is in front of a matcher before or after publishing (the candidate list's
  "Zinnen te controleren");
- ``hinted lines``: near-miss lines (job content only) with at least one hint, i.e. a needless check.

The hint is trained on the tuning sets (bench.quality.scrub's TUNED), never on a held-out half.
"""
from __future__ import annotations

import json
import sys
from types import SimpleNamespace

from bench.quality.scrub import CATEGORIES, HELD_OUT, SETS, _expected, load, werkbrug


def hinted_spans(record: dict, removed: list) -> list[tuple[int, int]]:
    """[start, end) of every hinted unit of the line, as the shipped code finds them."""
    from models.catalogue.publishing.hints import profile_hints, sentence_hints

    text = record["text"]
    if record.get("style") == "list_item":
        profile = SimpleNamespace(description="", occupations=[], skills=[text], certificates=[])
        return [(0, len(text))] if profile_hints(profile) else []
    findings = [SimpleNamespace(start=s, end=e) for _kind, s, e in removed]
    return [(h.start, h.end) for h in sentence_hints(text, findings)]


def measure(name: str) -> dict:
    total = by_rules = shown = near = near_hinted = 0
    for record in load(name):
        removed = werkbrug(record["text"], record.get("known_names", []), record.get("style", ""))[0]
        hinted = hinted_spans(record, removed)
        expected = _expected(record)
        if not expected:
            near += 1
            near_hinted += bool(hinted)
        for kind, start, end in expected:
            if kind not in CATEGORIES:
                continue
            total += 1
            ruled = any(s < end and start < e for _k, s, e in removed)
            by_rules += ruled
            shown += ruled or any(s < end and start < e for s, e in hinted)
    return {"categories": total, "rules": round(by_rules / max(total, 1), 3),
            "rules_or_hint": round(shown / max(total, 1), 3), "near_miss_lines": near,
            "hinted_near_miss_lines": near_hinted, "hinted_share": round(near_hinted / max(near, 1), 3)}


def main(argv: list[str]) -> int:
    names = [argv[i + 1] for i, a in enumerate(argv) if a == "--half" and i + 1 < len(argv)] or list(HELD_OUT)
    if any(n not in SETS for n in names):
        print("--half: one of " + ", ".join(SETS), file=sys.stderr)
        return 2
    print(f"{'set':<11} {'category spans':>14} {'rules':>6} {'rules or hint':>13} {'near-miss lines hinted':>23}")
    summary = {}
    for name in names:
        row = summary[name] = measure(name)
        print(f"{name:<11} {row['categories']:>14} {row['rules']:>6.3f} {row['rules_or_hint']:>13.3f} "
              f"{row['hinted_near_miss_lines']:>9} of {row['near_miss_lines']:<4} ({row['hinted_share']:.3f})")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
