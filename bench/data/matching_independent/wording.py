"""Small helpers for the texts: joining lists in Dutch and English, picking a wording of a skill or
title, years, postcodes and dates."""
import datetime as dt
import unicodedata

import families as F

POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"


def join_nl(items):
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def join_en(items):
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def pred(t):
    """A trait as predicate: 'je bent flexibel', 'je bent een teamspeler'."""
    return f"een {t}" if t in ("teamspeler", "team player") else t


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(ch for ch in s.lower() if ch.isalnum())


def wchoice(rng, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights, k=1)[0]


def skill_form(rng, sid, p_odd=0.2):
    s = F.SKILLS[sid]
    if s["odd"] and rng.random() < p_odd:
        return rng.choice(s["odd"])
    return rng.choice(s["forms"])


def title_form(rng, occ, p_odd=0.18, licences=None):
    o = F.OCCUPATIONS[occ]
    pool = o["odd"] if rng.random() < p_odd else o["titles"]
    if licences is not None and occ == "chauffeur":
        # a person does not call themselves a CE driver without the CE licence
        pool = [t for t in pool if ("CE" not in t or "CE" in licences) and (" C" not in t + " " or "C" in licences)]
        pool = pool or ["chauffeur"]
    return rng.choice(pool)


NUM_WORDS = {1: "een", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht",
             9: "negen", 10: "tien", 11: "elf", 12: "twaalf"}


def years_phrase(rng, n):
    opts = [f"{n} jaar", f"ruim {n} jaar", f"ongeveer {n} jaar"]
    if n in NUM_WORDS:
        opts += [f"{NUM_WORDS[n]} jaar", f"ruim {NUM_WORDS[n]} jaar"]
    return rng.choice(opts)


def postcode(rng, city):
    pc4 = F.PLACES[city][0]
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            break
    return f"{pc4} {letters}" if rng.random() < 0.85 else f"{pc4}{letters}"


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def nl_date(d):
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    return f"{d.day} {months[d.month - 1]} {d.year}"
