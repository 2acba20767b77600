"""Employer-contact register: staff, account managers, contact persons and ~18 months of contact moments."""
from __future__ import annotations

import random
import re
from datetime import date, datetime, time, timedelta
from typing import Any

from seed.demo.names import staff_name
from seed.demo.texts import fold, phone_number

STAFF: tuple[dict[str, str], ...] = (
    {"key": "account_manager@gemeente", "role": "account_manager", "name": "Marieke Hoekstra"},
    {"key": "account_manager2@gemeente", "role": "account_manager", "name": "Orhan Yavuz"},
    {"key": "matcher@gemeente", "role": "matcher", "name": "Sanne de Groot"},
    {"key": "matcher2@gemeente", "role": "matcher", "name": "Naima El Idrissi"},
    {"key": "coordinator@gemeente", "role": "coordinator", "name": "Peter van Dijk"},
)
ACCOUNT_MANAGERS = ("account_manager@gemeente", "account_manager2@gemeente")
FUNCTIONS = ("eigenaar", "directeur", "HR-adviseur", "P&O-medewerker", "bedrijfsleider", "vestigingsmanager",
             "teamleider productie", "hoofd logistiek", "office manager", "recruiter")
CHANNELS = ("visit", "phone", "email", "event", "other")
CHANNEL_WEIGHTS = (25, 35, 25, 8, 7)
SUBJECTS: dict[str, tuple[str, ...]] = {
    "visit": ("Kennismakingsgesprek", "Bedrijfsbezoek", "Rondleiding op de werkvloer", "Evaluatie proefplaatsing",
              "Gesprek over social return"),
    "phone": ("Vacature besproken", "Terugbelverzoek", "Nazorg plaatsing", "Vraag over loonkostensubsidie",
              "Afspraak gepland"),
    "email": ("Vacaturetekst ontvangen", "Informatie no-riskpolis gestuurd", "Cv's van kandidaten nagevraagd",
              "Verslag bedrijfsbezoek gestuurd", "Offerte social return"),
    "event": ("Werkgeversontbijt Dronten", "Netwerkbijeenkomst ondernemersvereniging", "Banenmarkt Lelystad",
              "Inspiratiesessie inclusief werkgeverschap"),
    "other": ("Gesprek op beurs", "Toevallige ontmoeting", "Via partner UWV doorverwezen"),
}
NOTES: tuple[str, ...] = (
    "{cp} heeft over een half jaar extra mensen nodig door uitbreiding; wil eerst een proefplaatsing.",
    "{cp} is positief over de vorige kandidaat, wil graag nog iemand voor de ochtenddienst.",
    "Besproken: werkervaringsplaats met begeleiding van een jobcoach. {cp} denkt erover na.",
    "Geen vacatures op dit moment, over drie maanden opnieuw contact.",
    "Vragen over loonkostensubsidie en de no-riskpolis beantwoord.",
    "Vacature {vacancy} doorgenomen; taalniveau A2 is voldoende volgens {cp}.",
    "Social-return-verplichting besproken, bedrijf zoekt kandidaten voor het groenonderhoud.",
    "{cp} heeft slechte ervaringen met uitzendkrachten en wil liever vaste mensen.",
    "Kandidaat is goed gestart, {cp} is tevreden. Nazorg over een maand.",
    "Afgesproken om de vacature te delen met UWV en de buurgemeenten.",
    "Werkplek bekeken: geschikt voor iemand die rolstoelafhankelijk is.",
    "{cp} wil meedoen aan het convenant statushouders, intentie 5 plaatsingen volgend jaar.",
)
FOLLOW_UPS = ("Terugbellen", "Kandidaten voorstellen", "Offerte social return sturen", "Bedrijfsbezoek plannen",
              "Evaluatie plaatsing", "Vacaturetekst aanscherpen met werkgever", "Uitnodiging bijeenkomst sturen")


def employer_accounts(rng: random.Random, employers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return per employer: `employer` (external id), `account_manager` (staff key), `status`."""
    return [{"employer": e["external_id"], "account_manager": rng.choice(ACCOUNT_MANAGERS),
             "status": rng.choices(("active", "prospect", "dormant"), weights=(70, 18, 12))[0]}
            for e in employers]


_LEGAL_FORMS = {"bv", "nv", "vof", "zn", "en", "cv", "de", "het", "van", "stichting"}


def _domain(name: str) -> str:
    """A valid host label from an employer's name ("Bakkerij Kruimel B.V." -> "bakkerij-kruimel")."""
    words = [re.sub(r"[^a-z0-9]", "", fold(word)) for word in name.split()]
    return "-".join([w for w in words if len(w) > 1 and w not in _LEGAL_FORMS][:2]) or "bedrijf"


def contact_persons(rng: random.Random, employers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return fictitious contact persons: `key`, `employer`, `first_name`, `last_name`, `function`,
    `email`, `phone`, `primary` (the first per employer)."""
    people = []
    for employer in employers:
        for n in range(rng.choices((1, 2, 3), weights=(55, 35, 10))[0]):
            first, last = staff_name(rng)
            domain = _domain(employer["name"])
            people.append({
                "key": f"CP-{len(people) + 1:04d}", "employer": employer["external_id"], "first_name": first,
                "last_name": last, "function": rng.choice(FUNCTIONS),
                "email": f"{fold(first)[:1]}.{fold(last)}@{domain}.example.nl",
                "phone": phone_number(rng, employer.get("city")), "primary": n == 0,
            })
    return people


def _moment_at(rng: random.Random, today: date) -> datetime:
    """Return a weekday working-hours moment in the 18 months before `today`."""
    day = today - timedelta(days=rng.randint(1, 548))
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    minutes = rng.randrange(8 * 60 + 30, 17 * 60, 15)
    return datetime.combine(day, time(minutes // 60, minutes % 60))


def contact_moments(rng: random.Random, today: date, accounts: list[dict[str, Any]],
                    persons: list[dict[str, Any]], vacancies: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Return `n` contact moments, oldest first.

    Keys: `key`, `employer`, `contact_person` (key or None), `staff` (staff key), `at` (ISO datetime),
    `channel` (visit/phone/email/event/other), `subject`, `notes`, `vacancy` (external id or None),
    `follow_up` (None or {`due_on`, `action`, `owner`, `done_on` (None while open; open and due_on
    before the reference date means overdue)}).
    """
    by_employer: dict[str, list[str]] = {}
    for p in persons:
        by_employer.setdefault(p["employer"], []).append(p["key"])
    first_names = {p["key"]: p["first_name"] for p in persons}
    vacancies_of: dict[str, list[dict[str, Any]]] = {}
    for v in vacancies:
        vacancies_of.setdefault(v["employer"], []).append(v)
    weights = [{"active": 6, "prospect": 2, "dormant": 1}[a["status"]] for a in accounts]
    moments = []
    for _ in range(n if accounts else 0):
        account = rng.choices(accounts, weights=weights)[0]
        employer = account["employer"]
        channel = rng.choices(CHANNELS, weights=CHANNEL_WEIGHTS)[0]
        person = rng.choice(by_employer[employer]) if employer in by_employer and rng.random() < 0.9 else None
        vacancy = rng.choice(vacancies_of[employer]) if employer in vacancies_of and rng.random() < 0.3 else None
        at = _moment_at(rng, today)
        notes = rng.choice(NOTES).format(cp=first_names.get(person, "De werkgever") if person else "De werkgever",
                                         vacancy=f"'{vacancy['title']}'" if vacancy else "")
        follow_up = None
        if rng.random() < 0.35:
            due = at.date() + timedelta(days=rng.randint(7, 60))
            done = None
            # A team that keeps up: older follow-ups are done, a few of the last week's are late.
            if due < today and rng.random() < (0.6 if (today - due).days <= 7 else 0.98):
                done = min(today, due + timedelta(days=rng.randint(-5, 10))).isoformat()
            follow_up = {"due_on": due.isoformat(), "action": rng.choice(FOLLOW_UPS),
                         "owner": rng.choice(ACCOUNT_MANAGERS + ("matcher@gemeente",)), "done_on": done}
        moments.append({"employer": employer, "contact_person": person,
                        "staff": account["account_manager"] if rng.random() < 0.85 else rng.choice(STAFF)["key"],
                        "at": at.isoformat(), "channel": channel, "subject": rng.choice(SUBJECTS[channel]),
                        "notes": notes.replace("  ", " "), "vacancy": vacancy["external_id"] if vacancy else None,
                        "follow_up": follow_up})
    moments.sort(key=lambda m: (m["at"], m["employer"]))
    return [{"key": f"CM-{i:04d}", **m} for i, m in enumerate(moments, start=1)]
