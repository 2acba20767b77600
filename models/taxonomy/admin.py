"""Coordinators maintain the shared taxonomy: concepts, wordings, skills of occupations, unmatched wordings.

Every change bumps the CacheStamp row `taxonomy`, so each process rebuilds its linker.
"""
from __future__ import annotations

import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from matching.text import normalise
from models.base import utcnow
from models.common import audit
from models.common.errors import N_, InvalidInput
from models.common.paging import Page, paginate
from models.common.system import CacheStamp
from models.enums import ConceptKind
from models.taxonomy.concept import Concept, ConceptAlias, ConceptRelation

STAMP = "taxonomy"


def bump_stamp(session: Session) -> int:
    """Raise the `taxonomy` cache stamp by one (created at 1); returns the new version."""
    stamp = session.get(CacheStamp, STAMP)
    if stamp is None:
        stamp = CacheStamp(name=STAMP, version=0)
        session.add(stamp)
    stamp.version += 1
    stamp.updated_at = utcnow()
    session.flush()
    return stamp.version


def stamp_version(session: Session) -> int:
    """Current version of the taxonomy stamp (0 when never bumped)."""
    return session.scalar(select(CacheStamp.version).where(CacheStamp.name == STAMP)) or 0


def search(session: Session, text: str = "", kind: ConceptKind | None = None, page: int = 1,
           per_page: int = 25) -> Page[Concept]:
    """Concepts whose label or a wording contains `text`, by label; with their aliases (2 queries + count)."""
    query = select(Concept)
    if kind:
        query = query.where(Concept.kind == kind)
    key = normalise(text)
    if key:
        has_alias = select(ConceptAlias.concept_id).where(ConceptAlias.normalised.contains(key))
        query = query.where(or_(func.lower(Concept.label).contains(text.strip().lower()), Concept.id.in_(has_alias)))
    return paginate(session, query.options(selectinload(Concept.aliases)).order_by(Concept.label, Concept.id),
                    page, per_page)


def owner_of(session: Session, key: str) -> Concept | None:
    """The concept that already has this normalised wording, compared without spaces ("fork lift" = "forklift")."""
    together = key.replace(" ", "")
    return session.scalar(select(Concept).join(ConceptAlias)
                          .where(func.replace(ConceptAlias.normalised, " ", "") == together).limit(1))


def _slug(session: Session, kind: ConceptKind, label: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", normalise(label)).strip("-")[:200] or "begrip"
    code, n = base, 1
    while session.scalar(select(Concept.id).where(Concept.kind == kind, Concept.code == code)):
        n += 1
        code = f"{base}-{n}"
    return code


def _check_label(session: Session, label: str, concept: Concept | None) -> str:
    label = (label or "").strip()
    if not normalise(label):
        raise InvalidInput({"label": N_("Vul een naam in.")})
    if len(label) > 255:
        raise InvalidInput({"label": N_("De naam is te lang (hoogstens 255 tekens).")})
    other = owner_of(session, normalise(label))
    if other is not None and (concept is None or other.id != concept.id):
        raise InvalidInput({"label": N_("‘%(label)s’ is al een schrijfwijze van %(label2)s.",
                                        label=label, label2=other.label)})
    return label


def create_concept(session: Session, kind: ConceptKind, label: str, sector: str | None = None,
                   actor=None) -> Concept:
    """A new local skill or occupation; its label becomes its first wording."""
    label = _check_label(session, label, None)
    concept = Concept(kind=ConceptKind(kind), code=_slug(session, ConceptKind(kind), label), label=label,
                      sector=(sector or "").strip()[:100] or None, source="werkbrug")
    concept.aliases = [ConceptAlias(label=label, normalised=normalise(label)[:255])]
    session.add(concept)
    session.flush()
    audit.record(session, "taxonomy_concept_created", actor=actor, obj=concept, details={"kind": concept.kind.value})
    bump_stamp(session)
    return concept


def update_concept(session: Session, concept: Concept, label: str, sector: str | None, actor=None) -> None:
    """Rename a concept or change its sector; the new label is added as a wording too."""
    label = _check_label(session, label, concept)
    before = {"label": concept.label, "sector": concept.sector}
    concept.label, concept.sector = label, (sector or "").strip()[:100] or None
    key = normalise(label)[:255]
    if all(a.normalised != key for a in concept.aliases):
        concept.aliases.append(ConceptAlias(label=label, normalised=key))
    audit.record_changes(session, concept, before, {"label": concept.label, "sector": concept.sector}, actor)
    session.flush()
    bump_stamp(session)


def add_alias(session: Session, concept: Concept, wording: str, actor=None) -> ConceptAlias:
    """Add a synonym or spelling variant; refused when empty, present, or another concept's wording."""
    wording = (wording or "").strip()
    key = normalise(wording)[:255]
    if not key:
        raise InvalidInput({"wording": N_("Vul een schrijfwijze in.")})
    other = owner_of(session, key)
    if other is not None and other.id == concept.id:
        raise InvalidInput({"wording": N_("‘%(wording)s’ staat al bij %(label)s.",
                                          wording=wording, label=concept.label)})
    if other is not None:
        raise InvalidInput({"wording": N_("‘%(wording)s’ hoort al bij %(label)s. Een schrijfwijze kan maar bij "
                                          "één begrip horen: verwijder haar daar eerst.",
                                          wording=wording, label=other.label)})
    alias = ConceptAlias(label=wording[:255], normalised=key)
    concept.aliases.append(alias)
    session.flush()
    audit.record(session, "taxonomy_alias_added", actor=actor, obj=concept, details={"alias_id": alias.id})
    bump_stamp(session)
    return alias


def remove_alias(session: Session, concept: Concept, alias_id: int, actor=None) -> None:
    """Remove one wording of a concept (not its last one); InvalidInput when it is not there."""
    alias = next((a for a in concept.aliases if a.id == alias_id), None)
    if alias is None:
        raise InvalidInput({"wording": N_("Deze schrijfwijze bestaat niet (meer).")})
    if len(concept.aliases) == 1:
        raise InvalidInput({"wording": N_("Een begrip houdt minstens één schrijfwijze.")})
    concept.aliases.remove(alias)
    session.flush()
    audit.record(session, "taxonomy_alias_removed", actor=actor, obj=concept, details={"alias_id": alias_id})
    bump_stamp(session)


def skills_of(session: Session, occupation: Concept) -> list[tuple[ConceptRelation, Concept]]:
    """The skills linked to an occupation, by label."""
    return list(session.execute(
        select(ConceptRelation, Concept).join(Concept, Concept.id == ConceptRelation.to_id)
        .where(ConceptRelation.from_id == occupation.id, Concept.kind == ConceptKind.SKILL)
        .order_by(Concept.label)))


def occupations_using(session: Session, skill: Concept) -> list[Concept]:
    """The occupations that list a skill, by label."""
    return list(session.scalars(
        select(Concept).join(ConceptRelation, ConceptRelation.from_id == Concept.id)
        .where(ConceptRelation.to_id == skill.id, Concept.kind == ConceptKind.OCCUPATION).order_by(Concept.label)))


def find_skill(session: Session, wording: str) -> Concept | None:
    """A skill by its exact label or wording (normalised)."""
    key = normalise(wording or "")
    if not key:
        return None
    return session.scalar(select(Concept).outerjoin(ConceptAlias).where(
        Concept.kind == ConceptKind.SKILL,
        or_(ConceptAlias.normalised == key, func.lower(Concept.label) == (wording or "").strip().lower())).limit(1))


def link_skill(session: Session, occupation: Concept, wording: str, essential: bool = True, actor=None) -> Concept:
    """Link the skill named `wording` to an occupation (weight 1 essential, 0.5 optional)."""
    if occupation.kind != ConceptKind.OCCUPATION:
        raise InvalidInput({"skill": N_("Alleen een beroep heeft vaardigheden.")})
    skill = find_skill(session, wording)
    if skill is None:
        raise InvalidInput({"skill": N_("Geen vaardigheid gevonden met de naam ‘%(wording)s’.",
                                        wording=(wording or '').strip())})
    exists = session.scalar(select(ConceptRelation).where(ConceptRelation.from_id == occupation.id,
                                                          ConceptRelation.to_id == skill.id))
    if exists:
        raise InvalidInput({"skill": N_("%(label)s is al gekoppeld aan %(label2)s.",
                                        label=skill.label, label2=occupation.label)})
    session.add(ConceptRelation(from_id=occupation.id, to_id=skill.id, weight=1.0 if essential else 0.5))
    session.flush()
    audit.record(session, "taxonomy_skill_linked", actor=actor, obj=occupation, details={"skill_id": skill.id})
    bump_stamp(session)
    return skill


def unlink_skill(session: Session, occupation: Concept, skill_id: int, actor=None) -> None:
    """Remove a skill from an occupation; InvalidInput when it was not linked."""
    relation = session.scalar(select(ConceptRelation).where(ConceptRelation.from_id == occupation.id,
                                                            ConceptRelation.to_id == skill_id))
    if relation is None:
        raise InvalidInput({"skill": N_("Deze vaardigheid is niet (meer) gekoppeld.")})
    session.delete(relation)
    session.flush()
    audit.record(session, "taxonomy_skill_unlinked", actor=actor, obj=occupation, details={"skill_id": skill_id})
    bump_stamp(session)
