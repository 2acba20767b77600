"""The demo data fills the candidate file for both organisations, and its pages show it."""
from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from models import (
    ActionPlan,
    Candidate,
    LadderAssessment,
    Organisation,
    OutreachContact,
    Participatiebaan,
    Trajectory,
    TrajectoryBudget,
    User,
)
from models.common import clock
from seed.accounts import DEMO_PASSWORD
from seed.demo.dates import REFERENCE_DATE
from tests.helpers import visible_text


def test_demo_candidate_file_for_both_organisations(runner, db, login, client):
    result = runner.invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    for key in ("dronten", "uwv-flevoland"):
        org = db.session.scalar(select(Organisation).where(Organisation.key == key))
        people = list(db.session.scalars(select(Candidate).where(Candidate.organisation_id == org.id)))
        loads = Counter(c.owner_id for c in people if c.owner_id)
        assert max(loads.values()) > 50, (key, loads)  # one caseload just over the limit of 50
        if key == "dronten":
            assert len(loads) == 5 and all(40 <= n <= 62 for n in loads.values()), loads
        ids = [c.id for c in people]
        history = Counter(db.session.scalars(select(LadderAssessment.candidate_id)
                                             .where(LadderAssessment.candidate_id.in_(ids))))
        assert any(n >= 2 for n in history.values())
        assert sum(1 for c in people if c.expected_ladder) > len(people) // 2
        assert db.session.query(ActionPlan).filter(ActionPlan.candidate_id.in_(ids)).count() > len(people) // 3
        assert sum(1 for c in people if c.screening_route_id) > 0
        trajectories = list(db.session.scalars(select(Trajectory).where(Trajectory.organisation_id == org.id)))
        states = {("ended" if t.ended_on else "running" if t.started_on else "bought") for t in trajectories}
        assert states == {"ended", "running", "bought"}, key
        assert db.session.scalar(select(TrajectoryBudget.budgeted).where(TrajectoryBudget.organisation_id == org.id))
        jobs = list(db.session.scalars(select(Participatiebaan).where(Participatiebaan.organisation_id == org.id)))
        assert any(j.ends_on - REFERENCE_DATE <= timedelta(days=56) for j in jobs), key
        steps = list(db.session.scalars(select(OutreachContact).where(OutreachContact.organisation_id == org.id)))
        assert any(s.referred_on for s in steps) and any(s.approached_on is None for s in steps)
    dronten = db.session.scalar(select(Organisation).where(Organisation.key == "dronten"))
    budget = db.session.scalar(select(TrajectoryBudget).where(TrajectoryBudget.organisation_id == dronten.id))
    assert budget.budgeted == 50
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@dronten.example.org"))
    login(coordinator, password=DEMO_PASSWORD)
    with clock.frozen(REFERENCE_DATE):
        page = visible_text(client.get(f"/beheer/kandidaten/trajecten-en-participatiebanen?jaar={budget.year}")
                            .get_data(as_text=True))
        assert "50 32" in page  # budgeted 50, bought 32
        overview = visible_text(client.get("/beheer/kandidaten/caseloads").get_data(as_text=True))
        assert "te hoog" in overview
        funnel = visible_text(client.get("/beheer/kandidaten/outreach").get_data(as_text=True))
        assert "Geselecteerd 60 Benaderd" in funnel
        busiest = db.session.scalar(select(Candidate).join(LadderAssessment, LadderAssessment.candidate_id == Candidate.id)
                                    .where(Candidate.organisation_id == dronten.id, Candidate.expected_ladder.is_not(None)))
        record = client.get(f"/beheer/kandidaten/{busiest.id}")
        assert record.status_code == 200 and "Participatieladder door de tijd" in record.get_data(as_text=True)
