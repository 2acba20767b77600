"""Publishing, withdrawing and bulk-publishing profiles, through the services and the commands."""
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from models import AuditEvent, PublicProfile
from models.catalogue.publishing import profiles
from models.catalogue.publishing.groups import published_violations
from models.common import clock
from models.common.errors import InvalidInput
from models.enums import CandidateStatus, Education, ProfileStatus

TODAY = clock.today()


@pytest.fixture
def consenting(db, make_candidate):
    def make(n=1, **kw):
        values = dict(publish_consent=True, consent_given_on=TODAY - timedelta(days=10),
                      consent_until=TODAY + timedelta(days=300), education=Education.MBO2,
                      desired_occupations=["productiemedewerker"], skills=["heftruck"], hours_min=24, hours_max=32)
        values.update(kw)
        made = [make_candidate(**values) for _ in range(n)]
        for candidate in made:  # a profile without a description is not published
            candidate.personal.experience = "Werkte drie jaar als orderpicker."
        db.session.flush()
        return made
    return make


def test_publish_refuses_without_consent_and_while_personal_data_remains(db, make_candidate, make_user):
    candidate = make_candidate(publish_consent=False)
    with pytest.raises(InvalidInput) as exc:
        profiles.publish(db.session, candidate, None, "Harde werker met heftruckcertificaat.", today=TODAY, k=1)
    assert exc.value.errors["consent"] == "Er is geen toestemming om het profiel te publiceren."
    candidate.publish_consent, candidate.consent_until = True, TODAY - timedelta(days=1)
    with pytest.raises(InvalidInput) as exc:
        profiles.publish(db.session, candidate, None, "Bel Fatima op 06 1234 5678.", today=TODAY, k=1)
    assert "verlopen" in exc.value.errors["consent"]
    assert "telefoonnummer" in exc.value.errors["description"] and "naam" in exc.value.errors["description"]
    with pytest.raises(InvalidInput) as exc:
        profiles.publish(db.session, candidate, None, "Hij heeft rugklachten en is lid van de FNV.", today=TODAY, k=1)
    message = exc.value.errors["description"]
    assert "gezondheid" in message and "vakbondslidmaatschap" in message and "geslacht" in message
    assert db.session.scalar(select(func.count()).select_from(PublicProfile)) == 0


def test_publish_sets_review_fields_and_unpublish_withdraws(db, consenting, make_user):
    reviewer = make_user()
    candidate, = consenting()
    profile = profiles.publish(db.session, candidate, reviewer, " Harde werker. ", today=TODAY, k=1)
    assert profile.status == ProfileStatus.PUBLISHED and profile.description == "Harde werker."
    assert profile.reviewed_by_id == reviewer.id and profile.published_at and profile.checked_on == TODAY
    assert profile.code.startswith("K-") and profile.place == "Dronten" and profile.region == "Flevoland"
    code = profile.code
    profiles.unpublish(db.session, profile, "Op verzoek van de kandidaat", today=TODAY, k=1)
    assert profile.status == ProfileStatus.WITHDRAWN and profile.withdrawn_at
    profiles.publish(db.session, candidate, reviewer, "Opnieuw.", today=TODAY, k=1)
    assert profile.status == ProfileStatus.PUBLISHED and profile.code == code and profile.withdrawn_at is None


def test_a_single_profile_waits_for_k_then_all_publish_coarsened(db, consenting):
    people = consenting(5, birth_date=date(1990, 1, 1))
    first = profiles.publish(db.session, people[0], None, "Tekst.", today=TODAY, k=5)
    assert first.status == ProfileStatus.DRAFT and first.reviewed_at  # approved, waiting
    for person in people[1:]:
        profiles.publish(db.session, person, None, "Tekst.", today=TODAY, k=5)
    assert {p.profile.status for p in people} == {ProfileStatus.PUBLISHED}
    assert published_violations(db.session, 5) == {}
    profiles.unpublish(db.session, people[0].profile, "Reden", today=TODAY, k=5)
    assert {p.profile.status for p in people[1:]} == {ProfileStatus.DRAFT}  # four can no longer hide
    assert published_violations(db.session, 5) == {}


def test_mixed_ages_are_shown_with_a_merged_band(db, consenting):
    people = consenting(3, birth_date=TODAY.replace(year=TODAY.year - 30)) + \
        consenting(2, birth_date=TODAY.replace(year=TODAY.year - 40))
    for person in people:
        profiles.publish(db.session, person, None, "Tekst.", today=TODAY, k=5)
    assert {p.profile.age_band for p in people} == {"25–44"}
    assert {p.profile.place for p in people} == {"Dronten"}


def test_withdraw_expired_takes_off_ended_consent_and_placed_candidates(app, db, consenting, runner):
    app.config["PROFILE_K_ANONYMITY"] = 1
    ended, placed, fine = consenting(3)
    for person in (ended, placed, fine):
        profiles.publish(db.session, person, None, "Tekst.", today=TODAY, k=1)
    ended.consent_until = TODAY - timedelta(days=1)
    placed.status = CandidateStatus.PLACED
    db.session.commit()
    result = runner.invoke(args=["profiles", "withdraw-expired"])
    assert result.exit_code == 0, result.output
    assert "Withdrawn: 2" in result.output
    db.session.expire_all()
    assert ended.profile.withdrawn_reason == "Toestemming verlopen"
    assert placed.profile.withdrawn_reason == "Kandidaat geplaatst"
    assert fine.profile.status == ProfileStatus.PUBLISHED


def test_withdrawing_consent_withdraws_the_profile_at_once(db, consenting, make_user):
    candidate, = consenting()
    profiles.publish(db.session, candidate, None, "Tekst.", today=TODAY, k=1)
    profiles.record_consent(db.session, candidate, given=False, given_on=None, until=None,
                            actor=make_user(), today=TODAY, k=1)
    assert candidate.profile.status == ProfileStatus.WITHDRAWN
    assert candidate.profile.withdrawn_reason == "Toestemming ingetrokken"


def test_consent_dates_are_checked(db, make_candidate):
    candidate = make_candidate()
    with pytest.raises(InvalidInput) as exc:
        profiles.record_consent(db.session, candidate, given=True, given_on=TODAY, until=TODAY,
                                actor=None, today=TODAY, k=1)
    assert exc.value.errors == {"until": "De einddatum moet na de datum van de toestemming liggen."}
    with pytest.raises(InvalidInput) as exc:
        profiles.record_consent(db.session, candidate, given=True, given_on=TODAY - timedelta(days=30),
                                until=TODAY - timedelta(days=1), actor=None, today=TODAY, k=1)
    assert exc.value.errors == {"until": "De einddatum ligt in het verleden."}


def test_bulk_command_publishes_consenting_and_says_why_others_were_skipped(app, db, consenting, make_candidate,
                                                                            runner, other_org):
    app.config["PROFILE_K_ANONYMITY"] = 2
    consenting(3, birth_date=date(1990, 1, 1))
    consenting(1, education=Education.WO)  # alone with a wo degree: waits
    make_candidate(publish_consent=False)
    make_candidate(publish_consent=True, consent_until=TODAY - timedelta(days=1))
    make_candidate(organisation=other_org, publish_consent=True, external_id="X-1")
    result = runner.invoke(args=["profiles", "publish", "--all-consented", "--org", "dronten"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == ["Published: 3", "Skipped: 3"]
    assert "  1 no consent to publish" in lines and "  1 consent has ended" in lines
    assert any("too few similar profiles" in line for line in lines)
    assert published_violations(db.session, 2) == {}
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "profiles_bulk_published"))
    again = runner.invoke(args=["profiles", "publish", "--all-consented"])
    assert "  3 already published" in again.output.splitlines()
    assert runner.invoke(args=["profiles", "publish", "--all-consented", "--org", "nergens"]).exit_code == 2


@pytest.mark.parametrize("k", [1, 5])  # published, and waiting for similar profiles (rebalance leaves it as is)
def test_an_occupation_wording_left_out_by_the_bulk_publication_is_in_neither_headline_nor_search(
        k, app, db, consenting, runner):
    app.config["PROFILE_K_ANONYMITY"] = k
    (candidate,) = consenting(1, desired_occupations=["Ik ben sinds kort weer nuchter.", "productiemedewerker"])
    db.session.commit()
    assert runner.invoke(args=["profiles", "publish", "--all-consented"]).exit_code == 0
    db.session.expire_all()
    profile = candidate.profile
    assert (profile.status == ProfileStatus.PUBLISHED) == (k == 1) and profile.sentences_to_check == 1
    assert profile.occupations == ["productiemedewerker"]
    assert profile.headline.startswith("Productiemedewerker") and "nuchter" not in profile.headline.lower()
    assert "nuchter" not in profile.search_text


def test_bulk_summary_counts_published_profiles_with_sentences_to_check(app, db, consenting, runner, caplog):
    app.config["PROFILE_K_ANONYMITY"] = 1
    hinted, plain, other = consenting(3)
    hinted.personal.experience = "Werkte drie jaar als orderpicker. Ik ben sinds kort weer nuchter."
    plain.personal.experience = "Werkte drie jaar als orderpicker."
    other.personal.about = "Binnenkort krijgen we er een gezinslid bij, dus ik zoek iets voor na de zomer."
    db.session.commit()
    result = runner.invoke(args=["profiles", "publish", "--all-consented"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Published: 3"
    assert "Published with sentences left out for a check: 2 profiles (a matcher reads them in the profile's " \
           "preview and publishes again; the candidate list's filter 'Openbaar profiel: zinnen te controleren' " \
           "shows these profiles)" in lines
    db.session.expire_all()
    assert [hinted.profile.sentences_to_check, plain.profile.sentences_to_check,
            other.profile.sentences_to_check] == [1, 0, 1]
    assert "nuchter" not in result.output + caplog.text and "gezinslid" not in result.output + caplog.text
    # nobody read them: the flagged sentences wait for a matcher, the rest of the text is published
    assert hinted.profile.description == "Werkte drie jaar als orderpicker."
    assert "gezinslid" not in other.profile.description and "gezinslid" not in other.profile.search_text
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "profiles_bulk_published"))
    assert event.details["to_check"] == 2


def test_bulk_skips_a_profile_whose_every_sentence_is_one_to_check(app, db, consenting, runner):
    app.config["PROFILE_K_ANONYMITY"] = 1
    (only,) = consenting(1)
    only.personal.experience, only.personal.about = "Ik ben sinds kort weer nuchter.", None
    db.session.commit()
    result = runner.invoke(args=["profiles", "publish", "--all-consented"])
    assert result.exit_code == 0, result.output
    assert "Published: 0" in result.output
    assert "  1 every sentence of the description is one to check (review on the candidate page)" in result.output
    db.session.expire_all()
    assert only.profile is None or only.profile.status != ProfileStatus.PUBLISHED
