"""The queue of vacancies employers sent in through the public site, and the decision on each."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from models import Vacancy
from models.enums import VacancyStatus
from models.vacancies import review as submissions
from models.vacancies.review import matching_employer
from web.access import org_id, requires
from web.extensions import db
from web.forms import form_status, save

from .employer_pick import error_fields, resolve_employer, show_employer
from .forms import ReviewForm
from .routes import get_own_vacancy_or_404


@requires("register")
def review_queue():
    """Submitted vacancies of the own organisation, oldest first."""
    rows = db.session.scalars(
        select(Vacancy).where(Vacancy.organisation_id == org_id(), Vacancy.status == VacancyStatus.SUBMITTED)
        .order_by(Vacancy.created_at, Vacancy.id).limit(200)
    ).all()
    return render_template("vacancies/review_queue.html", rows=rows)


def _employer_known(form: ReviewForm) -> bool:
    """For "existing": look the employer up; False (errors or choices on the form) when that needs the user."""
    if form.decision.data != "existing":
        return True
    resolve_employer(form)
    return not (form.employer.errors or form.employer_id.errors)


@requires("register")
def review(vacancy_id: int):
    """Accept a submitted vacancy (existing or new employer) or reject it with a reason."""
    vacancy = get_own_vacancy_or_404(vacancy_id)
    if vacancy.status != VacancyStatus.SUBMITTED:
        flash(_("Deze vacature is al beoordeeld."), "info")
        return redirect(url_for(".show", vacancy_id=vacancy.id))
    form = ReviewForm()
    show_employer(form, None)
    match = matching_employer(db.session, vacancy)
    if request.method == "GET":
        form.decision.data = "existing" if match else "new"
        show_employer(form, match)
    if form.validate_on_submit() and _employer_known(form):
        if form.decision.data == "reject":
            if save(form, submissions.reject_submission, db.session, vacancy, form.reason.data, actor=current_user):
                flash(_("Aanmelding afgewezen."), "success")
                return redirect(url_for(".review_queue"))
        elif save(form, submissions.accept_submission, db.session, vacancy, employer_id=form.employer_id.data,
                  create_employer=form.decision.data == "new", actor=current_user, fields=error_fields(form)):
            flash(_("Vacature geaccepteerd en open gezet."), "success")
            return redirect(url_for(".show", vacancy_id=vacancy.id))
    if request.method == "POST" and not form.decision.data:
        form.decision.errors = [_("Kies een besluit.")]
    return render_template("vacancies/review.html", vacancy=vacancy, form=form, match=match), form_status(form)
