"""The taxonomy's linkers fitted once, saved and memory-mapped (issue 18): an import that maps them
writes exactly what an import that fits them writes, and a taxonomy change makes them stale."""
import json
import logging
import mmap
import subprocess
import sys
from pathlib import Path

import numpy as np
from sqlalchemy import select

from models import Candidate, CandidateTerm, Concept, UnmatchedWording, Vacancy, VacancyTerm
from models.taxonomy import linker_files, terms, worklist
from models.taxonomy.admin import add_alias
from seed.demo.importfile import write_import_file
from tests.matching_helpers import load_small_taxonomy


def written(db, organisation_id):
    """The organisation's linking rows: candidate and vacancy terms, vacancy occupations."""
    candidate_terms = set(db.session.execute(
        select(Candidate.external_id, CandidateTerm.kind, CandidateTerm.wording, CandidateTerm.concept_id,
               CandidateTerm.confidence).join(Candidate, Candidate.id == CandidateTerm.candidate_id)
        .where(Candidate.organisation_id == organisation_id)))
    vacancy_terms = set(db.session.execute(
        select(Vacancy.external_id, VacancyTerm.required, VacancyTerm.wording, VacancyTerm.concept_id,
               VacancyTerm.confidence).join(Vacancy, Vacancy.id == VacancyTerm.vacancy_id)
        .where(Vacancy.organisation_id == organisation_id)))
    occupations = set(db.session.execute(select(Vacancy.external_id, Vacancy.occupation_concept_id)
                                         .where(Vacancy.organisation_id == organisation_id)))
    return candidate_terms, vacancy_terms, occupations


def is_mapped(array) -> bool:
    """Is ``array`` a view of a memory-mapped file (not a copy)?"""
    while array is not None:
        if isinstance(array, (np.memmap, mmap.mmap)):
            return True
        array = getattr(array, "base", None)
    return False


def unmatched(db) -> dict[str, int]:
    return dict(db.session.execute(select(UnmatchedWording.normalised, UnmatchedWording.seen_count)).all())


def test_an_import_that_maps_the_saved_linkers_writes_what_one_that_fits_them_writes(
        runner, tmp_path, app, org, other_org, db, caplog):
    load_small_taxonomy(db.session)
    path = tmp_path / "import.json"
    write_import_file(path, 150, n_employers=6, n_vacancies=20, seed=18)
    folder = linker_files.root()
    assert not folder.exists()

    with caplog.at_level(logging.WARNING, logger="werkbrug.matching"):
        fitted = runner.invoke(args=["import", str(path), "--org", org.key])
    assert fitted.exit_code == 0, fitted.output
    assert "no saved skill linker" in caplog.text and "no saved occupation linker" in caplog.text
    assert sorted(p.name.split("-")[0] for p in folder.iterdir()) == ["occupation", "skill"]
    first_unmatched = unmatched(db)
    assert first_unmatched

    terms.clear_cache()  # a new process: it finds the saved fits
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="werkbrug.matching"):
        mapped = runner.invoke(args=["import", str(path), "--org", other_org.key])
    assert mapped.exit_code == 0, mapped.output
    assert "no saved" not in caplog.text
    linkers = [linker for model in terms._models.values() for linker in model.linkers.values()]
    assert len(linkers) == 2 and all(
        is_mapped(linker._matrix.data) and is_mapped(linker._matrix.indices) and is_mapped(linker._word.features)
        for linker in linkers)

    assert written(db, other_org.id) == written(db, org.id)
    assert written(db, org.id)[0]
    assert unmatched(db) == {key: 2 * count for key, count in first_unmatched.items()}


def test_taxonomy_load_saves_the_worklists_linker_as_well(app, db, caplog):
    load_small_taxonomy(db.session)
    lines = linker_files.ensure(db.session)
    assert [line.split(":")[0] for line in lines] == ["skill linker", "occupation linker", "all linker"]
    assert all("fitted" in line for line in lines), lines
    with caplog.at_level(logging.WARNING, logger="werkbrug.matching"):
        proposals = linker_files.linker(db.session, None)
    assert proposals is not None and "no saved" not in caplog.text
    assert is_mapped(proposals._matrix.data)


def test_a_taxonomy_change_makes_the_saved_linker_stale(app, db):
    load_small_taxonomy(db.session)
    assert any(line.startswith("skill linker:") and "fitted" in line for line in linker_files.ensure(db.session))
    assert "saved already" in linker_files.ensure(db.session)[0]
    before = linker_files.key(db.session, "skill")
    assert linker_files.load(linker_files.root(), before) is not None
    assert linker_files.linker(db.session, "skill").link("zwaaikraanbediening") == []

    heftruck = db.session.scalar(select(Concept).where(Concept.code == "heftruck"))
    add_alias(db.session, heftruck, "zwaaikraanbediening")
    db.session.commit()

    after = linker_files.key(db.session, "skill")
    assert after != before
    assert linker_files.load(linker_files.root(), after) is None
    refitted = linker_files.linker(db.session, "skill")
    assert [link.concept_id for link in refitted.link("zwaaikraanbedienin")] == [str(heftruck.id)]
    assert linker_files.load(linker_files.root(), after) is not None
    assert [link.concept_id for link in linker_files.linker(db.session, "skill").link("zwaaikraanbedienin")] \
        == [str(heftruck.id)]


def test_a_process_that_maps_a_saved_linker_links_without_scipy(app, db):
    """scipy.sparse is 22 MB of an import's peak: linking reads the mapped matrix with numpy."""
    load_small_taxonomy(db.session)
    expected = [link.concept_id for link in linker_files.linker(db.session, "skill").link("heftrukc")]
    assert expected
    key = json.dumps(linker_files.key(db.session, "skill"))
    script = ("import json, sys; from pathlib import Path; from matching.linker import Linker; "
              "from models.taxonomy import linker_files; "
              f"arrays = linker_files.load(Path({str(linker_files.root())!r}), json.loads({key!r})); "
              "links = Linker.from_arrays(arrays).link('heftrukc'); "
              "print(json.dumps([[link.concept_id for link in links], 'scipy' in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True, check=True, timeout=300)
    assert json.loads(done.stdout) == [expected, False]


def test_the_worklist_proposals_map_the_saved_linker_over_every_concept(app, db):
    load_small_taxonomy(db.session)
    heftruck = db.session.scalar(select(Concept).where(Concept.code == "heftruck"))
    fitted = worklist.proposals(db.session, ["heftrukc"])
    assert [p.concept_id for p in fitted[0]][:1] == [heftruck.id]
    assert [p.name.split("-")[0] for p in linker_files.root().iterdir()] == ["all"]

    worklist._cache.clear()  # another process
    mapped = worklist.proposals(db.session, ["heftrukc"])
    assert is_mapped(worklist._cache["linker"][1]._matrix.data)
    assert mapped == fitted
