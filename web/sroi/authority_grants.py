"""Staff give (and end) the contracting authority's contract manager read-only access, from an obligation."""
from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from models import AuthorityAccess, SroiObligation
from models.sroi import authority as sroi_authority
from models.sroi.valuation.tables import municipality_of
from web.access import get_own_or_404, requires
from web.extensions import db
from web.forms import save

from .forms import AccessForm
from .routes import show


@requires("register")
def grant_authority_access(obligation_id: int):
    """Let an employer account of the contracting authority read the obligations of its contracts."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    form = AccessForm(prefix="authority")
    if form.validate_on_submit() and (saved := save(
            form, sroi_authority.grant_authority_access, db.session, obligation.organisation_id,
            obligation.contracting_authority, form.email.data or "", actor=current_user)):
        flash(_("%(email)s ziet nu de verplichtingen van %(authority)s (alleen lezen).", email=saved.value.user.email,
                authority=obligation.contracting_authority), "success")
        return redirect(url_for(".show", obligation_id=obligation.id))
    return show(obligation_id, authority_form=form, status=422)


@requires("register")
def revoke_authority_access(obligation_id: int, user_id: int):
    """End a contract manager's access (404 unless it is for this obligation's contracting authority)."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    access = db.session.scalar(select(AuthorityAccess).where(
        AuthorityAccess.user_id == user_id, AuthorityAccess.organisation_id == obligation.organisation_id))
    if access is None or municipality_of(access.authority) != municipality_of(obligation.contracting_authority):
        abort(404)
    email = access.user.email
    sroi_authority.revoke_authority_access(db.session, access, actor=current_user)
    flash(_("De toegang van %(email)s is ingetrokken.", email=email), "success")
    return redirect(url_for(".show", obligation_id=obligation.id))
