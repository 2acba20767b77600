"""The bias monitor: service, coordinator page, `flask match bias`, and that age never scores."""
import json
from datetime import date

import pytest

from models import CandidateTerm, Concept, Vacancy, VacancyTerm
from models.enums import CandidateStatus, ConceptKind, Role, TermKind
from models.matches import bias, index_cache
from models.matches.documents import vacancy_docs
from tests.helpers import visible_text

pytestmark = pytest.mark.usefixtures("index_snapshots")  # the worker's snapshot, as after its first build
YOUNG, OLD = date(2004, 5, 1), date(1969, 5, 1)
NEVER_BUILDS = index_cache.get_index  # the real look-up, before the fixture lets it build


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


def test_service_flags_an_all_young_top_against_a_mixed_eligible_set(db, org, crowd, make_vacancy, make_candidate):
    vacancy = make_vacancy()
    make_candidate(birth_date=OLD, hours_min=8, hours_max=12)  # hours do not fit: not eligible
    result = bias.organisation_bias(db.session, org.id, date(2026, 6, 1))
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


def test_coordinator_reads_the_flags_and_the_overall_table(as_role, client, crowd, make_vacancy):
    make_vacancy(title="Heftruckchauffeur nachtdienst")
    as_role(Role.COORDINATOR)
    response = client.get("/beheer/bias-monitor/")
    text = visible_text(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "1 open vacatures, 1 met een signaal" in text
    assert "Leeftijd: 50-59: 0% in de top tegenover 50% van de geschikten (-50)" in text
    assert "Doelgroep: statushouder" in text and "ondervertegenwoordigd" in text
    assert "El Idrissi" not in text and "8251" not in text  # no personal data


def test_settings_change_the_threshold_and_bad_settings_are_named(as_role, client, crowd, make_vacancy):
    make_vacancy()
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


def test_another_organisations_vacancies_and_candidates_stay_out(as_role, client, crowd, make_vacancy, other_org):
    make_vacancy(organisation=other_org, title="Vacature van de buren")
    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/beheer/bias-monitor/").get_data(as_text=True))
    assert "Vacature van de buren" not in text and "Er zijn geen open vacatures." in text


def test_the_page_uses_a_constant_number_of_queries(db, org, as_role, count_queries, crowd, make_vacancy,
                                                    make_candidate):
    as_role(Role.COORDINATOR)
    make_vacancy()

    def first_and_second_view():
        bias.clear_cache()
        index_cache.clear_cache()
        return count_queries("/beheer/bias-monitor/"), count_queries("/beheer/bias-monitor/")

    first_and_second_view()  # the worker's snapshot exists from here on (the fixture builds it on first use)
    few = first_and_second_view()
    for _ in range(5):
        make_vacancy()
        make_candidate(birth_date=OLD)
    index_cache.build(db.session, org.id)  # the worker's refresh after the changes: a new snapshot
    assert first_and_second_view() == few
    assert few[1] < few[0]  # the second view reads the kept reports: no ranking, no candidate rows


def test_a_changed_candidate_changes_the_kept_report(db, as_role, client, crowd, make_vacancy):
    make_vacancy()
    as_role(Role.COORDINATOR)
    assert "1 open vacatures, 1 met een signaal" in visible_text(client.get("/beheer/bias-monitor/").get_data(as_text=True))
    for c in crowd[:6]:  # the young forklift drivers leave: nobody left in the top
        c.status = CandidateStatus.INACTIVE
    db.session.commit()
    assert "1 open vacatures, 0 met een signaal" in visible_text(client.get("/beheer/bias-monitor/").get_data(as_text=True))


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



def test_without_an_index_snapshot_the_monitor_says_it_is_being_computed(as_role, client, crowd, make_vacancy,
                                                                          monkeypatch):
    monkeypatch.setattr(index_cache, "get_index", NEVER_BUILDS)  # as in production: no worker built one yet
    index_cache.clear_cache()
    make_vacancy(title="Heftruckchauffeur nachtdienst")
    as_role(Role.COORDINATOR)
    response = client.get("/beheer/bias-monitor/")
    assert response.status_code == 200 and response.headers["Retry-After"] == "30"
    assert "De suggesties worden berekend" in visible_text(response.get_data(as_text=True))
