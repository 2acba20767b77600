"""Registering and editing vacancies, with optimistic locking."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.common import clock
from models.common.errors import InvalidInput
from models.enums import VacancyStatus
from models.register.employer import Employer
from models.vacancies import edit as editing
from web.access import org_id, requires
from web.extensions import db
from web.forms import form_status, save, show_errors
from web.params import id_arg

from .employer_pick import error_fields, resolve_employer, show_employer
from .forms import VacancyForm
from .routes import get_own_vacancy_or_404


def get_own_or_none(employer_id: int) -> Employer | None:
    employer = db.session.get(Employer, employer_id)
    return employer if employer is not None and employer.organisation_id == org_id() else None


def _ready(form: VacancyForm, vacancy=None) -> bool:
    """Validate the posted form in one round: True when it may be saved.

    The employer lookup and the vacancy rules both run, so every wrong field is named at once; while
    the employer still needs the user (not found, or several to choose from) the other fields are
    checked against the rules without it, and nothing is saved.
    """
    if not form.is_submitted():
        return False
    valid = form.validate()
    resolve_employer(form)
    if valid and not (form.employer.errors or form.employer_id.errors):
        return True
    data = {key: value for key, value in form.data_for_service().items() if not form[key].errors}
    stored = {"start_date": vacancy.start_date, "closing_date": vacancy.closing_date} if vacancy else None
    try:
        editing.clean(db.session, org_id(), data, today=clock.today(), creating=vacancy is None, stored=stored)
    except InvalidInput as exc:
        errors = {key: message for key, message in exc.errors.items()
                  if key != "employer_id" and key in form._fields and not form[key].errors}
        if "employer_id" in exc.errors and not (form.employer.errors or form.employer_id.errors):
            errors["employer"] = exc.errors["employer_id"]
        show_errors(form, InvalidInput(errors))
    return False


@requires("register")
def create():
    """Register a vacancy for an employer of the own organisation (?employer_id= preselects one)."""
    form = VacancyForm()
    show_employer(form, None)
    if request.method == "GET" and (employer_id := id_arg("employer_id")):
        show_employer(form, get_own_or_none(employer_id))
    if _ready(form) and (
            saved := save(form, editing.create_vacancy, db.session, org_id(), form.data_for_service(),
                          actor=current_user, today=clock.today(), fields=error_fields(form),
                          once=lambda vacancy: url_for(".show", vacancy_id=vacancy.id))):
        flash(_("Vacature ‘%(title)s’ is opgeslagen.", title=saved.value.title), "success")
        return redirect(url_for(".show", vacancy_id=saved.value.id))
    return render_template("vacancies/form.html", form=form, vacancy=None), form_status(form)


@requires("register")
def edit(vacancy_id: int):
    """Edit an own vacancy; a stale copy answers 409 saying who changed it."""
    vacancy = get_own_vacancy_or_404(vacancy_id)
    if vacancy.status == VacancyStatus.SUBMITTED:
        return redirect(url_for(".review", vacancy_id=vacancy.id))
    form = VacancyForm(obj=vacancy) if request.method == "GET" else VacancyForm()
    show_employer(form, vacancy.employer if request.method == "GET" else None)
    if request.method == "GET":
        form.required_skills.data = "\n".join(vacancy.required_skills or [])
        form.preferred_skills.data = "\n".join(vacancy.preferred_skills or [])
        for name in ("education_min", "dutch_min", "status"):
            value = getattr(vacancy, name)
            form[name].data = value.value if value is not None else ""
        form.driving_licence.data = vacancy.driving_licence or ""
        form.version.data = vacancy.version
    if _ready(form, vacancy) and save(
            form, editing.update_vacancy, db.session, vacancy, form.data_for_service(), locked=vacancy,
            actor=current_user, today=clock.today(), fields=error_fields(form)):
        flash(_("Wijzigingen opgeslagen."), "success")
        return redirect(url_for(".show", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=vacancy), form_status(form)
