"""Fill a scratch database for bench.staff_pages at a scale (scale 1: 100,000 candidates, 50,000 employers,
1,000,000 contact moments, 50,000 placements, with the taxonomy, four linked terms per candidate, 200 vacancies
with terms and 20,000 unmatched wordings), and bring a database filled before up to the models' indexes.

The database is EMPTIED first; bulk inserts, contact moments with COPY on PostgreSQL.
"""
from __future__ import annotations

import random
import time
from datetime import timedelta

from sqlalchemy import create_engine, insert, inspect, select, text
from sqlalchemy.orm import Session

from bench import reports
from bench.register import PASSWORD
from models import Base, CandidateTerm, Concept, ContactMoment, Employer, Organisation, User, Vacancy, VacancyTerm
from models.common import clock
from models.enums import Channel, ConceptKind, Role, TermKind
from models.taxonomy.concept import UnmatchedWording

FULL = {"candidates": 100_000, "employers": 50_000, "moments": 1_000_000, "placements": 50_000}
ROLES = (Role.COORDINATOR, Role.MATCHER, Role.ACCOUNT_MANAGER, Role.ADMIN)  # the staff who sign in to the bench
CHUNK = 10_000


def sizes(scale: float) -> dict[str, int]:
    return {k: max(int(v * scale), 10) for k, v in FULL.items()}


def _moments(engine, org: int, employers: list[int], staff: list[int], count: int, say) -> None:
    """Contact moments spread over four years; COPY on PostgreSQL, inserts elsewhere."""
    rng = random.Random(11)
    channels = [c.value for c in Channel]
    first = clock.today() - timedelta(days=4 * 365)
    columns = ["organisation_id", "employer_id", "author_id", "channel", "occurred_on", "subject",
               "follow_up_on", "follow_up_owner_id", "follow_up_done_at"]
    done_at = clock.utcnow()

    def row(i: int) -> tuple:
        day = first + timedelta(days=rng.randrange(4 * 365))
        follow = i % 20 == 0
        done = follow and day < clock.today() - timedelta(days=60)
        return (org, rng.choice(employers), rng.choice(staff), rng.choice(channels), day, f"Contact {i}",
                day + timedelta(days=14) if follow else None, rng.choice(staff) if follow else None,
                done_at if done else None)

    started = time.perf_counter()
    if engine.dialect.name == "postgresql":
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            with cursor.copy(f"COPY contact_moment ({', '.join(columns)}) FROM STDIN") as copy:
                for i in range(count):
                    copy.write_row(row(i))
                    if i and i % 200_000 == 0:
                        say(f"    {i:,} contact moments ({time.perf_counter() - started:.0f} s)")
            raw.commit()
        finally:
            raw.close()
    else:
        with engine.begin() as conn:
            for start in range(0, count, CHUNK):
                conn.execute(insert(ContactMoment), [dict(zip(columns, row(i), strict=True))
                                                     for i in range(start, min(start + CHUNK, count))])
    say(f"    {count:,} contact moments in {time.perf_counter() - started:.0f} s")


def _terms_and_wordings(session: Session, org: int, wordings: int) -> None:
    """Four linked terms per candidate, skills and an occupation on each vacancy, and unmatched wordings."""
    rng = random.Random(13)
    skills = [r for r in session.execute(select(Concept.id, Concept.label).where(Concept.kind == ConceptKind.SKILL)
                                         .order_by(Concept.id).limit(400))]
    jobs = [r for r in session.execute(select(Concept.id, Concept.label).where(Concept.kind == ConceptKind.OCCUPATION)
                                       .order_by(Concept.id).limit(200))]
    candidates = session.scalars(select(reports.Candidate.id).where(reports.Candidate.organisation_id == org)).all()
    rows = []
    for cid in candidates:
        job = rng.choice(jobs)
        rows.append({"candidate_id": cid, "kind": TermKind.OCCUPATION, "wording": job[1], "concept_id": job[0],
                     "confidence": 1.0})
        for skill in rng.sample(skills, 3):
            rows.append({"candidate_id": cid, "kind": TermKind.SKILL, "wording": skill[1], "concept_id": skill[0],
                         "confidence": 0.9})
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(CandidateTerm), rows[start:start + CHUNK])
    for vacancy in session.scalars(select(Vacancy).where(Vacancy.organisation_id == org)):
        picked = rng.sample(skills, 4)
        job = rng.choice(jobs)
        vacancy.required_skills = [s[1] for s in picked[:2]]
        vacancy.preferred_skills = [s[1] for s in picked[2:]]
        vacancy.occupation, vacancy.occupation_concept_id = job[1], job[0]
        vacancy.hours_min, vacancy.hours_max = 16, 36
        for n, skill in enumerate(picked):
            session.add(VacancyTerm(vacancy_id=vacancy.id, required=n < 2, wording=skill[1], concept_id=skill[0],
                                    confidence=1.0))
    session.execute(insert(UnmatchedWording), [
        {"wording": f"vaardigheid {n} {rng.choice(['lassen', 'heftruck', 'kassa', 'zorg', 'planning'])}",
         "normalised": f"vaardigheid {n}", "seen_count": rng.randrange(1, 500)} for n in range(wordings)])


def fill(url: str, scale: float, say) -> None:
    """Empty ``url`` and fill it at ``scale`` (bench.reports' filler plus the rest the staff pages need)."""
    n = sizes(scale)
    started = time.perf_counter()
    reports.fill(url, n["candidates"], 0, n["placements"], employers=n["employers"])
    say(f"  candidates, employers, placements, suggestions in {time.perf_counter() - started:.0f} s")
    engine = create_engine(url)
    from models.accounts.passwords import hash_password
    from models.taxonomy.loading import load_taxonomy

    with Session(engine) as session:
        org = session.scalar(select(Organisation.id).where(Organisation.key == "dronten"))
        digest = hash_password(PASSWORD)
        for role in ROLES[1:]:
            session.add(User(email=f"{role.value}@bench.example", name=role.value, role=role, password_hash=digest,
                             organisation_id=org))
        step = time.perf_counter()
        load_taxonomy(session)
        session.flush()
        say(f"  taxonomy in {time.perf_counter() - step:.0f} s")
        _terms_and_wordings(session, org, max(int(20_000 * scale), 100))
        session.commit()
        employers = session.scalars(select(Employer.id).where(Employer.organisation_id == org)).all()
        staff = session.scalars(select(User.id).where(User.organisation_id == org)).all()
    say(f"  terms and wordings done ({time.perf_counter() - started:.0f} s)")
    _moments(engine, org, employers, staff, n["moments"], say)
    with engine.begin() as conn:
        # Rows changed over the past two years, as in use: the matcher index's incremental refresh
        # re-reads what changed since its high-water mark, not the whole load of a minute ago.
        conn.execute(text("UPDATE candidate SET updated_at = updated_at - (id % 700) * INTERVAL '1 day' - INTERVAL '1 hour'"
                          if engine.dialect.name == "postgresql" else
                          "UPDATE candidate SET updated_at = datetime(updated_at, '-' || (id % 700) || ' days', '-1 hours')"))
        conn.execute(text("UPDATE employer SET last_contact_on = (SELECT max(occurred_on) FROM contact_moment"
                          " WHERE contact_moment.employer_id = employer.id), first_contact_on = (SELECT"
                          " min(occurred_on) FROM contact_moment WHERE contact_moment.employer_id = employer.id)"))
    _analyse(engine)
    engine.dispose()
    say(f"  filled in {time.perf_counter() - started:.0f} s")


def _analyse(engine) -> None:
    if engine.dialect.name == "postgresql":  # VACUUM too: a fresh table has no visibility map
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def add_missing_indexes(url: str) -> list[str]:
    """Tables and indexes the models declare that a reused database lacks (the bench fills with
    create_all), and the derived employer.first_contact_on (migration 0017) with its backfill."""
    engine = create_engine(url)
    made = []
    with engine.begin() as conn:
        missing = [t for t in Base.metadata.sorted_tables if not conn.dialect.has_table(conn, t.name)]
        Base.metadata.create_all(conn, tables=missing)
        made += [t.name for t in missing]
        if "first_contact_on" not in {c["name"] for c in inspect(conn).get_columns("employer")}:
            conn.execute(text("ALTER TABLE employer ADD COLUMN first_contact_on DATE"))
            conn.execute(text("UPDATE employer SET first_contact_on = (SELECT min(occurred_on) FROM contact_moment"
                              " WHERE contact_moment.employer_id = employer.id)"))
            made.append("employer.first_contact_on")
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                if not conn.dialect.has_index(conn, table.name, index.name):
                    index.create(conn)
                    made.append(index.name)
    if made:
        _analyse(engine)
    engine.dispose()
    return made
