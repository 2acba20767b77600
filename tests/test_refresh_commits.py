"""The worker's suggestion refresh of an organisation commits each vacancy's list as it goes: on SQLite
its write lock is held for one vacancy at a time, not for the whole refresh, while pages wait for it."""
from sqlalchemy import create_engine, func, select, text

from models.matches import refresh
from models.matches.suggestion import SuggestionRun
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy
from tests.queue_helpers import run_jobs


def test_each_vacancy_of_an_organisation_refresh_is_committed_before_the_next(app, db, org, make_employer,
                                                                             make_candidate, monkeypatch):
    load_small_taxonomy(db.session)
    candidate = make_candidate(hours_min=16, hours_max=36, lat=52.52, lon=5.72, max_travel_km=25)
    link_candidate(db.session, candidate, ["orderpicken"])
    employer = make_employer(name="Polderbakkerij")
    for title in ("Orderpicker", "Inpakker", "Magazijnmedewerker"):
        add_vacancy(db.session, org, employer, title=title, required=["orderpicken"], hours_min=16, hours_max=24)
    db.session.commit()
    other = create_engine(db.engine.url)  # what a page sees while the worker is busy
    db.session.commit()
    seen, rank = [], refresh.refresh_suggestions

    def ranking(session, vacancy, organisation, **kw):
        with other.connect() as conn:
            seen.append(conn.execute(select(func.count()).select_from(SuggestionRun)).scalar())
        return rank(session, vacancy, organisation, **kw)

    monkeypatch.setattr(refresh, "refresh_suggestions", ranking)
    try:
        assert run_jobs(app, "refresh_organisation") == 1  # enqueued by the candidate's and vacancies' commits
        with other.connect() as conn:
            stored = conn.execute(text("SELECT count(*) FROM suggestion_run")).scalar()
    finally:
        other.dispose()
    assert seen == [0, 1, 2]  # the lists ranked before are stored for everyone already
    assert stored == 3
