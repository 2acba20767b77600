"""Find and replace personal data in consultants' free text before it reaches a public profile.

`detect` lists what looks personal; `scrub` replaces each finding with a Dutch placeholder such as
"[naam]". Both are pure functions: no Flask, no database, no model loading. See docs/scrubbing.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from models.catalogue.scrubbing.folding import fold
from models.catalogue.scrubbing.names import _is_first_name, context_names, known_name_pattern, known_names_in
from models.catalogue.scrubbing.patterns import DETECTORS
from models.catalogue.scrubbing.variants import variant_spans

_ARTICLE = re.compile(r"(?<!\w)(?:de|het|een|deze|die|dat|dit|elk|elke|geen)\s+$", re.IGNORECASE)
# A surname in a company's name is the employer ("Bakker Logistiek", "Bakkerij Jansen"), not the person.
_COMPANY_AFTER = re.compile(r"^\s+(?:Logistiek|Transport|Installatietechniek|Installaties|Techniek|Bouw|Bouwbedrijf|"
                            r"Schilderwerken|Schilders|Schoonmaak|Groep|Holding|Metaal|Tuinen|Hoveniers|Catering|"
                            r"Uitzendbureau|Personeelsdiensten|Administratie|Advies|Elektro|Loodgieters|Dakwerken|"
                            r"Verhuizingen|Koeriers|Keukens|Interieur|Vastgoed|Autoschade|Banden|B\.?V\.?|V\.?O\.?F\.?|"
                            r"Verpakkingen|Verpakking|Productie|Recycling|Services|Diensten|Handel|Import|Export|"
                            r"Groenvoorziening|Herstel|Infra|Montage|Onderhoud|Reiniging|Beveiliging|Verhuur|Detachering|"
                            r"en Zn\.?|& Zn\.?|& Zonen|en Zonen|& Co\.?|en Co\.?|& Partners|en Partners)(?!\w)")
_COMPANY_WORDS = (r"Bakkerij|Slagerij|Garage|Autobedrijf|Kapsalon|Transportbedrijf|Schildersbedrijf|"
                  r"Installatiebedrijf|Loonbedrijf|Hoveniersbedrijf|Bouwbedrijf|Aannemersbedrijf|Firma|Fa\.|"
                  r"Kwekerij|Drukkerij|Timmerbedrijf|Schoonmaakbedrijf|Cafetaria|Snackbar|Restaurant|"
                  r"Supermarkt|Boerderij|Melkveebedrijf|Tuincentrum|Rijschool|Stichting|Vereniging|[Ff]amiliebedrijf")
# also written in lower case inside a sentence ("transportbedrijf Van der Linden"), and any "-bedrijf"
_COMPANY_BEFORE = re.compile(rf"(?<![\w\-])(?:(?i:{_COMPANY_WORDS})|[a-z][a-z\-]*bedrijf)\s+$")
_OF_COMPANY = re.compile(r"\s(?:van|bij)$")
# "Warme Bakker Friesland", "Visser Zeeland": a trade word that is also a surname, before a region, names a firm
_REGION_AFTER = re.compile(r"^\s+(?:Nederland|Holland|Friesland|Groningen|Drenthe|Overijssel|Flevoland|Gelderland|"
                           r"Utrecht|Noord-Holland|Zuid-Holland|Zeeland|Brabant|Noord-Brabant|Limburg|Twente|"
                           r"Achterhoek|Veluwe|West-Friesland|Randstad|Benelux|Noord|Zuid|Oost|West)(?![\w\-])")
_HONORIFIC_BEFORE = re.compile(r"(?i:meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|heer|mr\.?|dr\.?)\s+$")
_TRADE_SURNAMES = frozenset({"bakker", "visser", "kok", "smit", "smid", "mulder", "molenaar", "brouwer", "dekker",
                             "kramer", "kuiper", "jager", "schipper", "koopman", "timmerman", "schilder", "slager",
                             "boer", "metselaar", "verver", "wever", "schoenmaker", "kapper", "hovenier"})
# "Stichting Groen Herstel" read as one name: the company word opens it
_COMPANY_START = re.compile(rf"(?:{_COMPANY_WORDS})\s")

PLACEHOLDERS: dict[str, str] = {
    "name": "[naam]",
    "email": "[e-mail]",
    "phone": "[telefoon]",
    "bsn": "[BSN]",
    "iban": "[IBAN]",
    "address": "[adres]",
    "postcode": "[postcode]",
    "date": "[datum]",
    "url": "[link]",
}

# On overlap the earlier kind wins: an IBAN's digit groups are no phone number, and a street
# named after a person ("Jan van Nassaustraat 12") is an address, not a name.
PRIORITY: tuple[str, ...] = ("email", "url", "iban", "phone", "bsn", "date", "postcode", "address",
                             "name")


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of personal data: its kind, its [start, end) offsets and the text found there."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Scrubbed:
    """Text with every finding replaced by its placeholder, and the findings in text order."""

    text: str
    findings: tuple[Finding, ...]


def _merge_names(spans: list[tuple[str, int, int]], text: str) -> list[tuple[str, int, int]]:
    """Join name spans that overlap or touch across a space ("Fatima" + "el Amrani")."""
    merged: list[tuple[str, int, int]] = []
    for kind, start, end in sorted(spans, key=lambda s: (s[1], -s[2])):
        if merged and (start <= merged[-1][2] or text[merged[-1][2]:start] == " "):
            merged[-1] = (kind, merged[-1][1], max(end, merged[-1][2]))
        else:
            merged.append((kind, start, end))
    return merged


def detect(text: str, known_names: Iterable[str] = (), *, variants: bool = True) -> list[Finding]:
    """Return the personal data in `text`, sorted by position and never overlapping.

    `known_names` are the person's own names (first, last, full); they are found in any case,
    with initials and possessives. Placeholders produced by `scrub` are never reported.
    ``variants=False`` leaves out the variant detectors (the scrubber before issue 14; the bench's baseline).
    """
    if not text:
        return []
    return list(_detect(text, tuple(n for n in known_names if n), variants))


@lru_cache(maxsize=2048)
def _detect(text: str, known_names: tuple[str, ...], variants: bool) -> tuple[Finding, ...]:
    """`detect`, remembered: the public review asks the same sentence several times."""
    folded = fold(text)  # same offsets; "06 – 12", non-breaking hyphens and spaces read as plain ones
    spans = [span for detector in DETECTORS for span in detector(folded)]
    found = variant_spans(text, known_names) if variants else []
    spans += [s for s in found if s[0] != "name"]
    names = list(known_names_in(text, known_name_pattern(known_names))) + list(context_names(text))
    names += [s for s in found if s[0] == "name"]
    # "op een kerkhof" for Romano Kerkhof: a lower-case word after an article is the ordinary noun.
    names = [s for s in names if not (text[s[1]:s[2]].islower() and _ARTICLE.search(text[max(0, s[1] - 8):s[1]]))]
    # "dhr. Peters van Installatietechniek Noord" is a person of the company, not its name
    names = [s for s in names if not (_COMPANY_AFTER.match(text[s[2]:s[2] + 30]) and not _OF_COMPANY.search(text[s[1]:s[2]]) or
                                      _COMPANY_BEFORE.search(text[max(0, s[1] - 30):s[1]]) or
                                      _COMPANY_START.match(text[s[1]:s[2]]) or
                                      (text[s[1]:s[2]].split()[-1].lower() in _TRADE_SURNAMES and
                                       not any(_is_first_name(w) for w in text[s[1]:s[2]].split()) and
                                       not _HONORIFIC_BEFORE.search(text[max(0, s[1] - 12):s[1]]) and
                                       _REGION_AFTER.match(text[s[2]:s[2] + 30])))]
    spans += _merge_names(names, text)
    spans += _own_sites(folded, known_names)
    taken: list[tuple[int, int]] = []
    chosen: list[Finding] = []
    rank = {kind: i for i, kind in enumerate(PRIORITY)}
    for kind, start, end in sorted(spans, key=lambda s: (rank[s[0]], s[1] - s[2])):
        if start >= end or any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append(Finding(kind, start, end, text[start:end]))
    return tuple(sorted(chosen, key=lambda f: f.start))


_SITE = re.compile(r"(?<![\w@.\-])(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}(?:/[^\s,;)]*)?(?<![.!?])",
                   re.IGNORECASE)


def _own_sites(folded: str, known_names: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """Web addresses that spell the person's full name ("maritbrandsma.foto", "www.piet-jansen.nl" for
    Piet Jansen): other web addresses are kept, but this one points at the person."""
    keys = set()
    for name in known_names:
        parts = [p for p in re.split(r"[\s\-]+", fold(name).lower()) if p]
        if len(parts) > 1:
            keys |= {"".join(parts), parts[0] + parts[-1]}
    if not keys:
        return []
    return [("url", m.start(), m.end()) for m in _SITE.finditer(folded)
            if "." in m.group() and any(k in re.sub(r"[\-.]", "", m.group().lower()) for k in keys)]


def scrub(text: str, known_names: Iterable[str] = ()) -> Scrubbed:
    """Replace every finding of `detect` with its Dutch placeholder; idempotent."""
    findings = detect(text, known_names)
    parts: list[str] = []
    pos = 0
    for finding in findings:
        parts.append(text[pos:finding.start])
        parts.append(PLACEHOLDERS[finding.kind])
        pos = finding.end
    parts.append(text[pos:])
    return Scrubbed("".join(parts), tuple(findings))
