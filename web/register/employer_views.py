"""One employer: create (with duplicate check), the employer page, edit with locking, history."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from models import ContactMoment, Employer, EmployerRequest, Placement, SroiObligation, Vacancy
from models.common import clock, paging
from models.enums import VacancyStatus
from models.register import employers as register
from models.register.agreements import progress
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import choices, form_status, save

from .forms import ContactMomentForm, EmployerForm, form_data
from .helpers import render_history
from .labels import CHANNEL_LABELS, INSTRUMENT_LABELS, REQUEST_STATUS_LABELS, STATUS_LABELS, TARGET_GROUP_LABELS

TIMELINE_PAGE = 20
LIST_LIMIT = 20


def _manager_choices(form: EmployerForm) -> None:
    people = register.managers(db.session, org_id())
    form.account_manager_id.choices = choices([(None, _("Nog niemand"))] + [(u.id, u.name) for u in people])


@requires("register")
def create():
    """Create an employer; possible duplicates are shown first and need 'Toch aanmaken'."""
    form = EmployerForm()
    _manager_choices(form)
    if request.method == "GET":
        form.account_manager_id.data = current_user.id
    duplicates = []
    if form.validate_on_submit():
        try:
            saved = save(form, register.create_employer, db.session, org_id(), form_data(form), current_user,
                         confirm_duplicate=request.form.get("confirm") == "1",
                         once=lambda employer: url_for(".show", employer_id=employer.id))
        except register.PossibleDuplicate as exc:
            duplicates = exc.matches
        else:
            if saved:
                flash(_("Werkgever %(name)s is aangemaakt.", name=saved.value.name), "success")
                return redirect(url_for(".show", employer_id=saved.value.id))
    return render_template("employers/form.html", form=form, employer=None, duplicates=duplicates,
                           status_labels=STATUS_LABELS), form_status(form)


def moment_form_for(employer: Employer, form: ContactMomentForm | None = None) -> ContactMomentForm:
    """The short contact-moment form of the employer page, with today and 'me' as defaults."""
    form = form or ContactMomentForm()
    form.contact_person_id.choices = choices(
        [(None, _("Geen"))] + [(p.id, p.name) for p in sorted(employer.contact_persons, key=lambda p: p.name)])
    form.follow_up_owner_id.choices = choices(
        [(u.id, u.name) for u in register.managers(db.session, employer.organisation_id)])
    if request.method == "GET":
        form.occurred_on.data = clock.today()
        form.follow_up_owner_id.data = current_user.id
    return form


def render_show(employer: Employer, form: ContactMomentForm, status: int = 200):
    """Render the employer page; every block is one query, the timeline is paginated."""
    session = db.session
    page = paging.paginate(session, select(ContactMoment).where(ContactMoment.employer_id == employer.id)
                           .options(joinedload(ContactMoment.author), joinedload(ContactMoment.contact_person),
                                    joinedload(ContactMoment.follow_up_owner))
                           .order_by(ContactMoment.occurred_on.desc(), ContactMoment.id.desc()),
                           paging.page_number(request.args.get("tijdlijn")), TIMELINE_PAGE)
    vacancies = session.scalars(select(Vacancy).where(
        Vacancy.employer_id == employer.id, Vacancy.status == VacancyStatus.OPEN).order_by(Vacancy.title)).all()
    placements = session.scalars(select(Placement).where(Placement.employer_id == employer.id)
                                 .order_by(Placement.start_date.desc()).limit(LIST_LIMIT)).all()
    requests_ = session.scalars(select(EmployerRequest).where(EmployerRequest.employer_id == employer.id)
                                .order_by(EmployerRequest.created_at.desc()).limit(LIST_LIMIT)).all()
    obligations = session.scalars(select(SroiObligation).where(SroiObligation.contractor_id == employer.id)
                                  .order_by(SroiObligation.period_start.desc())).all()
    return render_template(
        "employers/show.html", employer=employer, form=form, timeline=page.items, paging=page,
        vacancies=vacancies, placements=placements, requests=requests_, obligations=obligations,
        agreements=progress(session, employer.id), status_labels=STATUS_LABELS,
        channel_labels=CHANNEL_LABELS, target_group_labels=TARGET_GROUP_LABELS,
        instrument_labels=INSTRUMENT_LABELS, request_status_labels=REQUEST_STATUS_LABELS,
    ), status


@requires("register")
def show(employer_id: int):
    """The employer page: facts, contact persons, timeline, vacancies, placements, agreements."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    return render_show(employer, moment_form_for(employer))


@requires("register")
def edit(employer_id: int):
    """Edit an employer; a save on a stale copy is refused with 409 and the input kept."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    form = EmployerForm(obj=employer if request.method == "GET" else None)
    _manager_choices(form)
    if request.method == "GET":
        form.version.data = employer.version
        form.size.data = employer.size.value if employer.size else ""
        form.status.data = employer.status.value
    if form.validate_on_submit() and save(form, register.update_employer, db.session, employer, form_data(form),
                                          form.version.data, current_user):
        flash(_("De wijzigingen zijn opgeslagen."), "success")
        return redirect(url_for(".show", employer_id=employer.id))
    return render_template("employers/form.html", form=form, employer=employer, duplicates=[],
                           status_labels=STATUS_LABELS), form_status(form)


@requires("register")
def employer_history(employer_id: int):
    """Every change to the employer: who, when, old → new."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    return render_history(employer, employer.name, employer)
