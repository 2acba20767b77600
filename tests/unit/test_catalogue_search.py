"""Query expansion: typos and variants against the catalogue's wordings and the taxonomy."""
from models import Concept, ConceptAlias, ConceptRelation
from models.catalogue.search import expand_query, sector_terms, sectors
from models.enums import ConceptKind


def _concept(db, label, *aliases, sector=None, kind=ConceptKind.OCCUPATION):
    from models.taxonomy.terms import normalise

    concept = Concept(kind=kind, code=normalise(label).replace(" ", "-"), label=label, sector=sector)
    concept.aliases = [ConceptAlias(label=a, normalised=normalise(a)) for a in (label, *aliases)]
    db.session.add(concept)
    db.session.commit()
    return concept


def test_typo_finds_the_wording_of_published_profiles(db, make_public_profile):
    make_public_profile(skills=["Heftruck rijden"], occupations=["Magazijnmedewerker"])
    assert "heftruck rijden" in expand_query(db.session, "heftruk")
    assert "heftruck rijden" in expand_query(db.session, "HEFTRUCK")
    assert expand_query(db.session, "kapper") == set()
    assert expand_query(db.session, "  ") == set()


def test_short_words_must_start_a_word(db, make_public_profile):
    make_public_profile(skills=["Koken", "Kassa"], occupations=["Kok"])
    assert {"koken", "kok"} <= expand_query(db.session, "kok")
    assert "kassa" not in expand_query(db.session, "kok")


def test_related_concepts_and_aliases_count(db, make_public_profile):
    make_public_profile(occupations=["Orderpicker"])
    warehouse = _concept(db, "Magazijnmedewerker", "magazijn medewerker", sector="Logistiek")
    picker = _concept(db, "Orderpicker", "orderpikker", sector="Logistiek")
    db.session.add(ConceptRelation(from_id=warehouse.id, to_id=picker.id, weight=0.5))
    db.session.commit()
    assert "orderpicker" in expand_query(db.session, "magazijn")
    assert "orderpicker" in expand_query(db.session, "logistiek")  # names the sector
    assert sector_terms(db.session, "Logistiek") >= {"orderpicker", "magazijnmedewerker"}
    assert sectors(db.session) == [("logistiek", "Logistiek en magazijn")]  # the fixed list's label


def test_vocabulary_follows_new_taxonomy_rows_without_restart(db, make_public_profile):
    make_public_profile(occupations=["Schoonmaker"])
    assert "schoonmaker" not in expand_query(db.session, "interieurverzorger")
    _concept(db, "Schoonmaker", "interieurverzorger")
    assert "schoonmaker" in expand_query(db.session, "interieurverzorger")


def test_a_swapped_or_missing_letter_inside_a_compound_still_finds_it(db, make_public_profile):
    make_public_profile(occupations=["Magazijnmedewerker"], skills=["Orderpicken"])
    for typo in ("magazijn", "magzijn", "magazjin", "magaziijn"):
        assert "magazijnmedewerker" in expand_query(db.session, typo), typo


def test_a_near_spelling_must_be_a_word_not_a_scrap_of_one(db, make_public_profile):
    make_public_profile(occupations=["Vuilophaler", "Afwasser"], skills=["Afwassen", "Glazenwassen"])
    _concept(db, "Scriptschrijver")
    assert expand_query(db.session, "alert") == set()  # "aler" ends vuilophaler: not a typo of alert
    assert expand_query(db.session, "lassen") == set()  # one changed letter of a short word: another word
    assert expand_query(db.session, "<script>alert(1)</script>") == {"scriptschrijver"}  # no profile has it
    assert "afwassen" in expand_query(db.session, "afwasen")
