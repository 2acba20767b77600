"""Turn free text into what a public profile may say: whole sentences with a special category or
an identifier left out, the person's name and gendered words made neutral, no bracket markers.

``review(text, known_names)`` returns the public text and every removal with its kind and reason,
for the matcher's preview; ``check_term`` does the same for one list wording (a skill, a
certificate, an occupation). Pure functions: no Flask, no database. See docs/scrubbing.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from models.catalogue.scrubbing.categories import CATEGORIES, sensitive
from models.catalogue.scrubbing.folding import fold
from models.catalogue.scrubbing.gender import POSSESSIVE, SUBJECT, gendered
from models.catalogue.scrubbing.lexicon import ORDINARY_WORDS
from models.catalogue.scrubbing.names import context_names, known_name_pattern, known_names_in
from models.catalogue.scrubbing.scrub import detect
from models.catalogue.scrubbing.variants import called, capitals, known_name_variants, spaced

# Dutch words for each kind, as the matcher's preview shows them.
KIND_LABELS: dict[str, str] = {
    "name": "naam", "email": "e-mailadres", "phone": "telefoonnummer", "bsn": "BSN", "iban": "IBAN",
    "address": "adres", "postcode": "postcode", "date": "datum", "url": "link", "client_number": "klantnummer",
    "origin": "bijzonder persoonsgegeven: herkomst", "religion": "bijzonder persoonsgegeven: geloof",
    "health": "bijzonder persoonsgegeven: gezondheid", "orientation": "bijzonder persoonsgegeven: seksuele "
    "geaardheid of genderidentiteit", "political": "bijzonder persoonsgegeven: politieke voorkeur",
    "union": "bijzonder persoonsgegeven: vakbondslidmaatschap", "criminal": "strafrechtelijk gegeven",
    "pregnancy": "zwangerschap", "family": "gezinssituatie", "gender": "geslacht",
    "finances": "financiële situatie",
}
REASONS: dict[str, str] = {
    "identifier": "maakt de persoon herkenbaar",
    "special": "bijzonder persoonsgegeven (AVG art. 9-10): de hele zin is weggelaten",
    "ground": "grond waarop niet mag worden gediscrimineerd (AWGB): de hele zin is weggelaten",
    "sensitive": "gevoelig gegeven dat een werkgever niet mag wegen (schulden, schuldhulp, beslag, bewind): "
                 "de hele zin is weggelaten",
    "neutral": "vervangen door een neutrale aanduiding",
    "term": "deze omschrijving is niet in het openbare profiel opgenomen",
}
SPECIAL = frozenset({"origin", "religion", "health", "orientation", "political", "union", "criminal"})
GROUNDS = frozenset({"pregnancy", "family", "gender"})
SENSITIVE = frozenset({"finances"})  # no AVG category or AWGB ground, but stigmatising
IDENTIFIERS = ("email", "url", "iban", "phone", "bsn", "date", "postcode", "address", "name", "client_number")

# Sentence ends, line breaks and the separators of CV lines ("Naam | adres | tel").
_UNIT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9À-Ý])|(?<=[.!?])\s*$|\s*\n\s*|\s+[|·•]\s+|(?<!\d)\s+[–—]\s+(?!\d)|;\s+")
# A full stop after these is no sentence end: "Mw. Martina", "d.d. 4 april", "J. de Vries".
_ABBREVIATION = re.compile(r"(?:(?<!\w)(?:mw|mevr|dhr|mr|dr|ir|drs|ing|mej|ca|bijv|o\.a|d\.d|v\.d|t\.n\.v|nr|tel|"
                           r"geb|st|jl|resp|evt|incl|excl|i\.v\.m|m\.b\.t)|(?<![\w.'’])[A-Z])\.$", re.IGNORECASE)
_SELF_INTRO = re.compile(r"(?:ik ben|ik heet|mijn naam is|naam\s*:|roepnaam\s*:|groetjes|groet|hier)"
                         r"(?:\s+(?:eigenlijk|officieel|gewoon|echt|voluit|dus))?\s*$", re.IGNORECASE)
_MOTHER_TONGUE = re.compile(r"\s*\(\s*moedertaal\s*\)|,?\s+moedertaal(?=\s*[,;)]|$)", re.IGNORECASE)
_MARKER = re.compile(r"\[(?:naam|e-mail|telefoon|BSN|IBAN|adres|postcode|datum|link|klantnummer)\]\s*:?\s*")
_NAME_LABEL = re.compile(r"\s*:\s*(?=\S)")
_POSSESSIVE_NAME = re.compile(r"^(?:['’]s|['’]|s)(?!\w)")


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing kept off the public profile: its kind, what was there, and why (Dutch)."""

    kind: str
    text: str
    reason: str
    replacement: str | None = None

    @property
    def label(self) -> str:
        """The kind in Dutch ("bijzonder persoonsgegeven: gezondheid")."""
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class Review:
    """The public text and what was taken out or rewritten to get there."""

    text: str
    removals: tuple[Removal, ...]
    # (kind, start, end) in the original text: what was removed or rewritten, and every detection.
    spans: tuple[tuple[str, int, int], ...] = ()
    detections: tuple[tuple[str, int, int], ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.removals)


def units(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence or CV segment of ``text``."""
    out, pos = [], 0
    for m in _UNIT_END.finditer(text):
        if text[m.start() - 1:m.start()] == "." and _ABBREVIATION.search(text[max(0, m.start() - 8):m.start()]) \
                and m.end() < len(text):
            continue
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _why_drop(unit: str, known: list[str], extra: list[tuple[str, int, int]],
              context: str = "") -> tuple[str, str] | None:
    """(kind, reason key) when ``unit`` must go as a whole, else None; ``context`` is what stood before
    it on its line (a CV line's occupation before its employer)."""
    for kind, _s, _e in sorted(sensitive(_MOTHER_TONGUE.sub("", unit), context),
                               key=lambda s: CATEGORIES.index(s[0])):
        return kind, "special" if kind in SPECIAL else "sensitive" if kind in SENSITIVE else "ground"
    for start, end, neutral in gendered(unit):
        if neutral is None:
            return "gender", "ground"
    findings = detect(unit, known) + [_Finding(k, s, e) for k, s, e in extra]
    names = _own_name_spans(unit, known)
    strong = _strong_names(unit)
    for f in findings:
        if f.kind != "name":
            return f.kind, "identifier"
        own = any(_overlaps((f.start, f.end), n) for n in names)
        if own and _SELF_INTRO.search(unit[:f.start]):
            return "name", "identifier"  # "Ik ben Fatima": no neutral rewrite
        if not own and any(_overlaps((f.start, f.end), n) for n in strong):
            return "name", "identifier"  # someone else's name
    return None


@dataclass(frozen=True, slots=True)
class _Finding:
    kind: str
    start: int
    end: int


def _strong_names(unit: str) -> list[tuple[int, int]]:
    """Names of other people that a lexicon, title or context vouches for (not a mere capital)."""
    spans = [*context_names(unit, strong_only=True), *context_names(fold(unit), strong_only=True),
             *capitals(unit), *spaced(unit), *called(unit)]
    return [(s, e) for _k, s, e in spans]


def _own_name_spans(unit: str, known: list[str]) -> list[tuple[int, int]]:
    """Where the person's own names stand in ``unit`` (in any case, spelling or spacing)."""
    if not known:
        return []
    spans = [*known_names_in(unit, known_name_pattern(known)), *known_names_in(fold(unit), known_name_pattern(
        [fold(n) for n in known])), *known_name_variants(unit, known)]
    spaced_out = [(s, e) for _k, s, e in spaced(unit)]
    return [(s, e) for _k, s, e in spans] + spaced_out


def _rewrite(unit: str, known: list[str]) -> tuple[str, list[Removal], list[tuple[str, int, int]]]:
    """``unit`` with the person's names and gendered words made neutral."""
    edits: list[tuple[int, int, str, str]] = []  # start, end, replacement, kind
    own = _own_name_spans(unit, known)
    for f in detect(unit, known):
        if f.kind == "name" and any(_overlaps((f.start, f.end), n) for n in own):
            tail = _POSSESSIVE_NAME.match(unit[f.end:]) if not f.text.endswith(("'s", "’s")) else None
            possessive = f.text.endswith(("'s", "’s")) or bool(tail)
            end = f.end + (tail.end() if tail else 0)
            edits.append((f.start, end, POSSESSIVE if possessive else SUBJECT, "name"))
    for start, end, neutral in sorted(gendered(unit), key=lambda g: (g[0], -(g[1] - g[0]))):
        edits.append((start, end, neutral or "", "gender"))
    for m in _MOTHER_TONGUE.finditer(unit):
        edits.append((m.start(), m.end(), "", "origin"))
    for m in _MARKER.finditer(unit):
        edits.append((m.start(), m.end(), "", "marker"))
    # A title before a name ("Mevrouw Yilmaz") is one mention of the person.
    edits.sort(key=lambda e: (e[0], -(e[1] - e[0])))
    merged: list[tuple[int, int, str, str]] = []
    for edit in edits:
        if merged and edit[0] < merged[-1][1]:
            continue
        if merged and merged[-1][2] == SUBJECT and edit[2] in (SUBJECT, POSSESSIVE) and \
                unit[merged[-1][1]:edit[0]].strip() == "" and edit[3] == "name":
            prev = merged.pop()
            edit = (prev[0], edit[1], edit[2] if edit[2] == POSSESSIVE else SUBJECT, "name")
        merged.append(edit)
    # The name as a header's label ("Jan de Vries: Gemotiveerde werkzoekende") goes with its colon;
    # "De kandidaat: Gemotiveerde werkzoekende" reads as a leftover marker.
    if merged and merged[0][0] == 0 and merged[0][3] == "name" and merged[0][2] == SUBJECT \
            and (label := _NAME_LABEL.match(unit, merged[0][1])):
        merged[0] = (0, label.end(), "", "name")
    removals, parts, pos = [], [], 0
    spans = [(kind, start, end) for start, end, _r, kind in merged]
    for start, end, replacement, kind in merged:
        parts.append(unit[pos:start])
        original = unit[start:end]
        if start == 0 or re.search(r"[.!?:]\s*$", "".join(parts)):
            replacement = replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement
        elif replacement.startswith("De ") or replacement == "Diens":
            replacement = replacement.lower()
        parts.append(replacement)
        pos = end
        if kind != "marker":
            removals.append(Removal(kind, original.strip().rstrip(":"), REASONS["neutral"] if kind != "origin"
                                    else "de taal blijft staan, het woord moedertaal niet", replacement))
    parts.append(unit[pos:])
    text = re.sub(r"\s{2,}", " ", "".join(parts)).strip()
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    if text[:1].islower() and unit[:1].isupper():
        text = text[:1].upper() + text[1:]
    return text, removals, spans


# Leave named by its article after a sentence that told a pregnancy is that pregnancy's leave: "Selin is
# zwanger. Ze wil na het verlof weer aan de slag."
_LEAVE = re.compile(r"(?<![\w\-])(?:het|haar|mijn|m'n|mn|d'r|dat|dit) verlof(?![\w\-])", re.IGNORECASE)


def review(text: str, known_names: Iterable[str] = (), extra: Iterable[tuple[str, int, int]] = ()) -> Review:
    """What ``text`` may say publicly, and each removal with its kind and reason.

    ``known_names`` are the person's own names; ``extra`` are further identifier spans of ``text``
    (the client number) that no generic pattern knows.
    """
    known = [n for n in known_names if n and n.strip()]
    extra = list(extra)
    kept: list[str] = []
    removals: list[Removal] = []
    spans: list[tuple[str, int, int]] = []
    detections: list[tuple[str, int, int]] = []
    told: set[str] = set()  # the kinds of the sentences left out so far
    for start, end in units(text or ""):
        unit = text[start:end].strip(" \t-–—|·•;")
        if not unit:
            continue
        offset = start + text[start:end].find(unit)
        local = [(k, s - offset, e - offset) for k, s, e in extra if offset <= s and e <= offset + len(unit)]
        context = text[text.rfind("\n", 0, offset) + 1:offset]
        detections += [(k, s + offset, e + offset) for k, s, e in _detections(unit, known, context)]
        detections += [(k, s + offset, e + offset) for k, s, e in local]
        why = _why_drop(unit, known, local, context)
        if not why and "pregnancy" in told and (leave := _LEAVE.search(unit)):
            why = ("pregnancy", "ground")
            detections.append(("pregnancy", offset + leave.start(), offset + leave.end()))
        if why:
            kind, reason = why
            told.add(kind)
            removals.append(Removal(kind, unit, REASONS[reason]))
            spans.append((kind, offset, offset + len(unit)))
            continue
        rewritten, changes, edits = _rewrite(unit, known)
        removals += changes
        spans += [(k, s + offset, e + offset) for k, s, e in edits]
        if rewritten.rstrip(".").lower() in (SUBJECT, POSSESSIVE, ""):
            continue  # a line that held only the name ("MOHAMED EL AMRANI") says nothing else
        kept.append(rewritten)
    public = _join(kept)
    return Review(public, tuple(removals), tuple(spans), tuple(detections))


def _detections(unit: str, known: list[str], context: str = "") -> list[tuple[str, int, int]]:
    """What the review acts on: identifiers, the person's own and vouched-for names, categories."""
    names = _own_name_spans(unit, known) + _strong_names(unit)
    found = [(f.kind, f.start, f.end) for f in detect(unit, known)
             if f.kind != "name" or any(_overlaps((f.start, f.end), n) for n in names)]
    found += sensitive(unit, context)
    found += [("gender", s, e) for s, e, _n in gendered(unit)]
    return found


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif re.search(r"[.!?]$", out):
            out += " " + part[:1].upper() + part[1:]
        else:
            out += ". " + part[:1].upper() + part[1:]
    return out


def check_term(term: str, known_names: Iterable[str] = ()) -> tuple[str | None, tuple[Removal, ...]]:
    """A list wording as the public profile may show it (gendered words made neutral), or None
    with the reason when it carries an identifier or a special category and must be left out."""
    known = [n for n in known_names if n and n.strip()]
    first = re.match(r"[^\W\d_]+", term)
    if first and term[:1].isupper() and first.group().lower() in ORDINARY_WORDS and term[len(first.group()):len(first.group()) + 1] != "." \
            and first.group().lower() in {w.lower() for n in known for w in re.split(r"[\s\-]+", n)}:
        # "Bakker (MBO niveau 2)" for Kees Bakker: a list wording that opens with an occupation is the
        # occupation; the person's ordinary-word surname counts only with its capital inside a text
        lowered = term[:1].lower() + term[1:]
        public, removals = check_term(lowered, known)
        return (public[:1].upper() + public[1:] if public else public), removals
    why = _why_drop(term, known, [])
    # A name in a list wording is left out: the person's own, or one a lexicon, shape or context
    # vouches for ("Priscilla Vermeulen", "Tesfay Gebremedhin"); two capitalised job words
    # ("Schoonmaak Ziekenhuis", "VCA Basis") are no name.
    names = _own_name_spans(term, known) + _strong_names(term)
    if why is None and any(f.kind == "name" and any(_overlaps((f.start, f.end), n) for n in names)
                           for f in detect(term, known)):
        why = ("name", "identifier")
    if why:
        return None, (Removal(why[0], term, REASONS["term"]),)
    rewritten, changes, _spans = _rewrite(term, known)
    return rewritten or None, tuple(changes)
