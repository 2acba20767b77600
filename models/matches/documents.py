"""The database as the matcher's plain documents: candidates, vacancies and the taxonomy.

Never used for matching: age, gender, nationality, target group or ladder rung.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from matching.documents import OCCUPATION_MIN_CONFIDENCE, CandidateDoc, Point, Taxonomy, VacancyDoc
from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.common.system import CandidateRemoval
from models.enums import CandidateStatus, ConceptKind, TermKind
from models.taxonomy.concept import Concept, ConceptRelation
from models.vacancies.vacancy import Vacancy, VacancyTerm

CHUNK = 5000
RELATED_MIN = 0.2  # occupations sharing at least this share of skills (Jaccard) count as related
RELATED_MAX = 10
# Skills only in the general sector are traits (flexibel, nauwkeurig): they only break ties.
TRAIT_SECTOR = "algemeen"

_CANDIDATE_COLUMNS = (
    Candidate.id, Candidate.change_no, Candidate.status, Candidate.driving_licences, Candidate.lat,
    Candidate.lon, Candidate.max_travel_km, Candidate.hours_min, Candidate.hours_max,
    Candidate.available_from, Candidate.education, Candidate.dutch_level,
    # The work experience as written counts for the text part (skills named only there, past jobs);
    # "about" is not read: it holds what a person says about their life, not their work.
    CandidatePersonal.experience,
)


def _value(enum_value) -> str | None:
    return None if enum_value is None else getattr(enum_value, "value", enum_value)


def _point(lat, lon) -> Point | None:
    return Point(lat, lon) if lat is not None and lon is not None else None


def candidate_rows(session: Session, organisation_id: int, since: int | None = None,
                   ids: Iterable[int] | None = None) -> Iterator[tuple[CandidateDoc | None, int, int]]:
    """(doc or None when not active, id, change number) for an organisation's candidates, in chunks.

    ``since``: only those whose change number is above it, whatever their status (an index that
    applies them drops the ones no longer active); otherwise the active ones.
    """
    query = (select(*_CANDIDATE_COLUMNS).outerjoin(CandidatePersonal, CandidatePersonal.candidate_id == Candidate.id)
             .where(Candidate.organisation_id == organisation_id).order_by(Candidate.id))
    if since is not None:
        query = query.where(Candidate.change_no > since)
    else:
        query = query.where(Candidate.status == CandidateStatus.ACTIVE)
    if ids is not None:
        query = query.where(Candidate.id.in_(list(ids)))
    if session.autoflush:
        session.flush()  # what session.execute would do first
    # Core rows, not the ORM's: at 1,000,000 candidates the ORM's per-row loading was a third of reading them.
    conn = session.connection()
    last_id = 0
    while True:
        rows = conn.execute(query.where(Candidate.id > last_id).limit(CHUNK)).all()
        if not rows:
            return
        last_id = rows[-1].id
        active = [r.id for r in rows if r.status == CandidateStatus.ACTIVE]
        terms = _candidate_terms(conn, active)
        for r in rows:
            doc = _candidate_doc(r, terms.get(r.id, ())) if r.status == CandidateStatus.ACTIVE else None
            yield doc, r.id, r.change_no


def removed_since(session: Session, organisation_id: int, since: int) -> list[tuple[int, int]]:
    """(candidate id, change number) of the organisation's candidates deleted after change ``since``."""
    return [tuple(r) for r in session.execute(
        select(CandidateRemoval.candidate_id, CandidateRemoval.change_no).where(
            CandidateRemoval.organisation_id == organisation_id, CandidateRemoval.change_no > since))]


def docs_by_id(session: Session, organisation_id: int, ids: Iterable[int]) -> dict[int, CandidateDoc]:
    """The active candidates among ``ids`` as the matcher sees them (for the reasons of a ranking)."""
    ids = list(ids)
    if not ids:
        return {}
    return {cid: doc for doc, cid, _no in candidate_rows(session, organisation_id, ids=ids) if doc is not None}


def _candidate_terms(conn: Connection, ids: list[int]) -> dict[int, list]:
    """The terms of the candidates ``ids`` (ascending), each candidate's in the order they were written."""
    out: dict[int, list] = defaultdict(list)
    if not ids:
        return out
    query = select(CandidateTerm.candidate_id, CandidateTerm.wording, CandidateTerm.concept_id,
                   CandidateTerm.confidence, Concept.kind, CandidateTerm.kind.label("term_kind")).join(
        Concept, Concept.id == CandidateTerm.concept_id, isouter=True)
    first, last = ids[0], ids[-1]
    if last - first < 2 * len(ids):
        # A chunk of a build (ids close together): one range scan along the candidate_id index. A long
        # IN (...) list made SQLite look up every id and sort, 42% of a 1,000,000-candidate build.
        query = query.where(CandidateTerm.candidate_id.between(first, last)).order_by(
            CandidateTerm.candidate_id, CandidateTerm.id)
        wanted = set(ids)
        for row in conn.execute(query).all():
            if row.candidate_id in wanted:
                out[row.candidate_id].append(row)
        return out
    query = query.where(CandidateTerm.candidate_id.in_(ids)).order_by(CandidateTerm.id)
    for row in conn.execute(query).all():  # fetchall: iterating the result fetched row by row (12% of a 1M build)
        out[row.candidate_id].append(row)
    return out


def _candidate_doc(r, terms) -> CandidateDoc:
    concepts: dict[int, float] = {}
    wording: dict[int, str] = {}
    occupations: set[int] = set()
    titles: list[str] = []
    for t in terms:
        if t.kind == ConceptKind.OCCUPATION or (t.concept_id is None and t.term_kind == TermKind.OCCUPATION):
            titles.append(t.wording)
        if t.concept_id is None:
            continue
        if t.kind == ConceptKind.OCCUPATION:
            if (t.confidence or 1.0) >= OCCUPATION_MIN_CONFIDENCE:
                occupations.add(t.concept_id)
        else:
            concepts[t.concept_id] = max(concepts.get(t.concept_id, 0.0), t.confidence or 1.0)
        wording.setdefault(t.concept_id, t.wording)
    return CandidateDoc(
        id=r.id, concepts=concepts, occupation_ids=frozenset(occupations),
        licences=frozenset(x.strip().upper() for x in (r.driving_licences or [])),
        point=_point(r.lat, r.lon), max_travel_km=r.max_travel_km, hours_min=r.hours_min,
        hours_max=r.hours_max, available_from=r.available_from, education=_value(r.education),
        dutch_level=_value(r.dutch_level), text=" ".join([*(t.wording for t in terms), r.experience or ""]).strip(),
        wording=wording, titles=" ; ".join(titles),
    )


def candidate_doc(session: Session, candidate: Candidate) -> CandidateDoc:
    """One candidate as the matcher sees it (whatever its status)."""
    row = session.execute(select(*_CANDIDATE_COLUMNS).outerjoin(
        CandidatePersonal, CandidatePersonal.candidate_id == Candidate.id).where(Candidate.id == candidate.id)).one()
    return _candidate_doc(row, _candidate_terms(session.connection(), [candidate.id]).get(candidate.id, ()))


def vacancy_docs(session: Session, vacancies: list[Vacancy]) -> list[VacancyDoc]:
    """The vacancies as the matcher sees them (two queries whatever their number)."""
    ids = [v.id for v in vacancies]
    terms: dict[int, list] = defaultdict(list)
    if ids:
        query = (select(VacancyTerm.vacancy_id, VacancyTerm.required, VacancyTerm.wording, VacancyTerm.concept_id,
                        VacancyTerm.confidence, Concept.kind)
                 .join(Concept, Concept.id == VacancyTerm.concept_id, isouter=True)
                 .where(VacancyTerm.vacancy_id.in_(ids)).order_by(VacancyTerm.id))
        for row in session.execute(query):
            terms[row.vacancy_id].append(row)
    return [_vacancy_doc(v, terms.get(v.id, ())) for v in vacancies]


def _vacancy_doc(v: Vacancy, terms) -> VacancyDoc:
    required: dict[int, float] = {}
    preferred: dict[int, float] = {}
    occupations = {v.occupation_concept_id} if v.occupation_concept_id else set()
    wording: dict[int, str] = {}
    for t in terms:
        if t.concept_id is None:
            continue
        if t.kind == ConceptKind.OCCUPATION:
            occupations.add(t.concept_id)
            continue
        target = required if t.required else preferred
        target[t.concept_id] = max(target.get(t.concept_id, 0.0), t.confidence or 1.0)
        wording.setdefault(t.concept_id, t.wording)
    text = " ".join(x for x in (v.title, v.occupation, v.description, *[t.wording for t in terms]) if x)
    return VacancyDoc(
        id=v.id, required=required, preferred={c: w for c, w in preferred.items() if c not in required},
        occupation_ids=frozenset(occupations), licence=(v.driving_licence or None),
        point=_point(v.lat, v.lon), hours_min=v.hours_min, hours_max=v.hours_max, start_date=v.start_date,
        education_min=_value(v.education_min), dutch_min=_value(v.dutch_min), text=text, wording=wording,
        title=" ; ".join(x for x in (v.title, v.occupation) if x),
    )


def load_taxonomy_doc(session: Session) -> Taxonomy:
    """Labels of every concept, and related occupations (sharing skills, Jaccard >= RELATED_MIN)."""
    labels = {cid: label for cid, label in session.execute(select(Concept.id, Concept.label))}
    pairs = session.execute(
        select(ConceptRelation.from_id, ConceptRelation.to_id)
        .join(Concept, Concept.id == ConceptRelation.to_id).where(Concept.kind == ConceptKind.SKILL)).all()
    traits = frozenset(session.scalars(select(Concept.id).where(
        Concept.kind == ConceptKind.SKILL, Concept.sector == TRAIT_SECTOR)))
    return Taxonomy(labels=labels, related=related_occupations(pairs), traits=traits)


def related_occupations(pairs: list[tuple[int, int]]) -> dict[int, dict[int, float]]:
    """Occupation -> {occupation: Jaccard of their skill sets} for the best RELATED_MAX above RELATED_MIN."""
    if not pairs:
        return {}
    occ = sorted({o for o, _ in pairs})
    skills = sorted({s for _, s in pairs})
    import numpy as np  # numpy/scipy only where the sums are made, not at the app's boot
    from scipy.sparse import csr_matrix

    oi, si = {o: i for i, o in enumerate(occ)}, {s: i for i, s in enumerate(skills)}
    m = csr_matrix((np.ones(len(pairs), np.float32), ([oi[o] for o, _ in pairs], [si[s] for _, s in pairs])),
                   shape=(len(occ), len(skills)))
    m.data[:] = 1.0
    size = np.asarray(m.sum(axis=1)).ravel()
    shared = (m @ m.T).tocoo()
    out: dict[int, dict[int, float]] = defaultdict(dict)
    for a, b, n in zip(shared.row, shared.col, shared.data):
        if a != b:
            jaccard = float(n / (size[a] + size[b] - n))
            if jaccard >= RELATED_MIN:
                out[occ[a]][occ[b]] = round(jaccard, 3)
    return {o: dict(sorted(rel.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED_MAX]) for o, rel in out.items()}
