"""Vocabulary for the independent matching evaluation set (werkbrug-import/1), read from families.json.

Everything the generator writes comes from this data: places, skills (with synonyms, odd spellings,
English wordings and first-person phrases), occupations (with titles, workplaces and the skills that go
with them), which occupations count as close or related, employers, vacancy specifications, names and
the free phrases used for notes and wishes. It was written from general knowledge of the Dutch labour
market for people on social assistance, without looking at the matching engine or its own evaluation data.

What families.json holds:

- places: PC4 and approximate latitude / longitude of the PC4 area (town centre); road distance is the
  straight-line (haversine) distance x road_factor. place_weight: roughly how many people live in each
  place, as weights for drawing background candidates.
- skills, grouped by area of work (the groups are only for the reader). Per skill: forms (ordinary Dutch
  wordings, list style), odd (typos, compounds written apart, English, abbreviations), en (an English
  wording, for English texts), said (first-person clauses, written after "ik "), cert (wordings for the
  certificates field; absent if the skill is no certificate).
- occupations. Per occupation: family (used for stratifying the split), titles (ordinary Dutch titles),
  odd (typos, written apart, English, regional wordings), en (English title), core / extra (skills held
  by people of this occupation often / sometimes), implied (skills that a person with work experience in
  this occupation certainly has), places (workplaces, written after "bij" / "in"), informal (how people
  say they did this work, after "ik "), wish (vague ways to say one wants this kind of work).
- close: pairs of occupations where a person of one can do the other's work with little extra (grade 2
  when the vacancy's required skills are held, else 1); related: transferable (grade 1). Both symmetric.
- employers (fictitious) and vacancy_specs; a spec's employer is a 0-based index into employers, and its
  licence, dutch_min and education_min are absent where there is none.
- confusers (decoys): for a vacancy of occupation X, [decoy occupation, phrase put in their experience or
  about], an unrelated occupation whose text shares words with X's work.
- negative_wishes (a sentence about work the person does not want, to put the vacancy's words in an
  unrelated text), traits, traits_en, names and country per origin, neutral_activities (no occupation
  of the list, to pad CVs), cao_phrases and marketing (vacancy texts).

Below, each table gets the shape the generator reads: records become tuples, their fields in the order written.
"""
import json
from pathlib import Path

_DATA = json.loads(Path(__file__).with_name("families.json").read_text(encoding="utf-8"))

PLACES = {place: (p["pc4"], p["lat"], p["lon"]) for place, p in _DATA["places"].items()}
ROAD_FACTOR = _DATA["road_factor"]
PLACE_WEIGHT = _DATA["place_weight"]

SKILLS = {sid: {"forms": s["forms"], "odd": s["odd"], "en": s["en"], "said": s["said"], "cert": s.get("cert")}
          for group in _DATA["skills"].values() for sid, s in group.items()}
assert len(SKILLS) == sum(map(len, _DATA["skills"].values())), "a skill id stands in two groups"
OCCUPATIONS = _DATA["occupations"]
CLOSE = [tuple(pair) for pair in _DATA["close"]]
RELATED = [tuple(pair) for pair in _DATA["related"]]

EMPLOYERS = [(e["name"], e["sector"], e["city"], e["size"], e["social_enterprise"]) for e in _DATA["employers"]]
VACANCY_SPECS = [(s["occupation"], s["employer"], s["city"], s["required"], s["preferred"], s["min_years"],
                  s.get("licence"), s.get("dutch_min"), s.get("education_min")) for s in _DATA["vacancy_specs"]]
CONFUSERS = {occ: [tuple(pair) for pair in pairs] for occ, pairs in _DATA["confusers"].items()}
NEGATIVE_WISHES = _DATA["negative_wishes"]
TRAITS = _DATA["traits"]
TRAITS_EN = _DATA["traits_en"]

NAMES = {origin: (n["first"], n["last"]) for origin, n in _DATA["names"].items()}
COUNTRY = _DATA["country"]
NEUTRAL_ACTIVITIES = _DATA["neutral_activities"]
CAO_PHRASES = _DATA["cao_phrases"]
MARKETING = _DATA["marketing"]
