"""Contact moments: logged from the employer page or the quick-add page (follow-ups: follow_ups.py)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from models import Employer
from models.common import clock
from models.register import contacts
from models.register.employers import managers
from models.register.queries import EmployerFilters, filtered
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import choices, save

from .employer_views import moment_form_for, render_show
from .forms import QuickContactMomentForm, form_data

MAX_EMPLOYER_CHOICES = 20


@requires("register")
def log_moment(employer_id: int):
    """Log a contact moment from the employer page; errors re-render that page (422)."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    form = moment_form_for(employer)
    timeline = url_for(".show", employer_id=employer.id) + "#tijdlijn"
    if form.validate_on_submit() and save(form, contacts.log_contact_moment, db.session, employer, form_data(form),
                                          current_user, once=timeline):
        flash(_("Contactmoment vastgelegd."), "success")
        return redirect(timeline)
    return render_show(employer, form, 422)


def _resolve_employer(form: QuickContactMomentForm) -> Employer | None:
    """The employer chosen on the quick-add page, or None with choices or an error on the form."""
    if form.employer_id.data:
        employer = db.session.get(Employer, form.employer_id.data)
        if employer is not None and employer.organisation_id == org_id():
            return employer
    text = (form.employer.data or "").strip()
    exact = db.session.scalars(select(Employer).where(
        Employer.organisation_id == org_id(), func.lower(Employer.name) == text.lower()).limit(2)).all()
    if len(exact) == 1:
        return exact[0]
    ids = filtered(org_id(), EmployerFilters(q=text)).limit(MAX_EMPLOYER_CHOICES + 1)
    matches = db.session.scalars(select(Employer).where(Employer.id.in_(ids)).order_by(Employer.name)).all()
    if len(matches) == 1:
        return matches[0]
    if not matches:
        form.employer.errors = [_("Geen werkgever gevonden met deze naam.")]
    else:
        form.employer_id.choices = choices(
            (e.id, f"{e.name} ({e.city or '-'})") for e in matches[:MAX_EMPLOYER_CHOICES])
        form.employer_id.errors = [_("Er zijn meerdere werkgevers gevonden. Kies de juiste.")]
    return None


@requires("register")
def quick_moment():
    """Log a contact moment for an employer chosen by name."""
    form = QuickContactMomentForm()
    form.contact_person_id.choices = choices([(None, _("Geen"))])
    form.employer_id.choices = choices([])
    form.follow_up_owner_id.choices = _owner_choices()
    if request.method == "GET":
        form.occurred_on.data = clock.today()
        form.follow_up_owner_id.data = current_user.id
    valid = form.validate_on_submit()  # first: validating clears the errors set below
    employer = _resolve_employer(form) if form.is_submitted() and form.employer.data else None
    if valid and employer is not None and save(form, contacts.log_contact_moment, db.session, employer,
                                               form_data(form, "employer", "employer_id"), current_user,
                                               once=url_for(".show", employer_id=employer.id) + "#tijdlijn"):
        flash(_("Contactmoment met %(name)s vastgelegd.", name=employer.name), "success")
        return redirect(url_for(".show", employer_id=employer.id) + "#tijdlijn")
    if employer is not None:
        form.employer.data = employer.name
        form.contact_person_id.choices = choices(
            [(None, _("Geen"))] + [(p.id, p.name) for p in employer.contact_persons])
    failed = form.is_submitted() and (form.errors or form.form_errors or employer is None)
    return render_template("employers/quick_moment.html", form=form), 422 if failed else 200


def _owner_choices():
    return choices([(u.id, u.name) for u in managers(db.session, org_id())])
