"""Matchers' candidate pages: list without names, record (audit-logged), consent, profile publication."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from models import AuditEvent, PublicProfile
from models.common import clock
from models.enums import CandidateStatus, Education, ProfileStatus, Role
from tests.candidates.profile_text import shown_form, with_text
from tests.helpers import visible_text

TODAY = clock.today()


def test_list_shows_own_candidates_without_names_and_filters(as_role, client, candidate, make_candidate, other_org):
    stranger = make_candidate(organisation=other_org, external_id="UWV-1")
    make_candidate(external_id="CL-2", place="Lelystad", desired_occupations=["schoonmaker"])
    as_role(Role.MATCHER)
    text = visible_text(client.get("/beheer/kandidaten/").get_data(as_text=True))
    assert "CL-778899" in text and "CL-2" in text and stranger.external_id not in text
    assert "Sanne" not in text and "Verhoeven" not in text
    text = visible_text(client.get("/beheer/kandidaten/?q=lelystad").get_data(as_text=True))
    assert "CL-2" in text and "CL-778899" not in text
    text = visible_text(client.get("/beheer/kandidaten/?q=productie").get_data(as_text=True))
    assert "CL-778899" in text and "CL-2" not in text
    text = visible_text(client.get("/beheer/kandidaten/?owner=mine").get_data(as_text=True))
    assert "0 kandidaten" in text
    text = visible_text(client.get("/beheer/kandidaten/?profile=none").get_data(as_text=True))
    assert "2 kandidaten" in text


def test_list_runs_a_constant_number_of_queries(as_role, client, count_queries, make_candidate, make_user):
    user = as_role(Role.MATCHER)

    make_candidate(owner_id=user.id)
    few = count_queries("/beheer/kandidaten/")
    for i in range(30):
        make_candidate(owner_id=make_user(Role.MATCHER).id, external_id=f"N-{i:03d}")
    assert count_queries("/beheer/kandidaten/") == few
    assert "Pagina 1 van 2" in visible_text(client.get("/beheer/kandidaten/").get_data(as_text=True))


def test_record_shows_personal_data_and_logs_the_view(as_role, client, db, candidate):
    user = as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}").get_data(as_text=True))
    assert "Sanne Verhoeven" in text and "trede 4" in text and "heftruck" in text
    event_ = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "view_personal"))
    assert event_.actor_id == user.id and event_.object_id == candidate.id


def test_empty_dossier_fields_show_a_dash(as_role, client, db, make_candidate):
    bare = make_candidate(external_id="CL-000009", certificates=[], driving_licences=[], dutch_level=None)
    as_role(Role.MATCHER)
    html = client.get(f"/beheer/kandidaten/{bare.id}").get_data(as_text=True)
    assert re.search(r"<dt>Certificaten</dt><dd>—</dd>", html) and re.search(r"<dt>Nederlands</dt><dd>—</dd>", html)
    assert "<dd></dd>" not in html


def test_consent_is_recorded_and_checked(as_role, client, db, candidate):
    as_role(Role.MATCHER)
    url = f"/beheer/kandidaten/{candidate.id}/toestemming"
    response = client.post(url, data={"version": candidate.version, "given": "y",
                                      "given_on": TODAY.isoformat(), "until": TODAY.isoformat()})
    assert response.status_code == 422
    assert "De einddatum moet na de datum van de toestemming liggen" in visible_text(response.get_data(as_text=True))
    response = client.post(url, data={"version": candidate.version, "given": "y", "given_on": TODAY.isoformat(),
                                      "until": (TODAY + timedelta(days=30)).isoformat()}, follow_redirects=True)
    assert "Toestemming opgeslagen" in visible_text(response.get_data(as_text=True))
    db.session.refresh(candidate)
    assert candidate.consent_until == TODAY + timedelta(days=30)
    stale = client.post(url, data={"version": candidate.version - 1, "given": ""})
    assert stale.status_code == 409 and "Dit is intussen gewijzigd" in visible_text(stale.get_data(as_text=True))


def test_preview_marks_what_the_scrubber_removed_and_publication_refuses_personal_data(
        k1, as_role, client, db, candidate):
    with_text(db, candidate, "Sanne werkte 3 jaar als orderpicker. Zij heeft reuma.", "Bereikbaar op 06-12345678.")
    as_role(Role.MATCHER)
    html = client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True)
    text = visible_text(html)
    assert "De kandidaat werkte 3 jaar als orderpicker." in text and "[naam]" not in text
    assert "Beschrijving · bijzonder persoonsgegeven: gezondheid: “Zij heeft reuma.”" in text
    assert "Beschrijving · telefoonnummer: “Bereikbaar op 06-12345678.”" in text
    assert "Beschrijving · naam: “Sanne” → “De kandidaat”" in text
    assert "Productiemedewerker · 24–32 uur · Dronten" in text
    profile = shown_form(client, candidate)  # a GET stores no draft: the version comes from the form
    url = f"/beheer/kandidaten/{candidate.id}/profiel"
    response = client.post(url, data={"version": profile.version, "action": "publish",
                                      "description": "Harde werker. Bel 0320-123456."})
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "De beschrijving bevat nog gegevens die niet in een openbaar profiel mogen: telefoonnummer" in text
    assert '<mark class="finding">0320-123456' in response.get_data(as_text=True)
    response = client.post(url, data={"version": profile.version, "action": "publish",
                                      "description": "Harde werker. Hij is lid van de FNV."})
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "vakbondslidmaatschap" in text and "geslacht" in text
    assert db.session.scalar(select(PublicProfile.status)) in (None, ProfileStatus.DRAFT)  # nothing published
    response = client.post(url, data={"version": profile.version, "action": "publish",
                                      "description": "Harde werker met heftruckcertificaat."}, follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    profile = db.session.scalar(select(PublicProfile))
    assert f"Profiel {profile.code} is gepubliceerd" in text and "Status: gepubliceerd" in text
    db.session.refresh(profile)
    assert profile.status == ProfileStatus.PUBLISHED and profile.description == "Harde werker met heftruckcertificaat."


def test_in_english_the_refusal_names_the_kinds_of_findings_in_english(k1, as_role, client, db, candidate):
    as_role(Role.MATCHER)
    client.get("/?lang=en")
    url = f"/beheer/kandidaten/{candidate.id}/profiel"
    response = client.post(url, data={"version": shown_form(client, candidate).version, "action": "publish",
                                      "description": "Harde werker. Bel 0320-123456 of 06-12345678. "
                                                     "Hij is lid van de FNV."})
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert ("The description still holds data that may not be in a public profile: phone number (2×), "
            "gender, special category of personal data: trade union membership.") in text
    assert "telefoonnummer" not in text and "vakbondslidmaatschap" not in text


def test_an_empty_description_is_not_published(k1, as_role, client, db, candidate):
    as_role(Role.MATCHER)
    url = f"/beheer/kandidaten/{candidate.id}/profiel"
    response = client.post(url, data={"version": shown_form(client, candidate).version, "action": "publish",
                                      "description": "  \n "})
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "Beschrijving: Vul een beschrijving in: wat de kandidaat kan en zoekt" in text
    assert 'id="description-error"' in response.get_data(as_text=True)  # on the field itself
    assert db.session.scalar(select(PublicProfile.status)) in (None, ProfileStatus.DRAFT)


def test_bulk_publishing_skips_a_candidate_without_any_text(k1, as_role, client, db, candidate, consenting_with_text):
    written = consenting_with_text("CL-000005", "Werkte als inpakker.")
    as_role(Role.MATCHER)
    response = client.post("/beheer/kandidaten/publiceren", data={"ids": [candidate.id, written.id]},
                           follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "1 profiel(en) gepubliceerd." in text
    assert "1 niet gepubliceerd: geen beschrijving: het dossier heeft geen ervaring of tekst over de kandidaat" in text
    published = db.session.scalars(select(PublicProfile).where(PublicProfile.status == ProfileStatus.PUBLISHED)).all()
    assert [p.candidate_id for p in published] == [written.id] and published[0].description


def test_publication_needs_consent(k1, as_role, client, db, make_candidate):
    candidate = make_candidate(publish_consent=False)
    as_role(Role.MATCHER)
    html = client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True)
    assert "Er is geen toestemming" in visible_text(html)
    profile = shown_form(client, candidate)  # a GET stores no draft: the version comes from the form
    response = client.post(f"/beheer/kandidaten/{candidate.id}/profiel",
                           data={"version": profile.version, "action": "publish", "description": "Tekst."})
    assert response.status_code == 422
    assert "Er is geen toestemming om het profiel te publiceren" in visible_text(response.get_data(as_text=True))


def test_profile_page_says_before_publishing_that_an_inactive_candidate_cannot_be_published(
        k1, as_role, client, db, candidate):
    candidate.status = CandidateStatus.INACTIVE
    db.session.commit()
    as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "Publiceren kan nu niet. De kandidaat staat op niet actief" in text
    profile = shown_form(client, candidate)  # a GET stores no draft: the version comes from the form
    response = client.post(f"/beheer/kandidaten/{candidate.id}/profiel",
                           data={"version": profile.version, "action": "publish", "description": "Tekst."})
    assert response.status_code == 422
    assert db.session.scalar(select(PublicProfile.status)) in (None, ProfileStatus.DRAFT)  # nothing published


def test_preview_says_when_k_anonymity_coarsens(as_role, client, db, candidate):
    as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "te weinig vergelijkbare profielen gepubliceerd" in text  # alone, k = 5: it would wait


def test_unpublish_takes_the_profile_off(k1, as_role, client, db, candidate):
    as_role(Role.MATCHER)
    profile = shown_form(client, candidate)  # a GET stores no draft: the version comes from the form
    client.post(f"/beheer/kandidaten/{candidate.id}/profiel",
                data={"version": profile.version, "action": "publish", "description": "Tekst."})
    response = client.post(f"/beheer/kandidaten/{candidate.id}/profiel/intrekken",
                           data={"reason": "Kandidaat twijfelt"}, follow_redirects=True)
    assert "is ingetrokken" in visible_text(response.get_data(as_text=True))
    profile = db.session.scalar(select(PublicProfile))
    assert profile.status == ProfileStatus.WITHDRAWN and profile.withdrawn_reason == "Kandidaat twijfelt"


ROUTES = [("get", "/beheer/kandidaten/"), ("get", "/beheer/kandidaten/{id}"),
          ("post", "/beheer/kandidaten/{id}/toestemming"), ("get", "/beheer/kandidaten/{id}/profiel"),
          ("post", "/beheer/kandidaten/{id}/profiel"), ("post", "/beheer/kandidaten/{id}/profiel/intrekken")]


@pytest.mark.parametrize("method,route", ROUTES)
def test_route_access_by_role_and_organisation(method, route, client, login, make_user, make_candidate, other_org, db):
    candidate = make_candidate()
    url = route.format(id=candidate.id)
    assert getattr(client, method)(url).status_code == 302  # anonymous: to the login page
    for role in (Role.ACCOUNT_MANAGER, Role.ADMIN, Role.EMPLOYER):
        login(make_user(role))
        assert getattr(client, method)(url).status_code == 403, role
    login(make_user(Role.MATCHER, other_org))
    if "{id}" in route:
        assert getattr(client, method)(url).status_code == 404
    for role in (Role.MATCHER, Role.COORDINATOR):
        login(make_user(role))
        assert getattr(client, method)(url).status_code in (200, 302, 404, 409, 422), role


def test_filters_left_out_are_no_error(as_role, client, candidate):
    as_role(Role.MATCHER)
    html = client.get("/beheer/kandidaten/?profile=none").get_data(as_text=True)
    assert "Ongeldige keuze" not in visible_text(html) and 'aria-invalid="true"' not in html


@pytest.mark.parametrize("url, message", [
    ("/beheer/kandidaten/?profile=zzz", "Openbaar profiel: kies een van: Alle, Geen profiel, Concept, "
                                        "Goedgekeurd, wacht op k-anonimiteit, Gepubliceerd, Ingetrokken, "
                                        "Zinnen te controleren."),
    ("/beheer/kandidaten/?owner=zzz", "Eigenaar: kies een van: Iedereen, Mijn kandidaten."),
    ("/beheer/verzoeken/?status=zzz", "Status: kies een van: Alle, Nieuw, Kandidaat gevraagd"),
    ("/beheer/plaatsingen/?instrument=zzz", "Instrument: kies een van: "),
])
def test_a_bad_list_filter_names_the_field_and_what_it_allows(as_role, client, candidate, url, message):
    as_role(Role.COORDINATOR)
    response = client.get(url)
    text = visible_text(response.get_data(as_text=True))
    assert message in text and "Ongeldige keuze" not in text


def test_preview_says_the_age_band_is_coarsened(as_role, client, db, make_candidate, candidate):
    from models.catalogue.publishing import profiles

    thirty = TODAY.replace(year=TODAY.year - 30, day=1)
    for i in range(4):
        other = make_candidate(external_id=f"P-{i}", birth_date=thirty, publish_consent=True,
                               education=Education.MBO2)
        profiles.publish(db.session, other, None, "Tekst.", today=TODAY, k=5)
    candidate.personal.birth_date = TODAY.replace(year=TODAY.year - 40, day=1)
    db.session.commit()
    as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "De leeftijd wordt grover getoond (25–44)" in text
    assert "25–44 jaar" in text


def test_publish_a_selection_says_who_was_skipped_and_why_then_withdraw_them_with_one_reason(
        k1, as_role, client, db, candidate, make_candidate, other_org):
    with_text(db, candidate, "Werkte drie jaar als orderpicker.")
    without = make_candidate(external_id="CL-000002", publish_consent=False)
    foreign = make_candidate(other_org, external_id="CL-000003", publish_consent=True)
    as_role(Role.MATCHER)
    response = client.post("/beheer/kandidaten/publiceren", data={"ids": [candidate.id, foreign.id]},
                           follow_redirects=True)
    assert "horen niet (meer) bij uw organisatie; er is niets gewijzigd" in visible_text(response.get_data(as_text=True))
    assert db.session.scalar(select(PublicProfile).where(PublicProfile.candidate_id == candidate.id)) is None
    response = client.post("/beheer/kandidaten/publiceren", data={"ids": [candidate.id, without.id]},
                           follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "1 profiel(en) gepubliceerd." in text and "1 niet gepubliceerd: geen toestemming om te publiceren." in text
    profile = db.session.scalar(select(PublicProfile).where(PublicProfile.candidate_id == candidate.id))
    assert profile.status == ProfileStatus.PUBLISHED and profile.reviewed_by_id is not None

    response = client.post("/beheer/kandidaten/intrekken", data={"ids": [candidate.id, without.id]},
                           follow_redirects=True)
    assert "Geef een reden op" in visible_text(response.get_data(as_text=True))
    response = client.post("/beheer/kandidaten/intrekken", follow_redirects=True,
                           data={"ids": [candidate.id, without.id], "reason": "Vacaturestop"})
    assert "1 profiel(en) ingetrokken; 1 van de gekozen" in visible_text(response.get_data(as_text=True))
    db.session.refresh(profile)
    assert (profile.status, profile.withdrawn_reason) == (ProfileStatus.WITHDRAWN, "Vacaturestop")
    assert "Kies eerst een of meer kandidaten" in visible_text(
        client.post("/beheer/kandidaten/publiceren", data={}, follow_redirects=True).get_data(as_text=True))


def test_preview_lists_each_left_out_list_wording_with_its_kind_and_why(k1, as_role, client, db, candidate):
    """Skills and certificates go through the same check as the description; the matcher sees what
    was left out, of which kind and why, and the public card does not show it."""
    candidate.skills = ["heftruck", "Lid van de FNV", "Koranles"]
    candidate.certificates = ["VCA", "+31 6 87654321"]
    with_text(db, candidate, "Werkte 3 jaar als orderpicker.")
    as_role(Role.MATCHER)
    html = client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True)
    removals = visible_text(html.split('id="removals"', 1)[1])
    card = visible_text(html.split('id="removals"', 1)[0])
    why = "(deze omschrijving is niet in het openbare profiel opgenomen)"
    assert f"Vaardigheden · bijzonder persoonsgegeven: vakbondslidmaatschap: “Lid van de FNV” {why}" in removals
    assert f"Vaardigheden · bijzonder persoonsgegeven: geloof: “Koranles” {why}" in removals
    assert f"Certificaten · telefoonnummer: “+31 6 87654321” {why}" in removals
    assert "heftruck" in card and "VCA" in card
    for left_out in ("FNV", "Koranles", "87654321"):
        assert left_out not in card
