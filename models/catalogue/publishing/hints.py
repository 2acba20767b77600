"""Sentences of a public profile for the matcher to check: what the rules kept but the learned sentence
gate (models/catalogue/scrubbing/sentence_gate.py) scores as sensitive, except where the rules found a
category word and exempted it on purpose (a job-content line, the person's workplace: the gate defers to
that decision). In the matcher's preview a hint only: nothing is removed and publishing is not blocked. The
bulk publication, which nobody reads, leaves the flagged sentences and wordings out of the public profile
(``withhold``) until a matcher publishes from the preview. The sentences are personal data: show them to the
matcher, never log them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from models.catalogue.scrubbing import sentence_gate
from models.catalogue.scrubbing.categories import exempted
from models.catalogue.scrubbing.public import units

# The list fields of a profile whose wordings are checked one by one, like the description's sentences.
TERM_FIELDS = ("occupations", "skills", "certificates")


@dataclass(frozen=True, slots=True)
class Hint:
    """One sentence (or list wording) to check, the profile field it is in and its span in that field."""

    field: str
    text: str
    start: int = 0
    end: int = 0


def sentence_hints(text: str, findings: Iterable = ()) -> list[Hint]:
    """The sentences of ``text`` the gate flags, except those overlapping a finding of the rules (the
    rules' own findings are shown, and block publishing, on their own) and those where the rules exempted
    a category word ("Geeft zwangerschapsyoga"), given what stood before the sentence on its line, as
    ``review`` judges it."""
    taken = [(f.start, f.end) for f in findings]
    out = []
    for start, end in units(text or ""):
        sentence = text[start:end].strip(" \t-–—|·•;")
        offset = start + text[start:end].find(sentence)
        span = (offset, offset + len(sentence))
        if sentence and not any(s < span[1] and span[0] < e for s, e in taken) and sentence_gate.flagged(sentence) \
                and not exempted(sentence, text[text.rfind("\n", 0, offset) + 1:offset]):
            out.append(Hint("description", sentence, *span))
    return out


def profile_hints(profile, description: str | None = None, findings: Iterable = ()) -> list[Hint]:
    """What to check in ``profile`` (a draft or a stored profile): the description's sentences (or those of
    ``description``, the matcher's edit) and each list wording."""
    text = profile.description if description is None else description
    out = sentence_hints(text, findings)
    for name in TERM_FIELDS:
        out += [Hint(name, term) for term in getattr(profile, name) or []
                if sentence_gate.flagged(term) and not exempted(term)]
    return out


@dataclass(frozen=True, slots=True)
class Withheld:
    """What a profile nobody read may show: its description and list wordings without what the gate flags."""

    description: str
    lists: dict[str, list[str]] = field(default_factory=dict)  # TERM_FIELDS -> the wordings kept
    count: int = 0  # sentences and wordings left out


def withhold(profile) -> Withheld:
    """``profile``'s (a draft's) public text for a publication nobody reads: the sentences and list
    wordings ``profile_hints`` flags are left out, the rest kept as written. A lost job sentence is lost
    content until a matcher publishes from the preview; a sentence that says something sensitive is not
    on the public page meanwhile."""
    found = profile_hints(profile)
    text = profile.description or ""
    for hint in sorted((h for h in found if h.field == "description"), key=lambda h: h.start, reverse=True):
        text = text[:hint.start] + text[hint.end:]
    text = re.sub(r"\s{2,}", " ", text).strip()
    flagged = {name: {h.text for h in found if h.field == name} for name in TERM_FIELDS}
    lists = {name: [t for t in getattr(profile, name) or [] if t not in flagged[name]] for name in TERM_FIELDS}
    return Withheld(text, lists, len(found))
