"""Registering and editing vacancies: the form, its errors, linked skills, locking, history, closing."""
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from models import AuditEvent, ChangeRecord, Concept, ConceptAlias, UnmatchedWording, Vacancy
from models.common import clock
from models.enums import ConceptKind, Role, VacancyStatus
from models.vacancies.edit import close_expired, split_skills
from tests.helpers import visible_text
from tests.vacancy_factories import future


def form_data(employer, **overrides):
    data = {
        "employer_id": employer.id, "title": "Orderpicker", "occupation": "orderpicker",
        "description": "Orders verzamelen in het magazijn.", "required_skills": "Heftruckcertificaat\nVCA",
        "preferred_skills": "Engels, teamwerk", "hours_min": "24", "hours_max": "32", "postcode": "8251ab",
        "city": "Dronten", "education_min": "mbo1", "driving_licence": "B", "dutch_min": "A2",
        "start_date": future(40).isoformat(), "closing_date": future(20).isoformat(), "status": "open",
    }
    data.update(overrides)
    return data


def add_concept(db, label, *wordings, kind=ConceptKind.SKILL):
    concept = Concept(kind=kind, code=label.lower(), label=label)
    concept.aliases = [ConceptAlias(label=w, normalised=w.lower()) for w in wordings]
    db.session.add(concept)
    db.session.commit()
    return concept


def test_account_manager_registers_a_vacancy_and_sees_linked_skills(as_role, client, db, make_employer):
    add_concept(db, "Heftruck rijden", "heftruckcertificaat")
    employer = make_employer(name="Bakkerij Bol")
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/vacatures/nieuw", data=form_data(employer), follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "Vacature ‘Orderpicker’ is opgeslagen." in text
    assert "Bakkerij Bol" in text and "24–32 uur" in text and "8251 AB Dronten" in text
    assert "Minimale opleiding Mbo 1" in text and "Sluitingsdatum " + future(20).strftime("%d-%m-%Y") in text
    assert "Heftruckcertificaat vereist Heftruck rijden" in text
    assert "VCA vereist niet gekoppeld" in text and "teamwerk gewenst niet gekoppeld" in text
    vacancy = db.session.scalar(select(Vacancy))
    assert vacancy.external_id == f"WB-{vacancy.id}" and vacancy.required_skills == ["Heftruckcertificaat", "VCA"]
    assert vacancy.preferred_skills == ["Engels", "teamwerk"] and vacancy.postcode == "8251 AB"
    assert {t.wording for t in vacancy.terms if t.concept_id} == {"Heftruckcertificaat"}
    assert "vca" in set(db.session.scalars(select(UnmatchedWording.normalised)))


def test_skills_link_only_to_skills_and_the_occupation_only_to_occupations(as_role, client, db, make_employer):
    occupation = add_concept(db, "Heftruckchauffeur", "heftruckcertificaat", "orderpicker", kind=ConceptKind.OCCUPATION)
    add_concept(db, "Orderpicken", "orderpicker")
    employer = make_employer(name="Bakkerij Bol")
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/vacatures/nieuw", data=form_data(employer), follow_redirects=True)
    assert "Heftruckcertificaat vereist niet gekoppeld" in visible_text(response.get_data(as_text=True))
    vacancy = db.session.scalar(select(Vacancy))
    assert [t.concept_id for t in vacancy.terms if t.wording == "Heftruckcertificaat"] == [None]
    assert vacancy.occupation_concept_id == occupation.id


def test_mistakes_are_named_per_field_and_nothing_is_saved(as_role, client, db, make_employer, make_org):
    stranger = make_employer(make_org("almere"))
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/vacatures/nieuw", data=form_data(
        stranger, title=" ", hours_min="40", hours_max="20", postcode="82511",
        closing_date=(clock.today() - timedelta(days=1)).isoformat()))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    text = visible_text(html)
    assert "Kies een werkgever van uw organisatie." in text
    assert "Vul een functietitel in." in text
    assert "Het minimum aantal uur mag niet hoger zijn dan het maximum." in text
    assert "Vul een postcode in als 1234 AB" in text
    assert "De sluitingsdatum mag niet in het verleden liggen." in text
    assert 'href="#hours_min"' in html and 'aria-describedby="hours_min-error"' in html
    assert db.session.scalar(select(Vacancy)) is None


def test_every_mistake_is_named_in_one_round_while_the_employer_is_still_to_be_chosen(
        as_role, client, db, make_employer):
    make_employer(name="Xenon Logistiek")
    make_employer(name="Bakkerij Xander")
    as_role(Role.ACCOUNT_MANAGER)
    data = form_data(make_employer(name="Bol"), hours_max="60", postcode="99999",
                     closing_date="2020-06-30", start_date="1900-01-01")
    del data["employer_id"]
    data["employer"] = "x"
    response = client.post("/vacatures/nieuw", data=data)
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    earliest, latest = (clock.today().replace(year=clock.today().year + n).strftime("%d-%m-%Y") for n in (-5, 5))
    assert "Welke werkgever bedoelt u?: Er zijn meerdere werkgevers gevonden. Kies de juiste." in text
    assert "Maximaal aantal uur per week: Vul een aantal uur per week tussen 1 en 48 in." in text
    assert "Postcode van het werk: Vul een postcode in als 1234 AB (of alleen de vier cijfers)." in text
    assert "Sluitingsdatum: De sluitingsdatum mag niet in het verleden liggen." in text
    assert f"Startdatum: De startdatum moet tussen {earliest} en {latest} liggen." in text
    assert db.session.scalar(select(Vacancy)) is None
    data["employer"] = "niemand"
    english = visible_text(client.post("/vacatures/nieuw?lang=en", data=data).get_data(as_text=True))
    assert f"The start date must lie between {earliest} and {latest}." in english
    assert "No employer found" in english and "between 1 and 48" in english


def test_dates_are_bounded_but_an_old_vacancy_keeps_its_dates(as_role, client, db, make_employer, make_vacancy):
    employer = make_employer()
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/vacatures/nieuw", data=form_data(employer, closing_date="2099-01-01"))
    assert "De sluitingsdatum moet tussen" in visible_text(response.get_data(as_text=True))
    assert db.session.scalar(select(Vacancy)) is None
    old = make_vacancy(employer=employer, start_date=date(2012, 3, 1), closing_date=date(2012, 4, 1),
                       status=VacancyStatus.CLOSED)
    response = client.post(f"/vacatures/{old.id}/bewerken", data=form_data(
        employer, version=old.version, start_date="2012-03-01", closing_date="2012-04-01", status="closed",
        title="Orderpicker (oud)"))
    assert response.status_code == 302
    db.session.refresh(old)
    response = client.post(f"/vacatures/{old.id}/bewerken", data=form_data(
        employer, version=old.version, start_date="1900-01-01", closing_date="2012-04-01", status="closed"))
    assert "De startdatum moet tussen" in visible_text(response.get_data(as_text=True))


def test_hours_out_of_range(as_role, client, make_employer):
    employer = make_employer()
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/vacatures/nieuw", data=form_data(employer, hours_min="0", hours_max="60"))
    assert response.status_code == 422
    assert visible_text(response.get_data(as_text=True)).count("tussen 1 en 48") >= 2


def test_employer_is_preselected_from_the_query_string(as_role, client, make_employer):
    employer = make_employer(name="Zorggroep Oost")
    as_role(Role.ACCOUNT_MANAGER)
    html = client.get(f"/vacatures/nieuw?employer_id={employer.id}").get_data(as_text=True)
    assert 'value="Zorggroep Oost"' in html and f'name="employer_id" value="{employer.id}"' in html
    assert "<option" not in html.split('name="employer"')[1].split("</div>")[0]  # no list of every employer


def test_edit_records_history_and_relinks_skills(as_role, client, db, make_vacancy):
    vacancy = make_vacancy(title="Schoonmaker", required_skills=["VCA"])
    user = as_role(Role.ACCOUNT_MANAGER)
    form = form_data(vacancy.employer, title="Schoonmaker (m/v)", required_skills="BHV", version=vacancy.version,
                     closing_date="")
    response = client.post(f"/vacatures/{vacancy.id}/bewerken", data=form, follow_redirects=True)
    assert "Wijzigingen opgeslagen." in visible_text(response.get_data(as_text=True))
    db.session.refresh(vacancy)
    assert [t.wording for t in vacancy.terms if t.required] == ["BHV"]
    history = visible_text(client.get(f"/vacatures/{vacancy.id}/geschiedenis").get_data(as_text=True))
    assert f"{user.name} title Schoonmaker Schoonmaker (m/v)" in history
    assert "required_skills VCA BHV" in history


def test_edit_form_shows_the_current_values(as_role, client, make_vacancy):
    vacancy = make_vacancy(required_skills=["VCA", "BHV"], hours_min=20, hours_max=30)
    as_role(Role.COORDINATOR)
    html = client.get(f"/vacatures/{vacancy.id}/bewerken").get_data(as_text=True)
    assert "VCA\nBHV</textarea>" in html and 'value="20"' in html and f'name="version" type="hidden" value="{vacancy.version}"' in html


def test_stale_edit_is_refused_with_409_naming_who_changed_it(as_role, client, db, make_vacancy, make_user):
    vacancy = make_vacancy(title="Kok")
    colleague = make_user(Role.ACCOUNT_MANAGER, name="Sanne de Wit")
    as_role(Role.ACCOUNT_MANAGER)
    stale = vacancy.version
    from models.vacancies.edit import update_vacancy
    update_vacancy(db.session, vacancy, {"employer_id": vacancy.employer_id, "title": "Kok B", "status": "open"},
                   actor=colleague, today=clock.today())
    db.session.commit()
    response = client.post(f"/vacatures/{vacancy.id}/bewerken",
                           data=form_data(vacancy.employer, title="Kok C", version=stale, closing_date=""))
    assert response.status_code == 409
    assert "Dit is intussen gewijzigd door Sanne de Wit" in visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).title == "Kok B"


def test_closing_date_passing_closes_the_vacancy_in_the_periodic_duty_not_on_read(as_role, client, db, make_vacancy):
    # 23:30 UTC is already the next day in Amsterdam: the closing date is the installation's calendar day
    with clock.frozen(datetime(2026, 12, 1, 23, 30, tzinfo=UTC)):
        local_today = clock.today()
        assert local_today == date(2026, 12, 2)
        expired = make_vacancy(title="Verlopen", closing_date=local_today - timedelta(days=1))
        today_closing = make_vacancy(title="Sluit vandaag", closing_date=local_today)
        as_role(Role.ACCOUNT_MANAGER)
        for path in ("/vacatures/", f"/vacatures/{expired.id}"):  # a GET writes nothing (issue 17)
            assert client.get(path).status_code == 200
        db.session.expire_all()
        assert db.session.get(Vacancy, expired.id).status == VacancyStatus.OPEN

        result = client.application.test_cli_runner().invoke(args=["queue", "run", "close-expired-vacancies"])
        assert "closed 1 vacancy(ies)" in result.output, result.output
        text = visible_text(client.get(f"/vacatures/{expired.id}").get_data(as_text=True))
        assert "Status Gesloten" in text
        db.session.expire_all()
        assert db.session.get(Vacancy, today_closing.id).status == VacancyStatus.OPEN
        change = db.session.scalar(select(ChangeRecord).where(ChangeRecord.object_id == expired.id))
        assert (change.field, change.old, change.new, change.actor_id) == ("status", "open", "closed", None)
        assert close_expired(db.session, local_today) == 0  # a second run finds nothing


def test_close_expired_command(runner, db, make_vacancy):
    vacancy = make_vacancy(closing_date=clock.today() - timedelta(days=3), status=VacancyStatus.ON_HOLD)
    result = runner.invoke(args=["vacancies", "close-expired"])
    assert result.exit_code == 0, result.output
    assert "Closed 1 vacancy(ies)" in result.output
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).status == VacancyStatus.CLOSED


def test_split_skills_accepts_lines_and_commas():
    assert split_skills("VCA, BHV\n  heftruck  rijden\nvca;;") == ["VCA", "BHV", "heftruck rijden"]
    assert split_skills("") == [] and split_skills(None) == []


def test_creating_is_audited(as_role, client, db, make_employer):
    employer = make_employer()
    as_role(Role.COORDINATOR)
    client.post("/vacatures/nieuw", data=form_data(employer))
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "vacancy_created"))
