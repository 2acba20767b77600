"""Fictitious personal names of the origins in a Flevoland/Veluwe caseload, drawn from a seeded RNG."""
from __future__ import annotations

import random

from faker.providers.person.nl_NL import Provider as DutchNames
from faker.providers.person.pl_PL import Provider as PolishNames
from faker.providers.person.tr_TR import Provider as TurkishNames

# Faker supplies the word lists; the draws come from our own per-record RNG, so a record depends
# only on (seed, index) and not on how many Faker calls happened before it.
_DUTCH_LAST = tuple(n for n in DutchNames.last_names if "'" not in n and not n.endswith("dr"))

_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # origin: (male first names, female first names, last names)
    "nl": (tuple(DutchNames.first_names_male), tuple(DutchNames.first_names_female), _DUTCH_LAST),
    "tr": (
        ("Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre",
         "Burak", "Yusuf", "Osman", "Kemal", "Serkan", "Ömer", "Halil", "Erkan", "Volkan", "Recep",
         "Fatih", "Gökhan", "Cem"),
        ("Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Sultan",
         "Hülya", "Derya", "Esra", "Merve", "Özlem", "Gülsen", "Songül", "Aysel", "Selin", "Büşra",
         "Nurcan"),
        tuple(TurkishNames.last_names),
    ),
    "pl": (tuple(PolishNames.first_names_male), tuple(PolishNames.first_names_female),
           tuple(PolishNames.male_last_names) + tuple(PolishNames.unisex_last_names)),
    "ma": (
        ("Mohamed", "Mohammed", "Ahmed", "Youssef", "Karim", "Hamza", "Bilal", "Said", "Mustafa",
         "Rachid", "Abdelkader", "Driss", "Nordin", "Khalid", "Hicham", "Soufiane", "Anouar",
         "Ilias", "Othman", "Redouan", "Brahim", "Hassan", "Ayoub", "Zakaria", "Mimoun"),
        ("Fatima", "Khadija", "Naima", "Samira", "Malika", "Latifa", "Nadia", "Houda", "Soumaya",
         "Loubna", "Zineb", "Hafsa", "Imane", "Fadoua", "Rachida", "Saida", "Siham", "Yasmina",
         "Karima", "Ikram", "Meryem", "Najat"),
        ("El Amrani", "Bakkali", "El Idrissi", "Boukhari", "Azzouzi", "El Haddouchi", "Benhaddou",
         "Ouahabi", "Tahiri", "Chaouch", "El Mourabit", "Ziani", "Belhaj", "Aït Said", "Achahbar",
         "Mokhtari", "Rahmouni", "El Hamdaoui", "Ouchan", "Essafi", "Kaddouri", "Amrani",
         "Bouali", "El Yassini", "Boujnane", "Akrouh", "Rachidi"),
    ),
    "sy": (
        ("Ahmad", "Mohammad", "Omar", "Khaled", "Mahmoud", "Ali", "Hussein", "Yousef", "Abdullah",
         "Rami", "Fadi", "Bashar", "Ammar", "Hasan", "Ibrahim", "Anas", "Tarek", "Wael", "Samer",
         "Majd", "Ghaith", "Firas", "Mazen", "Nizar"),
        ("Rasha", "Hiba", "Noor", "Lama", "Rania", "Yara", "Aya", "Dima", "Reem", "Amal", "Ghada",
         "Hala", "Nour", "Safaa", "Maryam", "Bushra", "Alaa", "Sawsan", "Fatima", "Shaza", "Raghad"),
        ("Al-Hassan", "Alkhatib", "Haddad", "Al Ahmad", "Darwish", "Hamoud", "Alali", "Al-Shami",
         "Kassem", "Othman", "Sabbagh", "Alsayed", "Al Masri", "Halabi", "Mansour", "Khalil",
         "Aljasem", "Ibrahim", "Hamdan", "Sulaiman", "Alhussein", "Barakat", "Najjar", "Alabdullah"),
    ),
    "er": (
        ("Yonas", "Tesfay", "Filmon", "Dawit", "Samuel", "Mebrahtu", "Habtom", "Kibrom", "Merhawi",
         "Biniam", "Yemane", "Tekle", "Robel", "Efrem", "Amanuel", "Okbay", "Senai", "Henok"),
        ("Helen", "Semhar", "Luwam", "Saba", "Selam", "Rahel", "Tsega", "Mihret", "Yordanos",
         "Feven", "Winta", "Hiwet", "Eden", "Ruta", "Senait", "Abrehet", "Delina"),
        ("Tesfamariam", "Ghebremedhin", "Haile", "Kidane", "Gebreyesus", "Tekle", "Woldu",
         "Berhane", "Habte", "Mehari", "Asmerom", "Yohannes", "Negash", "Zerai", "Tewolde",
         "Andemariam", "Weldemichael", "Russom", "Ghirmay", "Okubamichael"),
    ),
    "af": (
        ("Ahmad", "Mohammad", "Farid", "Jawad", "Nasir", "Hamid", "Mustafa", "Zabihullah", "Sayed",
         "Rahmatullah", "Basir", "Wahid"),
        ("Mariam", "Fatima", "Zahra", "Nilofar", "Shabnam", "Farzana", "Parwana", "Habiba", "Sima",
         "Mursal"),
        ("Ahmadi", "Rahimi", "Hashimi", "Sultani", "Nazari", "Mohammadi", "Karimi", "Noori",
         "Haidari", "Rezai", "Sharifi", "Wardak", "Popal"),
    ),
    "sr": (
        ("Roy", "Ricardo", "Marciano", "Romano", "Dennis", "Sergio", "Jermaine", "Orlando",
         "Giovanni", "Rajesh", "Ravi", "Anil", "Sunil", "Kishan", "Ramon", "Clyde", "Edson",
         "Stanley", "Ruben"),
        ("Sharon", "Rachel", "Priya", "Shanti", "Sunita", "Kavita", "Jennifer", "Melissa",
         "Shirley", "Natasja", "Germaine", "Esmeralda", "Ingrid", "Romana", "Chantal"),
        ("Ramdin", "Jairam", "Sewdien", "Kanhai", "Ramautar", "Biharie", "Doekhie", "Pinas",
         "Kromodimedjo", "Sno", "Abena", "Wijngaarde", "Fernandes", "Breeveld", "Kerwijk",
         "Sabajo", "Jong A Lin", "Tjon A Fong", "Djosetro", "Soerdjan", "Pengel", "Mangroe",
         "Sardjoe", "Amatsaleh"),
    ),
}

# Share of each origin in the caseload; Syrian, Eritrean and Afghan statushouders are a third.
ORIGIN_WEIGHTS: dict[str, int] = {
    "nl": 34, "sy": 15, "er": 12, "af": 6, "ma": 11, "tr": 10, "pl": 6, "sr": 6,
}
REFUGEE_ORIGINS = frozenset({"sy", "er", "af"})

_POLISH_FEMININE = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))


def pick_origin(rng: random.Random) -> str:
    """Return an origin key drawn with ORIGIN_WEIGHTS."""
    return rng.choices(list(ORIGIN_WEIGHTS), weights=list(ORIGIN_WEIGHTS.values()))[0]


def person_name(rng: random.Random, origin: str, female: bool) -> tuple[str, str]:
    """Return (first_name, last_name) of the given origin and sex."""
    male_first, female_first, last_names = _NAMES[origin]
    first = rng.choice(female_first if female else male_first)
    last = rng.choice(last_names)
    if origin == "pl" and female:
        for masculine, feminine in _POLISH_FEMININE:
            if last.endswith(masculine):
                last = last[: -len(masculine)] + feminine
                break
    return first, last


def staff_name(rng: random.Random) -> tuple[str, str]:
    """Return a name for an employer's contact person (any origin, Dutch most often)."""
    origin = rng.choices(("nl", "tr", "ma", "pl", "sr"), weights=(70, 8, 8, 6, 8))[0]
    return person_name(rng, origin, female=rng.random() < 0.5)
