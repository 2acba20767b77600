"""Factories for matcher tests: a small real taxonomy, vacancies with linked skills, shares."""
from __future__ import annotations

from models import Vacancy, VacancyShare
from models.taxonomy.loading import load_taxonomy
from models.taxonomy.terms import TermLinker
from seed.taxonomy import load_occupations, load_skills


def small_taxonomy() -> list:
    """The curated skills and the curated occupations (a few hundred concepts: quick to link)."""
    return [*load_skills(), *[o for o in load_occupations() if o.slug]]


def load_small_taxonomy(session) -> None:
    load_taxonomy(session, small_taxonomy())
    session.commit()


def add_vacancy(session, organisation, employer, required=(), preferred=(), **kw) -> Vacancy:
    """A vacancy whose skills are linked through the real TermLinker, committed."""
    vacancy = Vacancy(organisation_id=organisation.id, employer_id=employer.id, title=kw.pop("title", "Inpakker"),
                      required_skills=list(required), preferred_skills=list(preferred),
                      city=kw.pop("city", "Dronten"), **kw)
    linker = TermLinker(session)
    from models import VacancyTerm

    for is_required, words in ((True, required), (False, preferred)):
        for wording in words:
            concept_id, confidence = linker.link(wording, "skill")
            vacancy.terms.append(VacancyTerm(required=is_required, wording=wording, concept_id=concept_id,
                                             confidence=confidence))
    session.add(vacancy)
    session.commit()
    return vacancy


def link_candidate(session, candidate, skills=(), occupations=()) -> None:
    """Give a candidate linked skill and occupation terms, committed."""
    from models import CandidateTerm
    from models.enums import TermKind

    linker = TermLinker(session)
    for kind, words, concept_kind in ((TermKind.SKILL, skills, "skill"), (TermKind.OCCUPATION, occupations, "occupation")):
        for wording in words:
            concept_id, confidence = linker.link(wording, concept_kind)
            candidate.terms.append(CandidateTerm(kind=kind, wording=wording, concept_id=concept_id,
                                                 confidence=confidence))
    candidate.skills = list(skills)
    candidate.desired_occupations = list(occupations)
    session.commit()


def share(session, vacancy, organisation) -> None:
    session.add(VacancyShare(vacancy_id=vacancy.id, organisation_id=organisation.id))
    session.commit()
