"""How an import links its wordings: exactly as linking each one against the whole taxonomy would,
with a linker built only for the kinds whose wordings are not an alias of one concept (issue 18)."""
import json
from collections import Counter
from copy import deepcopy
from pathlib import Path

from sqlalchemy import select

from matching.linker import Linker
from models import Candidate, CandidateTerm, Concept, ConceptAlias, UnmatchedWording, Vacancy, VacancyTerm
from models.enums import TermKind
from models.importing.rows import KINDS
from models.taxonomy import terms
from models.taxonomy.terms import normalise
from seed.demo.importfile import write_import_file
from tests.matching_helpers import load_small_taxonomy

EXAMPLE = json.loads((Path(__file__).parent / "data" / "example.json").read_text())
CANDIDATE_LISTS = ((TermKind.SKILL, "skills"), (TermKind.OCCUPATION, "desired_occupations"),
                   (TermKind.CERTIFICATE, "certificates"))


class WholeTaxonomy:
    """The links as the import made them before issue 18's change: every concept and alias read
    into memory, an alias of one concept links at confidence 1, the rest through a Linker over all
    concepts of the kind; every wording that links to nothing is counted."""

    def __init__(self, session):
        concepts = {c.id: {"id": str(c.id), "kind": c.kind.value, "label": c.label, "aliases": []}
                    for c in session.scalars(select(Concept))}
        self.owners: dict[tuple[str, str], set[int]] = {}
        for alias in session.scalars(select(ConceptAlias).order_by(ConceptAlias.id)):
            concept = concepts[alias.concept_id]
            concept["aliases"].append(alias.label)
            self.owners.setdefault((concept["kind"], alias.normalised), set()).add(alias.concept_id)
        self.linkers = {kind: Linker([c for c in concepts.values() if c["kind"] == kind])
                        for kind in ("skill", "occupation")}
        self.unmatched: Counter[str] = Counter()
        self.ways: Counter[str] = Counter()

    def link(self, wording: str, kind: str) -> tuple[int | None, float | None]:
        key = normalise(wording)
        owners = self.owners.get((kind, key), set())
        if len(owners) == 1:
            self.ways["alias"] += 1
            return next(iter(owners)), 1.0
        found = self.linkers[kind].link_many([key], top=1)[0]
        if not found:
            self.ways["unmatched"] += 1
            self.unmatched[key] += 1
            return None, None
        self.ways["linker"] += 1
        return int(found[0].concept_id), found[0].confidence


def written(db):
    """The linking rows of the database: candidate and vacancy terms, vacancy occupations, the worklist."""
    candidate_terms = set(db.session.execute(
        select(Candidate.external_id, CandidateTerm.kind, CandidateTerm.wording, CandidateTerm.concept_id,
               CandidateTerm.confidence).join(Candidate, Candidate.id == CandidateTerm.candidate_id)))
    vacancy_terms = set(db.session.execute(
        select(Vacancy.external_id, VacancyTerm.required, VacancyTerm.wording, VacancyTerm.concept_id,
               VacancyTerm.confidence).join(Vacancy, Vacancy.id == VacancyTerm.vacancy_id)))
    occupations = set(db.session.execute(select(Vacancy.external_id, Vacancy.occupation_concept_id)))
    unmatched = dict(db.session.execute(select(UnmatchedWording.normalised, UnmatchedWording.seen_count)).all())
    return candidate_terms, vacancy_terms, occupations, unmatched


def expected(doc: dict, reference: WholeTaxonomy):
    candidate_terms = {(r["external_id"], kind, wording, *reference.link(wording, KINDS[kind]))
                       for r in doc["candidates"] for kind, key in CANDIDATE_LISTS for wording in r.get(key, [])}
    vacancy_terms = {(r["external_id"], required, wording, *reference.link(wording, "skill"))
                     for r in doc["vacancies"]
                     for required, key in ((True, "required_skills"), (False, "preferred_skills"))
                     for wording in r.get(key, [])}
    occupations = {(r["external_id"], reference.link(r["occupation"], "occupation")[0] if r.get("occupation") else None)
                   for r in doc["vacancies"]}
    return candidate_terms, vacancy_terms, occupations, dict(reference.unmatched)


def test_a_generated_file_links_as_the_whole_taxonomy_does(runner, tmp_path, org, db):
    load_small_taxonomy(db.session)
    path = tmp_path / "import.json"
    write_import_file(path, 150, n_employers=6, n_vacancies=20, seed=18)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 0, result.output

    reference = WholeTaxonomy(db.session)
    assert written(db) == expected(json.loads(path.read_text(encoding="utf-8")), reference)
    # the file exercises every way a wording can go: an alias, the linker (typos, synonyms), nothing
    assert all(reference.ways[way] > 0 for way in ("alias", "linker", "unmatched")), reference.ways


def _with_wordings(skills: list[str], occupation: str) -> dict:
    doc = deepcopy(EXAMPLE)
    for vacancy in doc["vacancies"]:
        vacancy.update(occupation=occupation, required_skills=skills, preferred_skills=[])
    for candidate in doc["candidates"]:
        candidate.update(skills=skills, desired_occupations=[occupation], certificates=[])
    return doc


def test_wordings_that_are_aliases_link_without_building_a_linker(runner, tmp_path, org, db):
    load_small_taxonomy(db.session)
    heftruck = db.session.scalar(select(Concept).where(Concept.code == "heftruck"))
    occupation = db.session.scalar(select(Concept).where(Concept.kind == "occupation").order_by(Concept.id).limit(1))
    path = tmp_path / "exact.json"
    path.write_text(json.dumps(_with_wordings(["Heftruck", "heftruck"], occupation.label.upper())), encoding="utf-8")

    result = runner.invoke(args=["import", str(path)])

    assert result.exit_code == 0, result.output
    assert all(not model.linkers for model in terms._models.values())  # no linker, no concepts in memory
    links = set(db.session.execute(select(CandidateTerm.kind, CandidateTerm.concept_id, CandidateTerm.confidence)))
    assert links == {(TermKind.SKILL, heftruck.id, 1.0), (TermKind.OCCUPATION, occupation.id, 1.0)}
    assert db.session.scalars(select(Vacancy.occupation_concept_id)).all() == [occupation.id] * 2


def test_a_typo_builds_the_linker_of_its_own_kind_only(runner, tmp_path, org, db):
    load_small_taxonomy(db.session)
    heftruck = db.session.scalar(select(Concept.id).where(Concept.code == "heftruck"))
    occupation = db.session.scalar(select(Concept).where(Concept.kind == "occupation").order_by(Concept.id).limit(1))
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(_with_wordings(["heftrukc"], occupation.label)), encoding="utf-8")

    result = runner.invoke(args=["import", str(path)])

    assert result.exit_code == 0, result.output
    assert [set(model.linkers) for model in terms._models.values()] == [{"skill"}]
    assert db.session.scalars(select(CandidateTerm.concept_id).where(CandidateTerm.kind == TermKind.SKILL)).all() \
        == [heftruck] * 2
