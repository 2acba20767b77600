"""Employers and vacancies: their truth (from families.VACANCY_SPECS, with drawn hours and start
dates) and the vacancy texts written from it."""
import datetime as dt

import families as F
from wording import cap, join_en, join_nl, nl_date, postcode, pred, skill_form, title_form, wchoice

VAC_HOURS = [(32, 40), (24, 32), (16, 24), (20, 36), (8, 16), (12, 20), (24, 40), (36, 40),
             (16, 32), (12, 24), (28, 40), (20, 32)]   # vacancy hours, all multiples of 4


def build_employers(rng):
    out = []
    for i, (name, sector, city, size, social) in enumerate(F.EMPLOYERS):
        e = {"external_id": f"IV-E{i + 1:03d}", "name": name, "kvk": f"{rng.randint(30000000, 99999999)}",
             "sector": sector, "postcode": postcode(rng, city), "city": city, "size": size}
        if social:
            e["social_enterprise"] = True
        out.append(e)
    return out


def build_vacancies(rng, employers):
    vacs = []
    mondays = []
    d = dt.date(2027, 1, 4)
    while d <= dt.date(2027, 9, 27):
        mondays.append(d)
        d += dt.timedelta(days=7)
    for i, (occ, emp, city, req, pref, min_years, lic, dutch, edu) in enumerate(F.VACANCY_SPECS):
        hmin, hmax = rng.choice(VAC_HOURS)
        vacs.append(dict(id=f"IV-V{i + 1:03d}", occ=occ, family=F.OCCUPATIONS[occ]["family"],
                         employer=employers[emp], city=city, req=list(req), pref=list(pref),
                         min_years=min_years, licence=lic, dutch=dutch, edu=edu, hmin=hmin, hmax=hmax,
                         start=rng.choice(mondays), pc=postcode(rng, city)))
    return vacs


def vacancy_record(rng, v):
    occ = v["occ"]
    o = F.OCCUPATIONS[occ]
    style = wchoice(rng, [("short", 20), ("long", 30), ("bullets", 25), ("english", 12), ("note", 13)])
    v["style"] = style
    en = style == "english"
    vlic = {"C": ["B", "C"], "CE": ["B", "C", "CE"]}.get(v["licence"], ["B"])
    title_word = o["en"] if en else title_form(rng, occ, 0.12, licences=vlic)
    city = v["city"]
    if en:
        title = wchoice(rng, [(f"{cap(title_word)} ({v['hmin']}-{v['hmax']} hrs)", 1),
                              (f"{cap(title_word)} – {city}", 1), (f"We are hiring: {title_word}", 1)])
    else:
        title = wchoice(rng, [(f"{cap(title_word)} (m/v/x)", 2), (f"{cap(title_word)} {v['hmin']}-{v['hmax']} uur", 2),
                              (f"{cap(title_word)} in {city}", 2), (f"Wij zoeken een {title_word}!", 1),
                              (f"{cap(title_word)}", 2), (f"{cap(title_word)} – {v['employer']['name']}", 1)])
    rec = {"external_id": v["id"], "employer": v["employer"]["external_id"], "title": title}
    occ_mode = wchoice(rng, [("own", 65), ("en", 15), ("none", 20)])
    if occ_mode == "own":
        rec["occupation"] = title_form(rng, occ, 0.1, licences=vlic)
    elif occ_mode == "en":
        rec["occupation"] = o["en"]

    req_mode = wchoice(rng, [("list", 60), ("desc", 20), ("mixed", 20)])
    pref_mode = wchoice(rng, [("list", 55), ("desc", 30), ("none", 15)]) if v["pref"] else "none"
    fmt = (lambda s: F.SKILLS[s]["en"]) if en else (lambda s: skill_form(rng, s, 0.12))
    req_words = [fmt(s) for s in v["req"]]
    pref_words = [fmt(s) for s in v["pref"]]
    traits = rng.sample(F.TRAITS_EN if en else F.TRAITS, k=rng.randint(1, 3))
    tasks = [fmt(s) for s in o["core"] if s not in v["req"] and not F.SKILLS[s]["cert"]][:3]

    req_list, desc_ids = [], []
    if req_mode == "list":
        req_list = [fmt(s) for s in v["req"]]
        desc_ids = list(v["req"]) if rng.random() < 0.5 else []
    elif req_mode == "desc":
        desc_ids = list(v["req"])
    else:
        k = rng.randint(1, max(1, len(v["req"]) - 1)) if len(v["req"]) > 1 else 0
        req_list = [fmt(s) for s in v["req"][:k]]
        desc_ids = list(v["req"][k:]) if k else list(v["req"])
    word_of = dict(zip(v["req"], req_words))
    desc_req = [word_of[s] for s in desc_ids]
    desc_skills = [word_of[s] for s in desc_ids if not F.SKILLS[s]["cert"]]
    desc_certs = [word_of[s] for s in desc_ids if F.SKILLS[s]["cert"]]
    if req_list and rng.random() < 0.3:
        req_list.append(rng.choice(F.TRAITS_EN if en else F.TRAITS))
    years_txt = ""
    if v["min_years"]:
        years_txt = (f"at least {v['min_years']} years of experience as a {o['en']}" if en else
                     rng.choice([f"minimaal {v['min_years']} jaar ervaring als {title_form(rng, occ, 0, licences=vlic)}",
                                 f"je hebt al {v['min_years']} jaar of langer als {title_form(rng, occ, 0, licences=vlic)} gewerkt",
                                 f"{v['min_years']}+ jaar werkervaring in een vergelijkbare functie"]))
        if req_list and rng.random() < 0.5:
            req_list.append(f"{v['min_years']} years experience" if en else f"minimaal {v['min_years']} jaar ervaring")
    pref_list = pref_words if pref_mode == "list" else []
    desc_pref = pref_words if pref_mode == "desc" or (pref_mode == "list" and rng.random() < 0.3) else []

    lic_txt = ""
    if v["licence"]:
        lic_txt = (f"driving licence {v['licence']}" if en else
                   rng.choice([f"rijbewijs {v['licence']}", f"je hebt rijbewijs {v['licence']}",
                               f"in het bezit van rijbewijs {v['licence']} (eis)"]))
    dutch_txt = ""
    if v["dutch"]:
        dutch_txt = (f"Dutch at {v['dutch']} level" if en else
                     rng.choice([f"Nederlands op {v['dutch']}-niveau", f"je spreekt en begrijpt Nederlands (minimaal {v['dutch']})"]))
    start_txt = nl_date(v["start"])
    emp = v["employer"]["name"]
    hours_txt = f"{v['hmin']} tot {v['hmax']} uur per week"

    if style == "short":
        parts = [f"{emp} zoekt een {title_word} in {city}, {hours_txt}, start {start_txt}."]
        must = join_nl(desc_req + ([years_txt] if years_txt else []) + ([lic_txt] if lic_txt else []))
        if must:
            parts.append(f"Vereist: {must}.")
        if desc_pref:
            parts.append(f"Pré: {join_nl(desc_pref)}.")
        if rng.random() < 0.5:
            parts.append(f"Ben jij {join_nl([pred(t) for t in traits])}? Reageer snel!")
        desc = " ".join(parts)
    elif style == "long":
        parts = [rng.choice(F.MARKETING),
                 f"{emp} in {city} is een {rng.choice(['groeiend bedrijf', 'familiebedrijf', 'modern bedrijf', 'sociaal betrokken bedrijf'])} "
                 f"waar collega's voor elkaar klaarstaan. Voor ons team zoeken wij per {start_txt} een enthousiaste {title_word}."]
        if tasks:
            parts.append(f"Wat ga je doen? Je houdt je vooral bezig met {join_nl(tasks)}. Geen dag is hetzelfde!")
        wie = [f"je bent {join_nl([pred(t) for t in traits])}"]
        if desc_skills:
            wie.append(f"je hebt ervaring met {join_nl(desc_skills)}")
        if desc_certs:
            wie.append(f"je bent in het bezit van {join_nl(desc_certs)}")
        if years_txt:
            wie.append(years_txt)
        if lic_txt:
            wie.append(lic_txt)
        if dutch_txt:
            wie.append(dutch_txt)
        parts.append("Wie ben jij? " + cap("; ".join(wie)) + ".")
        if desc_pref:
            parts.append(f"Heb je ook ervaring met {join_nl(desc_pref)}? Dan heb je een streepje voor.")
        offer = rng.sample(F.CAO_PHRASES, 2)
        parts.append(f"Wat bieden wij? {offer[0]}, {offer[1][0].lower() + offer[1][1:]} en een baan van {hours_txt}.")
        parts.append("Ook kandidaten met een afstand tot de arbeidsmarkt nodigen we van harte uit om te reageren.")
        desc = "\n\n".join(parts)
    elif style == "bullets":
        lines = [f"Functie: {title_word}", f"Locatie: {city}", f"Uren: {v['hmin']}-{v['hmax']} p/w",
                 f"Startdatum: {v['start'].isoformat()}"]
        if tasks:
            lines.append("Taken:")
            lines += [f"- {t}" for t in tasks]
        eisen = desc_req + ([years_txt] if years_txt else []) + ([lic_txt] if lic_txt else []) + ([dutch_txt] if dutch_txt else [])
        if eisen:
            lines.append("Eisen:")
            lines += [f"- {e}" for e in eisen]
        if desc_pref:
            lines.append("Wensen:")
            lines += [f"- {p}" for p in desc_pref]
        lines.append(f"Competenties: {', '.join(traits)}")
        desc = "\n".join(lines)
    elif style == "english":
        parts = [f"{emp} in {city} is looking for a {title_word} ({v['hmin']}-{v['hmax']} hours a week), starting {v['start'].isoformat()}."]
        if tasks:
            parts.append(f"You will mainly do {join_en(tasks)}.")
        must = desc_req + ([years_txt] if years_txt else []) + ([lic_txt] if lic_txt else []) + ([dutch_txt] if dutch_txt else [])
        if must:
            parts.append(f"Requirements: {join_en(must)}.")
        if desc_pref:
            parts.append(f"Nice to have: {join_en(desc_pref)}.")
        parts.append(f"You are {join_en([('a ' + t) if t == 'team player' else t for t in traits])}. Dutch colleagues will help you settle in.")
        desc = " ".join(parts)
    else:  # note by the employer consultant
        parts = [f"Werkgeversnotitie ({emp}): zoekt {title_word} voor de vestiging {city}, {hours_txt}, vanaf {start_txt}."]
        if desc_skills or years_txt:
            parts.append("Moet kunnen: " + join_nl(desc_skills + ([years_txt] if years_txt else [])) + ".")
        if desc_certs:
            parts.append("Moet hebben: " + join_nl(desc_certs) + ".")
        if desc_pref:
            parts.append(f"Liefst ook {join_nl(desc_pref)}.")
        if lic_txt:
            parts.append(cap(lic_txt) + " is nodig (eigen vervoer naar de klanten).")
        parts.append(f"Werkgever staat open voor statushouders en mensen die lang thuis zaten, mits {traits[0]}.")
        desc = " ".join(parts)

    rec["description"] = desc
    if req_list:
        rec["required_skills"] = req_list
    if pref_list:
        rec["preferred_skills"] = pref_list
    rec.update({"hours_min": v["hmin"], "hours_max": v["hmax"], "postcode": v["pc"], "city": city})
    if v["edu"]:
        rec["education_min"] = v["edu"]
    if v["licence"]:
        rec["driving_licence"] = v["licence"]
    if v["dutch"]:
        rec["dutch_min"] = v["dutch"]
    rec["start_date"] = v["start"].isoformat()
    rec["status"] = "open"
    return rec
