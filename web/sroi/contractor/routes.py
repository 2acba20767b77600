"""A contractor's contact person: own obligations with progress, and proposing activities.

Every page answers 404 unless the employer account has access to the obligation's contractor.
No page names a placed job seeker: placements show only instrument, hours and their computed value.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models import Employer, SroiObligation
from models.common import clock
from models.enums import ActivityStatus
from models.sroi import contractor as sroi_contractor
from models.sroi import obligations as sroi
from models.sroi.contractor import PROPOSAL_LABELS
from models.sroi.progress import ACTIVITY_LABELS, STATUS_LABELS, progress, progress_many
from web.access import requires
from web.extensions import db
from web.forms import save
from web.sroi.forms import ProposalForm


def contractor_employer() -> Employer | None:
    """The register employer the signed-in employer account is contact person of, or None."""
    return sroi_contractor.contractor_of(db.session, current_user)


def _employer_or_404() -> Employer:
    employer = contractor_employer()
    if employer is None:
        abort(404)
    return employer


def _obligation_or_404(obligation_id: int) -> SroiObligation:
    obligation = db.session.get(SroiObligation, obligation_id)
    if obligation is None or obligation.contractor_id != _employer_or_404().id:
        abort(404)
    return obligation


@requires("employer_account")
def index():
    """The obligations whose contractor is the account's employer, with their progress."""
    employer = _employer_or_404()
    obligations = sroi_contractor.obligations_for(db.session, employer)
    return render_template("contractor/index.html", employer=employer, obligations=obligations,
                           progress=progress_many(db.session, obligations, clock.today()),
                           status_labels=STATUS_LABELS)


@requires("employer_account")
def show(obligation_id: int, form=None, status: int = 200):
    """One obligation: amount, realised, remaining, forecast, status, contributions, own proposals."""
    obligation = _obligation_or_404(obligation_id)
    return render_template(
        "contractor/show.html", obligation=obligation, progress=progress(db.session, obligation, clock.today()),
        status_labels=STATUS_LABELS, today=clock.today(), form=form or ProposalForm(prefix="activity"),
        proposals=sroi_contractor.proposals(db.session, obligation), proposal_labels=PROPOSAL_LABELS,
        activity_labels=ACTIVITY_LABELS, rates=sroi.activity_rates(db.session, obligation, clock.today())), status


@requires("employer_account")
def propose(obligation_id: int):
    """Propose a purchase or social activity; it is valued now and counts once staff approve it."""
    obligation = _obligation_or_404(obligation_id)
    form = ProposalForm(prefix="activity")
    if form.validate_on_submit() and (saved := save(
            form, sroi.add_activity, db.session, obligation, form.kind.data, form.occurred_on.data,
            form.amount.data or "", form.evidence.data or "", actor=current_user, unit=form.unit.data or None,
            status=ActivityStatus.PROPOSED, once=url_for(".show", obligation_id=obligation.id))):
        flash(_("Voorstel verstuurd: %(how)s. Het telt mee zodra het is goedgekeurd.",
                how=saved.value.value_explanation), "success")
        return redirect(url_for(".show", obligation_id=obligation.id))
    return show(obligation_id, form=form, status=422)
