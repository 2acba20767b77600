"""Review actions on suggestions: recompute, propose, reject with a reason, follow to hired."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models import Suggestion
from models.common import paging
from models.common.errors import Conflict, InvalidInput
from models.enums import SuggestionStatus
from models.matches import queries, review
from models.matches.suggestions import refresh_suggestions
from web.access import org_id, requires
from web.errors import render_error
from web.extensions import db
from web.forms import conflict_message, form_status, messages, save

from .forms import ActionForm, BulkRejectForm, RejectForm, StatusForm
from .routes import min_score, visible_vacancy_or_404


def _suggestion_or_404(suggestion_id: int, owner_may: bool = False) -> Suggestion:
    """A suggestion my organisation handles; with ``owner_may`` also a partner's, on my own vacancy, once proposed."""
    s = db.session.get(Suggestion, suggestion_id)
    if s is None:
        abort(404)
    if s.organisation_id == org_id():
        return s
    if owner_may and s.vacancy.organisation_id == org_id() and s.status not in (
            SuggestionStatus.NEW, SuggestionStatus.REJECTED):
        return s
    abort(404)


def _back(s: Suggestion):
    """To the suggestion's card: on the page of the list that shows it (a partner's, on the owner's page, is on
    every page; the first will do)."""
    number = queries.page_of(db.session, s) if s.organisation_id == org_id() else 1
    return redirect(_vacancy_page(s.vacancy_id, number) + f"#suggestie-{s.id}")


def _vacancy_page(vacancy_id: int, number: int) -> str:
    return url_for(".vacancy", vacancy_id=vacancy_id, pagina=number if number > 1 else None)


def _conflict(exc: Conflict):
    return render_error(409, conflict_message(exc))


def _steps(s: Suggestion):
    """Steps the status form offers: proposing and rejecting have their own buttons."""
    return [x for x in review.next_steps(s) if x not in (SuggestionStatus.PROPOSED, SuggestionStatus.REJECTED)]


@requires("matching")
def recompute(vacancy_id: int):
    """Compute the suggestions again; reviewed ones keep their state."""
    vac = visible_vacancy_or_404(vacancy_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    result = refresh_suggestions(db.session, vac, current_user.organisation, min_score=min_score())
    flash(_("Opnieuw berekend: %(added)s nieuw, %(updated)s bijgewerkt, %(removed)s vervallen, "
            "%(kept)s beoordeeld ongewijzigd.", added=result.added, updated=result.updated,
            removed=result.removed, kept=result.kept), "success")
    return redirect(url_for(".vacancy", vacancy_id=vac.id))


@requires("matching")
def propose(suggestion_id: int):
    """Propose the candidate to the employer; the vacancy's owner sees it as an introduction."""
    s = _suggestion_or_404(suggestion_id)
    form = ActionForm(prefix=f"s{s.id}")
    if not form.validate_on_submit():
        abort(400)
    try:
        review.propose(db.session, s, actor=current_user, version=form.version.data)
    except Conflict as exc:
        return _conflict(exc)
    except InvalidInput as exc:
        flash(" ".join(messages(exc)), "error")
        return _back(s)
    flash(_("Voorgedragen aan de werkgever."), "success")
    return _back(s)


@requires("matching")
def reject(suggestion_id: int):
    """Reject with a reason from the list and, for ‘other’, a note."""
    s = _suggestion_or_404(suggestion_id)
    form = RejectForm(prefix=f"s{s.id}")
    if form.is_submitted() and form.validate():
        if save(form, review.reject, db.session, s, form.reason.data, form.note.data, actor=current_user,
                version=form.version.data):
            flash(_("Suggestie afgewezen."), "success")
            return _back(s)
    elif not form.is_submitted():
        form.version.data = s.version
    return render_template("matches/reject.html", suggestion=s, form=form), form_status(form)


@requires("matching")
def advance(suggestion_id: int):
    """The next step after proposing: introduced, interview, hired or not hired (with a reason)."""
    s = _suggestion_or_404(suggestion_id, owner_may=True)
    form = StatusForm(prefix=f"s{s.id}")
    form.set_steps(_steps(s))
    if form.validate_on_submit() and save(form, review.change_status, db.session, s, form.status.data,
                                          actor=current_user, version=form.version.data,
                                          reason=form.reason.data or None, note=form.note.data):
        flash(_("Status bijgewerkt: %(status)s.", status=_(review.STATUS_LABELS[s.status])), "success")
        return _back(s)
    return render_template("matches/status.html", suggestion=s, form=form), form_status(form) if form.errors else 422


@requires("matching")
def reject_many(vacancy_id: int):
    """Reject the ticked new suggestions of a vacancy with one reason; all or none."""
    vac = visible_vacancy_or_404(vacancy_id)
    back = _vacancy_page(vac.id, paging.page_number(request.args.get("pagina")))  # the page the boxes were on
    form = BulkRejectForm()
    if not form.validate_on_submit():
        flash(_("Kies een reden uit de lijst."), "error")
        return redirect(back)
    chosen = []
    for value in request.form.getlist("kies")[:200]:
        sid, _sep, version = value.partition(":")
        s = db.session.get(Suggestion, int(sid)) if sid.isdigit() else None
        if s is None or s.vacancy_id != vac.id or s.organisation_id != org_id():
            flash(_("Een aangevinkte suggestie hoort niet bij deze vacature; er is niets afgewezen."), "error")
            return redirect(back)
        chosen.append((s, version))
    try:
        done = review.reject_many(db.session, chosen, form.reason.data, form.note.data, actor=current_user)
    except Conflict as exc:
        db.session.rollback()
        return _conflict(exc)
    except InvalidInput as exc:
        db.session.rollback()
        flash(" ".join(messages(exc)), "error")
        return redirect(back)
    flash(_("%(n)s suggesties afgewezen.", n=len(done)), "success")
    return redirect(back)
