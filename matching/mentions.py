"""Find taxonomy concepts mentioned in free text ("Ik heb op de heftruk gereden") with a Linker."""
from __future__ import annotations

from dataclasses import dataclass

from matching.linker import Linker
from matching.text import tokens

# Words that never start or end a mention on their own: they only glue a sentence together.
GLUE = frozenset(
    "de het een en of van in op te voor met aan bij als om tot door over uit naar dat die dit deze er ook"
    " niet wel maar dan nog al ik je jij u wij we ze zij hij mijn ons onze heb hebt heeft hebben ben bent"
    " is was waren wordt worden word kan kunnen zal moet wil graag zo veel per jaar week jaren gewerkt"
    " werk werken gedaan eerder lang bij ervaring".split())
MIN_CONFIDENCE = 0.85  # free text is noisy: only near-certain mentions count
DISCOUNT = 0.8  # a mention in passing weighs less than a skill the person listed


@dataclass(frozen=True)
class Mention:
    """A concept found in text: id, the words that named it, confidence (already discounted)."""

    concept_id: str
    words: str
    confidence: float


def phrases(text: str, longest: int = 3) -> list[str]:
    """Runs of 1..longest tokens that neither start nor end with a glue word, longest first."""
    words = tokens(text)
    out: list[str] = []
    for size in range(longest, 0, -1):
        for i in range(len(words) - size + 1):
            run = words[i: i + size]
            if run[0] in GLUE or run[-1] in GLUE or len(run[-1]) < 3:
                continue
            out.append(" ".join(run))
    return list(dict.fromkeys(out))


def mentions(text: str, linker: Linker, kind: str | None = "skill",
             threshold: float = MIN_CONFIDENCE, discount: float = DISCOUNT) -> list[Mention]:
    """Concepts (of `kind`) that a phrase of `text` names with confidence >= threshold; best per concept."""
    return mentions_many([text], linker, kind, threshold, discount)[0]


def mentions_many(texts: list[str], linker: Linker, kind: str | None = "skill",
                  threshold: float = MIN_CONFIDENCE, discount: float = DISCOUNT) -> list[list[Mention]]:
    """`mentions` for many texts with one batched linker call; phrases of up to three words."""
    runs = [phrases(t) for t in texts]
    unique = list(dict.fromkeys(p for r in runs for p in r))  # phrases repeat a lot across people
    linked = dict(zip(unique, linker.link_many(unique, kind=kind, threshold=threshold) if unique else []))
    out = []
    for r in runs:
        found: dict[str, Mention] = {}
        for run in r:
            hits = linked[run]
            if hits and (best := hits[0]).confidence >= threshold:
                conf = round(best.confidence * discount, 4)
                if best.concept_id not in found or found[best.concept_id].confidence < conf:
                    found[best.concept_id] = Mention(best.concept_id, run, conf)
        out.append(sorted(found.values(), key=lambda m: (-m.confidence, m.concept_id)))
    return out


__all__ = ["Mention", "mentions", "mentions_many", "phrases"]
