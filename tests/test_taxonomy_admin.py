"""Coordinators keep the shared taxonomy: browse, edit, wordings, skills of occupations, unmatched wordings."""
import pytest
from sqlalchemy import select

from matching.text import normalise
from models import CacheStamp, CandidateTerm, Concept, ConceptAlias, ConceptRelation, UnmatchedWording, Vacancy
from models.enums import ConceptKind, Role, TermKind
from tests.helpers import visible_text


def add_concept(db, kind, code, label, *aliases):
    concept = Concept(kind=kind, code=code, label=label, source="test")
    concept.aliases = [ConceptAlias(label=a, normalised=normalise(a)) for a in (label, *aliases)]
    db.session.add(concept)
    db.session.commit()
    return concept


@pytest.fixture
def taxonomy(db):
    return {
        "heftruck": add_concept(db, ConceptKind.SKILL, "heftruck", "Heftruck rijden", "heftruckcertificaat", "forklift"),
        "orderpicken": add_concept(db, ConceptKind.SKILL, "orderpicken", "Orderpicken", "order picken"),
        "orderpicker": add_concept(db, ConceptKind.OCCUPATION, "esco:orderpicker", "Orderpicker", "picker"),
    }


def stamp(db) -> int:
    db.session.expire_all()
    return db.session.scalar(select(CacheStamp.version).where(CacheStamp.name == "taxonomy")) or 0


def text_of(response) -> str:
    return visible_text(response.get_data(as_text=True))


def test_search_finds_a_concept_by_a_wording(as_role, client, taxonomy):
    as_role(Role.COORDINATOR)
    text = text_of(client.get("/beheer/taxonomie/?q=forklift"))
    assert "1 begrip gevonden" in text and "Heftruck rijden" in text and "Orderpicken" not in text
    text = text_of(client.get("/beheer/taxonomie/?kind=occupation"))
    assert "Orderpicker" in text and "Heftruck rijden" not in text
    html = client.get("/beheer/taxonomie/?q=zzzqqq").get_data(as_text=True)
    assert "0 begrippen gevonden" in visible_text(html) and "Geen begrippen met dit woord" in visible_text(html)
    assert "<table" not in html


def test_coordinator_adds_a_skill_and_a_spelling_variant(as_role, client, db, taxonomy):
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/taxonomie/nieuw", data={"kind": "skill", "label": "Pick-by-voice",
                                                             "sector": "logistiek"}, follow_redirects=True)
    assert "Pick-by-voice is toegevoegd." in text_of(response)
    concept = db.session.scalar(select(Concept).where(Concept.label == "Pick-by-voice"))
    assert concept.code == "pick-by-voice" and stamp(db) == 1
    response = client.post(f"/beheer/taxonomie/{concept.id}/schrijfwijzen", data={"wording": "Voice Picking!"},
                           follow_redirects=True)
    assert "Schrijfwijze ‘Voice Picking!’ toegevoegd." in text_of(response)
    assert "voice picking" in text_of(response)  # shown as normalised
    assert stamp(db) == 2


def test_an_alias_of_another_concept_is_refused_with_a_clear_message(as_role, client, db, taxonomy):
    as_role(Role.COORDINATOR)
    response = client.post(f"/beheer/taxonomie/{taxonomy['orderpicken'].id}/schrijfwijzen",
                           data={"wording": "Fork-lift"})
    assert response.status_code == 422
    assert "‘Fork-lift’ hoort al bij Heftruck rijden." in text_of(response)
    response = client.post("/beheer/taxonomie/nieuw", data={"kind": "skill", "label": "order picken"})
    assert response.status_code == 422 and "‘order picken’ is al een schrijfwijze van Orderpicken." in text_of(response)
    assert stamp(db) == 0


def test_rename_with_version_and_a_stale_form_is_refused(as_role, client, db, taxonomy):
    as_role(Role.COORDINATOR)
    concept = taxonomy["heftruck"]
    url = f"/beheer/taxonomie/{concept.id}"
    response = client.post(url, data={"label": "Heftruck besturen", "sector": "logistiek", "version": 1},
                           follow_redirects=True)
    assert "Wijzigingen opgeslagen." in text_of(response)
    db.session.refresh(concept)
    assert concept.label == "Heftruck besturen" and concept.version == 2
    assert "heftruck besturen" in {a.normalised for a in concept.aliases}
    stale = client.post(url, data={"label": "Iets anders", "version": 1})
    assert stale.status_code == 409 and "Dit is intussen gewijzigd door" in text_of(stale)


def test_remove_a_wording_but_not_the_last(as_role, client, db, taxonomy):
    as_role(Role.COORDINATOR)
    concept = taxonomy["orderpicker"]
    picker = next(a for a in concept.aliases if a.label == "picker")
    client.post(f"/beheer/taxonomie/{concept.id}/schrijfwijzen/{picker.id}/verwijderen")
    last = db.session.scalar(select(ConceptAlias).where(ConceptAlias.concept_id == concept.id))
    response = client.post(f"/beheer/taxonomie/{concept.id}/schrijfwijzen/{last.id}/verwijderen",
                           follow_redirects=True)
    assert "Een begrip houdt minstens één schrijfwijze." in text_of(response)
    assert db.session.scalars(select(ConceptAlias.label).where(ConceptAlias.concept_id == concept.id)).all() == [
        "Orderpicker"]


def test_link_and_unlink_a_skill_to_an_occupation(as_role, client, db, taxonomy):
    as_role(Role.COORDINATOR)
    occupation = taxonomy["orderpicker"]
    response = client.post(f"/beheer/taxonomie/{occupation.id}/vaardigheden", data={"skill": "order picken",
                                                                                     "essential": "y"},
                           follow_redirects=True)
    assert "Orderpicken gekoppeld aan Orderpicker." in text_of(response)
    assert db.session.scalar(select(ConceptRelation.weight).where(ConceptRelation.from_id == occupation.id)) == 1.0
    assert "Orderpicker" in text_of(client.get(f"/beheer/taxonomie/{taxonomy['orderpicken'].id}"))
    unknown = client.post(f"/beheer/taxonomie/{occupation.id}/vaardigheden", data={"skill": "jongleren"})
    assert unknown.status_code == 422 and "Geen vaardigheid gevonden met de naam ‘jongleren’." in text_of(unknown)
    client.post(f"/beheer/taxonomie/{occupation.id}/vaardigheden/{taxonomy['orderpicken'].id}/ontkoppelen")
    assert db.session.scalar(select(ConceptRelation)) is None
    assert stamp(db) == 2


def test_worklist_proposes_concepts_and_one_click_links_existing_terms(as_role, client, db, taxonomy,
                                                                       make_candidate, make_employer, org):
    db.session.add_all([UnmatchedWording(wording="heftruk certificaat", normalised="heftruk certificaat",
                                         seen_count=14),
                        UnmatchedWording(wording="jongleren", normalised="jongleren", seen_count=2)])
    candidate = make_candidate()
    candidate.terms = [CandidateTerm(kind=TermKind.CERTIFICATE, wording="Heftruk-certificaat"),
                       CandidateTerm(kind=TermKind.SKILL, wording="heftruk")]
    db.session.commit()
    as_role(Role.COORDINATOR)
    text = text_of(client.get("/beheer/taxonomie/ongekoppeld"))
    assert text.index("heftruk certificaat") < text.index("jongleren")  # most seen first
    assert "Koppel aan Heftruck rijden" in text
    item = db.session.scalar(select(UnmatchedWording).where(UnmatchedWording.seen_count == 14))
    response = client.post(f"/beheer/taxonomie/ongekoppeld/{item.id}/koppelen",
                           data={"concept_id": taxonomy["heftruck"].id}, follow_redirects=True)
    assert "‘heftruk certificaat’ is gekoppeld aan Heftruck rijden; 1 bestaande vermeldingen bijgewerkt." in text_of(
        response)
    assert "Koppel aan Heftruck rijden" not in text_of(response)
    db.session.expire_all()
    terms = {t.wording: t.concept_id for t in db.session.scalars(select(CandidateTerm))}
    assert terms == {"Heftruk-certificaat": taxonomy["heftruck"].id, "heftruk": None}
    assert "heftruk certificaat" in {a.normalised for a in db.session.get(Concept, taxonomy["heftruck"].id).aliases}
    assert stamp(db) >= 1


def test_linking_an_occupation_wording_updates_vacancies(as_role, client, db, taxonomy, make_employer, org):
    vacancy = Vacancy(organisation_id=org.id, employer_id=make_employer().id, title="Picker", occupation="Order-pikker")
    db.session.add_all([vacancy, UnmatchedWording(wording="orderpikker", normalised="order pikker")])
    db.session.commit()
    as_role(Role.COORDINATOR)
    item = db.session.scalar(select(UnmatchedWording))
    client.post(f"/beheer/taxonomie/ongekoppeld/{item.id}/koppelen", data={"concept": "Orderpicker"})
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).occupation_concept_id == taxonomy["orderpicker"].id


@pytest.mark.parametrize("role", [Role.MATCHER, Role.ACCOUNT_MANAGER])
def test_other_staff_may_not_open_or_change_the_taxonomy(as_role, client, db, taxonomy, role):
    as_role(role)
    concept = taxonomy["heftruck"]
    assert client.get("/beheer/taxonomie/").status_code == 403
    assert client.get("/beheer/taxonomie/ongekoppeld").status_code == 403
    assert client.post(f"/beheer/taxonomie/{concept.id}/schrijfwijzen", data={"wording": "hef"}).status_code == 403
    assert client.post("/beheer/taxonomie/nieuw", data={"kind": "skill", "label": "X"}).status_code == 403
    assert len(db.session.get(Concept, concept.id).aliases) == 3


def test_anonymous_visitors_are_sent_to_sign_in(client, taxonomy):
    assert client.get("/beheer/taxonomie/").status_code == 302


def test_the_taxonomy_is_shared_by_every_organisation(as_role, client, db, taxonomy, other_org):
    as_role(Role.ADMIN, other_org)
    response = client.post(f"/beheer/taxonomie/{taxonomy['heftruck'].id}/schrijfwijzen",
                           data={"wording": "vorkheftruck"}, follow_redirects=True)
    assert "Schrijfwijze ‘vorkheftruck’ toegevoegd." in text_of(response)
    assert client.get("/beheer/taxonomie/999999").status_code == 404


def test_list_pages_use_a_constant_number_of_queries(as_role, client, count_queries, db, taxonomy):
    as_role(Role.COORDINATOR)

    db.session.add(UnmatchedWording(wording="heftruk", normalised="heftruk"))
    db.session.commit()
    client.get("/beheer/taxonomie/ongekoppeld")  # builds the linker once
    few = count_queries("/beheer/taxonomie/"), count_queries("/beheer/taxonomie/ongekoppeld")
    for i in range(6):
        add_concept(db, ConceptKind.SKILL, f"extra-{i}", f"Extra {i}", f"extra variant {i}")
        db.session.add(UnmatchedWording(wording=f"woord {i}", normalised=f"woord {i}"))
    db.session.commit()
    client.get("/beheer/taxonomie/ongekoppeld")
    assert (count_queries("/beheer/taxonomie/"), count_queries("/beheer/taxonomie/ongekoppeld")) == few


def test_the_worklist_pages_through_many_wordings(as_role, client, db, taxonomy):
    db.session.add_all([UnmatchedWording(wording=f"woord {i:02d}", normalised=f"woord {i:02d}", seen_count=100 - i)
                        for i in range(30)])
    db.session.commit()
    as_role(Role.COORDINATOR)
    first = text_of(client.get("/beheer/taxonomie/ongekoppeld"))
    assert "30 schrijfwijzen te doen." in first and "Pagina 1 van 2" in first and "woord 00" in first
    second = text_of(client.get("/beheer/taxonomie/ongekoppeld?pagina=2"))
    assert "woord 29" in second and "woord 00" not in second and "Vorige" in second


def test_proposals_stored_by_the_queue_are_shown_without_building_a_linker(as_role, client, db, taxonomy,
                                                                          monkeypatch):
    import web.queue
    from models.taxonomy import worklist

    queued = []
    monkeypatch.setattr(web.queue, "enqueue", lambda name, *a, once_key=None: queued.append(name) or True)
    db.session.add(UnmatchedWording(wording="heftruk certificaat", normalised="heftruk certificaat", seen_count=3))
    db.session.commit()
    assert queued == ["propose_wordings"]  # a new wording: its proposals are worked out on the queue
    assert worklist.store_proposals(db.session) == 1
    assert worklist.store_proposals(db.session) == 0  # nothing changed since

    def no_linker(*_args, **_kw):
        raise AssertionError("the page built a linker")

    worklist._cache.clear()  # as in a fresh web process
    monkeypatch.setattr(worklist, "linker", no_linker)
    as_role(Role.COORDINATOR)
    assert "Koppel aan Heftruck rijden" in text_of(client.get("/beheer/taxonomie/ongekoppeld"))
    assert queued == ["propose_wordings"]

    add_concept(db, ConceptKind.SKILL, "certificaat", "Certificaat halen")  # the taxonomy moved on
    assert "Koppel aan Heftruck rijden" in text_of(client.get("/beheer/taxonomie/ongekoppeld"))  # kept meanwhile
    assert queued == ["propose_wordings", "propose_wordings"]
    monkeypatch.undo()
    assert worklist.store_proposals(db.session) == 1
