"""Detect personal names: the person's own known names, and names recognised from lexicon and context."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from models.catalogue.scrubbing.lexicon import (
    COMMON_CAPITALISED,
    COMPANY_NAMES,
    FIRST_NAMES,
    HONORIFICS,
    NAME_TRIGGERS,
    ORDINARY_WORDS,
    PARTICLES,
    PERSON_VERBS,
    PHRASES,
    PLACE_PREPOSITIONS,
    SURNAME_PREFIXES,
    SURNAME_SUFFIXES,
    SURNAMES,
)

Span = tuple[str, int, int]

_LETTER = r"[^\W\d_]"
# Initials ("A.B."), or a word with inner apostrophes/hyphens ("Jan-Willem", "O'Neill", "Fatima's").
_TOKEN = re.compile(rf"(?:[A-Z]\.){{1,4}}|{_LETTER}+(?:['’\-]{_LETTER}+)*")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_PARTICLES = frozenset("van de der den ter ten el bin ibn abu ait".split())
_SUBJECTS = frozenset("hij zij ze het er ik we wij u je jij men".split())
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•*\"(\[]|\s-)\s*$")
_PHRASES = re.compile("|".join(re.escape(p) for p in PHRASES))
# What introduces a name, also with an adverb between ("ik heet eigenlijk Cabdi") and for what others
# call the person ("noemen ze me Lanny", "iedereen zegt Abdi", "roepnaam: Mo").
_TRIGGER_PHRASES = re.compile(r"(?:ik ben|ik heet|naam is|mijn naam|de heer|heet|heten|genaamd|bekend als|"
                              r"noem(?:t|en)?(?: ze| zij| ze mij| ze me| iedereen| men)?(?: mij| me| hem| haar)?|"
                              r"(?:iedereen|ze|men) zeg(?:t|gen)(?: tegen (?:mij|me|hem|haar))?|roepnaam(?: is)?:?|"
                              r"alias|bijnaam(?: is)?:?)(?:\s+(?:eigenlijk|officieel|gewoon|echt|voluit|"
                              r"ook|dus|zelf|liever))?\s+$", re.IGNORECASE)


def _base(word: str) -> str:
    """The word without a possessive ending: "Fatima's" -> "Fatima", "Ahmeds" -> "Ahmed"."""
    stripped = _POSSESSIVE.sub("", word)
    if stripped == word and word.endswith("s") and word[:-1] in FIRST_NAMES | SURNAMES:
        return word[:-1]
    return stripped


def _is_capitalised(word: str) -> bool:
    """True for a word shaped like a name part; acronyms, single letters and "Jumbo-filiaal" are not."""
    if _INITIALS.fullmatch(word):
        return True
    parts = _base(word).split("-")
    return (len(word) > 1 and word[0].isupper() and parts[-1][:1].isupper()
            and not any(len(p) > 1 and p.isupper() for p in parts))


def _looks_like_surname(word: str) -> bool:
    base = _base(word)
    if base in SURNAMES:
        return True
    if base in COMMON_CAPITALISED or len(base) < 4:
        return False
    if base.lower() in _DUTCH_LIKE_SURNAMES:
        return False
    return base.lower().endswith(SURNAME_SUFFIXES) or (base.startswith(SURNAME_PREFIXES)
                                                       and not base.lower().startswith(_DUTCH_STARTS))


# Dutch plurals ending like a surname ("-ensen" as in Christensen): "Wensen: ...", "Mensen vinden ...".
_DUTCH_LIKE_SURNAMES = frozenset({"mensen", "wensen"})
# Endings of Dutch abstract and collective nouns, which no name outside the lexicon has: "Werkkleding is
# geregeld", "Begeleiding loopt", "Gezondheid ...". "-ing" only from nine letters: Keuning, Harting are names.
# Compounds with a head of work's vocabulary are nouns too: "Ploegendienst is geen probleem", "Taalniveau is ...",
# "Sollicitatiegesprek staat volgende week".
_NOUN_ENDING = re.compile(r"(?:\w{5,}ing|\w{3,}(?:ingen|heid|heden|schap|schappen|atie|aties|iteit|iteiten|isme|erij"
                          r"|dienst|diensten|niveau|niveaus|rooster|roosters|contract|contracten|vervoer|verlof|gesprek|gesprekken))$")


def _dutch_noun(word: str) -> bool:
    """Whether a capitalised word outside the name lexicons has the shape of a Dutch noun."""
    base = _base(word)
    return bool(_NOUN_ENDING.match(base.lower())) and base not in FIRST_NAMES | SURNAMES


# Dutch words that begin like a surname prefix ("Bou-", "Ben-", "Ram-"): "Bouwde", "Beneden", "Ramen".
_DUTCH_STARTS = ("bouw", "bouill", "boulevard", "boutique", "bene", "benz", "bende", "benod", "benut", "bent",
                 "benad", "benoem", "benauw", "ramp", "rame", "ramm", "soep")


def _is_first_name(word: str) -> bool:
    return all(part in FIRST_NAMES for part in _base(word).split("-"))


def _is_hyphenated_name(word: str) -> bool:
    parts = _base(word).split("-")
    return (len(parts) > 1 and all(p[:1].isupper() and p[1:].islower() for p in parts)
            and word not in COMMON_CAPITALISED and parts[0] not in COMMON_CAPITALISED)


def _groups(text: str) -> Iterator[list[re.Match[str]]]:
    """Yield runs of capitalised words, initials and inner particles separated by single spaces."""
    masked = _PHRASES.sub(lambda m: "#" * len(m.group()), text)
    run: list[re.Match[str]] = []
    for m in _TOKEN.finditer(masked):
        word = m.group()
        joins = bool(run) and masked[run[-1].end():m.start()] in (" ", "")
        if not joins:
            yield from _close(run)
            run = []
        if _is_capitalised(word) or (run and word in PARTICLES):
            run.append(m)
        elif not run and word in _LEADING_PARTICLES and _next_is_capitalised(masked, m.end()):
            run.append(m)
        else:
            yield from _close(run)
            run = []
    yield from _close(run)


def _next_is_capitalised(text: str, pos: int) -> bool:
    nxt = _TOKEN.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    return bool(nxt) and _is_capitalised(nxt.group()) and not nxt.group().endswith(".")


def _close(run: list[re.Match[str]]) -> Iterator[list[re.Match[str]]]:
    while run and (run[-1].group() in PARTICLES or run[-1].group().endswith(".")):
        run = run[:-1]  # "Fatima van" / trailing initials belong to nothing
    if run:
        yield run


def _previous_words(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text[max(0, pos - 40):pos])][-n:]


def _classify(text: str, run: list[re.Match[str]]) -> tuple[int, int] | None:
    """Return the name span inside a run of capitalised words, or None if it is no name."""
    found = _classify_strength(text, run)
    return found[:2] if found else None


_DIPLOMA_BEFORE = re.compile(r"\b(?:v?mbo|hbo|wo|niveau|diploma|opleiding|cursus)(?:[\s-]*[1-4])?[\s:]*$",
                             re.IGNORECASE)


def _classify_strength(text: str, run: list[re.Match[str]]) -> tuple[int, int, bool] | None:
    """(start, end, strong) of the name in a run; strong when a lexicon, an initial, a title, a
    relation word or a verb that takes a person says so, weak for a merely unknown capitalised word."""
    words = [m.group() for m in run]
    outer = _previous_words(text, run[0].start())
    # Drop sentence openers and domain nouns at the edges ("Ook Fatima", "Fatima Nederlands").
    while words and _base(words[0]) in COMMON_CAPITALISED and not _is_name_word(words[0]) and not (
            words[0].lower() in PARTICLES and len(words) > 1):
        run, words = run[1:], words[1:]
    while words and words[0].islower() and words[0] not in _LEADING_PARTICLES:
        run, words = run[1:], words[1:]  # "Ik ben Fatima": "ben" is the verb here
    while words and _base(words[-1]) in COMMON_CAPITALISED and not _is_name_word(words[-1]):
        run, words = run[:-1], words[:-1]
    core = [w for w in words if w.lower() not in PARTICLES and not w.endswith(".")]
    if not core:
        return None
    if all(_base(w) in COMMON_CAPITALISED for w in core) and _INITIALS.fullmatch(words[0]):
        return None  # "rijbewijs B. Nederlands": a letter, not an initial
    start, end = run[0].start(), run[-1].end()
    before = text[:start]
    prev = _previous_words(text, start)
    at_sentence_start = bool(_SENTENCE_END.search(before))
    after_place = any(p and p[-1] in PLACE_PREPOSITIONS for p in (prev, outer))
    triggered = bool(prev) and (prev[-1] in HONORIFICS or prev[-1] in NAME_TRIGGERS
                                or bool(_TRIGGER_PHRASES.search(before)))
    if before.rstrip().lower().endswith((" dhr.", "mevr.", " mw.", " mr.", " dr.", " ir.", "drs.")):
        triggered = True
    if after_place and len(core) == 1 and core[0] in COMPANY_NAMES:
        return None  # "bij Dirk" is the supermarket
    unknown = [w for w in core if _base(w) not in COMMON_CAPITALISED]
    if at_sentence_start and len(words) == 1 and _dutch_noun(words[0]) and not triggered:
        return None  # "Werkkleding is geregeld": a noun opens the sentence, not a person
    if len(words) == 1 and words[0].lower() in ORDINARY_WORDS and _DIPLOMA_BEFORE.search(before):
        return None  # "mbo-2 Kok", "niveau 3 Schilder": the diploma's trade
    if at_sentence_start and len(words) == 1 and words[0].lower() in ORDINARY_WORDS \
            and not _is_first_name(words[0]) and not triggered:
        # "Kok in een Libanees restaurant", "Bakker (MBO 2)": an occupation or ordinary word that
        # opens a line is the word, unless a verb that takes a person follows ("Bakker belde")
        following = _TOKEN.match(text, end + 1) if text[end:end + 1] == " " else None
        if not following or following.group() not in PERSON_VERBS:
            return None
    if any(_is_name_word(w) for w in core) or words[0].endswith("."):
        return start, end, True
    if not unknown:
        return None
    if triggered or any(_is_hyphenated_name(w) for w in core):
        return start, end, triggered
    if after_place:
        return None  # "in Swifterbant", "bij Tata": places and employers
    if len(unknown) >= 2:
        return start, end, False
    if at_sentence_start:
        following = _TOKEN.match(text, end + 1) if text[end:end + 1] == " " else None
        if not following or following.group() not in PERSON_VERBS:
            return None
        # Dutch puts the verb second: in "Later komt Tewelde" the opener is an adverb.
        subject = _TOKEN.match(text, following.end() + 1)
        if subject and (subject.group().lower() in _SUBJECTS or _is_capitalised(subject.group())):
            return None
        return start, end, True
    return start, end, False


def _is_name_word(word: str) -> bool:
    return _is_first_name(word) or _looks_like_surname(word)


def context_names(text: str, *, strong_only: bool = False) -> Iterator[Span]:
    """Yield names found from lexicons, initials, honorifics and sentence position; with
    ``strong_only`` not the single unknown capitalised words ("bij Vion") the rules also take."""
    for run in _groups(text):
        span = _classify_strength(text, run)
        if span and (span[2] or not strong_only):
            yield "name", span[0], span[1]


def known_name_pattern(known_names: Iterable[str]) -> re.Pattern[str] | None:
    """Compile the person's own names, whole and per part, with possessive and initials."""
    parts: set[str] = set()
    for name in known_names:
        name = " ".join(name.split())
        if not name:
            continue
        parts.add(re.escape(name).replace(r"\ ", r"[\s\-]+"))
        words = name.split(" ")
        for i in range(1, len(words)):
            parts.add(re.escape(" ".join(words[i:])).replace(r"\ ", r"[\s\-]+"))
        for word in re.split(r"[\s\-]+", name):
            if len(word) >= 2 and word.lower() not in PARTICLES:
                parts.add(re.escape(word) if word.lower() in ORDINARY_WORDS else f"(?i:{re.escape(word)})")
    if not parts:
        return None
    alternatives = "|".join(sorted(parts, key=len, reverse=True))
    particles = r"(?:(?i:van|de|der|den|el|al|ter|ten)\s+)*"
    return re.compile(rf"(?<!\w)(?:[A-Z]\.\s?){{0,4}}{particles}(?:{alternatives})"
                      rf"(?:['’]s|['’]|s)?(?!\w)")


def known_names_in(text: str, pattern: re.Pattern[str] | None) -> Iterator[Span]:
    """Yield occurrences of the person's own names."""
    if pattern is not None:
        for m in pattern.finditer(text):
            yield "name", m.start(), m.end()
