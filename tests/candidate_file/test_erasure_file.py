"""Erasing a candidate removes the file's notes and plans; trajectories and jobs stay, anonymous."""
from datetime import date

from sqlalchemy import select

from models import ActionPlan, Candidate, LadderAssessment, OutreachContact, Participatiebaan, Trajectory
from models.enums import Role, TrajectoryKind
from tests.test_erasure import all_text


def test_erasure_clears_ladder_notes_and_plans_and_keeps_counts(as_role, client, db, make_candidate, make_employer,
                                                                org):
    candidate = make_candidate(external_id="K-55501")
    provider = make_employer(is_provider=True)
    db.session.add_all([
        LadderAssessment(candidate_id=candidate.id, rung=2, assessed_on=date(2026, 1, 1), note="Mantelzorg voor moeder"),
        ActionPlan(candidate_id=candidate.id, drawn_up_on=date(2026, 1, 2), goals="Schulden regelen",
                   steps="Naar de schuldhulp"),
        Trajectory(organisation_id=org.id, candidate_id=candidate.id, kind=TrajectoryKind.TRAINING,
                   provider_id=provider.id, bought_on=date(2026, 1, 3)),
        Participatiebaan(organisation_id=org.id, candidate_id=candidate.id, started_on=date(2026, 1, 4),
                         ends_on=date(2028, 1, 4), premium_cents=60000, premium_months=6),
        OutreachContact(organisation_id=org.id, campaign="Herstart", candidate_id=candidate.id,
                        selected_on=date(2026, 1, 5)),
    ])
    db.session.commit()
    as_role(Role.COORDINATOR)
    candidate_id = candidate.id
    done = client.post(f"/beheer/kandidaten/{candidate_id}/wissen", data={"confirm": "WISSEN"})
    assert done.status_code == 302
    assert db.session.get(Candidate, candidate_id) is None
    everything = all_text(db)
    assert "Mantelzorg" not in everything and "Schulden regelen" not in everything and "K-55501" not in everything
    assert db.session.query(LadderAssessment).count() == 0 and db.session.query(ActionPlan).count() == 0
    for model in (Trajectory, Participatiebaan, OutreachContact):
        assert db.session.scalars(select(model.candidate_id)).all() == [None]
