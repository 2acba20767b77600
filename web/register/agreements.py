"""Agreements (covenants) with an employer: add, edit with locking, history."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models import Agreement, Employer
from models.register import agreements
from web.access import get_own_or_404, requires
from web.extensions import db
from web.forms import form_status, save

from .forms import AgreementForm, form_data
from .helpers import child_or_404, render_history


@requires("register")
def agreement_create(employer_id: int):
    """Add an agreement, e.g. '5 plaatsingen in 2027 voor statushouders'."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    form = AgreementForm()
    if form.validate_on_submit() and save(form, agreements.add_agreement, db.session, employer, form_data(form),
                                          current_user, once=url_for(".show", employer_id=employer.id) + "#afspraken"):
        flash(_("De afspraak is vastgelegd."), "success")
        return redirect(url_for(".show", employer_id=employer.id) + "#afspraken")
    return render_template("employers/agreement_form.html", form=form, employer=employer, agreement=None), \
        form_status(form)


@requires("register")
def agreement_edit(employer_id: int, agreement_id: int):
    """Edit an agreement; a save on a stale copy is refused with 409 and the input kept."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    agreement = child_or_404(db.session, Agreement, employer, agreement_id)
    form = AgreementForm(obj=agreement if request.method == "GET" else None)
    if request.method == "GET":
        form.version.data = agreement.version
        form.target_group.data = agreement.target_group or ""
    if form.validate_on_submit() and save(form, agreements.update_agreement, db.session, agreement, form_data(form),
                                          form.version.data, current_user):
        flash(_("De wijzigingen zijn opgeslagen."), "success")
        return redirect(url_for(".show", employer_id=employer.id) + "#afspraken")
    return render_template("employers/agreement_form.html", form=form, employer=employer,
                           agreement=agreement), form_status(form)


@requires("register")
def agreement_history(employer_id: int, agreement_id: int):
    """Every change to the agreement: who, when, old → new."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    agreement = child_or_404(db.session, Agreement, employer, agreement_id)
    return render_history(employer, agreement.description, agreement)
