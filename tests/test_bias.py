"""The bias monitor: service, coordinator page, `flask match bias`, and that age never scores."""
import json
from datetime import date

import pytest

from models import CandidateTerm, Concept, Vacancy, VacancyTerm
from models.common import clock
from models.enums import CandidateStatus, ConceptKind, Role, TermKind
from models.matches import bias, index_cache
from models.matches.documents import vacancy_docs
from tests.helpers import visible_text
from web.queue import huey_for

pytestmark = pytest.mark.usefixtures("index_snapshots")  # the worker's snapshot, as after its first build
YOUNG, OLD = date(2004, 5, 1), date(1969, 5, 1)


@pytest.fixture
def heftruck(db):
    concept = Concept(kind=ConceptKind.SKILL, code="heftruck", label="Heftruck rijden")
    db.session.add(concept)
    db.session.commit()
    return concept


@pytest.fixture
def make_vacancy(db, org, make_employer, heftruck):
    def make(organisation=None, **kw):
        employer = make_employer(organisation or org)
        vacancy = Vacancy(organisation_id=(organisation or org).id, employer_id=employer.id,
                          title=kw.pop("title", "Heftruckchauffeur"), city="Dronten", hours_min=32, hours_max=40, **kw)
        vacancy.terms = [VacancyTerm(required=True, wording="heftruck", concept_id=heftruck.id, confidence=1.0)]
        db.session.add(vacancy)
        db.session.commit()
        return vacancy
    return make


@pytest.fixture
def counted(db, org):
    """Run what the queue's compute_bias job does for the organisation (the page never counts)."""
    def count(organisation=None, today=None):
        stored = bias.store(db.session, (organisation or org).id, today or clock.today())
        db.session.commit()
        return stored
    return count


@pytest.fixture
def crowd(db, make_candidate, heftruck):
    """Six young people who drive a forklift and six older people who do not; all eligible."""
    people = []
    for i in range(12):
        young = i < 6
        c = make_candidate(birth_date=YOUNG if young else OLD, hours_min=24, hours_max=40, max_travel_km=30,
                           target_groups=["participatiewet"] if young else ["statushouder"],
                           skills=["heftruck"] if young else ["schoonmaken"])
        if young:
            c.terms = [CandidateTerm(kind=TermKind.SKILL, wording="heftruk", concept_id=heftruck.id, confidence=0.95)]
        people.append(c)
    db.session.commit()
    return people


def test_service_flags_an_all_young_top_against_a_mixed_eligible_set(db, org, crowd, make_vacancy, make_candidate,
                                                                      counted):
    vacancy = make_vacancy()
    make_candidate(birth_date=OLD, hours_min=8, hours_max=12)  # hours do not fit: not eligible
    assert bias.organisation_bias(db.session, org.id, date(2026, 6, 1)) is None  # nothing counted yet
    assert counted(today=date(2026, 6, 1)) == 1
    result = bias.organisation_bias(db.session, org.id, date(2026, 6, 1))
    assert result.current
    [item] = result.vacancies
    assert item.vacancy.id == vacancy.id
    assert (item.report.top_size, item.report.eligible_size) == (6, 12)
    flagged = {(s.group, round(s.difference, 2)) for s in item.report.flags if s.dimension == "age_band"}
    assert flagged == {("tot 27", 0.5), ("50-59", -0.5)}


def test_score_does_not_change_with_age_or_target_group(db, org, crowd, make_vacancy):
    vacancy = make_vacancy()

    def scores():
        [doc] = vacancy_docs(db.session, [vacancy])
        return [(s.candidate_id, s.score) for s in index_cache.get_index(db.session, org.id).index.suggest(doc, top=20)]

    before = scores()
    for c in crowd:
        c.personal.birth_date = OLD if c.personal.birth_date == YOUNG else YOUNG
        c.target_groups = ["banenafspraak", "wajong"]
        c.ladder = 2
    db.session.commit()
    assert scores() == before and len(before) == 6


def test_coordinator_reads_the_flags_and_the_overall_table(as_role, client, crowd, make_vacancy, counted):
    make_vacancy(title="Heftruckchauffeur nachtdienst")
    counted()
    as_role(Role.COORDINATOR)
    response = client.get("/beheer/bias-monitor/")
    text = visible_text(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "1 open vacatures, 1 met een signaal" in text
    assert "Leeftijd: 50-59: 0% in de top tegenover 50% van de geschikten (-50)" in text
    assert "Doelgroep: statushouder" in text and "ondervertegenwoordigd" in text
    assert "El Idrissi" not in text and "8251" not in text  # no personal data


def test_settings_change_the_threshold_and_bad_settings_are_named(as_role, client, crowd, make_vacancy, counted):
    make_vacancy()
    counted()
    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/beheer/bias-monitor/?threshold=60&min_group=5").get_data(as_text=True))
    assert "1 open vacatures, 0 met een signaal" in text
    response = client.get("/beheer/bias-monitor/?threshold=0")
    assert response.status_code == 422
    assert "Kies een drempel van 5 tot en met 100." in visible_text(response.get_data(as_text=True))


@pytest.mark.parametrize("role", [Role.MATCHER, Role.ACCOUNT_MANAGER, Role.ADMIN])
def test_other_roles_may_not_open_the_bias_monitor(as_role, client, role):
    as_role(role)
    assert client.get("/beheer/bias-monitor/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/beheer/bias-monitor/").status_code == 302


def test_another_organisations_vacancies_and_candidates_stay_out(as_role, client, crowd, make_vacancy, other_org,
                                                                  counted):
    make_vacancy(organisation=other_org, title="Vacature van de buren")
    counted()
    counted(other_org)
    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/beheer/bias-monitor/").get_data(as_text=True))
    assert "Vacature van de buren" not in text and "Er zijn geen open vacatures." in text


def test_the_page_uses_a_constant_number_of_queries(db, org, as_role, count_queries, crowd, make_vacancy,
                                                    make_candidate, counted):
    as_role(Role.COORDINATOR)
    make_vacancy()
    counted()
    few = count_queries("/beheer/bias-monitor/")
    for _ in range(5):
        make_vacancy()
        make_candidate(birth_date=OLD)
    counted()
    assert count_queries("/beheer/bias-monitor/") == few  # stored counts: no ranking, no candidate rows


def test_after_a_change_the_page_shows_the_last_counts_and_asks_the_job_for_new_ones(app, db, as_role, client, crowd,
                                                                                    make_vacancy, counted):
    make_vacancy()
    counted()
    huey_for(app).flush()  # the suggestion refreshes the fixtures enqueued
    as_role(Role.COORDINATOR)
    response = client.get("/beheer/bias-monitor/")
    text = visible_text(response.get_data(as_text=True))
    assert "1 open vacatures, 1 met een signaal" in text and "sindsdien iets gewijzigd" not in text
    assert "Retry-After" not in response.headers and huey_for(app).pending_count() == 0
    for c in crowd[:6]:  # the young forklift drivers leave: nobody left in the top
        c.status = CandidateStatus.INACTIVE
    db.session.commit()
    huey_for(app).flush()
    response = client.get("/beheer/bias-monitor/")
    text = visible_text(response.get_data(as_text=True))
    assert "1 open vacatures, 1 met een signaal" in text  # the last counts, said to be older than the data
    assert "Deze cijfers zijn berekend op" in text and "sindsdien iets gewijzigd" in text
    assert response.headers["Retry-After"] == "30"
    html = response.get_data(as_text=True)  # the threshold form must not be reloaded under someone's hands
    assert 'http-equiv="refresh"' not in html
    assert '<a href="/beheer/bias-monitor/" data-refresh-after="30">Pagina vernieuwen</a>' in html
    assert [t.name for t in huey_for(app).pending()] == ["compute_bias"]
    client.get("/beheer/bias-monitor/")
    assert huey_for(app).pending_count() == 1  # asked once while it waits
    counted()
    text = visible_text(client.get("/beheer/bias-monitor/").get_data(as_text=True))
    assert "1 open vacatures, 0 met een signaal" in text and "sindsdien iets gewijzigd" not in text


def test_the_stored_counts_give_the_reports_computed_in_one_go(db, org, crowd, make_vacancy, make_candidate, counted):
    for title in ("Heftruckchauffeur", "Orderpicker", "Magazijnmedewerker"):
        make_vacancy(title=title)
    make_candidate(birth_date=OLD, hours_min=8, hours_max=12)  # eligible for none
    today = date(2026, 6, 1)
    counted(today=today)
    vacancies = bias.open_vacancies(db.session, org.id)
    fresh = bias._reports(db.session, org.id, vacancies, today)
    for threshold, min_group in ((0.2, 5), (0.05, 1), (0.6, 12)):
        result = bias.organisation_bias(db.session, org.id, today, threshold, min_group)
        expected = [bias.recount(r.vacancy_id, r.top_size, r.eligible_size,
                                 [(s.dimension, s.group, s.top_count, s.eligible_count) for s in r.shares],
                                 threshold, min_group) for r in fresh]
        assert [v.report for v in result.vacancies] == expected
        assert result.overall == bias.pooled(expected, threshold, min_group)


def test_without_stored_counts_the_monitor_says_they_are_being_computed(app, as_role, client, crowd, make_vacancy,
                                                                        counted):
    make_vacancy(title="Heftruckchauffeur nachtdienst")
    huey_for(app).flush()
    as_role(Role.COORDINATOR)
    response = client.get("/beheer/bias-monitor/")
    assert response.status_code == 200 and response.headers["Retry-After"] == "30"
    text = visible_text(response.get_data(as_text=True))
    assert "De bias-monitor wordt berekend" in text and "Heftruckchauffeur nachtdienst" not in text
    assert [t.name for t in huey_for(app).pending()] == ["compute_bias"]
    counted()
    assert "1 open vacatures, 1 met een signaal" in visible_text(client.get("/beheer/bias-monitor/").get_data(as_text=True))


def test_cli_prints_the_report_as_json(runner, org, crowd, make_vacancy):
    make_vacancy(external_id="V-1")
    result = runner.invoke(args=["match", "bias", "--org", "dronten", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[-1])
    assert data["organisation"] == "dronten" and data["vacancies"][0]["vacancy"] == "V-1"
    assert {f["group"] for f in data["vacancies"][0]["flags"]} >= {"tot 27", "50-59"}
    text = runner.invoke(args=["match", "bias", "--threshold", "60"]).output
    assert "1 open vacancies, 0 flagged (threshold 60 pp" in text


def test_cli_names_an_unknown_organisation(runner, org):
    result = runner.invoke(args=["match", "bias", "--org", "nergens"])
    assert result.exit_code == 2 and "unknown organisation 'nergens' (known: dronten)" in result.output


def test_the_group_table_counts_as_compare_does():
    """The job's vectorised counting against the one-by-one count, on people with and without an age
    band or groups, ids outside the people and eligible ids listed twice."""
    import random

    from matching.bias import GroupTable, Person, age_band, compare

    rng = random.Random(5)
    groups = ["participatiewet", "banenafspraak", "statushouder", "ww", "wajong"]
    today = date(2026, 6, 1)
    people = {cid: Person(cid, age_band(date(rng.randrange(1960, 2008), 5, 1), today) if rng.random() < 0.9 else None,
                          frozenset(rng.sample(groups, rng.randrange(3)))) for cid in range(1, 400, 2)}
    table = GroupTable(people)
    for _ in range(20):
        eligible = [rng.randrange(0, 450) for _ in range(rng.randrange(0, 300))]
        top = list(dict.fromkeys(eligible))[:10]
        for threshold, min_group in ((0.2, 5), (0.05, 1)):
            assert table.compare(top, eligible, 7, threshold, min_group) == \
                compare(top, eligible, people, 7, threshold, min_group)
    assert GroupTable({}).compare([1], [1, 2], 7) == compare([1], [1, 2], {}, 7)


def test_groups_under_the_minimum_size_say_so_instead_of_no_signal(as_role, client, crowd, make_vacancy, counted):
    make_vacancy()
    counted()
    as_role(Role.COORDINATOR)
    small = client.get("/beheer/bias-monitor/?threshold=20&min_group=50")
    assert small.status_code == 200
    rows = visible_text(small.get_data(as_text=True)).split("Alle open vacatures samen", 1)[1].split("Per vacature", 1)[0]
    assert "te kleine groep" in rows and " geen" not in rows.split("Signaal", 1)[1]
    usual = visible_text(client.get("/beheer/bias-monitor/?threshold=60&min_group=2").get_data(as_text=True))
    assert "te kleine groep" not in usual
