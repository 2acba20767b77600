"""Sharing vacancies with partners: read-only for them, never the owner's other vacancies or candidates."""
from sqlalchemy import select

from models import AuditEvent, Concept, PublicProfile, Suggestion, VacancyShare, VacancyTerm
from models.enums import CandidateStatus, ConceptKind, Role, SuggestionStatus, VacancyStatus
from tests.helpers import visible_text


def test_owner_shares_with_a_partner_and_stops_again(as_role, client, db, org, other_org, make_vacancy):
    vacancy = make_vacancy(title="Heftruckchauffeur")
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/vacatures/{vacancy.id}/delen", data={"organisations": [other_org.id]},
                           follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "Gedeeld met UWV Flevoland." in text and "Stoppen met delen UWV Flevoland" in text
    assert db.session.scalar(select(VacancyShare.organisation_id)) == other_org.id
    history = visible_text(client.get(f"/vacatures/{vacancy.id}/geschiedenis").get_data(as_text=True))
    assert "shared_with — UWV Flevoland" in history
    response = client.post(f"/vacatures/{vacancy.id}/delen/{other_org.id}/stoppen", follow_redirects=True)
    assert "Deze vacature is met niemand gedeeld." in visible_text(response.get_data(as_text=True))
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"vacancy_shared", "vacancy_unshared"} <= actions


def test_share_with_whole_region(as_role, client, db, org, other_org, make_org, make_vacancy):
    elsewhere = make_org("zwolle", "Gemeente Zwolle", )
    elsewhere.region = "IJsselland"
    db.session.commit()
    third = make_org("lelystad", "Gemeente Lelystad")
    vacancy = make_vacancy()
    as_role(Role.COORDINATOR)
    client.post(f"/vacatures/{vacancy.id}/delen", data={"whole_region": "y"})
    shared = set(db.session.scalars(select(VacancyShare.organisation_id)))
    assert shared == {other_org.id, third.id}


def test_sharing_nothing_is_explained(as_role, client, db, other_org, make_vacancy):
    vacancy = make_vacancy()
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/vacatures/{vacancy.id}/delen", data={}, follow_redirects=True)
    assert "Kies minstens één partnerorganisatie." in visible_text(response.get_data(as_text=True))
    assert db.session.scalar(select(VacancyShare)) is None


def test_partner_sees_shared_vacancy_read_only_and_not_the_rest(as_role, client, org, other_org, make_vacancy):
    shared = make_vacancy(title="Gedeelde kok", shared_with=[other_org])
    hidden = make_vacancy(title="Geheime kok")
    as_role(Role.MATCHER, other_org)
    listing = visible_text(client.get("/vacatures/").get_data(as_text=True))
    assert "Gedeelde kok" in listing and "gedeeld door Gemeente Dronten" in listing
    assert "Geheime kok" not in listing
    page = client.get(f"/vacatures/{shared.id}").get_data(as_text=True)
    assert "Gedeeld door Gemeente Dronten. U kunt deze vacature alleen bekijken." in visible_text(page)
    assert "Bewerken" not in visible_text(page) and "Delen met partners" not in visible_text(page)
    assert client.get(f"/vacatures/{hidden.id}").status_code == 404
    assert client.get(f"/vacatures/{shared.id}/geschiedenis").status_code == 404


def test_partner_account_manager_cannot_edit_or_share_a_shared_vacancy(as_role, client, other_org, make_vacancy):
    shared = make_vacancy(shared_with=[other_org])
    as_role(Role.ACCOUNT_MANAGER, other_org)
    assert client.get(f"/vacatures/{shared.id}/bewerken").status_code == 404
    assert client.post(f"/vacatures/{shared.id}/delen", data={"organisations": [other_org.id]}).status_code == 404


def test_partner_matcher_proposes_own_candidate_and_owner_sees_it_anonymised(
        as_role, client, db, org, other_org, make_vacancy, make_candidate, login, make_user):
    vacancy = make_vacancy(title="Magazijnmedewerker", shared_with=[other_org])
    own_candidate = make_candidate(other_org, external_id="UWV-123", first_name="Noor", place="Lelystad")
    with_profile = make_candidate(other_org, external_id="UWV-456")
    db.session.add(PublicProfile(candidate_id=with_profile.id, organisation_id=other_org.id, code="K-7F3A"))
    owners_candidate = make_candidate(org, external_id="DR-999")
    inactive = make_candidate(other_org, external_id="UWV-000", status=CandidateStatus.PLACED)
    db.session.commit()
    as_role(Role.MATCHER, other_org)
    page = client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    # The partner's own candidates by name, with their fit (or why there is none).
    assert "Noor" in page and "(UWV-123, Lelystad)" in page and "DR-999" not in page and "UWV-000" not in page
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "view_personal"))
    response = client.post(f"/vacatures/{vacancy.id}/voordragen", data={"candidate_id": own_candidate.id},
                           follow_redirects=True)
    assert "Kandidaat voorgedragen bij Gemeente Dronten." in visible_text(response.get_data(as_text=True))
    client.post(f"/vacatures/{vacancy.id}/voordragen", data={"candidate_id": with_profile.id})
    for stranger in (owners_candidate, inactive):
        response = client.post(f"/vacatures/{vacancy.id}/voordragen", data={"candidate_id": stranger.id})
        assert response.status_code == 422
        assert "Kies een actieve kandidaat van uw organisatie." in visible_text(response.get_data(as_text=True))
    again = client.post(f"/vacatures/{vacancy.id}/voordragen", data={"candidate_id": own_candidate.id})
    assert "al voorgedragen" in visible_text(again.get_data(as_text=True))
    suggestion = db.session.scalar(select(Suggestion).where(Suggestion.candidate_id == own_candidate.id))
    assert suggestion.organisation_id == other_org.id and suggestion.status == SuggestionStatus.PROPOSED
    assert suggestion.score == 0 and suggestion.reasons == ["Voorgedragen door UWV Flevoland"]

    login(make_user(Role.ACCOUNT_MANAGER, org))
    owner_page = client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    text = visible_text(owner_page)
    assert "UWV Flevoland kandidaat van UWV Flevoland" in text and "UWV Flevoland K-7F3A" in text
    assert "UWV-123" not in owner_page and "Noor" not in owner_page and "Lelystad" not in owner_page


def test_matcher_cannot_propose_for_own_or_unshared_vacancies(as_role, client, org, other_org, make_vacancy,
                                                             make_candidate):
    own = make_vacancy()
    foreign = make_vacancy(organisation=other_org)
    candidate = make_candidate(org)
    as_role(Role.MATCHER, org)
    assert client.post(f"/vacatures/{own.id}/voordragen", data={"candidate_id": candidate.id}).status_code == 404
    assert client.post(f"/vacatures/{foreign.id}/voordragen", data={"candidate_id": candidate.id}).status_code == 404


def test_closed_shared_vacancy_takes_no_proposals(as_role, client, other_org, make_vacancy, make_candidate):
    vacancy = make_vacancy(shared_with=[other_org], status=VacancyStatus.FILLED)
    candidate = make_candidate(other_org)
    as_role(Role.MATCHER, other_org)
    assert "staat niet open voor voordrachten" in visible_text(client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True))
    response = client.post(f"/vacatures/{vacancy.id}/voordragen", data={"candidate_id": candidate.id})
    assert response.status_code == 422


def test_a_refused_proposal_shows_the_page_as_the_get_does_with_the_error(
        as_role, client, db, other_org, make_vacancy, make_candidate):
    occupation = Concept(kind=ConceptKind.OCCUPATION, code="orderpicker", label="Orderpicker (magazijn)")
    skill = Concept(kind=ConceptKind.SKILL, code="orderpicken", label="Orderpicken")
    db.session.add_all([occupation, skill])
    db.session.flush()
    vacancy = make_vacancy(title="Magazijnmedewerker", occupation="orderpicker", shared_with=[other_org],
                           occupation_concept_id=occupation.id)
    vacancy.terms = [VacancyTerm(required=True, wording="order picken", concept_id=skill.id, confidence=1.0)]
    db.session.commit()
    make_candidate(other_org, external_id="UWV-123", first_name="Noor")
    as_role(Role.MATCHER, other_org)
    shown = visible_text(client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True))
    response = client.post(f"/vacatures/{vacancy.id}/voordragen", data={"candidate_id": ""})
    assert response.status_code == 422
    refused = visible_text(response.get_data(as_text=True))
    assert "Kies een actieve kandidaat van uw organisatie." in refused
    for text in (shown, refused):
        assert "orderpicker → Orderpicker (magazijn)" in text and "order picken vereist Orderpicken" in text
        assert "(UWV-123, Dronten)" in text
    details = shown.split("Vaardigheden")[0]
    assert details.split("Magazijnmedewerker", 1)[1] in refused
    assert db.session.scalar(select(Suggestion)) is None
