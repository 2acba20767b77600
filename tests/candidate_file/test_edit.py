"""Staff edit the candidate record: each wrong field named in Dutch, nothing saved; audit and locking."""
from datetime import date

import pytest
from sqlalchemy import select

from models import AuditEvent, Candidate, CandidateTerm, ChangeRecord
from models.enums import CandidateStatus, Role
from tests.helpers import visible_text

GOOD = {"email": "sanne@example.org", "phone": "06-11112222", "education": "mbo2", "dutch_level": "B1",
        "hours_min": "24", "hours_max": "32", "max_travel_km": "25", "available_from": "2026-02-01",
        "driving_licences": "B, C", "certificates": "VCA", "desired_occupations": "orderpicker\nmagazijnmedewerker",
        "skills": "heftruck rijden\nvoorraadbeheer", "status": "active", "status_reason": "", "owner_id": ""}


@pytest.fixture
def candidate(make_candidate):
    return make_candidate(external_id="CL-1001", hours_min=20, hours_max=30, skills=["schoonmaken"])


def post(client, candidate, version=None, **changes):
    data = {**GOOD, "version": str(candidate.version if version is None else version), **changes}
    return client.post(f"/beheer/kandidaten/{candidate.id}/bewerken", data=data)


def test_matcher_edits_the_record_and_sees_it_with_history_and_taxonomy(db, as_role, client, candidate):
    matcher = as_role(Role.MATCHER)
    response = post(client, candidate, owner_id=str(matcher.id))
    assert response.status_code == 302
    page = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}").get_data(as_text=True))
    assert "orderpicker, magazijnmedewerker" in page and "heftruck rijden, voorraadbeheer" in page
    assert matcher.name in page and "sanne@example.org" in page
    db.session.expire_all()
    saved = db.session.get(Candidate, candidate.id)
    assert (saved.hours_min, saved.hours_max, saved.max_travel_km, saved.driving_licences) == (24, 32, 25, ["B", "C"])
    assert saved.available_from == date(2026, 2, 1) and saved.owner_id == matcher.id
    wordings = {t.wording for t in db.session.scalars(select(CandidateTerm).where(CandidateTerm.candidate_id == saved.id))}
    assert wordings == {"orderpicker", "magazijnmedewerker", "heftruck rijden", "voorraadbeheer", "VCA"}
    fields = set(db.session.scalars(select(ChangeRecord.field).where(ChangeRecord.object_id == saved.id,
                                                                    ChangeRecord.object_type == "Candidate")))
    assert {"hours_min", "skills", "email", "owner_id"} <= fields
    assert {"skills", "hours_min", "email", "owner_email"} <= set(saved.edited_fields)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "view_personal",
                                                      AuditEvent.object_id == saved.id)) is not None


BAD = [
    ("email", "geen-adres", "E-mailadres"),
    ("phone", "bel me", "Telefoon"),
    ("education", "doctoraal", "Opleiding"),
    ("dutch_level", "D1", "Nederlands"),
    ("hours_min", "veel", "Minimum uren per week"),
    ("hours_max", "60", "Maximum uren per week: 60 kan niet"),
    ("hours_min", "40", "is meer dan het maximum"),
    ("max_travel_km", "-3", "reisafstand"),
    ("available_from", "31-02-2026", "geen geldige datum"),
    ("driving_licences", "B, Z", "Rijbewijs: Z bestaat niet"),
    ("skills", "x" * 201, "Vaardigheden"),
    ("certificates", "\n".join(f"cert {n}" for n in range(60)), "ten hoogste 50"),
    ("status", "erased", "Status"),
    ("owner_id", "999999", "Kies een eigenaar uit de lijst"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD, ids=[f"{f}-{i}" for i, (f, _v, _m) in enumerate(BAD)])
def test_bad_input_is_named_and_nothing_changes(db, as_role, client, candidate, field, value, message):
    as_role(Role.MATCHER)
    before = (candidate.version, candidate.hours_min, candidate.skills)
    response = post(client, candidate, **{field: value})
    assert response.status_code == 422
    assert message in visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    saved = db.session.get(Candidate, candidate.id)
    assert (saved.version, saved.hours_min, saved.skills) == before
    assert saved.personal.email != GOOD["email"]


def test_inactive_needs_a_reason_and_the_page_says_why_it_is_not_published(db, as_role, client, candidate):
    as_role(Role.MATCHER)
    response = post(client, candidate, status="inactive")
    assert "Reden: vul in waarom" in visible_text(response.get_data(as_text=True))
    assert post(client, candidate, status="inactive", status_reason="verhuisd naar Zwolle").status_code == 302
    page = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}").get_data(as_text=True))
    assert "niet actief — verhuisd naar Zwolle" in page
    assert "niet gepubliceerd: Kandidaat niet meer actief: verhuisd naar Zwolle" in page


def test_a_placed_candidate_is_saved_without_a_reason_only_inactive_needs_one(db, as_role, client, make_candidate):
    placed = make_candidate(external_id="CL-1002", status=CandidateStatus.PLACED)
    as_role(Role.MATCHER)
    form = client.get(f"/beheer/kandidaten/{placed.id}/bewerken").get_data(as_text=True)
    assert '<option selected value="placed">' in form or '<option value="placed" selected>' in form
    response = post(client, placed, status="placed", status_reason="")
    assert response.status_code == 302, visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    assert db.session.get(Candidate, placed.id).status == CandidateStatus.PLACED
    assert "Reden: vul in waarom" in visible_text(post(client, placed, status="inactive").get_data(as_text=True))


def test_an_edit_on_a_stale_copy_is_refused_naming_who_changed_it(db, as_role, client, candidate, make_user, login):
    first = as_role(Role.MATCHER)
    stale = candidate.version
    assert post(client, candidate, hours_min="10", hours_max="20").status_code == 302
    response = post(client, candidate, version=stale, hours_min="30", hours_max="36")
    assert response.status_code == 409
    assert f"gewijzigd door {first.name}" in visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).hours_min == 10


def test_another_organisations_candidate_cannot_be_edited(db, as_role, client, make_candidate, other_org):
    stranger = make_candidate(organisation=other_org, external_id="UWV-9")
    as_role(Role.MATCHER)
    assert post(client, stranger).status_code == 404
    assert client.get(f"/beheer/kandidaten/{stranger.id}/bewerken").status_code == 404
