"""No public profile column holds a candidate's name, birth date, postcode, e-mail, phone or id.

Candidates are generated with experience/about texts full of their own personal data in many
formats, published in bulk, and every column of every profile is searched for it.
"""
import random
import re
from datetime import date, timedelta

from sqlalchemy import select
from stdnum import iban as iban_check

from models import Candidate, CandidatePersonal, PublicProfile
from models.catalogue.publishing.bulk import publish_all_consented
from models.common import clock
from models.enums import Education, ProfileStatus
from seed.demo.names import person_name, pick_origin

TODAY = clock.today()
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
STREETS = ["Dorpsstraat", "De Rede", "Kerkweg", "Burgemeester de Withstraat", "Havenkade", "Lindelaan"]


def bsn(rng):
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1)))
        last = total % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


def iban(rng):
    account = f"{rng.randint(0, 9_999_999_999):010d}"
    base10 = "".join(str(int(ch, 36)) for ch in f"INGB{account}NL00")
    number = f"NL{98 - int(base10) % 97:02d}INGB{account}"
    assert iban_check.is_valid(number)
    return number


def phones(rng):
    n = f"{rng.randint(10_000_000, 99_999_999)}"
    return [f"06-{n}", f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", f"+31 6 {n}", f"+31(0)6{n}", f"0031 6 {n}",
            f"(0320) {n[:2]} {n[2:4]} {n[4:6]}", f"06{n}"]


def write_text(rng, first, last, born, postcode, email, phone_list, ext):
    d = born
    dates = [d.strftime("%d-%m-%Y"), d.strftime("%Y-%m-%d"), f"{d.day} {MONTHS[d.month - 1]} {d.year}",
             d.strftime("%d/%m/%y"), d.strftime("%d.%m.%Y")]
    number = iban(rng)
    experience = (  # one plain sentence survives the scrubber: a profile without a description is not published
        "Ervaren met orderpicken en de heftruck. "
        f"{first} {last} (geboren {rng.choice(dates)}) werkte vijf jaar in de productie. "
        f"Adres: {rng.choice(STREETS)} {rng.randint(1, 200)}{rng.choice(['', 'a', ' bis'])}, {postcode} Dronten. "
        f"Mevrouw {last} is bereikbaar op {phone_list[0]} en {phone_list[1]}. "
        f"Klantnummer {ext}, BSN {bsn(rng)}, rekening {number} ({' '.join(number[i:i + 4] for i in range(0, 18, 4))})."
    )
    about = (
        f"{first.upper()} zegt: mail naar {email} of bel {rng.choice(phone_list[2:])}. "
        f"Ook {phone_list[-1]} werkt. {first}'s begeleider belt op {rng.choice(dates)}. "
        f"Postcode {postcode.replace(' ', '')}, geboortedatum {rng.choice(dates)}, dossier {ext.lower()}."
    )
    return experience, about


def test_bulk_published_profiles_hold_no_personal_data(db, org):
    rng = random.Random(4)
    people = []
    for i in range(60):
        female = rng.random() < 0.5
        first, last = person_name(rng, pick_origin(rng), female)
        born = date(1960, 1, 1) + timedelta(days=rng.randint(0, 365 * 40))
        postcode = f"{rng.randint(8200, 8260)} {rng.choice('ABCDEGHJKLMN')}{rng.choice('ABCDEGHJKLMN')}"
        email = f"{first.lower()}.{last.lower().replace(' ', '')}@example.org"
        phone_list = phones(rng)
        ext = f"CL-{rng.randint(100000, 999999)}"
        experience, about = write_text(rng, first, last, born, postcode, email, phone_list, ext)
        candidate = Candidate(organisation_id=org.id, external_id=ext, place="Dronten",
                              education=Education.MBO2, desired_occupations=["productiemedewerker"],
                              skills=["orderpicken", "heftruck"], hours_min=24, hours_max=36,
                              publish_consent=True, consent_until=TODAY + timedelta(days=200))
        candidate.personal = CandidatePersonal(first_name=first, last_name=last, birth_date=born,
                                               postcode=postcode, city="Dronten", email=email,
                                               phone=phone_list[0], experience=experience, about=about)
        db.session.add(candidate)
        people.append((first, last, born, postcode, email, phone_list, ext))
    db.session.flush()

    result = publish_all_consented(db.session, TODAY, k=5)
    assert result.published >= 50, result.lines()
    profiles = db.session.scalars(select(PublicProfile)).all()
    assert len(profiles) == 60

    columns = [c.key for c in PublicProfile.__table__.columns]
    haystack = "\n".join(str(getattr(p, c)) for p in profiles for c in columns)
    digits_only = re.sub(r"\D", "", haystack)
    leaks = []
    for first, last, born, postcode, email, phone_list, ext in people:
        words = [first, last, *last.split(), email, ext, postcode, postcode.replace(" ", "")]
        words += [born.strftime(f) for f in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%y", "%d.%m.%Y")]
        words += [f"{born.day} {MONTHS[born.month - 1]} {born.year}"]
        for word in words:
            if len(word) > 2 and word.lower() not in {"van", "de", "der", "den", "el", "al", "ter", "ten"} and \
                    re.search(rf"(?<!\w){re.escape(word)}(?!\w)", haystack, re.IGNORECASE):
                leaks.append(word)
        for phone in phone_list:
            tail = re.sub(r"\D", "", phone)[-8:]
            if tail in digits_only:
                leaks.append(phone)
    assert leaks == []
    published = [p for p in profiles if p.status == ProfileStatus.PUBLISHED]
    # Sentences with an identifier are left out, the person's own name reads "de kandidaat", and no
    # bracket marker is left.
    assert published and all("[" not in (p.description or "") for p in published)
    assert result.changed == len([p for p in profiles if p.reviewed_at is not None])
