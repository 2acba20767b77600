"""Gendered words about the person, each with its neutral Dutch rewrite ("hij" -> "de kandidaat").

``gendered(text)`` yields (start, end, replacement); a replacement of None means the word has no
neutral form and the sentence must go ("als vrouw in de techniek"). Pure, no Flask.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from models.catalogue.scrubbing.folding import fold

DATA = Path(__file__).parent / "data"
SUBJECT = "de kandidaat"
OBJECT = "deze persoon"
POSSESSIVE = "diens"

_WORD = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?|[^\w\s]")
_TITLE = re.compile(r"(?<!\w)(?:de heer|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|juffrouw|mej\.?"
                    # a letter's salutation: "Geachte heer Bakkali", "Beste heer"
                    r"|(?<=geachte )heer|(?<=beste )heer|(?<=waarde )heer"
                    # "heer" without its article before a surname in a note: "Gesprek met heer Scholten"
                    r"|(?<![\w\-])(?<!de )(?-i:heer)(?=\s+(?-i:[A-Z])[a-z]))(?!\w)", re.IGNORECASE)
_PLURAL_EXCEPTIONS = frozenset(["een", "geen", "even", "heen", "tussen", "boven", "beneden", "binnen", "buiten", "open", "tegen", "volgen", "meen", "ben"])
_HAIR = frozenset(["knippen", "verven", "wassen", "fohnen", "föhnen", "drogen", "stylen", "kleuren", "vlechten", "krullen",
                   "steil"])
_HAIR_BEFORE = frozenset(["het", "kort", "lang", "blond", "zwart", "bruin", "grijs", "krullend", "knipt", "knipte",
                          "knippen", "verft", "verfde", "wast", "waste", "fohnt", "föhnt", "kamt", "borstelt", "vlecht",
                          "stylt", "kleurt"])
_OBJECT_NEXT = frozenset(["op", "aan", "af", "te", "terug", "niet", "wel", "ook", "graag", "in", "uit", "mee", "bij", "voor", "nog", "al", "erg", "heel", "goed", "even", "dan", "om", "over", "en", "of", "want", "maar", "dat", "die", "is", "was", "heeft", "had", "kan", "wil", "mag", "zal", "zou", "moet", "gebeld", "geholpen", "gevraagd", "verteld", "uitgelegd", "aangeraden", "geadviseerd", "gesproken"])
_VERB_NEXT = frozenset(["er", "ze", "we", "wij", "jullie", "u", "de", "het", "die", "dit", "dat", "deze", "niet", "wel", "ook", "al", "nog", "heel", "erg", "zeer", "geweest", "gebleven", "gekomen", "gegaan", "goed", "blij", "tevreden", "beschikbaar",
                        # "De kandidaten zijn gemotiveerd en zijn allemaal bereid": no noun follows a possessive so
                        "allemaal", "allen", "beiden", "samen", "altijd", "vaak", "soms", "meestal", "nooit", "daar",
                        "hier", "bereid", "klaar", "bezig", "aanwezig", "welkom", "nodig", "bekend", "werkzaam",
                        "gemotiveerd", "enthousiast", "flexibel", "inzetbaar"])
_POSSESSIVE_BEFORE = frozenset(["heeft", "had", "met", "van", "voor", "in", "op", "bij", "aan", "door", "over", "naar", "uit", "om", "tijdens", "na", "en", "maar", "doet", "deed", "kent", "toont", "haalt", "haalde", "rijdt", "gebruikt", "vindt", "neemt", "behaalde", "behaald", "verloor", "verliest", "ziet", "zag", "mist", "miste", "is", "was", "wil", "kan", "mag", "zijn",
                                # what others judge of the person's conduct: "De werkgever vond zijn houding goed"
                                "vond", "kende", "toonde", "nam", "gaf", "geeft", "liet", "laat", "prees", "prijst",
                                "waardeert", "waardeerde", "noemde", "bekeek", "beoordeelde", "beoordeelt", "besprak",
                                "bespreekt", "verbeterde", "verbetert", "sinds"])
_OBJECT_PRONOUNS = frozenset(["mij", "me", "ons", "jou", "je", "jullie", "u", "hen", "hun", "elkaar"])
_SUBJECT_PLURAL = frozenset(["we", "wij", "ze", "zij", "jullie"])
# "ie" is spoken "hij" after a verb ("kan ie") or a conjunction that opens a clause ("dat ie", "als ie").
_IE_VERBS = frozenset(["wil", "kan", "is", "heeft", "was", "had", "mag", "moet", "zal", "komt", "doet", "gaat",
                       "werkt", "belt", "zegt", "wordt", "zou", "kon", "wou", "wilde", "ging", "kwam", "deed"])
_IE_BEFORE = _IE_VERBS | frozenset(["dat", "als", "of", "omdat", "toen", "zodat", "wat", "waar", "want", "nu",
                                    "voordat", "nadat", "terwijl", "hoe", "wanneer", "tot", "zodra", "sinds", "die",
                                    "dan", "maar", "en"])


# What only a thing undergoes, after "hem" (a "de" word: the link, the form, the VOG): received ("binnen" at
# the clause's end, not "binnen een week"), downloaded,
# printed, filled in, uploaded, saved, opened, signed, installed, sent as a file.
_THING_AFTER = re.compile(r"\s+(?:(?:niet|nog|al|wel|ook|even|snel|net|gisteren|vandaag)\s+){0,2}(?:binnen(?=\s*(?:[.,;:!?)]|$))|gedownload|"
                          r"downloaden|geprint|printen|uitgeprint|ingevuld|invullen|geupload|geüpload|uploaden|"
                          r"opgeslagen|opslaan|geopend|openen|ondertekend|ondertekenen|geinstalleerd|geïnstalleerd|"
                          r"installeren|als (?:pdf|bijlage|foto|scan)|in de bijlage)(?![\w\-])",
                          re.IGNORECASE)


@lru_cache(maxsize=1)
def _nouns() -> tuple[dict[str, str], re.Pattern[str]]:
    table: dict[str, str] = {}
    for line in (DATA / "gender.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            word, neutral = line.split("\t", 1)
            table[fold(word).lower()] = neutral.strip()
    # a compound ending in a female job noun is rewritten too: "groepsleidster" -> "groepsleider"
    pattern = re.compile(r"(?<![\w\-])([^\W\d_]{3,}?(?<=[a-z])(?=[a-z]))?(" + "|".join(
        sorted(map(re.escape, (w for w in table if " " not in w)), key=len, reverse=True))
        + r")(?![\w\-])|(?<![\w\-])()(" + "|".join(sorted(map(re.escape, (w for w in table if " " in w)),
                                                            key=len, reverse=True)) + r")(?![\w\-])", re.IGNORECASE)
    return table, pattern


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _word(tokens: list[re.Match[str]], i: int) -> str:
    return tokens[i].group().lower() if 0 <= i < len(tokens) else ""


def _verbish_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("en") and word not in _PLURAL_EXCEPTIONS


def _she_is_singular(tokens: list[re.Match[str]], i: int) -> bool:
    """ "zij werkt" / "werkt ze" is one woman; "ze werken" / "werken ze" is they."""
    nxt, prev = _word(tokens, i + 1), _word(tokens, i - 1)
    if _word(tokens, 0) in ("de", "het", "een") and _word(tokens, i - 2) in ("en", "of", "maar") and prev.isalpha() \
            and not {_word(tokens, j) for j in range(i)} & {"hij", "zij", "ze", "ie"}:
        # "Het servicepunt ontvangt vacatures en koppelt ze aan kandidaten": the subject opened the sentence and
        # the verb after "en" shares it, so ze is the object (them)
        return False
    if prev in _SINGULAR_MODALS and _verbish_plural(nxt) and _clause_opener(tokens, i - 1) in _INVERSION_OPENERS:
        # "Op maandag kan ze werken", "Daarna wil ze starten": a singular verb before ze, the clause opened by an
        # adverbial (verb second), so ze is its subject and the verb after it the infinitive; "Hij kan ze helpen"
        # has its subject before the verb and keeps ze as the object
        return True
    if nxt in _OBJECT_PRONOUNS:
        nxt = _word(tokens, i + 2)  # "dat ze mij misten": the verb follows the object
    if _verbish_plural(nxt) or nxt in ("zijn", "waren", "hebben", "kunnen", "willen", "moeten", "zullen"):
        return False
    if prev in ("zijn", "waren", "hebben", "kunnen", "willen", "moeten", "zullen") or (
            _verbish_plural(prev) and not prev.endswith("den") or prev in ("werken", "wonen")):
        return False
    if prev in _SUBORDINATORS:
        # "hoe ze een middel moeten innemen": in a subordinate clause the finite verb stands at its end
        for j in range(i + 1, min(len(tokens), i + 9)):
            word = _word(tokens, j)
            if not word[:1].isalpha():
                break
            if word in _PLURAL_FINITE:
                return False
            if word in _SINGULAR_FINITE:
                break
    return True


_SINGULAR_MODALS = frozenset(["kan", "wil", "moet", "mag", "zal", "kon", "wilde", "moest", "mocht", "zou", "gaat", "ging"])
_INVERSION_OPENERS = frozenset(["op", "in", "na", "vanaf", "tot", "tijdens", "voor", "met", "door", "bij", "dan", "daarna",
                                "daarom", "nu", "straks", "morgen", "vandaag", "volgende", "vorige", "deze", "alleen",
                                "ook", "verder", "soms", "vaak", "meestal", "overdag", "eerst", "later", "binnenkort",
                                "waarschijnlijk", "misschien", "eventueel", "zo", "dus", "toen", "hier", "daar", "thuis"])


def _clause_opener(tokens: list[re.Match[str]], i: int) -> str:
    """The first word of the clause that token ``i`` stands in (after . ! ? ; : or the start)."""
    j = i
    while j > 0 and _word(tokens, j - 1) not in (".", "!", "?", ";", ":"):
        j -= 1
    return _word(tokens, j)


_SUBORDINATORS = frozenset(["hoe", "dat", "als", "wat", "waar", "wanneer", "omdat", "zodat", "of", "zodra", "terwijl",
                            "voordat", "nadat", "totdat", "tot", "welke", "waarom", "waarmee", "waarin"])
_PLURAL_FINITE = frozenset(["moeten", "kunnen", "willen", "mogen", "zullen", "hebben", "worden", "gaan", "waren",
                            "hadden", "konden", "wilden", "moesten", "mochten", "zouden", "werden", "gingen"])
_SINGULAR_FINITE = frozenset(["moet", "kan", "wil", "mag", "zal", "heeft", "wordt", "gaat", "was", "had", "kon",
                              "wilde", "moest", "mocht", "zou", "werd", "ging", "is"])


# A letter to an unknown reader: "Geachte heer, mevrouw", "Beste heer/mevrouw", "mevrouw of meneer".
_ANY_READER = re.compile(r"(?<!\w)(?:(?:geachte|beste|waarde)\s+)?(?:heer|meneer|mevrouw)\s*(?:,|/|\bof\b|\ben\b)\s*"
                         r"(?:heer|meneer|mevrouw)(?!\w)", re.IGNORECASE)
# What a possessive after them refers to: "zodat iedereen aan zijn uren kwam" is no one in particular.
_GENERIC_OWNERS = frozenset(["iedereen", "niemand", "iemand", "ieder", "elk", "elke", "eenieder", "wie"])


def _generic_owner(tokens: list[re.Match[str]], i: int) -> bool:
    """Whether the nearest possible owner before the possessive at ``i`` in its clause is no one in particular."""
    for j in range(i - 1, max(-1, i - 10), -1):
        word = _word(tokens, j)
        if word in (".", "!", "?", ";", ":") or word in ("hij", "zij", "ze", "ie", "kandidaat", "kandidate"):
            return False
        if word in _GENERIC_OWNERS:
            return True
    return False


# "Referentie van de leidinggevende: hij was tevreden": the pronoun after the colon is the referee.
_REFEREE = re.compile(r"\breferentie\w* (?:van|door|bij) (?:de|het|een|mijn|zijn|haar|diens|oud-) ?(?:[\w\-]+ ){0,2}?"
                      r"[\w\-]+\s*:\s*(hij|zij|ze)\b", re.IGNORECASE)


def gendered(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Yield (start, end, neutral replacement or None) for every gendered word about the person."""
    tokens = _tokens(text)
    referees = {m.start(1) for m in _REFEREE.finditer(text)}
    for i, tok in enumerate(tokens):
        if tok.start() in referees:
            continue
        word = tok.group().lower().replace("’", "'")
        nxt, prev = _word(tokens, i + 1), _word(tokens, i - 1)
        if word in ("hij", "ie"):
            # "ie is een aanpakker": at the start of a sentence, spoken "hij" when a verb follows
            if word == "ie" and prev not in _IE_BEFORE and not (
                    nxt in _IE_VERBS and re.search(r"(?:^|[.!?:;]\s*)$", text[:tok.start()])):
                continue
            yield tok.start(), tok.end(), SUBJECT
        elif word in ("zij", "ze"):
            if _she_is_singular(tokens, i):
                yield tok.start(), tok.end(), SUBJECT
        elif word == "hem":
            if _THING_AFTER.match(text, tok.end()):
                continue  # "kreeg hem niet binnen", "heb hem als pdf": a link, a form, a file
            yield tok.start(), tok.end(), OBJECT
        elif word == "haar":
            if nxt in _HAIR or prev in _HAIR_BEFORE or prev == "van" and _word(tokens, i - 2) in _HAIR:
                continue  # "het haar", "haar knippen", "het knippen en föhnen van haar": the hair
            if not nxt or not nxt[0].isalpha() or nxt in _OBJECT_NEXT:
                yield tok.start(), tok.end(), OBJECT
            else:
                yield tok.start(), tok.end(), POSSESSIVE
        elif word == "zijn":
            at_start = i == 0 or not tokens[i - 1].group()[0].isalnum() and tokens[i - 1].group() in ".!?;:(-•"
            if prev in _SUBJECT_PLURAL or nxt in _VERB_NEXT or prev in ("te", "kunnen", "moet", "moeten", "zal",
                                                                        "zullen", "kan", "wil", "mag", "dan"):
                continue
            if _generic_owner(tokens, i):
                continue
            if prev in _POSSESSIVE_BEFORE or at_start:
                yield tok.start(), tok.end(), POSSESSIVE
        elif word in ("z'n", "d'r") or word == "zn" and tok.group() == "zn" and text[tok.end():tok.end() + 1] != ".":
            if word == "z'n" and _generic_owner(tokens, i):
                continue
            yield tok.start(), tok.end(), POSSESSIVE
    readers = [m.span() for m in _ANY_READER.finditer(text)]
    for m in _TITLE.finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in readers):
            continue  # "Geachte heer, mevrouw": the unknown reader of a letter, no one's gender
        yield m.start(), m.end(), SUBJECT
    folded = fold(text)
    table, pattern = _nouns()
    for m in pattern.finditer(folded):
        prefix, word = (m.group(1) or m.group(3) or ""), (m.group(2) or m.group(4))
        yield m.start(), m.end(), text[m.start():m.start() + len(prefix)] + table[word.lower()]
    for m in re.finditer(r"(?<!\w)een (man|vrouw|jongen|meid|meisje) van(?!\w)", folded, re.IGNORECASE):
        yield m.start(), m.start() + len(m.group()) - 4, "iemand"
    for m in re.finditer(r"\s*\((?:man|vrouw|m|v)\)", folded, re.IGNORECASE):
        yield m.start(), m.end(), ""
    # a form's field: "Geslacht: man", "gender: v" has no neutral form; the field goes
    for m in re.finditer(r"(?<!\w)(?:geslacht|gender|sekse)\s*:\s*(man|vrouw|m|v|x|male|female|anders|non-binair)(?!\w)",
                         folded, re.IGNORECASE):
        yield m.start(1), m.end(1), None
    # "Ik ben een rustige jongen", "is een harde, eerlijke meid", "ben een harde werker en een vrolijke meid":
    # the person said to be one, with adjectives
    for m in re.finditer(r"(?<!\w)(?:ben|is|was|blijf|blijft) (?:[^.;!?]{0,40}? en )?een (?:[a-z]+e,? (?:en )?){1,3}"
                         r"(man|vrouw|jongen|meisje|meid|dame|kerel|vent)(?!\w)(?! van )", folded, re.IGNORECASE):
        yield m.start(1), m.end(1), None
    for m in re.finditer(r"(?<!\w)(?:als|ben|is|een|echte|sterke|jonge|oudere|enige) "
                         r"(man|vrouw|moeder|vader|jongen|meisje|meid|dame|heer)(?!\w)(?! van )", folded, re.IGNORECASE):
        yield m.start(1), m.end(1), None
