"""Caseload per owner against the limit, the overview per owner, and bulk reassignment."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.accounts.user import User
from models.candidates import caseload as caseloads
from models.candidates import editing
from models.candidates.participatiebanen import Settings
from models.catalogue import candidate_questions
from models.common import clock, paging
from web.access import can, org_id, requires
from web.extensions import db
from web.forms import save

from .edit_routes import owner_choices
from .file_forms import ReassignForm


def _limit() -> int:
    return int(current_app.config.get("CASELOAD_LIMIT", 50))


@requires("candidates")
def my_caseload():
    """The signed-in staff member's own caseload."""
    return redirect(url_for(".caseload", user_id=current_user.id))


@requires("candidates")
def caseload(user_id: int, form: ReassignForm | None = None, status: int = 200):
    """Active candidates of one owner (0: without an owner), counts per rung, what to follow up."""
    owner = None
    if user_id:
        owner = db.session.get(User, user_id)
        if owner is None or owner.organisation_id != org_id():
            abort(404)
    today = clock.today()
    data = caseloads.caseload(db.session, org_id(), owner.id if owner else None, today, _limit(),
                              Settings.from_config(current_app.config).remind_days,
                              paging.page_number(request.args.get("pagina")))
    form = form or ReassignForm(formdata=None)
    form.owner_id.choices = owner_choices(org_id(), _("Kies"))
    # Employers' requests the account manager routed to this owner ("vraag de kandidaat").
    mine = owner is not None and (owner.id == current_user.id or can("caseload_admin"))
    questions = candidate_questions.open_for(db.session, owner) if mine else None
    return render_template("candidates/caseload.html", owner=owner, data=data, today=today, form=form,
                           may_reassign=can("caseload_admin"), user_id=user_id, questions=questions), status


@requires("candidates")
def caseloads_overview():
    """Every owner's caseload against the limit, with in beeld and overdue reviews."""
    today = clock.today()
    return render_template("candidates/caseloads.html", rows=caseloads.overview(db.session, org_id(), today),
                           limit=_limit(), today=today)


@requires("caseload_admin")
def reassign():
    """Give one or many candidates to another owner (coordinator); back to the caseload they came from."""
    form = ReassignForm()
    back = request.form.get("from_user", type=int) or 0
    ids = []
    for value in request.form.getlist("candidate_ids"):
        if not value.isdigit():
            ids = None
            break
        ids.append(int(value))
    form.validate()  # the form's own findings show beside the operation's when it refuses
    if ids is None:
        form.candidate_ids.errors = [_("Kies kandidaten uit de lijst.")]
        return caseload(back, form=form, status=422)
    if not (saved := save(form, editing.reassign, db.session, org_id(), ids, form.owner_id.data, current_user)):
        return caseload(back, form=form, status=422)
    flash(_("%(n)d kandidaten hebben een nieuwe eigenaar.", n=saved.value), "success")
    return redirect(url_for(".caseload", user_id=back))
