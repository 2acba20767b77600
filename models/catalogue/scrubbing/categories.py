"""Detect special categories of personal data (AVG art. 9-10), equal-treatment grounds (AWGB) and the
person's financial situation (debts, debt counselling: stigmatising, though no special category).

The lexicons are data files in ``data/`` (one regular expression per line, see data/README.txt);
countries of origin come from Babel's Dutch territory names, demonyms and foreign towns from
data files. Matching is case-insensitive on accent-folded text. Pure: no Flask, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale

from models.catalogue.scrubbing.folding import fold
from models.catalogue.scrubbing.gazetteer import cities_in
from models.catalogue.scrubbing.typos import Vocabulary, corrected
from models.catalogue.scrubbing.workplace import at_work

DATA = Path(__file__).parent / "data"
CATEGORIES: tuple[str, ...] = ("origin", "religion", "health", "orientation", "political", "union",
                               "criminal", "pregnancy", "family", "finances")
Span = tuple[str, int, int]

# Babel names that are no country of origin or read as an ordinary word.
_NOT_ORIGIN = {"nederland", "europese unie", "eurozone", "verenigde naties", "onbekend gebied",
               "antarctica", "chili", "jersey", "guernsey", "sark", "norfolk", "niue", "pseudo-accenten",
               "pseudo-bidi", "overig oceanie", "caribisch nederland", "turks- en caicoseilanden"}
# Words after an origin adjective that make it job content: "de Turkse keuken", "Poolse klanten".
_JOB_NOUNS = ("keuken|bakkerij|slagerij|restaurant|supermarkt|winkel|toko|gerechten|markt|klanten|"
              "arbeidsmigranten|collega'?s|bedrijf|bedrijven|werkgever|eigenaar|chauffeurs|producten|"
              "specialiteiten|cuisine|taal|les|lessen|vertaling|tolk|uitzendbureau|zaak|snackbar|kapsalon|"
              "ondernemer|vestiging|filiaal|ambassade|markten|handel|export|import|ritten|rekening|bank|"
              # food and drink sold or cooked: "verkocht Surinaamse snacks", "Libanese hapjes"
              "snacks|hapjes|gerecht|eten|broodjes|gebak|koekjes|zoetigheden|kazen|kaas|wijnen|wijn|bieren|"
              "koffie|thee|kruiden|specerijen|groenten|vis|vlees|soepen|soep|menu|menukaart|recepten|catering|"
              "keukens|kookkunst|afhaal\\w*|maaltijden|streekproducten|levensmiddelen|delicatessen|worst|worsten|"
              "vleeswaren|zuivel|brood|bonbons|chocolade|olijfolie|dranken|artikelen|stoffen|tapijten|meubels|"
              "camping|hotel|hotels|hotelketen|resort|rederij|fabriek|fabrieken|transportbedrijf|vervoerder|groothandel|"
              "importeur|exporteur|cateraar|keten|webshop|kledingzaak|bouwbedrijf|aannemer|"
              "pizza'?s|pizza|kebab|shoarma|baklava|roti|sushi|tapas|"
              "auto'?s|vrachtwagens|schepen|machines|muziek|feesten|evenementen|festival|zender|krant|media|"
              # cooking a cuisine: "marokkaans en turks koken in een restaurant"
              "koken|kookt|kookte|kookten|gekookt|kok|koks|"
              # corpus 12: eateries named by their kind ("een Italiaanse pizzeria", "een Griekse taverna")
              "pizzeria|trattoria|brasserie|bistro|eethuis|eethuisje|eetcafe|lunchroom|grillroom|taverna|"
              "tapasbar|cafetaria|traiteur|patisserie|ijssalon|theehuis|wokrestaurant")
_COPULA = r"(?:ben|is|zijn|was|waren|wordt|voel\w*|noem\w*)(?:\s+\w+){0,2}\s+"


def _lines(name: str) -> list[str]:
    path = DATA / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].rstrip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _bounded(alternatives: list[str], flags: int) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    return re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?:{a})" for a in alternatives) + r")(?![\w])", flags)


@cache
def _lexicon(category: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    """(case-insensitive hits, case-sensitive hits, job-content exceptions) of one category."""
    hits, exact, keep = [], [], []
    for line in _lines(f"{category}.txt"):
        if line.startswith("!"):
            keep.append(fold(line[1:]))
        elif line.startswith("="):
            exact.append(line[1:])
        else:
            hits.append(fold(line))
    return (_bounded(hits, re.IGNORECASE), _bounded(exact, 0), _bounded(keep, re.IGNORECASE))


@cache
def _exceptions(category: str) -> tuple[re.Pattern, ...]:
    """Each job-content exception of one category on its own (see ``_kept``)."""
    return tuple(p for line in _lines(f"{category}.txt") if line.startswith("!")
                 if (p := _bounded([fold(line[1:])], re.IGNORECASE)) is not None)


@lru_cache(maxsize=1)
def _origin_words() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    """(countries and foreign places, person nouns, "-e" adjectives, bare adjectives, all their words)."""
    places = set()
    for code, name in Locale("nl").territories.items():
        if not code.isalpha():
            continue
        for part in re.split(r"\s*[()]\s*", name):
            key = fold(part).lower().replace("’", "'").strip()
            if key and key not in _NOT_ORIGIN and len(key) > 3:
                places.add(key.replace(" sar van china", ""))
    places.update(_lines("places.txt"))
    places |= {"congo", "amerika", "engeland", "schotland",
               "wit-rusland", "macedonie", "bosnie", "palestina", "tibet", "birma", "vs"}
    nouns, adjectives_e, adjectives = set(), set(), set()
    for line in _lines("demonyms.txt"):
        words = line.split()
        adjective, rest = words[0], words[1:]
        adjectives.add(adjective)
        if not adjective.endswith("-nederlands"):
            adjectives_e.add(adjective + "e")
        for word in rest:
            # every "-e" form is the adjective, also the irregular ones ("libanese", "indiase", "eritrese")
            (adjectives_e if word.endswith("e") else nouns).add(word)
    # "Turks-Nederlandse", "Javaans-Surinaamse": compounds of adjectives are origin wherever they stand.
    places_re = re.compile(r"(?<![\w\-])(?:" + "|".join(sorted(map(re.escape, places), key=len, reverse=True))
                           + r")(?![\w])", re.IGNORECASE)
    nouns_re = re.compile(r"(?<![\w\-])(?:" + "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
                          + r")(?![\w])", re.IGNORECASE)
    adj_e = sorted(map(re.escape, adjectives_e | {a + "se" for a in adjectives if a.endswith("aan")}),
                   key=len, reverse=True)
    adj_e_re = re.compile(r"(?<![\w])(?:\w+-)?(?:" + "|".join(adj_e) + r")(?![\w])", re.IGNORECASE)
    adj = sorted(map(re.escape, adjectives), key=len, reverse=True)
    adj_re = re.compile(r"(?<![\w\-])(?:" + "|".join(adj) + r")(?:-\w+)?(?![\w])", re.IGNORECASE)
    return places_re, nouns_re, adj_e_re, adj_re, frozenset(places | nouns | adjectives_e | adjectives)


@lru_cache(maxsize=1)
def _english_countries() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """English country names (Babel) after "in", "from", "of", "via" or "through", written with a capital:
    "I was born in Morocco", "from Syria", "came via Turkey" (the route of flight); and the pattern for
    the next ones in a list ("and Greece"). Only there, since "Chad" or "Jordan" alone may be a person."""
    names = set()
    for code, name in Locale("en").territories.items():
        key = fold(name).lower()
        if code.isalpha() and code not in ("NL", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ") \
                and key not in _NOT_ORIGIN and len(key) > 3 and "(" not in name:
            names.add(re.escape(fold(name)))
    names.add("Turkey")  # Babel now says "Türkiye"; people still write the old name
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return (re.compile(r"(?<![\w\-])(?i:in|from|of|via|through)\s+(" + alternatives + r")(?![\w])"),
            re.compile(r"\s*(?:,|(?i:and|or|&))\s+(" + alternatives + r")(?![\w])"))


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    """Dutch names of languages (Babel): an adjective equal to one may be the language spoken."""
    # and the languages people name that Babel lists only under another name ("Berbers en Arabisch")
    return frozenset(fold(name).lower() for name in Locale("nl").languages.values()) | _LANGUAGES_BABEL_LACKS


_LANGUAGES_BABEL_LACKS = frozenset({"berbers", "tarifit", "sranan", "sranantongo", "sarnami"})


_DESTINATION = re.compile(r"(?:(?:naar|richting|tussen|door|over|via)"
                          # where the clients are: "schepen voor rederijen in Noorwegen", "klanten in Duitsland"
                          r"|(?:klanten|rederijen|opdrachtgevers|afnemers|leveranciers|partners|vestigingen|"
                          r"filialen|havens|bouwplaatsen|projecten|collega'?s|medewerkers|werknemers|chauffeurs|"
                          r"arbeidsmigranten|gasten|toeristen|bezoekers|studenten|cli[eë]nten|bedrijven|teams|"
                          r"fabrieken|boeren|telers|kwekers|importeurs|exporteurs)\s+(?:in|uit|over|door|rond)"
                          # routes and deliveries: "reed op Spanje", "leverde onderdelen aan garages in Belgie"
                          r"|(?:reed|rijdt|rijden|reden|gereden|ritten|chauffeur)\s+(?:\w+\s+){0,2}op"
                          r"|(?:leverde|levert|leveren|geleverd|bezorgde|exporteerde|verkocht|verkoopt)\s+(?:\w+\s+){0,3}"
                          r"(?:aan|bij)\s+(?:\w+\s+){0,2}in"
                          r")(?:\s+(?:\w+\s*,\s*|\w+\s+en\s+)*)\s*$", re.IGNORECASE)
_JOB_AFTER = re.compile(rf"^(?:\s*(?:,|en|of)\s*[\w\-]+)*\s+(?:{_JOB_NOUNS})\b", re.IGNORECASE)
_ABOUT_ORIGIN = re.compile(r"^\s*(?:\(\s*)?(?:afkomst|roots|komaf|achtergrond|origine|ouders|moeder|vader|familie)",
                           re.IGNORECASE)


_PLACE_BEFORE = re.compile(r"\b(?:in|uit|te|vanuit|nabij|rond|regio|omgeving)\s+$", re.IGNORECASE)
# What before a capitalised word makes it part of a name: the start of the text or a segment, another
# capitalised word, a title.
_NAME_BEFORE = re.compile(r"(?:^|[|:;\n]|[.!?]\s)\s*$|(?<![\w])(?-i:[A-Z])[\w'-]*\s+$|"
                          r"\b(?:heer|mevrouw|meneer|mevr|mw|dhr|mr|dr)\.?\s+$", re.IGNORECASE)


def _name_before(before: str) -> bool:
    """Whether what stands before a capitalised city makes it part of a name. A capitalised ordinary word
    of the name lexicon's list is no name ("Werkervaring Brno", against "Giselle Rosario")."""
    m = _NAME_BEFORE.search(before)
    if m is None:
        return False
    word = m.group().strip()
    from models.catalogue.scrubbing.lexicon import COMMON_CAPITALISED, HONORIFICS, NAME_TRIGGERS
    return not (word in COMMON_CAPITALISED and word.lower() not in _BEFORE_A_NAME | HONORIFICS | NAME_TRIGGERS)


# Capitalised ordinary words that may stand right before a person's name ("Kandidaat Santiago").
_BEFORE_A_NAME = frozenset({"de", "het", "een", "van", "kandidaat", "kandidate", "klant", "cliënt", "client",
                            "werkzoekende", "deelnemer", "deelneemster", "betrokkene", "belanghebbende", "aanvrager",
                            "aanvraagster", "sollicitant", "sollicitante", "werknemer", "stagiair", "stagiaire",
                            "medewerker", "medewerkster", "werkgever"})


@lru_cache(maxsize=1)
def _person_names() -> frozenset[str]:
    """Given names and surnames of the name lexicon: a city of that name may be a person ("Milan")."""
    from models.catalogue.scrubbing.lexicon import FIRST_NAMES, SURNAMES
    return frozenset(fold(n).lower() for n in FIRST_NAMES | SURNAMES)


# "kwam via Lampedusa", "gevlucht via Libie en Italie": a route of arrival tells origin, unlike a trip's route.
_ARRIVAL_VIA = re.compile(r"\b(?:kwam|kwamen|gekomen|reisde|reisden|gereisd|gevlucht|vluchtte|vluchtten|aangekomen|"
                          r"binnengekomen|vlucht|vluchtroute)\b[^.;]{0,30}\bvia\s+(?:\w+\s*,\s*|\w+\s+en\s+)*$", re.IGNORECASE)


def _origin(folded: str) -> Iterator[Span]:
    places, nouns, adjectives_e, adjectives, _words = _origin_words()
    for m in places.finditer(folded):
        before = folded[max(0, m.start() - 60):m.start()]
        if _DESTINATION.search(before) and not _ARRIVAL_VIA.search(before):
            continue  # "ritten naar Polen en Roemenie": a destination, not where someone is from
        yield "origin", m.start(), m.end()
    countries, more = _english_countries()
    for m in countries.finditer(folded):
        yield "origin", m.start(1), m.end(1)
        pos = m.end()
        while n := more.match(folded, pos):  # "via Turkey and Greece", "from Syria, Lebanon"
            yield "origin", n.start(1), n.end(1)
            pos = n.end()
    for start, end in cities_in(folded):
        before = folded[max(0, start - 60):start]
        if _DESTINATION.search(before) and not _ARRIVAL_VIA.search(before):
            continue
        if folded[start:end].isupper() or re.match(r"\s+[A-Z][a-z]", folded[end:end + 3]) or (
                not _PLACE_BEFORE.search(before)) and (
                folded[start:end].lower() in _person_names() or _name_before(before)):
            # "Milan zit in een rolstoel", "Giselle Rosario", "De heer Bello", "HAVINGA, LEON": a
            # person's name, "bij Paris Fashion" a company's; "geboren in Milan", "eigen atelier,
            # Herat" are the city
            continue
        yield "origin", start, end
    for m in nouns.finditer(folded):
        if places.fullmatch(m.group()) and _DESTINATION.search(folded[max(0, m.start() - 60):m.start()]):
            continue  # "Polen" is the country too: "met collega's uit Polen", "ritten naar Polen"
        yield "origin", m.start(), m.end()
    for m in adjectives_e.finditer(folded):
        if _JOB_AFTER.match(folded[m.end():m.end() + 40]):
            continue
        before = folded[max(0, m.start() - 60):m.start()]
        after = folded[m.end():m.end() + 40]
        # "de Turkse keuken" stays; "een Turkse man", "Oekraiense", "van Chinese afkomst" go
        if re.search(r"\b(?:de|het)\s+$", before, re.IGNORECASE) and not _ABOUT_ORIGIN.match(after) \
                and not re.match(r"^\s+(?:nationaliteit|afkomst|roots|identiteit|paspoort|"
                                 # a country's army: "dienstplicht in het Eritrese leger"
                                 r"leger|krijgsmacht|strijdkrachten|luchtmacht|marine)", after, re.IGNORECASE):
            continue
        yield "origin", m.start(), m.end()
    for m in adjectives.finditer(folded):
        word = m.group()
        before = folded[max(0, m.start() - 40):m.start()]
        after = folded[m.end():m.end() + 40]
        if "-" in word and re.search(r"(?:tolk|vertal\w*|tolken|woordenboek)\s+$", before, re.IGNORECASE):
            continue  # "tolk Arabisch-Nederlands": a language pair
        if "-" in word and _JOB_AFTER.match(after):
            continue  # "een Chinees-Indisch restaurant": a cuisine or a trade, not the person
        if "-" in word or re.search(rf"\b{_COPULA}$", before, re.IGNORECASE) or _ABOUT_ORIGIN.match(after) or (
                word.lower() not in _languages() and not _JOB_AFTER.match(after)):
            # "Ghanees" is no language: it tells origin wherever it stands; "Turks" may be the language
            if re.match(r"^\s*(?:\(|:)?\s*[abc][12]\b", after, re.IGNORECASE):
                continue  # "Turks (B1)": a language level
            yield "origin", m.start(), m.end()


def _kept(keep: re.Pattern | None, folded: str, category: str) -> list[tuple[int, int]]:
    """Spans of job content; overlapping ones too, so that "Werkte ... als beveiliger in een
    gevangenis (PI Lelystad)" is covered from each place where an exception starts, and by each
    exception that matches there: the first alternative of the joined pattern is not always the
    longest ("Schoonmaker in een moskee" against "... in een moskee en een kerk")."""
    if keep is None or not keep.search(folded):
        return []
    spans: list[tuple[int, int]] = []
    for pattern in _exceptions(category):
        pos = 0
        while m := pattern.search(folded, pos):
            spans.append((m.start(), m.end()))
            pos = m.start() + 1
    return spans


@lru_cache(maxsize=1)
def _vocabulary() -> Vocabulary:
    """Every whole word of the lexicons, demonyms and places: what a typing error is checked against."""
    words: set[str] = set()
    stems: set[str] = set()
    lines = [line for category in CATEGORIES for line in _lines(f"{category}.txt") if not line.startswith("!")]
    for line in lines:
        stems.update(re.findall(r"(?:(?<=^)|(?<=[\s(|]))[a-z]+(?=\\w[*+])", fold(line.lstrip("=")).lower()))
    for line in lines + _lines("demonyms.txt") + _lines("places.txt"):
        plain = re.sub(r"\\[a-zA-Z][*+?]?(?:\{[\d,]+\})?", " ", fold(line.lstrip("=")).lower())
        words.update(re.findall(r"(?:(?<=^)|(?<=[\s(|]))[a-z]+(?=$|[\s)|])", plain))
    words.update(w for w in _origin_words()[4] if " " not in w)
    return Vocabulary(words, stems)


@cache
def abbreviations() -> frozenset[str]:
    """The lexicons' whole-line words of two to four letters or digits, upper-cased ("FNV", "SP",
    "PVV", "CDA", "HIV", "D66", "KERK"): what a random profile code must not spell."""
    words = set()
    for category in CATEGORIES:
        for line in _lines(f"{category}.txt"):
            word = line.lstrip("=")
            if not line.startswith("!") and re.fullmatch(r"[A-Za-z0-9]{2,4}", word):
                words.add(word.upper())
    return frozenset(words)


def sensitive(text: str, context: str = "") -> list[Span]:
    """Every (category, start, end) in ``text`` that reveals a special category or AWGB ground,
    also when a lexicon word is mistyped ("zwnger", "marrokaanse"). ``context`` is what stood before
    ``text`` on the same CV line: an occupation there makes an institution in ``text`` the workplace."""
    return list(_sensitive_cached(text, context))


@lru_cache(maxsize=2048)
def _sensitive_cached(text: str, context: str) -> tuple[Span, ...]:
    folded = fold(text)
    spans = _sensitive(text, folded, context)
    fixed = corrected(folded, _vocabulary())
    if fixed is not None:
        text2, back = fixed
        # only what touches a corrected word: the rest was judged as written, with its exceptions
        # ("regeling" read as "regering" must not undo the exception of the sentence it stands in)
        spans += [(k, back[s], back[e]) for k, s, e in _sensitive(text2, text2, context)
                  if text2[s:e] != folded[back[s]:back[e]]]
    return tuple(sorted(set(spans), key=lambda s: (s[1], -s[2])))


def exempted(text: str, context: str = "") -> list[Span]:
    """Every category hit in ``text`` that the rules found and then let stand on purpose: a job-content
    line (``!``) of its lexicon covers it, or the workplace rule says the person worked there ("Geeft
    zwangerschapsyoga", "schoonmaker in de moskee"). The learned gate's hint defers to these decisions."""
    folded = fold(text)
    return [s for s, exempt in _judged(text, folded, context) if exempt]


def _sensitive(text: str, folded: str, context: str = "") -> list[Span]:
    return [s for s, exempt in _judged(text, folded, context) if not exempt]


def _judged(text: str, folded: str, context: str = "") -> list[tuple[Span, bool]]:
    """Each lexicon or origin hit with whether it is exempted (job content, or the person's workplace)."""
    out: list[tuple[Span, bool]] = []
    for category in CATEGORIES:
        loose, exact, keep = _lexicon(category)
        kept = _kept(keep, folded, category)
        found = []
        if loose is not None:
            found += [(category, m.start(), m.end()) for m in loose.finditer(folded)]
        if exact is not None:
            found += [(category, m.start(), m.end()) for m in exact.finditer(text)]
        if category == "origin":
            found += list(_origin(folded))
        out += [(s, any(a <= s[1] and s[2] <= b for a, b in kept) or at_work(folded, s[1], s[2], context))
                for s in found]
    return out
