"""Erasure: afterwards no table holds the candidate's personal data; statistics remain."""
from datetime import date, timedelta

from sqlalchemy import String, Text, select, text

from models import Base, Candidate, EmployerRequest, OutreachContact, Placement, PublicProfile
from models.common import clock
from models.enums import CandidateStatus, ProfileStatus, RequestStatus, Role
from tests.helpers import visible_text


def all_text(db) -> str:
    """Every text value in every table, joined: what a search of the database would find."""
    chunks = []
    for table in Base.metadata.sorted_tables:
        columns = [c.name for c in table.columns if isinstance(c.type, (String, Text)) or c.type.__class__.__name__ == "JSON"]
        if columns:
            for row in db.session.execute(text(f'SELECT {", ".join(columns)} FROM "{table.name}"')):
                chunks.extend(str(v) for v in row if v is not None)
    return "\n".join(chunks)


def test_coordinator_erases_a_candidate_and_placements_stay_anonymous(as_role, client, db, make_candidate, make_employer, org):
    candidate = make_candidate(first_name="Tesfay", last_name="Gebremedhin", external_id="K-99123",
                               skills=["heftruck"], status=CandidateStatus.PLACED)
    employer = make_employer()
    db.session.add(PublicProfile(candidate_id=candidate.id, organisation_id=org.id, code="K-AB12", headline="Orderpicker"))
    db.session.add(Placement(organisation_id=org.id, candidate_id=candidate.id, employer_id=employer.id,
                             start_date=date(2026, 1, 5), hours_per_week=24, contract_type="temporary",
                             instrument="regular", target_group="statushouder", age_at_start=37, value_cents=1333333))
    db.session.commit()
    candidate_id = candidate.id
    as_role(Role.COORDINATOR)

    page = client.get(f"/beheer/kandidaten/{candidate_id}/wissen")
    assert "Wissen is definitief" in visible_text(page.get_data(as_text=True))
    refused = client.post(f"/beheer/kandidaten/{candidate_id}/wissen", data={"confirm": "ja"})
    assert refused.status_code == 422 and db.session.get(Candidate, candidate_id) is not None

    done = client.post(f"/beheer/kandidaten/{candidate_id}/wissen", data={"confirm": "WISSEN"}, follow_redirects=True)
    assert "zijn gewist" in visible_text(done.get_data(as_text=True))
    db.session.expire_all()
    assert db.session.get(Candidate, candidate_id) is None
    everything = all_text(db)
    for trace in ("Tesfay", "Gebremedhin", "K-99123", "kandidaat1@example.org", "8251 AB", "K-AB12"):
        assert trace not in everything
    placement = db.session.scalar(select(Placement))
    assert placement.candidate_id is None and placement.value_cents == 1333333 and placement.target_group == "statushouder"


def test_only_coordinators_erase_and_only_their_own(as_role, client, make_candidate, other_org):
    stranger = make_candidate(organisation=other_org)
    as_role(Role.MATCHER)
    assert client.get(f"/beheer/kandidaten/{stranger.id}/wissen").status_code == 403
    as_role(Role.COORDINATOR)
    assert client.post(f"/beheer/kandidaten/{stranger.id}/wissen", data={"confirm": "WISSEN"}).status_code == 404


def test_purge_inactive_has_a_dry_run(runner, db, make_candidate):
    old = make_candidate(status=CandidateStatus.INACTIVE, last_active_on=clock.today() - timedelta(days=800))
    make_candidate(status=CandidateStatus.INACTIVE, last_active_on=clock.today() - timedelta(days=10))
    make_candidate(status=CandidateStatus.ACTIVE, last_active_on=clock.today() - timedelta(days=900))
    dry = runner.invoke(args=["candidates", "purge-inactive", "--dry-run"])
    assert "1 candidate(s) inactive for more than 730 days." in dry.output and "nothing was erased" in dry.output
    assert db.session.scalar(select(Candidate).where(Candidate.id == old.id)) is not None
    real = runner.invoke(args=["candidates", "purge-inactive"])
    assert "Erased 1 candidate(s)" in real.output
    db.session.expire_all()
    assert db.session.get(Candidate, old.id) is None
    assert len(db.session.scalars(select(Candidate)).all()) == 2


def test_the_audit_log_says_which_record_was_erased_without_personal_data(as_role, client, db, make_candidate):
    candidate = make_candidate(external_id="K-99124")
    candidate_id = candidate.id
    as_role(Role.COORDINATOR)
    client.get(f"/beheer/kandidaten/{candidate_id}")  # an earlier event about the same record
    client.post(f"/beheer/kandidaten/{candidate_id}/wissen", data={"confirm": "WISSEN"})
    text = visible_text(client.get(f"/beheer/auditlog?object_type=Candidate&object_id={candidate_id}")
                        .get_data(as_text=True))
    assert f"Kandidaat gewist Kandidaat #{candidate_id}" in text
    assert "K-99124" not in all_text(db)
    text = visible_text(client.get("/beheer/auditlog?action=candidate_erased").get_data(as_text=True))
    assert "1 gebeurtenis" in text and f"Kandidaat #{candidate_id}" in text


def test_erasure_ends_outreach_and_open_requests(as_role, client, db, login, make_candidate, make_user, org):
    candidate = make_candidate(external_id="K-77001", benefit_since=date(2020, 1, 1))
    profile = PublicProfile(candidate_id=candidate.id, organisation_id=org.id, code="K-ER01",
                            status=ProfileStatus.PUBLISHED, headline="Magazijn")
    db.session.add(profile)
    db.session.flush()
    employer = make_user(Role.EMPLOYER)
    db.session.add(EmployerRequest(organisation_id=org.id, profile_id=profile.id, user_id=employer.id,
                                   requester_name="Piet", company="Piet BV", email=employer.email))
    coordinator = as_role(Role.COORDINATOR)
    db.session.add(OutreachContact(organisation_id=org.id, campaign="Winter", candidate_id=candidate.id,
                                   assigned_to_id=coordinator.id, selected_on=clock.today() - timedelta(days=9),
                                   approached_on=clock.today() - timedelta(days=5)))
    db.session.commit()
    candidate_id = candidate.id
    assert "Typ WISSEN" in visible_text(client.get(f"/beheer/kandidaten/{candidate_id}/wissen").get_data(as_text=True))
    lower = client.post(f"/beheer/kandidaten/{candidate_id}/wissen", data={"confirm": "wissen"})
    assert lower.status_code == 422 and "Typ precies WISSEN" in visible_text(lower.get_data(as_text=True))

    done = client.post(f"/beheer/kandidaten/{candidate_id}/wissen", data={"confirm": "WISSEN"}, follow_redirects=True)
    assert "De gegevens van kandidaat K-77001 zijn gewist" in visible_text(done.get_data(as_text=True))

    page = visible_text(client.get("/beheer/kandidaten/outreach?iedereen=1").get_data(as_text=True))
    assert "verwijderde kandidaat" not in page and "Niemand te benaderen" in page
    assert "Geselecteerd 1 Benaderd 1" in page and "Gewiste kandidaten tellen anoniem mee" in page
    contact = db.session.scalar(select(OutreachContact))
    refused = client.post(f"/beheer/kandidaten/outreach/{contact.id}/stap", data={
        "version": str(contact.version), "step": "talked", "on": clock.today().isoformat()}, follow_redirects=True)
    assert "Deze kandidaat is gewist" in visible_text(refused.get_data(as_text=True))
    db.session.expire_all()
    contact = db.session.scalar(select(OutreachContact))
    assert contact.talked_on is None and contact.candidate_id is None

    req = db.session.scalar(select(EmployerRequest))
    assert req.status == RequestStatus.CLOSED and req.profile_id is None
    assert "Vraag de kandidaat" not in visible_text(client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True))
    login(employer)
    own = visible_text(client.get("/werkgever/").get_data(as_text=True))
    assert "afgesloten" in own and "niet meer beschikbaar" in own and "K-77001" not in own
