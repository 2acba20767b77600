"""Free-text notes as consultants write them, sometimes with the person's own personal data in them."""
from __future__ import annotations

import random
import re
import unicodedata

from seed.demo.places import PLACES, street_address

COUNTRY = {"sy": "Syrië", "er": "Eritrea", "af": "Afghanistan", "ma": "Marokko", "tr": "Turkije",
           "pl": "Polen", "sr": "Suriname"}
HOME_WORK: tuple[str, ...] = (  # {p} is the pronoun: "In Syrië had hij een eigen kapperszaak."
    "had {p} een eigen kapperszaak", "werkte {p} op het land bij familie", "was {p} kleermaker",
    "werkte {p} in een bakkerij", "was {p} vrachtwagenchauffeur", "werkte {p} als lasser",
    "was {p} onderwijzer op een basisschool", "werkte {p} in de bouw", "had {p} een groentewinkel",
    "werkte {p} als verpleegkundige", "was {p} boekhouder", "werkte {p} in de keuken van een restaurant",
)
PLACES_OF_WORK: tuple[str, ...] = (
    "via een uitzendbureau", "bij een bedrijf in de regio", "bij een werkgever in Lelystad",
    "in Duitsland", "via de sociale werkvoorziening", "in het bedrijf van een oom", "via payroll",
    "met een nulurencontract", "tot het faillissement van de werkgever",
)
REMARKS: tuple[str, ...] = (
    "Heeft kinderen op de basisschool, kan daarom alleen onder schooltijd werken.",
    "Heeft geen auto, gaat overal op de fiets heen.",
    "Rugklachten, liever geen zwaar tilwerk.",
    "Volgt taalles bij het ROC, twee ochtenden per week.",
    "Mantelzorger voor moeder, woensdag niet beschikbaar.",
    "Gemotiveerd, komt afspraken goed na.",
    "Is wat verlegen bij een eerste kennismaking maar ontdooit snel.",
    "Wil graag een vast contract, heeft eerder alleen via uitzendbureau gewerkt.",
    "Schulden zijn in beeld bij schuldhulpverlening.",
    "Kan goed met collega's overweg, werkt graag met de handen.",
    "Doet vrijwilligerswerk bij de moskee / de kerk / de sportclub.",
)
NEWCOMER_REMARKS: tuple[str, ...] = (
    "Wil na de inburgering een opleiding volgen.",
    "Inburgering loopt nog, examen gepland.",
    "Diploma uit het land van herkomst is niet gewaardeerd (IDW aangevraagd).",
)


def fold(text: str) -> str:
    """Return `text` lower-cased without accents or spaces, as in an e-mail local part."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum() or c in ".-")


def phone_number(rng: random.Random, city: str | None = None) -> str:
    """Return a fictitious Dutch phone number in one of the ways people write them."""
    if city and rng.random() < 0.2:
        code = PLACES[city].area_code
        return f"{code}-{rng.randrange(10 ** (9 - len(code)), 10 ** (10 - len(code)))}"
    digits = f"{rng.randrange(10_000_000, 99_999_999)}"
    style = rng.randrange(4)
    if style == 0:
        return f"06-{digits}"
    if style == 1:
        return f"06 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
    if style == 2:
        return f"+31 6 {digits}"
    return f"06{digits}"


def email_address(rng: random.Random, first: str, last: str) -> str:
    """Return a fictitious e-mail address on a reserved example domain."""
    first_f, last_f = fold(first), fold(last)
    local = rng.choice((f"{first_f}.{last_f}", f"{first_f[:1]}.{last_f}", f"{first_f}{rng.randrange(70, 99)}",
                        f"{last_f}{first_f[:1]}", f"{first_f}_{last_f}{rng.randrange(1, 9)}"))
    return f"{local}@{rng.choice(('example.com', 'example.net', 'example.org'))}"


# Skills that describe a person ("geduldig", "klantvriendelijk", "empathisch"), not something to gain experience with.
_ADJECTIVE = re.compile(r"^\w+(?:ig|lijk|baar|zaam|isch|vol|loos|end)$", re.IGNORECASE)


def experience_text(rng: random.Random, origin: str, female: bool, occupations: list[str],
                    skills: list[str]) -> str:
    """Return a short work history in a consultant's words."""
    parts = []
    if origin in COUNTRY and rng.random() < 0.7:
        parts.append(f"In {COUNTRY[origin]} {rng.choice(HOME_WORK).format(p='zij' if female else 'hij')}.")
    if occupations and rng.random() < 0.7:
        years = rng.choice(("half jaar", "1 jaar", "2 jaar", "ca. 3 jaar", "5 jaar", "ruim 10 jaar"))
        parts.append(f"{years.capitalize()} gewerkt als {occupations[0].lower()} {rng.choice(PLACES_OF_WORK)}.")
    if skills and rng.random() < 0.5:
        things = [s for s in skills if not _ADJECTIVE.search(s)]  # "ervaring opgedaan met geduldig" is no Dutch
        if things:
            parts.append(f"Via een werkervaringsplaats ervaring opgedaan met {things[0].lower()}.")
        else:
            parts.append(f"Op een werkervaringsplaats beschreven als {skills[0].lower()}.")
    if rng.random() < 0.25:
        parts.append("Geen recente werkervaring in NL.")
    return " ".join(parts) or "Weinig werkervaring, wil graag beginnen met een werkervaringsplaats."


def about_text(rng: random.Random, first: str, languages: list[str], dutch_level: str | None,
               newcomer: bool) -> str:
    """Return a short note on the person, their wishes and circumstances."""
    parts = [rng.choice((f"{first} wil graag aan het werk.", "Wil graag aan het werk.",
                         "Zoekt werk in de buurt.", "Gemotiveerde werkzoekende."))]
    if languages:
        level = f" en leert Nederlands (niveau {dutch_level})" if dutch_level in ("A0", "A1", "A2", "B1") else ""
        parts.append(f"Spreekt {' en '.join(languages)}{level}.")
    parts.extend(rng.sample(REMARKS, k=rng.randint(0, 2)))
    if newcomer and rng.random() < 0.4:
        parts.append(rng.choice(NEWCOMER_REMARKS))
    return " ".join(parts)


def with_personal_data(rng: random.Random, text: str, first: str, last: str, city: str | None,
                       phone: str | None, email: str | None) -> str:
    """Return `text`, sometimes with the person's name, phone, e-mail or address added (as happens)."""
    roll = rng.random()
    if roll < 0.10:
        return f"{first} {last}: {text}"
    if roll < 0.17:
        return f"{text} Bereikbaar op {phone or phone_number(rng, city)}."
    if roll < 0.21:
        return f"{text} Mailen kan naar {email or email_address(rng, first, last)}."
    if roll < 0.25:
        return f"{text} Woont aan de {street_address(rng)}{' in ' + city if city else ''}."
    return text
