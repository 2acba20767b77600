"""Reasons are structured and render as plain Dutch."""
from datetime import date

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.explain import reasons, render_reasons
from matching.geo import locate_place

TAX = Taxonomy(labels={1: "heftruck rijden", 2: "orderpicken", 3: "VCA", 10: "magazijnmedewerker",
                       11: "logistiek medewerker"}, related={10: {11: 0.6}})
VAC = VacancyDoc(1, required={1: 1, 2: 1, 3: 1}, preferred={}, occupation_ids={10}, point=locate_place("Lelystad"),
                 hours_min=24, hours_max=40, start_date=date(2026, 3, 1), education_min="mbo2", dutch_min="B1")
CAND = CandidateDoc(7, concepts={1: 0.9, 2: 1.0}, occupation_ids={11}, point=locate_place("Dronten"),
                    max_travel_km=30, hours_min=16, hours_max=32, available_from=date(2026, 2, 15),
                    education="mbo2", dutch_level="A2", wording={1: "heftruckcertificaat", 2: "orderpicken"})


def test_structured_reasons():
    kinds = [r.kind for r in reasons(VAC, CAND, TAX)]
    assert kinds == ["required_skills", "missing_required", "occupation", "distance", "hours", "availability",
                     "education", "dutch"]


def test_rendered_in_dutch():
    lines = render_reasons(reasons(VAC, CAND, TAX), TAX)
    assert lines[0] == "Heeft 2 van 3 vereiste vaardigheden: heftruck rijden (‘heftruckcertificaat’), orderpicken"
    assert lines[1] == "Ontbreekt: VCA"
    assert lines[2] == "Verwant beroep: logistiek medewerker (gevraagd: magazijnmedewerker)"
    assert lines[3].startswith("Woont 2") and lines[3].endswith("km van de werkplek (max. 30 km)")
    assert lines[4] == "Uren passen: 24–32 u/week"
    assert lines[5] == "Beschikbaar vanaf 15 februari 2026 (start 1 maart 2026)"
    assert lines[6] == "Opleiding mbo 2 (gevraagd: minimaal mbo 2)"
    assert lines[7] == "Nederlands op niveau A2 (gevraagd: minimaal B1)"


def test_labels_may_be_a_plain_mapping_and_unknown_concepts_still_render():
    lines = render_reasons(reasons(VacancyDoc(1, required={5: 1.0}), CandidateDoc(2)), {})
    assert lines == ["Heeft 0 van 1 vereiste vaardigheden", "Ontbreekt: begrip 5"]


def test_only_facts_both_sides_give():
    assert reasons(VacancyDoc(1), CandidateDoc(2)) == []


def test_a_candidate_in_the_workplace_own_area_lives_under_a_kilometre_away_not_zero():
    same_place = CandidateDoc(8, point=locate_place("Lelystad"), max_travel_km=20)
    lines = render_reasons(reasons(VAC, same_place, TAX), TAX)
    assert "Woont minder dan 1 km van de werkplek (max. 20 km)" in lines


def test_hours_that_meet_in_one_number_read_as_that_number():
    vacancy = VacancyDoc(1, hours_min=24, hours_max=24)
    lines = render_reasons(reasons(vacancy, CandidateDoc(2, hours_min=16, hours_max=36)), TAX)
    assert lines == ["Uren passen: 24 u/week"]
