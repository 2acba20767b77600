"""Sharing an own vacancy with partners, and a partner proposing one of its own candidates."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.common.errors import InvalidInput
from models.vacancies import sharing
from models.vacancies.sharing import partner_organisations
from web.access import org_id, requires
from web.extensions import db
from web.forms import choices, messages, save

from .forms import ShareForm
from .routes import get_own_vacancy_or_404, get_visible_or_404, propose_form, show_context


@requires("register")
def share(vacancy_id: int):
    """Share an own vacancy with the chosen partner organisations, or with the whole region."""
    vacancy = get_own_vacancy_or_404(vacancy_id)
    form = ShareForm()
    form.organisations.choices = choices((o.id, o.name) for o in partner_organisations(db.session, org_id()))
    if not form.validate_on_submit():
        abort(400)
    try:
        added = sharing.share(db.session, vacancy, form.organisations.data or [],
                              whole_region=form.whole_region.data, actor=current_user)
    except InvalidInput as exc:
        flash(messages(exc)[0], "error")
    else:
        if added:
            flash(_("Gedeeld met %(names)s.", names=", ".join(o.name for o in added)), "success")
        else:
            flash(_("De vacature was al met deze organisaties gedeeld."), "info")
    return redirect(url_for(".show", vacancy_id=vacancy.id) + "#delen")


@requires("register")
def unshare(vacancy_id: int, organisation_id: int):
    """Stop sharing an own vacancy with one organisation."""
    vacancy = get_own_vacancy_or_404(vacancy_id)
    if not sharing.unshare(db.session, vacancy, organisation_id, actor=current_user):
        abort(404)
    flash(_("Delen gestopt."), "success")
    return redirect(url_for(".show", vacancy_id=vacancy.id) + "#delen")


@requires("matching")
def propose(vacancy_id: int):
    """A partner's matcher proposes one of their own candidates for a vacancy shared with them."""
    vacancy = get_visible_or_404(vacancy_id)
    if vacancy.organisation_id == org_id():
        abort(404)  # own vacancies go through the matcher, not through proposals
    form = propose_form(vacancy)
    if form.validate_on_submit():
        if save(form, sharing.propose, db.session, vacancy, form.candidate_id.data, current_user.organisation,
                actor=current_user):
            flash(_("Kandidaat voorgedragen bij %(org)s.", org=vacancy.organisation.name), "success")
            return redirect(url_for(".show", vacancy_id=vacancy.id))
    return render_template("vacancies/show.html", **show_context(vacancy, propose=form)), 422
