"""The register's list pages use a constant number of queries, however many rows they show."""
from __future__ import annotations

from datetime import date, timedelta

from models import Agreement
from models.common import clock


def fill(db, employers, make_moment, make_vacancy, make_person, make_placement):
    for employer in employers:
        make_moment(employer, follow_up_on=clock.today(), follow_up_action="Bellen")
        make_vacancy(employer)
        make_person(employer)
        make_placement(employer, date(2027, 2, 1))
        db.session.add(Agreement(employer_id=employer.id, description="1", target_count=1,
                                 period_start=date(2027, 1, 1), period_end=date(2027, 12, 31)))
    db.session.commit()


def test_employer_list_queries_do_not_grow_with_rows(manager, count_queries, db, make_employer, make_moment,
                                                     make_vacancy, make_person, make_placement):
    few = [make_employer(account_manager_id=manager.id) for _ in range(2)]
    fill(db, few, make_moment, make_vacancy, make_person, make_placement)
    urls = ["/werkgevers/", "/werkgevers/?sortering=last_contact&open_vacatures=1", "/werkgevers/?q=bedrijf"]
    before = [count_queries(url) for url in urls]
    many = [make_employer(account_manager_id=manager.id) for _ in range(23)]
    fill(db, many, make_moment, make_vacancy, make_person, make_placement)
    assert [count_queries(url) for url in urls] == before
    assert max(before) <= 8


def test_employer_page_and_follow_ups_queries_do_not_grow(manager, count_queries, make_employer, make_moment,
                                                          make_person, make_placement):
    employer = make_employer()
    make_person(employer)
    for day in range(3):
        make_moment(employer, occurred_on=date(2026, 1, 1) + timedelta(days=day), follow_up_on=clock.today(),
                    follow_up_action="x", follow_up_owner_id=manager.id, author_id=manager.id)
    page_before = count_queries(f"/werkgevers/{employer.id}")
    follow_before = count_queries("/werkgevers/follow-ups")
    for day in range(40):
        make_moment(employer, occurred_on=date(2025, 1, 1) + timedelta(days=day), follow_up_on=clock.today(),
                    follow_up_action="x", follow_up_owner_id=manager.id, author_id=manager.id)
        make_person(employer, name=f"Persoon {day}")
        make_placement(employer, date(2027, 2, 1))
    assert count_queries(f"/werkgevers/{employer.id}") == page_before
    assert count_queries("/werkgevers/follow-ups") == follow_before


def test_timeline_paginates(manager, client, make_employer, make_moment):
    employer = make_employer()
    for day in range(45):
        make_moment(employer, occurred_on=date(2025, 1, 1) + timedelta(days=day), subject=f"Gesprek {day:02d}")
    html = client.get(f"/werkgevers/{employer.id}").get_data(as_text=True)
    assert "Gesprek 44" in html and "Gesprek 24" not in html and "Pagina 1 van 3" in html
    html = client.get(f"/werkgevers/{employer.id}?tijdlijn=3").get_data(as_text=True)
    assert "Gesprek 04" in html and "Gesprek 05" not in html and "Gesprek 44" not in html
