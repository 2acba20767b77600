"""The anonymised projection of a candidate: bands, place, headline, terms, scrubbed text."""
import re
from datetime import date
from types import SimpleNamespace

import pytest

from models.catalogue.publishing.draft import age_band, build_profile, headline, new_code, unique_terms
from models.catalogue.publishing.place import find_place, region_centroid
from models.catalogue.scrubbing.categories import abbreviations
from models.enums import DutchLevel, Education

TODAY = date(2026, 6, 1)


def candidate(**kw):
    personal = SimpleNamespace(first_name="Fatima", last_name="El Idrissi", birth_date=date(1990, 6, 2),
                               experience=kw.pop("experience", "Fatima werkte 4 jaar bij een bakkerij."),
                               about=kw.pop("about", "Bel haar op 06-12345678 of mail fatima@example.org."))
    values = dict(place="Dronten", education=Education.MBO2, dutch_level=DutchLevel.B1,
                  desired_occupations=["productiemedewerker", "Orderpicker", "orderpicker "],
                  skills=["heftruck", "Heftruck", "HACCP"], driving_licences=["B"], certificates=["VCA"],
                  hours_min=24, hours_max=32, available_from=date(2026, 7, 1), profile=None, personal=personal)
    values.update(kw)
    return SimpleNamespace(**values)


def test_age_bands_follow_the_birthday():
    assert age_band(date(2008, 6, 1), TODAY) == "18–24"   # 18 today
    assert age_band(date(2001, 6, 2), TODAY) == "18–24"   # 24, turns 25 tomorrow
    assert age_band(date(2001, 6, 1), TODAY) == "25–34"
    assert age_band(date(1981, 6, 2), TODAY) == "35–44"
    assert age_band(date(1975, 1, 1), TODAY) == "45–54"
    assert age_band(date(1958, 1, 1), TODAY) == "55–67"   # 68: the last band, never a new one
    assert age_band(None, TODAY) is None


def test_codes_are_random_and_shaped_like_k_xxxx():
    codes = {new_code() for _ in range(200)}
    assert all(re.fullmatch(r"K-[0-9A-HJ-NP-Z]{4}", c) for c in codes)
    assert len(codes) > 190


def test_a_drafts_code_is_repeatable_per_candidate_and_key_and_spread_like_random_draws():
    from models.catalogue.publishing import code_key
    from models.catalogue.publishing.draft import draft_code
    try:
        code_key.set_key("een geheim")
        codes = [draft_code(i) for i in range(300)]
        assert codes == [draft_code(i) for i in range(300)] and len(set(codes)) > 285
        assert draft_code(7, 1) != draft_code(7, 0)  # the next draw when a code is taken
        code_key.set_key("een ander geheim")
        assert sum(a == b for a, b in zip(codes, (draft_code(i) for i in range(300)), strict=True)) < 5
    finally:
        code_key.set_key(None)


@pytest.mark.parametrize("spelled", ["NFNV", "SP12", "7PVV", "CDA3", "ERK4", "LGBT"])
def test_a_code_that_spells_a_sensitive_abbreviation_is_drawn_again(spelled):
    draws = iter(spelled + "7F3A")
    assert new_code(lambda _alphabet: next(draws)) == "K-7F3A"


def test_the_abbreviations_come_from_the_lexicon_data():
    words = abbreviations()
    assert {"FNV", "CNV", "SP", "PVV", "CDA", "D66", "HIV", "MS", "GGZ", "KERK"} <= words
    assert not any(word in "K" + code[2:] for code in (new_code() for _ in range(500)) for word in words)


def test_terms_are_deduplicated_as_written_and_capped():
    assert unique_terms(["heftruck", "Heftruck ", "HACCP"]) == ["heftruck", "HACCP"]
    assert len(unique_terms([f"vaardigheid {i}" for i in range(30)])) == 12


def test_headline():
    assert headline(["productiemedewerker"], 24, 32, "Dronten") == "Productiemedewerker · 24–32 uur · Dronten"
    assert headline([], 32, 32, None) == "Werkzoekende · 32 uur"


def test_place_is_the_town_with_its_province_and_the_town_centroid():
    place = find_place("dronten (fl)")
    assert place.name == "Dronten" and place.region == "Flevoland"
    assert abs(place.lat - 52.525) < 0.01
    assert find_place("Nergenshuizen") is None
    lat, lon = region_centroid("Flevoland")
    assert 52.2 < lat < 52.8 and 5.0 < lon < 6.0


def test_build_profile_scrubs_the_description_with_the_persons_own_names():
    draft = build_profile(candidate(), TODAY)
    assert draft.headline == "Productiemedewerker · 24–32 uur · Dronten"
    assert draft.age_band == "35–44" and draft.place == "Dronten" and draft.region == "Flevoland"
    assert draft.occupations == ["productiemedewerker", "Orderpicker"]
    assert draft.skills == ["heftruck", "HACCP"]
    assert "Fatima" not in draft.description and "06-12345678" not in draft.description
    # The name becomes "de kandidaat"; the sentence with the phone number and e-mail is left out.
    assert draft.description == "De kandidaat werkte 4 jaar bij een bakkerij."
    assert "[" not in draft.description
    assert {r.removal.kind for r in draft.removals} >= {"name", "phone"}
    assert "heftruck" in draft.search_text and "productiemedewerker" in draft.search_text
    assert draft.education == "mbo2" and draft.dutch_level == "B1"


def test_an_existing_code_is_kept():
    profile = SimpleNamespace(code="K-7F3A")
    assert build_profile(candidate(profile=profile), TODAY).code == "K-7F3A"
