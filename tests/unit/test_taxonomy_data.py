"""The shipped taxonomy data: sizes, unique ids and aliases, resolvable links, the ESCO CSV parser."""

import io
from collections import defaultdict

import pytest

from matching.text import joined
from seed.taxonomy import load_curated_occupations, load_occupations, load_skills
from seed.taxonomy.esco import parse_esco_csv, parse_esco_relations


def test_skill_vocabulary_is_large_with_unique_ids() -> None:
    skills = load_skills()
    assert len(skills) >= 400
    ids = [s.id for s in skills]
    assert len(ids) == len(set(ids))
    assert all(s.kind == "skill" and s.label and s.sectors for s in skills)


def test_no_alias_shared_by_two_skills() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for skill in load_skills():
        for text in (skill.label, *skill.aliases):
            owners[joined(text)].add(skill.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_certificates_and_variants_are_present() -> None:
    aliases = {joined(a) for s in load_skills() for a in (s.label, *s.aliases)}
    for needed in ["heftruck certificaat", "heftruk", "forklift", "vca vol", "bhv", "haccp", "sociale hygiene", "code 95", "ehbo", "reachtruck"]:
        assert joined(needed) in aliases, needed


def test_every_related_id_resolves() -> None:
    skills = {s.id for s in load_skills()}
    occupations = {o.id: o for o in load_occupations()}
    curated = [o for o in occupations.values() if o.slug]
    assert len(curated) == len(load_curated_occupations())
    for occupation in curated:
        assert occupation.related and set(occupation.related) <= skills, occupation.slug
    for skill in load_skills():
        assert set(skill.related) <= set(occupations), skill.id


def test_esco_occupations_shipped_with_dutch_labels() -> None:
    occupations = load_occupations()
    assert len(occupations) > 3000
    assert len({o.id for o in occupations}) == len(occupations)
    orderpicker = next(o for o in occupations if o.slug == "orderpicker")
    assert orderpicker.label == "orderpicker" and "orderpikker" in orderpicker.aliases
    assert orderpicker.id.startswith("http://data.europa.eu/esco/occupation/")


ESCO_CSV = '''conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,description
Occupation,http://data.europa.eu/esco/occupation/1,9333,orderpicker,"orderverzamelaar
picker",orderpikker,released,Verzamelt orders.
Occupation,http://data.europa.eu/esco/occupation/2,9112,schoonmaker,,,released,
Occupation,http://data.europa.eu/esco/occupation/3,9112,oud beroep,,,obsolete,
Occupation,,9112,zonder uri,,,released,
'''


def test_esco_csv_parser_reads_labels_and_skips_bad_rows() -> None:
    concepts = parse_esco_csv(io.StringIO(ESCO_CSV), "occupation")
    assert [c.label for c in concepts] == ["orderpicker", "schoonmaker"]
    assert concepts[0].aliases == ("orderverzamelaar", "picker", "orderpikker")
    assert concepts[0].id == "http://data.europa.eu/esco/occupation/1" and concepts[0].source == "esco"
    assert concepts[1].aliases == ()


def test_esco_csv_parser_rejects_other_files() -> None:
    with pytest.raises(ValueError, match="conceptUri"):
        parse_esco_csv(io.StringIO("uri,label\nx,y\n"), "skill")


def test_esco_relations_put_essential_first() -> None:
    csv_text = "occupationUri,relationType,skillType,skillUri\no1,optional,skill/competence,s2\no1,essential,skill/competence,s1\n"
    assert parse_esco_relations(io.StringIO(csv_text)) == {"o1": ("s1", "s2")}


def test_curated_occupation_wordings_belong_to_one_concept() -> None:
    curated_words = {joined(a) for c in load_curated_occupations() for a in (c.label, *c.aliases)}
    owners: dict[str, set[str]] = defaultdict(set)
    for occupation in load_occupations():
        for text in (occupation.label, *occupation.aliases):
            if joined(text) in curated_words:
                owners[joined(text)].add(occupation.id)
    assert {word: ids for word, ids in owners.items() if len(ids) > 1} == {}
