"""bench.quality.scrub_hint counts a category span as shown when the rules removed it or the shipped hint flags
its sentence, and counts near-miss lines that get a hint."""
from bench.quality import scrub_hint

HINTED = "Ik ben sinds kort weer nuchter."  # no rule removes it; the shipped gate flags it
JOB = "Werkte drie jaar als orderpicker."


def test_a_span_in_a_hinted_sentence_counts_as_shown_and_a_hinted_near_miss_line_as_a_needless_check(monkeypatch):
    records = [
        {"text": f"{JOB} {HINTED}", "spans": [{"kind": "health", "text": "nuchter"}], "style": "matcher_note"},
        {"text": JOB, "spans": [], "style": "matcher_note"},
        {"text": HINTED, "spans": [], "style": "list_item"},
    ]
    monkeypatch.setattr(scrub_hint, "load", lambda _name: records)
    row = scrub_hint.measure("tune")
    assert row["categories"] == 1 and row["rules"] == 0.0 and row["rules_or_hint"] == 1.0
    assert (row["near_miss_lines"], row["hinted_near_miss_lines"]) == (2, 1)


def test_a_sentence_the_rules_already_changed_is_not_hinted_again():
    record = {"text": f"{JOB} {HINTED}", "spans": [], "style": "matcher_note"}
    start = record["text"].index("nuchter")
    assert scrub_hint.hinted_spans(record, []) == [(len(JOB) + 1, len(record["text"]))]
    assert scrub_hint.hinted_spans(record, [("health", start, start + 7)]) == []
