"""The start page says what waits for the person signed in, beside the area where it is done."""
from datetime import date, timedelta

from models import Candidate, CandidatePersonal, ContactMoment, EmployerRequest, Suggestion, Vacancy
from models.common import clock
from models.enums import Channel, RequestStatus, Role, SuggestionStatus, VacancyStatus
from tests.helpers import visible_text


def _moment(db, org, employer, owner, on, done=False):
    db.session.add(ContactMoment(organisation_id=org.id, employer_id=employer.id, channel=Channel.PHONE,
                                 occurred_on=clock.today() - timedelta(days=20), subject="Kennismaking",
                                 follow_up_on=on, follow_up_action="Bellen", follow_up_owner_id=owner.id,
                                 follow_up_done_at=clock.now() if done else None))


def _request(db, organisation, employer, status=RequestStatus.NEW):
    db.session.add(EmployerRequest(organisation_id=organisation.id, employer_id=employer.id, requester_name="Piet",
                                   company=employer.name, email="p@example.org", status=status))


def test_an_account_manager_sees_due_follow_ups_new_requests_and_submitted_vacancies(
        db, org, other_org, as_role, make_user, make_employer, client):
    manager = as_role(Role.ACCOUNT_MANAGER)
    colleague = make_user(Role.ACCOUNT_MANAGER)
    employer, elsewhere = make_employer(), make_employer(other_org)
    today = clock.today()
    _moment(db, org, employer, manager, today)  # due today
    _moment(db, org, employer, manager, today - timedelta(days=3))  # late
    _moment(db, org, employer, manager, today + timedelta(days=1))  # not yet
    _moment(db, org, employer, manager, today - timedelta(days=1), done=True)
    _moment(db, org, employer, colleague, today)  # someone else's
    _request(db, org, employer)
    _request(db, org, employer, RequestStatus.INTRODUCED)
    _request(db, other_org, elsewhere)
    db.session.add_all([Vacancy(organisation_id=org.id, employer_id=employer.id, title="Aangemeld",
                                status=VacancyStatus.SUBMITTED),
                        Vacancy(organisation_id=other_org.id, employer_id=elsewhere.id, title="Elders",
                                status=VacancyStatus.SUBMITTED)])
    db.session.commit()
    page = client.get("/beheer/accountmanager").get_data(as_text=True)
    text = visible_text(page)
    assert "2 follow-ups voor vandaag of te laat" in text
    assert "1 nieuw verzoek" in text
    assert "1 aangemelde vacature te beoordelen" in text
    assert 'href="/werkgevers/follow-ups">2 follow-ups' in page and 'href="/vacatures/aanmeldingen">1 aangemelde' in page
    english = visible_text(client.get("/beheer/accountmanager?lang=en").get_data(as_text=True))
    assert "2 follow-ups due today or overdue" in english and "1 new request" in english


def test_nothing_waiting_shows_no_count(as_role, client):
    as_role(Role.ACCOUNT_MANAGER)
    response = client.get("/beheer/accountmanager")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Mijn follow-ups" in visible_text(page)  # the cards are there
    assert 'class="waiting"' not in page


def test_a_matcher_sees_the_open_vacancies_with_new_suggestions(db, org, other_org, as_role, make_employer, client):
    as_role(Role.MATCHER)
    employer = make_employer()
    vacancies = [Vacancy(organisation_id=org.id, employer_id=employer.id, title=f"V{n}", status=status)
                 for n, status in enumerate((VacancyStatus.OPEN, VacancyStatus.OPEN, VacancyStatus.CLOSED))]
    people = {}
    for organisation in (org, other_org):
        people[organisation.id] = Candidate(organisation_id=organisation.id, external_id="W-1", place="Dronten")
        people[organisation.id].personal = CandidatePersonal(first_name="Kandidaat", last_name="Een", city="Dronten",
                                                             birth_date=date(1990, 1, 1))
    db.session.add_all([*vacancies, *people.values()])
    db.session.flush()
    for vacancy, status, organisation in ((vacancies[0], SuggestionStatus.NEW, org),
                                          (vacancies[1], SuggestionStatus.REJECTED, org),  # reviewed
                                          (vacancies[2], SuggestionStatus.NEW, org),  # vacancy closed
                                          (vacancies[1], SuggestionStatus.NEW, other_org)):  # a partner's
        db.session.add(Suggestion(vacancy_id=vacancy.id, candidate_id=people[organisation.id].id,
                                  organisation_id=organisation.id, score=0.5, reasons=[], status=status))
    db.session.commit()
    text = visible_text(client.get("/beheer/matcher").get_data(as_text=True))
    assert "1 vacature met nieuwe suggesties" in text
