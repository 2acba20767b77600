"""The contracting authority's contract manager: the obligations of its contracts, their progress and
contributions, read-only. Every page answers 404 without access; no page names a placed job seeker."""
from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user

from models import SroiObligation
from models.common import clock
from models.sroi import authority as sroi_authority
from models.sroi.progress import STATUS_LABELS, progress, progress_many
from models.sroi.valuation.tables import municipality_of
from web.access import requires
from web.extensions import db


def authority_access():
    """The signed-in employer account's access as contract manager of a contracting authority, or None."""
    return sroi_authority.authority_access_of(db.session, current_user)


def _access_or_404():
    access = authority_access()
    if access is None:
        abort(404)
    return access


@requires("employer_account")
def index():
    """The obligations of the authority's contracts with their progress."""
    access = _access_or_404()
    obligations = sroi_authority.obligations_of(db.session, access)
    return render_template("authority/index.html", access=access, obligations=obligations,
                           progress=progress_many(db.session, obligations, clock.today()),
                           status_labels=STATUS_LABELS)


@requires("employer_account")
def show(obligation_id: int):
    """One obligation: amount, realised, remaining, forecast, status and contributions (no names)."""
    access = _access_or_404()
    obligation = db.session.get(SroiObligation, obligation_id)
    if (obligation is None or obligation.organisation_id != access.organisation_id
            or municipality_of(obligation.contracting_authority) != municipality_of(access.authority)):
        abort(404)
    return render_template("authority/show.html", obligation=obligation,
                           progress=progress(db.session, obligation, clock.today()), status_labels=STATUS_LABELS,
                           today=clock.today())
