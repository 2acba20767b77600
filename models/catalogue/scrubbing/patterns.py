"""Detectors for structured identifiers: each yields (kind, start, end) spans in a text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.catalogue.scrubbing.lexicon import COMMON_CAPITALISED
from models.common import identifiers

Span = tuple[str, int, int]

_EMAIL = re.compile(
    r"[\w.+\-]+(?:@|\s?[\[(]at[\])]\s?)[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}", re.IGNORECASE)
# written with spaces so that a mail program does not make a link of it ("naam @ gmail . com")
_SPACED_EMAIL = re.compile(r"[\w.+\-]+\s@\s[\w\-]+\s?\.\s?(?:com|nl|net|org|be|de|eu|info)(?![\w])", re.IGNORECASE)
_SOCIAL = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)?(?:linkedin|facebook|fb|instagram|twitter|x|tiktok|youtube|"
    r"snapchat|github|threads)\.(?:com|nl|me|net)/[^\s,;)]+[^\s,;).!?]", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,30}(?<!\.)")

# A run of digits with the separators people put in phone numbers; validated afterwards.
# also "06/12345678" and digits spaced out with en dashes ("06 – 4 8 – 2 2 – 7 1 – 0 3")
_PHONE = re.compile(r"(?<![\w+/])(?:\+|00)?\(?\d[\d \-–.()/]{6,25}\d(?![\w/])")

_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{1,4}){3,8}\b", re.IGNORECASE)
_BSN = re.compile(r"(?<![\d.,\-])(?:\d{3}-\d{3}-\d{3}|\d{2,4}(?:[ .]?\d{2,4}){1,3})(?![\d\-]|[.,]\d)")
_BSN_CONTEXT = re.compile(r"(?:bsn|burgerservicenummer|sofi-?nummer|sofinr)\W{0,3}(?:\w+\W+){0,2}$",
                          re.IGNORECASE)
_KVK_CONTEXT = re.compile(r"(?:kvk|kamer van koophandel|ordernummer|klantnummer|dossier)\W{0,3}"
                          r"(?:\w+\W+){0,2}$", re.IGNORECASE)

# After the word "postcode" any 1234 ab counts, also spaced in lower case ("8011 pk" is otherwise horsepower).
_POSTCODE_SAID = re.compile(r"(?i)\b(?:postcode|post code|pc)\b\s*(?:is|:|=|-)?\s*([1-9]\d{3}\s?[a-z]{2})\b")
_POSTCODE = re.compile(r"\b[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})\b")
# "2018 PI Vught", "2015-2019 PI Lelystad": a year before a prison's abbreviation and its town, not a postcode
_YEAR_BEFORE_PRISON = re.compile(r"(?:19[5-9]\d|20[0-4]\d) PI(?= [A-Z][a-z])")

_STREET_WORD = (r"(?:[A-Z][\w'’\-]*|[a-z][\w'’\-]*)"
                r"(?:straat|weg|laan|plein|gracht|kade|singel|dijk|dreef|hof|pad|steeg|park|markt"
                r"|baan|ring|erf|plantsoen|wal|haven|dam|lei|oord|veld|wijk|hoeve|akker|zijde"
                r"|boulevard|kamp|stede|gang|hage|rade|poort|burcht|donk|wetering|vaart|tuin)")
_STREET_PREFIX = r"(?:(?:[A-Z][\w'’.\-]*|van|de|der|den|ter|ten|la|le)\s){0,4}"
_HOUSE_NUMBER = (r"\d{1,5}(?![\d,.]\d)(?:\s?-\s?\d{1,4}|\s?(?:bis|hs|huis|boven|beneden|zw|rd"
                 r"|I{1,3})\b|\s?[a-zA-Z]\b|-[a-zA-Z]{1,2}\b)?")
_ADDRESS = re.compile(rf"\b{_STREET_PREFIX}{_STREET_WORD}\s{_HOUSE_NUMBER}")
_QUANTITY_AFTER = re.compile(r"\s*(?:jaar|jr|maanden|maand|mnd|weken|week|dagen|dag|uur|keer|x|km|kg|%|procent)\b",
                             re.IGNORECASE)
_ADDRESS_CASE_STARTERS = frozenset("Hij Zij Ze Een Dit Deze Die Dat Er Wij We Ik Woont "
                                   "Wonend Adres Op Aan In Bij Naar Via Sinds".split())

_MONTH = (r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
          r"|december|(?:jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = re.compile(
    rf"\b(?:{_DAY}([\-/.]){{1}}(?:0?[1-9]|1[0-2])\1(?:19|20)?\d{{2}}"
    rf"|(?:19|20)\d{{2}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|{_DAY}(?:e|ste|de)?\s+{_MONTH}(?:\s+(?:(?:19|20)\d{{2}}|'\d{{2}}))?)(?![\w\-/])",
    re.IGNORECASE)
_BIRTH = re.compile(
    rf"\b(?:geboren|geb\.|geboortejaar|geboortedatum|geboortemaand|bouwjaar)\s*(?::|in|op|uit)?\s*"
    rf"((?:{_MONTH}\s+)?(?:19|20)\d{{2}})\b", re.IGNORECASE)


def emails(text: str) -> Iterator[Span]:
    """Yield e-mail addresses, also written as "naam (at) domein.nl"."""
    for m in _EMAIL.finditer(text):
        yield "email", m.start(), m.end()
    for m in _SPACED_EMAIL.finditer(text):
        yield "email", m.start(), m.end()


def urls(text: str) -> Iterator[Span]:
    """Yield social-media profile links and bare @handles; other web addresses are kept."""
    for m in _SOCIAL.finditer(text):
        yield "url", m.start(), m.end()
    for m in _HANDLE.finditer(text):
        yield "url", m.start(), m.end()


def _phone_ok(raw: str) -> bool:
    # "1.2.3" and "0.12.": a version or an amount in running text, not a phone number; ten digits from
    # a 0 with dots only between them ("06.38.55.21.90", "020.123.45.67") are a number written with dots
    international = raw.startswith("+") or raw.startswith("00")
    # also with the area code in brackets: "(06) 122.93.706"
    dotted = re.fullmatch(r"0\d(?:\.?\d){8}", re.sub(r"[()\s]", "", raw)) is not None
    return identifiers.phone_digits_ok(raw) and (international or dotted or
                                                 not re.search(r"\d\.\d\.\d|\d\.\d{2}\.", raw))


def phones(text: str) -> Iterator[Span]:
    """Yield Dutch mobile and landline numbers in any common notation, and foreign +-numbers."""
    for m in _PHONE.finditer(text):
        raw = m.group().rstrip(" -–.(")
        if raw.count("(") != raw.count(")") and raw.startswith("("):
            raw = raw[1:]
        start = m.start() + m.group().index(raw)
        # A trailing digit group may belong to the next number ("06-12345678 2x"): shrink until valid.
        while raw and not _phone_ok(raw):
            cut = max(raw.rfind(" "), raw.rfind("-"), raw.rfind("–"), raw.rfind("/"))
            if cut <= 0:
                break
            raw = raw[:cut].rstrip(" -–.(/")
        if _phone_ok(raw):
            yield "phone", start, start + len(raw)


_UNITS = {"nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
          "acht": 8, "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
          "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
         "negentig": 90}
# English digits among Dutch ones: "06 one two 77 88 99"
_ENGLISH = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_NUMBER_WORD = (rf"(?:(?:{'|'.join(_UNITS)})(?:en|ën)(?:{'|'.join(_TENS)})|{'|'.join(_TENS)}|{'|'.join(_TEENS)}|"
                rf"{'|'.join(_UNITS)}|{'|'.join(_ENGLISH)}|\d+)")
_SPELLED_PHONE = re.compile(rf"(?<!\w)(?:plus\s+)?{_NUMBER_WORD}(?:[\s,.\-/]+{_NUMBER_WORD}){{3,}}(?!\w)", re.IGNORECASE)


def _number_value(word: str) -> str:
    word = word.lower()
    if word.isdigit():
        return word
    if word in _UNITS or word in _TEENS or word in _TENS or word in _ENGLISH:
        return str({**_UNITS, **_TEENS, **_TENS, **_ENGLISH}[word])
    m = re.fullmatch(rf"({'|'.join(_UNITS)})(?:en|ën)({'|'.join(_TENS)})", word)
    return str(_TENS[m.group(2)] + _UNITS[m.group(1)]) if m else ""


# corpus 12: a dictated note says a date and a house number in words ("geboren zeventien mei negentienhonderd
# achtenzestig", "woont op de kerkstraat nummer vijfenveertig")
_SPOKEN_DATE = re.compile(rf"(?<!\w)({_NUMBER_WORD})\s+{_MONTH}(?:\s+(?:negentienhonderd|tweeduizend)[a-zë]*"
                          rf"(?:\s+{_NUMBER_WORD}(?!\s+{_MONTH}))?|\s+(?:19|20)\d{{2}})?(?![\w\-])", re.IGNORECASE)
_SPOKEN_ADDRESS = re.compile(rf"(?i:\b(?:woon\w*|adres|verhuisd naar|ingeschreven)\b[^.;\n]{{0,20}}?)"
                             rf"\b({_STREET_PREFIX}{_STREET_WORD}\s+(?i:nummer|nr\.?|huisnummer)\s+{_NUMBER_WORD})(?!\w)")


def spoken_dates(text: str) -> Iterator[Span]:
    """Dates and addresses said in words: a day in words before a month, a street and "nummer" with a number."""
    for m in _SPOKEN_DATE.finditer(text):
        value = _number_value(m.group(1))
        if m.group(1).isdigit() or m.group(1).lower() == "een" or not value or not 1 <= int(value) <= 31:
            continue  # digits are the date pattern's; "een mei..." is the article
        yield "date", m.start(), m.end()
    for m in _SPOKEN_ADDRESS.finditer(text):
        yield "address", m.start(1), m.end(1)


def spelled_phones(text: str) -> Iterator[Span]:
    """Phone numbers spoken in words: "nul zes, twee drie, vier vijf, ..." or "nul zes 12 34 56 78"."""
    for m in _SPELLED_PHONE.finditer(text):
        words = list(re.finditer(_NUMBER_WORD, m.group(), re.IGNORECASE))
        if all(w.group().isdigit() for w in words):
            continue  # plain digits are the digit pattern's
        plus = "+" if m.group().lower().startswith("plus") else ""
        # a trailing group may be no part of the number ("... 99 00"): shrink from the end until it is valid
        while len(words) >= 4:
            if identifiers.phone_digits_ok(plus + "".join(_number_value(w.group()) for w in words)):
                yield "phone", m.start(), m.start() + words[-1].end()
                break
            words.pop()


def ibans(text: str) -> Iterator[Span]:
    """Yield IBANs of any country, spaced or not, that pass the mod-97 check."""
    for m in _IBAN.finditer(text):
        raw = m.group()
        while raw:
            if identifiers.is_iban(raw) or _mod97(raw):
                yield "iban", m.start(), m.start() + len(raw)
                break
            cut = raw.rfind(" ")
            raw = raw[:cut] if cut > 0 else raw[:-1] if len(raw) > 15 else ""


def _mod97(raw: str) -> bool:
    """An IBAN-shaped string whose IBAN check digits hold although the bank's own check fails
    ("BE63 8749 8916 0408"): a mistyped or made-up account number is still personal."""
    compact = re.sub(r"[ \-]", "", raw).upper()
    return 15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit() and \
        int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1


def bsns(text: str) -> Iterator[Span]:
    """Yield 8- or 9-digit numbers that pass the 11-proof, or any such number labelled BSN."""
    for m in _BSN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) not in (8, 9):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        labelled = bool(_BSN_CONTEXT.search(before))
        if labelled or (identifiers.is_bsn(digits) and not _KVK_CONTEXT.search(before)):
            yield "bsn", m.start(), m.end()


def postcodes(text: str) -> Iterator[Span]:
    """Yield full Dutch postcodes (1234 AB, 1234AB, 1234ab); a bare PC4 is not personal."""
    for m in _POSTCODE.finditer(text):
        if m.end() - m.start() == 7 and _YEAR_BEFORE_PRISON.match(text, m.start()):
            continue
        yield "postcode", m.start(), m.end()
    for m in _POSTCODE_SAID.finditer(text):
        yield "postcode", m.start(1), m.end(1)  # "postcode is 8011 pk": lower case and spaced, after the word


_POSTBUS = re.compile(r"\b(?:[Pp]ostbus|POSTBUS|[Aa]ntwoordnummer)\s+\d{1,6}\b")


def addresses(text: str) -> Iterator[Span]:
    """Yield a street name followed by a house number with its addition (12a, 3-5, 12 bis), and a
    post-office box with its number ("Postbus 3017")."""
    for m in _POSTBUS.finditer(text):
        yield "address", m.start(), m.end()
    for m in _ADDRESS.finditer(text):
        words = m.group().split(" ")
        start = m.start()
        # "Woont Kerkstraat 3": a sentence word in front of the street is not part of it.
        while ((words[0] in _ADDRESS_CASE_STARTERS or words[0].islower())
               and _ADDRESS.fullmatch(" ".join(words[1:]))):
            start += len(words.pop(0)) + 1
        if _street_name(m.group()) in COMMON_CAPITALISED:
            continue  # "in Amsterdam 3 jaar": a town, not a street
        if _street_name(m.group())[:1].islower() and _QUANTITY_AFTER.match(text, m.end()):
            continue  # "ervaring 12 jaar": a lower-case word and a number of something, no house number
        yield "address", start, m.end()


def _street_name(span: str) -> str:
    return re.sub(r"\s\d.*$", "", span).split(" ")[-1]


def dates(text: str) -> Iterator[Span]:
    """Yield day-precise dates in any notation, and a year or month given as a birth date."""
    for m in _DATE.finditer(text):
        yield "date", m.start(), m.end()
    for m in _BIRTH.finditer(text):
        yield "date", m.start(1), m.end(1)


DETECTORS = (emails, urls, ibans, phones, spelled_phones, bsns, dates, spoken_dates, postcodes, addresses)
