"""Taxonomy loading, linking, the per-process index and stored suggestions, through the services."""
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Candidate, CandidateTerm, Concept, ConceptAlias, Suggestion, Vacancy
from models.common import stamps
from models.common.errors import Conflict, InvalidInput
from models.enums import SuggestionStatus
from models.matches import review
from models.matches.suggestions import UnknownVacancy, refresh_suggestions, suggestions_payload
from models.taxonomy.loading import load_taxonomy
from models.taxonomy.terms import TermLinker
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy, share, small_taxonomy

pytestmark = pytest.mark.usefixtures("index_snapshots")  # the worker's snapshot, as after its first build

EXAMPLE = Path("/work/shared/contract/example.json")
if not EXAMPLE.exists():
    EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "import" / "example.json"


def test_taxonomy_load_is_idempotent_and_keeps_added_aliases(db):
    first = load_taxonomy(db.session, small_taxonomy())
    db.session.commit()
    assert first.concepts_created > 400 and first.aliases_added > first.concepts_created
    assert first.relations_added > 100
    heftruck = db.session.scalar(select(Concept).where(Concept.code == "heftruck"))
    db.session.add(ConceptAlias(concept_id=heftruck.id, label="stapelaar rijden", normalised="stapelaar rijden"))
    db.session.commit()
    stamp = stamps.read(db.session, stamps.TAXONOMY)
    again = load_taxonomy(db.session, small_taxonomy())
    db.session.commit()
    assert (again.concepts_created, again.concepts_updated, again.aliases_added, again.relations_added) == (0, 0, 0, 0)
    assert stamps.read(db.session, stamps.TAXONOMY) == stamp  # nothing changed, caches stay valid
    assert db.session.scalar(select(func.count()).where(ConceptAlias.normalised == "stapelaar rijden")) == 1


def test_term_linker_links_typos_to_the_right_kind_and_keeps_the_unmatched(db):
    load_small_taxonomy(db.session)
    linker = TermLinker(db.session)
    concept_id, confidence = linker.link("heftruk", "skill")
    assert db.session.get(Concept, concept_id).code == "heftruck" and 0.5 <= confidence <= 1.0
    occupation, _ = linker.link("schoonmaker", "occupation")
    assert db.session.get(Concept, occupation).kind.value == "occupation"
    assert linker.link("qwxz vlpq", "skill") == (None, None)
    assert linker.save_unmatched() == 1


def test_linker_is_rebuilt_when_the_taxonomy_stamp_moves(db):
    assert TermLinker(db.session).link("heftruck") == (None, None)  # empty taxonomy
    load_small_taxonomy(db.session)
    assert TermLinker(db.session).link("heftruck")[0] is not None


def test_cli_taxonomy_load_prints_a_summary(runner, db):
    result = runner.invoke(args=["taxonomy", "load"])
    assert result.exit_code == 0, result.output
    assert "concepts: 3970 created" in result.output
    assert "skill linker: 2470 labels fitted" in result.output
    assert "occupation linker: 23963 labels fitted" in result.output
    result = runner.invoke(args=["taxonomy", "load"])
    assert "concepts: 0 created, 0 updated, 3970 unchanged" in result.output
    assert "skill linker: saved already" in result.output and "occupation linker: saved already" in result.output


def test_cli_import_esco_reads_the_official_csv(runner, db, tmp_path):
    (tmp_path / "occupations_nl.csv").write_text(
        "conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status\n"
        'Occupation,http://data.europa.eu/esco/occupation/x1,heftruckchauffeur,"vorkliftchauffeur\nheftrucker",,released\n',
        encoding="utf-8")
    result = runner.invoke(args=["taxonomy", "import-esco", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "concepts: 1 created" in result.output and "aliases: 3 added" in result.output
    missing = runner.invoke(args=["taxonomy", "import-esco", str(tmp_path / "nothing")])
    assert missing.exit_code != 0


@pytest.fixture
def example(runner, db):
    load_small_taxonomy(db.session)
    result = runner.invoke(args=["import", str(EXAMPLE)])
    assert result.exit_code == 0, result.output


def test_suggest_json_follows_the_contract_and_respects_travel_distance(runner, example, db):
    result = runner.invoke(args=["suggest", "V-1001", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload) == {"vacancy", "suggestions"} and payload["vacancy"] == "V-1001"
    candidates = [s["candidate"] for s in payload["suggestions"]]
    assert "K-20018" not in candidates  # Lelystad is further than Henk's 10 km
    assert candidates == ["K-20017"]
    for s in payload["suggestions"]:
        assert set(s) == {"candidate", "score", "reasons"}
        assert isinstance(s["score"], float) and 0 < s["score"] <= 1
        assert s["reasons"] and all(isinstance(r, str) for r in s["reasons"])
    assert any("Inpakken" in r for r in payload["suggestions"][0]["reasons"])
    henk = json.loads(runner.invoke(args=["suggest", "V-1002", "--json", "--top", "5"]).output)
    assert [s["candidate"] for s in henk["suggestions"]] == ["K-20018"]


def test_suggest_table_and_unknown_vacancy(runner, example):
    result = runner.invoke(args=["suggest", "V-1001"])
    assert result.exit_code == 0 and "K-20017" in result.output and "score" in result.output
    unknown = runner.invoke(args=["suggest", "V-404", "--json"])
    assert unknown.exit_code == 1 and "Unknown vacancy 'V-404'" in unknown.output


def test_import_fills_coordinates_and_occupation(example, db):
    amina = db.session.scalar(select(Candidate).where(Candidate.external_id == "K-20017"))
    henk = db.session.scalar(select(Candidate).where(Candidate.external_id == "K-20018"))
    assert 52.4 < amina.lat < 52.6 and 5.6 < amina.lon < 5.8  # Dronten
    assert henk.lat is not None  # place only: Lelystad
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.external_id == "V-1001"))
    assert vacancy.lat is not None and vacancy.occupation_concept_id is not None
    assert db.session.scalar(select(func.count(CandidateTerm.id)).where(CandidateTerm.concept_id.is_not(None))) >= 5


def test_saving_a_vacancy_locates_it(db, org, make_employer):
    vacancy = add_vacancy(db.session, org, make_employer(), city="Lelystad")
    assert vacancy.lat is not None
    vacancy.city, vacancy.postcode = None, "8251 AB"
    db.session.commit()
    assert 52.4 < vacancy.lat < 52.6


@pytest.fixture
def world(db, org, make_employer, make_candidate):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), required=["heftruck rijden", "orderpicken"],
                          hours_min=24, hours_max=32)
    people = []
    for n, skills in enumerate((["heftruck", "orderpicken"], ["orderpicker"], ["heftruck rijden"])):
        candidate = make_candidate(external_id=f"K-{n}", hours_min=20, hours_max=36, lat=52.52, lon=5.72,
                                   max_travel_km=20)
        link_candidate(db.session, candidate, skills)
        people.append(candidate)
    return vacancy, people


def test_refresh_keeps_reviewed_adds_new_and_drops_unfit(world, db, org, make_user):
    vacancy, (best, second, third) = world
    matcher = make_user()
    first = refresh_suggestions(db.session, vacancy, org)
    db.session.commit()
    assert first.added == 3
    rows = {s.candidate_id: s for s in db.session.scalars(select(Suggestion))}
    assert rows[best.id].score > rows[third.id].score
    assert any(r["kind"] == "required_skills" and r["text"].startswith("Heeft 2 van 2") for r in rows[best.id].reasons)
    review.propose(db.session, rows[best.id], actor=matcher, version=rows[best.id].version)
    second.hours_min, second.hours_max = 8, 12  # now breaks the hours requirement
    db.session.commit()
    again = refresh_suggestions(db.session, vacancy, org)
    db.session.commit()
    assert (again.kept, again.removed) == (1, 1)
    states = {s.candidate_id: s.status for s in db.session.scalars(select(Suggestion))}
    assert states == {best.id: SuggestionStatus.PROPOSED, third.id: SuggestionStatus.NEW}


def test_review_steps_are_checked_and_recorded(world, db, org, make_user):
    vacancy, _people = world
    matcher = make_user(name="Youssef Amrani")
    refresh_suggestions(db.session, vacancy, org)
    db.session.commit()
    s = db.session.scalars(select(Suggestion).order_by(Suggestion.score.desc())).first()
    with pytest.raises(InvalidInput):
        review.change_status(db.session, s, "hired", actor=matcher, version=s.version)
    with pytest.raises(InvalidInput, match="reden"):
        review.reject(db.session, s, "", actor=matcher, version=s.version)
    with pytest.raises(InvalidInput, match="Licht"):
        review.reject(db.session, s, "other", "", actor=matcher, version=s.version)
    with pytest.raises(Conflict):
        review.propose(db.session, s, actor=matcher, version=s.version - 1)
    for step in ("proposed", "introduced", "interview"):
        review.change_status(db.session, s, step, actor=matcher, version=s.version)
    with pytest.raises(InvalidInput):
        review.change_status(db.session, s, "not_hired", actor=matcher, version=s.version)
    review.change_status(db.session, s, "not_hired", actor=matcher, version=s.version,
                                    reason="employer_chose_other")
    db.session.commit()
    assert [h["status"] for h in s.history] == ["proposed", "introduced", "interview", "not_hired"]
    assert s.history[-1]["by_name"] == "Youssef Amrani" and s.reject_reason == "employer_chose_other"
    assert s.reviewer_id == matcher.id


def test_partner_gets_suggestions_from_its_own_candidates(world, db, org, other_org, make_candidate):
    vacancy, people = world
    partner_person = make_candidate(organisation=other_org, external_id="P-1", lat=52.52, lon=5.72, max_travel_km=20)
    link_candidate(db.session, partner_person, ["heftruck rijden", "orderpicken"])
    with pytest.raises(UnknownVacancy):
        suggestions_payload(db.session, other_org, "V-X")
    vacancy.external_id = "V-X"
    db.session.commit()
    with pytest.raises(UnknownVacancy):  # not shared yet
        suggestions_payload(db.session, other_org, "V-X")
    share(db.session, vacancy, other_org)
    payload = suggestions_payload(db.session, other_org, "V-X")
    assert [s["candidate"] for s in payload["suggestions"]] == ["P-1"]
    own = suggestions_payload(db.session, org, "V-X")
    assert {s["candidate"] for s in own["suggestions"]} == {p.external_id for p in people}
