"""The frame the scrubber rule tests (tests/unit/test_scrub_*rules*.py) set a sentence in: a job sentence
before it and a certificate after it, as in a profile text, so a test sees what review() makes of the
sentence and that the sentences around it stay."""
from __future__ import annotations

from models.catalogue.scrubbing.public import review

KEEP = "Werkt graag in de logistiek."
CERT = "Heeft een heftruckcertificaat."


def public(sentence: str, names=()) -> str:
    """The public text of a profile text whose middle sentence is `sentence`."""
    return review(f"{KEEP} {sentence} {CERT}", names).text


def assert_kept(sentence: str, names=()) -> None:
    """The sentence stays as written; on failure, what was removed."""
    result = review(f"{KEEP} {sentence} {CERT}", names)
    assert result.text == f"{KEEP} {sentence} {CERT}", result.removals


def assert_gone(sentence: str, names=()) -> None:
    """The sentence is removed whole and the two around it stay; on failure, the public text."""
    text = public(sentence, names)
    assert text == f"{KEEP} {CERT}", text
