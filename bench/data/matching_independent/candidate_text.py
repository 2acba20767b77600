"""Candidate texts written from the truth: persona details, work history, about text and the
werkbrug-import/1 candidate record."""
import datetime as dt

import families as F
from grades import REL
from people import OFFICE
from wording import (
    ascii_slug,
    cap,
    join_en,
    join_nl,
    nl_date,
    pred,
    rand_date,
    skill_form,
    title_form,
    wchoice,
    years_phrase,
)

EDU_TEXT = {
    "none": ["Geen diploma.", "Geen opleiding afgerond."],
    "primary": ["Basisschool / praktijkonderwijs.", "Praktijkonderwijs afgerond."],
    "vmbo": ["vmbo-basis.", "vmbo kader, diploma gehaald.", "mavo (niet afgemaakt)."],
    "mbo1": ["mbo-1 Entree.", "Entreeopleiding (mbo-1)."],
    "mbo2": ["mbo-2 diploma.", "mbo niveau 2."],
    "mbo3": ["mbo-3 diploma.", "mbo niveau 3 afgerond."],
    "mbo4": ["mbo-4 diploma."],
    "havo_vwo": ["havo-diploma.", "havo, daarna een jaar hbo (gestopt)."],
    "hbo": ["hbo-diploma (bedrijfskunde)."],
    "foreign_unrecognised": ["Middelbare school in {country}, diploma niet erkend in NL.",
                             "Diploma uit {country} (niet gewaardeerd).", "Tien jaar school in {country}."],
}


EDU_RANK = ["none", "primary", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", "wo"]


def persona_profile(rng, c):
    p = c["persona"]
    if p == "statushouder":
        origin = wchoice(rng, [("sy", 5), ("er", 3), ("af", 2)])
        edu = wchoice(rng, [("foreign_unrecognised", 50), ("none", 20), ("primary", 10), ("mbo1", 15), ("mbo2", 5)])
        dutch = wchoice(rng, [("A1", 15), ("A2", 45), ("B1", 35), ("B2", 5)])
        groups = ["participatiewet", "statushouder"]
        age = rng.randint(20, 55)
    elif p == "bijstand":
        origin = wchoice(rng, [("nl", 65), ("tr", 15), ("sr", 10), ("pl", 10)])
        edu = wchoice(rng, [("vmbo", 30), ("mbo1", 20), ("mbo2", 30), ("primary", 10), ("mbo3", 10)])
        dutch = wchoice(rng, [("C1", 6), ("C2", 4)]) if origin == "nl" else wchoice(rng, [("B1", 5), ("B2", 4), ("C1", 1)])
        groups = ["participatiewet"]
        age = rng.randint(23, 62)
    elif p == "herintreder":
        origin = wchoice(rng, [("nl", 70), ("tr", 20), ("sr", 10)])
        edu = wchoice(rng, [("vmbo", 30), ("mbo2", 30), ("mbo3", 20), ("havo_vwo", 15), ("mbo4", 5)])
        dutch = wchoice(rng, [("C1", 6), ("C2", 3)]) if origin == "nl" else wchoice(rng, [("B2", 6), ("C1", 3)])
        groups = wchoice(rng, [(["participatiewet"], 8), (["nug"], 2)])
        age = rng.randint(32, 60)
    elif p == "jongere":
        origin = wchoice(rng, [("nl", 60), ("tr", 20), ("sr", 10), ("sy", 10)])
        edu = wchoice(rng, [("vmbo", 35), ("mbo1", 30), ("mbo2", 20), ("none", 15)])
        dutch = wchoice(rng, [("B2", 4), ("C1", 6)])
        groups = ["participatiewet"]
        age = rng.randint(18, 26)
    else:
        origin = wchoice(rng, [("nl", 80), ("tr", 10), ("sr", 10)])
        edu = wchoice(rng, [("primary", 40), ("vmbo", 30), ("mbo1", 25), ("mbo2", 5)])
        dutch = wchoice(rng, [("B2", 4), ("C1", 6)])
        groups = wchoice(rng, [(["participatiewet", "banenafspraak"], 6), (["wajong", "banenafspraak"], 3), (["wia"], 1)])
        age = rng.randint(19, 58)
    if c["occ"] in OFFICE and dutch in ("A1", "A2"):
        dutch = "B1"
    # a Dutch vocational diploma that the person holds sets a floor to the education level
    for sid, floor in (("diploma_pw", "mbo3"), ("diploma_helpende", "mbo2"), ("svh_kok", "mbo2"),
                       ("diploma_beveiliger", "mbo2")):
        if sid in c["held"] and (edu == "foreign_unrecognised" or EDU_RANK.index(edu) < EDU_RANK.index(floor)):
            edu = floor
            if dutch in ("A1", "A2"):
                dutch = "B1"
    c.update(origin=origin, edu=edu, dutch=dutch, groups=groups, age=age,
             country=rng.choice(F.COUNTRY[origin]))
    first = rng.choice(F.NAMES[origin][0])
    last = rng.choice(F.NAMES[origin][1])
    c["first"], c["last"] = first, last
    birth_year = 2026 - age
    c["birth"] = rand_date(rng, dt.date(birth_year - 1, 7, 1), dt.date(birth_year, 6, 30))


def low_dutch(c):
    return c["dutch"] in ("A1", "A2")


def experience_text(rng, c, todo):
    """Work history in one of several styles. Mentions the skills in `todo` (removes them)."""
    occ, n = c["occ"], c["years"]
    o = F.OCCUPATIONS[occ]
    statush = c["persona"] == "statushouder"
    lines = []

    def take(k):
        picked = todo[:k]
        del todo[:k]
        return picked

    if n == 0:
        style = wchoice(rng, [("none", 3), ("note0", 2)])
        if style == "none":
            lines.append(rng.choice(["Nog geen betaalde werkervaring in Nederland.", "Geen werkervaring.",
                                     f"Geen werkervaring als {title_form(rng, occ, 0, licences=c['licences'])}."]))
            if rng.random() < 0.5:
                lines.append(f"Snuffelstage van twee weken bij {rng.choice(o['places'])}.")
        else:
            lines.append(f"Kandidaat heeft nog niet als {title_form(rng, occ, licences=c['licences'])} gewerkt, maar wil dit graag.")
        picked = take(len(todo))
        if picked:
            lines.append(rng.choice(["Wel gehaald/geleerd: ", "Via cursus en stage: ", "Kan al: "]) +
                         join_nl([skill_form(rng, s) for s in picked]) + ".")
        lines.append(rng.choice(F.NEUTRAL_ACTIVITIES))
        return "\n".join(lines)

    if c["sparse"]:
        where = rng.choice(o["places"])
        t = title_form(rng, occ, licences=c["licences"])
        return rng.choice([f"{years_phrase(rng, n)} {t} bij {where}.", f"{cap(t)}, {years_phrase(rng, n)}.",
                           f"Werkte {years_phrase(rng, n)} als {t}."])

    style_opts = [("cv", 35), ("informal", 25), ("note", 25), ("english", 6)]
    if statush:
        style_opts.append(("abroad", 35))
    if low_dutch(c):
        style_opts = [(s, w) for s, w in style_opts if s != "informal"] + [("simple", 30)]
    style = wchoice(rng, style_opts)
    end = rng.randint(2010, 2019) if c["persona"] == "herintreder" else rng.randint(2022, 2026)
    start = end - n

    if style == "cv":
        if n >= 3 and rng.random() < 0.5:
            n1 = rng.randint(1, n - 1)
            jobs = [(start, start + n1), (start + n1, end)]
        else:
            jobs = [(start, end)]
        for a, b in reversed(jobs):
            t = title_form(rng, occ, licences=c["licences"])
            where = rng.choice(o["places"])
            lines.append(f"{a} – {b}  {cap(t)} bij {where} ({rng.choice(list(F.PLACES))})")
            picked = take(rng.randint(1, 3)) if todo else []
            if picked:
                lines.append("    Taken: " + ", ".join(skill_form(rng, s) for s in picked) + ".")
        if c["persona"] == "herintreder":
            lines.append(f"{end} – 2025  Thuis voor de kinderen / mantelzorg.")
        elif rng.random() < 0.3:
            lines.append(rng.choice(F.NEUTRAL_ACTIVITIES))
    elif style == "informal":
        lines.append(f"Ik {rng.choice(o['informal'])}, {years_phrase(rng, n)} in totaal.")
        for s in take(rng.randint(1, 3)):
            lines.append(f"Ik {rng.choice(F.SKILLS[s]['said'])}.")
        if c["persona"] == "herintreder":
            lines.append(f"Na {end} ben ik thuis geweest voor mijn gezin.")
    elif style == "note":
        t = title_form(rng, occ, licences=c["licences"])
        lines.append(f"Kandidaat heeft ca. {n} jr ervaring als {t} ({rng.choice(o['places'])}), laatst in {end}.")
        picked = take(rng.randint(1, 4))
        if picked:
            lines.append("Werkzaamheden: " + ", ".join(skill_form(rng, s) for s in picked) + ".")
    elif style == "english":
        lines.append(f"Worked {n} year{'s' if n > 1 else ''} as {o['en']} ({start}-{end}).")
        picked = take(rng.randint(1, 3))
        if picked:
            lines.append("Tasks: " + join_en([F.SKILLS[s]["en"] for s in picked]) + ".")
    elif style == "abroad":
        t = title_form(rng, occ, 0.05, licences=c["licences"])
        lines.append(rng.choice([f"In {c['country']} {years_phrase(rng, n)} gewerkt als {t}.",
                                 f"{c['country']}: {t}, {years_phrase(rng, n)} ({rng.choice(o['places'])}).",
                                 f"Heeft in {c['country']} {years_phrase(rng, n)} als {t} gewerkt."]))
        picked = take(rng.randint(1, 3))
        if picked:
            lines.append("Daar deed ik: " + ", ".join(skill_form(rng, s, 0.3) for s in picked) + ".")
        lines.append(rng.choice(["In Nederland nog geen betaald werk.", "Inburgering afgerond.",
                                 "In NL: werkervaringsplek via de gemeente.", "Nu aan het inburgeren."]))
    else:  # simple Dutch
        t = title_form(rng, occ, 0.3, licences=c["licences"])
        lines.append(rng.choice([f"Ik werk {n} jaar als {t}.", f"Ik heb {n} jaar {t} gewerkt.",
                                 f"Ik was {t}, {n} jaar."]))
        picked = take(rng.randint(1, 3))
        if picked:
            lines.append("Ik kan " + join_nl([skill_form(rng, s, 0.3) for s in picked]) + ".")
    if c["confuser"] and rng.random() < 0.6:
        lines.append(c["confuser"])
        c["confuser_used"] = True
    return "\n".join(lines)


def about_text(rng, c, todo, desired):
    parts = []
    low = low_dutch(c)
    traits = rng.sample(F.TRAITS, k=rng.randint(1, 3))
    title = title_form(rng, c["occ"], 0.1, licences=c["licences"])
    style = wchoice(rng, [("simple", 1)]) if low and rng.random() < 0.7 else wchoice(rng, [("own", 5), ("note", 5)])
    lic = c["licences"]
    if style == "simple":
        parts.append(rng.choice([f"Ik heet {c['first']}.", f"Ik ben {c['first']}, ik kom uit {c['country']}.",
                                 f"Ik woon in {c['city']}."]))
        if c["years"] == 0 or not desired or rng.random() < 0.5:
            parts.append(rng.choice([f"Ik wil graag werken als {title}.", f"Ik zoek werk als {title}.",
                                     f"Mijn wens: {rng.choice(F.OCCUPATIONS[c['occ']]['wish'])}."]))
        parts.append(f"Ik ben {pred(traits[0])}." if rng.random() < 0.6 else "Ik ben hard werken.")
        parts.append(f"Ik kan {c['hmin']} tot {c['hmax']} uur werken.")
        if "B" not in lic:
            parts.append(rng.choice(["Ik heb geen auto, ik ga met de fiets.", "Geen rijbewijs. Ik ga met de bus.",
                                     "Ik heb geen rijbewijs."]))
        for s in todo:
            parts.append(f"Ik {rng.choice(F.SKILLS[s]['said'])}.")
    elif style == "own":
        parts.append(rng.choice([f"Ik ben {pred(traits[0])}." if traits[0] == "teamspeler" else f"Ik ben een {traits[0]} persoon.",
                                 f"Ik ben {pred(traits[0])} en werk graag samen.",
                                 f"Mensen omschrijven mij als {join_nl([pred(t) for t in traits])}.",
                                 f"Ik ben {join_nl([pred(t) for t in traits])} en kom mijn afspraken na.",
                                 "Ik wil graag weer aan het werk en ben snel inzetbaar."]))
        if c["years"] == 0 or not desired or rng.random() < 0.5:
            parts.append(rng.choice([f"Het liefst ga ik aan de slag als {title}.",
                                     f"Mijn wens is {rng.choice(F.OCCUPATIONS[c['occ']]['wish'])}.",
                                     f"Ik zoek een baan als {title}, liefst in de buurt."]))
        for s in todo:
            parts.append(f"En ik {rng.choice(F.SKILLS[s]['said'])}." if rng.random() < 0.3 else f"Ik {rng.choice(F.SKILLS[s]['said'])}.")
        parts.append(rng.choice([f"Ik kan {c['hmin']}-{c['hmax']} uur per week werken.",
                                 f"Beschikbaar voor {c['hmin']} tot {c['hmax']} uur.",
                                 f"Ik zoek werk voor {c['hmin']} à {c['hmax']} uur in de week."]))
        if "B" in lic:
            parts.append(rng.choice([f"Ik heb een auto en wil tot zo'n {c['max_km']} km reizen.",
                                     "Eigen vervoer aanwezig.", f"Ik heb rijbewijs {'/'.join(x for x in lic if x != 'AM')}."]))
        else:
            parts.append(rng.choice(["Ik heb geen rijbewijs, ik reis met fiets of bus.",
                                     f"Zonder auto, dus niet verder dan ongeveer {c['max_km']} km.", ""]))
    else:
        dte = rand_date(rng, dt.date(2025, 9, 1), dt.date(2026, 10, 30))
        parts.append(f"Intake {dte.isoformat()}: kandidaat is {join_nl([pred(t) for t in traits])}, komt afspraken na.")
        if c["years"] == 0 or not desired or rng.random() < 0.6:
            parts.append(f"Wens: {rng.choice(F.OCCUPATIONS[c['occ']]['wish'])} ({title}).")
        if todo:
            parts.append("Kan ook: " + ", ".join(skill_form(rng, s) for s in todo) + ".")
        parts.append(f"Uren: {c['hmin']}-{c['hmax']}. Reisafstand max. {c['max_km']} km"
                     f"{' (eigen auto)' if 'B' in lic else ' (fiets/ov)'}.")
        if c["persona"] == "beperking":
            parts.append(rng.choice(["Arbeidsbeperking (rugklachten), geen zwaar tilwerk langer dan een uur.",
                                     "Doelgroepregister banenafspraak; heeft baat bij vaste structuur en een vaste begeleider.",
                                     "Licht verstandelijke beperking, leert het best door voordoen."]))
    todo.clear()
    # reasons that go with the hard-requirement data (written for everybody, not only for breakers)
    if c["avail"] > dt.date(2027, 1, 1) and rng.random() < 0.7:
        parts.append(f"Beschikbaar vanaf {nl_date(c['avail'])}: " +
                     rng.choice(["eerst de inburgering afronden.", "eerst een cursus afmaken.",
                                 "nog herstellen van een operatie.", "dan is de verhuizing rond.",
                                 "nog een lopend tijdelijk contract."]))
    if c.get("lic_story"):
        parts.append(c["lic_story"])
    if c["hmax"] <= 18 and rng.random() < 0.6:
        parts.append(rng.choice(["Kan alleen onder schooltijd werken.", "Meer uren lukt nog niet (belastbaarheid).",
                                 "Wil eerst klein beginnen."]))
    if c["hmin"] >= 26 and rng.random() < 0.6:
        parts.append(rng.choice(["Zoekt echt een fulltime baan.", "Wil minimaal " + str(c["hmin"]) + " uur werken om uit de bijstand te komen."]))
    if c["negwish"]:
        parts.append(rng.choice(F.NEGATIVE_WISHES).format(x=c["negwish"]))
    if c["confuser"] and not c.get("confuser_used"):
        parts.append(c["confuser"])
    return " ".join(p for p in parts if p)


def candidate_record(rng, c):
    occ = c["occ"]
    o = F.OCCUPATIONS[occ]
    held = list(c["held"])
    rng.shuffle(held)
    # licence stories for people whose missing licence matters
    c["lic_story"] = None
    if occ == "chauffeur" and "C" not in c["licences"]:
        c["lic_story"] = (f"Reed in {c['country']} vrachtwagen, maar heeft nog geen Nederlands rijbewijs C/CE."
                          if c["origin"] != "nl" else
                          "Rijbewijs C/CE is verlopen; de medische keuring moet nog opnieuw.")
    elif occ == "chauffeur" and "CE" not in c["licences"] and rng.random() < 0.5:
        c["lic_story"] = "Heeft rijbewijs C, nog geen CE (aanhanger/oplegger)."
    elif "B" not in c["licences"] and rng.random() < 0.25:
        c["lic_story"] = rng.choice(["Is bezig met rijlessen, examen staat gepland.",
                                     f"Rijbewijs uit {c['country']} is nog niet omgezet." if c["origin"] != "nl"
                                     else "Rijbewijs is ingetrokken, nog niet terug.",
                                     "Heeft geen rijbewijs."])
    rec = {"external_id": c["id"], "first_name": c["first"], "last_name": c["last"],
           "birth_date": c["birth"].isoformat(), "postcode": c["pc"], "city": c["city"]}
    if rng.random() < 0.7:
        rec["email"] = f"{ascii_slug(c['first'])}.{ascii_slug(c['last'])}{rng.randint(1, 99) if rng.random() < 0.4 else ''}@example.org"
    if rng.random() < 0.4:
        rec["phone"] = f"06-00{rng.randint(100000, 999999)}"
    rec["education"] = c["edu"]
    rec["dutch_level"] = c["dutch"]
    rec["driving_licences"] = list(c["licences"])
    # certificates
    certs, todo = [], []
    for s in held:
        if F.SKILLS[s]["cert"] and rng.random() < 0.6:
            certs.append(rng.choice(F.SKILLS[s]["cert"]))
        else:
            todo.append(s)
    if certs:
        rec["certificates"] = certs
    if c["sparse"]:     # the job title in the work history says it all
        todo = [s for s in todo if s not in o["implied"]]
    rec.update({"hours_min": c["hmin"], "hours_max": c["hmax"], "available_from": c["avail"].isoformat(),
                "max_travel_km": c["max_km"]})
    # desired occupations
    desired = []
    if rng.random() < 0.8 or (c["years"] == 0 and rng.random() < 0.5):
        desired.append(title_form(rng, occ, licences=c["licences"]))
        if rng.random() < 0.3:
            alt = title_form(rng, occ, 0.5, licences=c["licences"])
            if alt != desired[0]:
                desired.append(alt)
        others = sorted(b for (a, b), r in REL.items() if a == occ)
        if others and rng.random() < 0.2:
            desired.append(title_form(rng, rng.choice(others), 0.1))
        if rng.random() < 0.05:
            desired.append(rng.choice(["maakt niet uit", "alles", "iets in de buurt"]))
    rec["desired_occupations"] = desired
    # skills
    mode = "sparse" if c["sparse"] else wchoice(rng, [("list", 55), ("empty", 25), ("few", 20)])
    skills = []
    if mode == "list":
        listed = [s for s in todo if rng.random() < 0.7]
        skills = [skill_form(rng, s) for s in listed]
        todo = [s for s in todo if s not in listed]
        skills += rng.sample(F.TRAITS, k=rng.randint(0, 3))
    elif mode in ("few", "sparse"):
        skills = rng.sample(F.TRAITS, k=rng.randint(0, 3))
        if mode == "few" and todo and rng.random() < 0.5:
            skills.insert(0, skill_form(rng, todo.pop(0)))
    rng.shuffle(skills)
    if skills or rng.random() < 0.5:
        rec["skills"] = skills
    # negated skill (a skill of this occupation the person does not hold)
    missing = [s for s in o["core"] if s not in c["held"] and F.SKILLS[s]["cert"]]
    neg = None
    if missing and rng.random() < 0.4:
        s = rng.choice(missing)
        word = F.SKILLS[s]["cert"][0]
        neg = rng.choice([f"Nog geen {word}, wil dat graag halen.",
                          f"Heeft (nog) geen {word}.",
                          f"{cap(word)}: nee, nog niet."])
    rng_todo_exp = todo[:]
    exp_todo = rng_todo_exp[: max(0, len(rng_todo_exp) - rng.randint(0, 1))]
    about_todo = rng_todo_exp[len(exp_todo):]
    exp = experience_text(rng, c, exp_todo)
    about_todo = exp_todo + about_todo      # whatever the work history did not mention
    edu_line = rng.choice(EDU_TEXT[c["edu"]]).format(country=c["country"])
    if rng.random() < 0.5:
        exp = exp + "\nOpleiding: " + edu_line
    if neg:
        exp = exp + "\n" + neg
    rec["experience"] = exp
    rec["about"] = about_text(rng, c, about_todo, desired)
    ladder = rng.choice([2, 3, 3, 4, 4, 5])
    rec["ladder"] = ladder
    rec["ladder_assessed_on"] = rand_date(rng, dt.date(2025, 3, 1), dt.date(2026, 10, 30)).isoformat()
    rec["target_groups"] = list(c["groups"])
    rec["benefit_since"] = rand_date(rng, dt.date(2014, 1, 1), dt.date(2026, 6, 1)).isoformat()
    consent = rng.random() < 0.6
    rec["publish_consent"] = consent
    if consent:
        rec["consent_until"] = rand_date(rng, dt.date(2027, 6, 1), dt.date(2028, 12, 31)).isoformat()
    return rec
