"""Outreach: select people long on a benefit without active service, log each step, count the funnel."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate
from models.candidates.outreach import OutreachContact
from models.candidates.parsing import collect, day, text
from models.candidates.participatiebaan import Participatiebaan
from models.candidates.trajectory import Trajectory
from models.common import audit, locking
from models.common.errors import N_, InvalidInput
from models.enums import CandidateStatus, OutreachReferral, OutreachStep

STEPS = (OutreachStep.APPROACHED, OutreachStep.TALKED, OutreachStep.FOLLOW_UP, OutreachStep.REFERRED)
COLUMN = {OutreachStep.SELECTED: "selected_on", OutreachStep.APPROACHED: "approached_on",
          OutreachStep.TALKED: "talked_on", OutreachStep.FOLLOW_UP: "follow_up_on",
          OutreachStep.REFERRED: "referred_on"}
STEP_LABELS = {OutreachStep.SELECTED: "Geselecteerd", OutreachStep.APPROACHED: "Benaderd",
               OutreachStep.TALKED: "Gesproken", OutreachStep.FOLLOW_UP: "Vervolg afgesproken",
               OutreachStep.REFERRED: "Doorverwezen"}
REFERRAL_LABELS = {OutreachReferral.COACH: "Coach", OutreachReferral.WORK_CENTRE: "Werkcentrum",
                   OutreachReferral.SOCIAL_CARE_TEAM: "Sociaal team", OutreachReferral.OTHER: "Anders"}
BENEFIT_DAYS = 365


def eligible(organisation_id: int, today: date):
    """Active candidates on a benefit for more than a year with no activity, trajectory or
    participatiebaan in the last year."""
    cutoff = today - timedelta(days=BENEFIT_DAYS)
    busy_trajectory = exists().where(Trajectory.candidate_id == Candidate.id,
                                     or_(Trajectory.ended_on.is_(None), Trajectory.ended_on >= cutoff))
    busy_job = exists().where(Participatiebaan.candidate_id == Candidate.id,
                              or_(Participatiebaan.ended_on.is_(None), Participatiebaan.ended_on >= cutoff))
    return and_(Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE,
                Candidate.benefit_since <= cutoff,
                or_(Candidate.last_active_on.is_(None), Candidate.last_active_on < cutoff),
                ~busy_trajectory, ~busy_job)


def select_people(session: Session, organisation_id: int, campaign, assigned_to_id, today: date, actor,
                  limit: int | None = None) -> int:
    """Add the eligible people not yet in ``campaign`` to it, assigned to a staff member; returns how many."""
    from models.candidates.editing import _owner

    e: dict[str, str] = {}
    name = collect(e, None, text, campaign, "campaign", 100, "de naam van de campagne", required=True)
    owner = _owner(session, organisation_id, assigned_to_id, e)
    if owner is None and "owner_id" not in e:
        e["owner_id"] = N_("Toewijzen aan: kies een medewerker.")
    if "owner_id" in e:
        e["assigned_to_id"] = e.pop("owner_id")
    if e:
        raise InvalidInput(e)
    already = select(OutreachContact.candidate_id).where(OutreachContact.campaign == name,
                                                        OutreachContact.organisation_id == organisation_id)
    query = (select(Candidate.id).where(eligible(organisation_id, today), Candidate.id.not_in(already))
             .order_by(Candidate.benefit_since, Candidate.id))
    if limit:
        query = query.limit(limit)
    ids = list(session.scalars(query))
    session.add_all(OutreachContact(organisation_id=organisation_id, campaign=name, candidate_id=cid,
                                    assigned_to_id=owner, selected_on=today) for cid in ids)
    session.flush()
    audit.record(session, "outreach_selected", actor=actor, details={"count": len(ids)})
    return len(ids)


def record_step(session: Session, contact: OutreachContact, data: dict, actor, today: date) -> OutreachStep:
    """Log the next step on a date; steps go in order, a referral names to whom."""
    e: dict[str, str] = {}
    try:
        step = OutreachStep(data.get("step") or "")
    except ValueError:
        raise InvalidInput({"step": N_("Stap: kies benaderd, gesproken, vervolg of doorverwezen.")}) from None
    if step == OutreachStep.SELECTED:
        raise InvalidInput({"step": N_("Stap: kies benaderd, gesproken, vervolg of doorverwezen.")})
    if contact.candidate_id is None:  # erased: the row stays only as an anonymous count (docs/indicators.md)
        raise InvalidInput({"step": N_("Deze kandidaat is gewist: er kunnen geen stappen meer bij. Het contact "
                                       "telt alleen nog anoniem mee in de trechter.")})
    on = collect(e, None, day, data.get("on"), "on", "de datum", required=True)
    index = STEPS.index(step)
    previous = COLUMN[STEPS[index - 1]] if index else "selected_on"
    if getattr(contact, COLUMN[step]) is not None:
        e["step"] = N_("Stap: ‘%(step)s’ is al vastgelegd.", step=STEP_LABELS[step])
    elif getattr(contact, previous) is None:
        e["step"] = N_("Stap: leg eerst ‘%(index)s’ vast.", index=STEP_LABELS[STEPS[index - 1]])
    if on and on > today:
        e["on"] = N_("Datum: ligt in de toekomst.")
    elif on and getattr(contact, previous) and on < getattr(contact, previous):
        e["on"] = N_("Datum: ligt voor de vorige stap.")
    referred_to = data.get("referred_to") or None
    if step == OutreachStep.REFERRED and referred_to not in {r.value for r in OutreachReferral}:
        e["referred_to"] = N_("Doorverwezen naar: kies coach, werkcentrum, sociaal team of anders.")
    if e:
        raise InvalidInput(e)
    values = {COLUMN[step]: on}
    if step == OutreachStep.REFERRED:
        values["referred_to"] = OutreachReferral(referred_to)
    locking.save_edit(session, contact, values, data.get("version"), actor,
                      lambda c: {k: getattr(c, k) for k in (*COLUMN.values(), "referred_to")})
    return step


def funnel(session: Session, organisation_id: int, campaign: str | None = None) -> dict:
    """How many reached each step (each count includes the later steps) and referrals by kind."""
    where = [OutreachContact.organisation_id == organisation_id]
    if campaign:
        where.append(OutreachContact.campaign == campaign)
    cols = [func.count(getattr(OutreachContact, COLUMN[s])) for s in (OutreachStep.SELECTED, *STEPS)]
    counts = session.execute(select(*cols).where(*where)).one()
    referrals = dict(session.execute(select(OutreachContact.referred_to, func.count()).where(
        *where, OutreachContact.referred_to.is_not(None)).group_by(OutreachContact.referred_to)).all())
    return {"steps": list(zip((OutreachStep.SELECTED, *STEPS), counts)),
            "referrals": {r: referrals.get(r, 0) for r in OutreachReferral}}


def campaigns(session: Session, organisation_id: int) -> list[str]:
    return list(session.scalars(select(OutreachContact.campaign).where(
        OutreachContact.organisation_id == organisation_id).distinct().order_by(OutreachContact.campaign)))
