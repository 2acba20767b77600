"""Contact persons of an employer: add, edit (with locking), remove, history. Staff only."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models import ContactPerson, Employer
from models.register import contacts
from web.access import get_own_or_404, requires
from web.extensions import db
from web.forms import form_status, save

from .forms import ContactPersonForm, form_data
from .helpers import child_or_404, render_history


@requires("register")
def person_create(employer_id: int):
    """Add a contact person to the employer."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    form = ContactPersonForm()
    if form.validate_on_submit() and (saved := save(form, contacts.add_contact_person, db.session, employer,
                                                    form_data(form), current_user,
                                                    once=url_for(".show", employer_id=employer.id) + "#contactpersonen")):
        flash(_("Contactpersoon %(name)s is toegevoegd.", name=saved.value.name), "success")
        return redirect(url_for(".show", employer_id=employer.id) + "#contactpersonen")
    return render_template("employers/person_form.html", form=form, employer=employer, person=None), \
        form_status(form)


@requires("register")
def person_edit(employer_id: int, person_id: int):
    """Edit a contact person; a save on a stale copy is refused with 409 and the input kept."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    person = child_or_404(db.session, ContactPerson, employer, person_id)
    form = ContactPersonForm(obj=person if request.method == "GET" else None)
    if request.method == "GET":
        form.version.data = person.version
    if form.validate_on_submit() and save(form, contacts.update_contact_person, db.session, person, form_data(form),
                                          form.version.data, current_user):
        flash(_("De wijzigingen zijn opgeslagen."), "success")
        return redirect(url_for(".show", employer_id=employer.id) + "#contactpersonen")
    return render_template("employers/person_form.html", form=form, employer=employer, person=person), \
        form_status(form)


@requires("register")
def person_delete(employer_id: int, person_id: int):
    """Remove a contact person; their contact moments stay, without the person."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    person = child_or_404(db.session, ContactPerson, employer, person_id)
    name = person.name
    contacts.remove_contact_person(db.session, person, current_user)
    flash(_("Contactpersoon %(name)s is verwijderd.", name=name), "success")
    return redirect(url_for(".show", employer_id=employer.id) + "#contactpersonen")


@requires("register")
def person_history(employer_id: int, person_id: int):
    """Every change to the contact person: who, when, old → new."""
    employer = get_own_or_404(db.session, Employer, employer_id)
    person = child_or_404(db.session, ContactPerson, employer, person_id)
    return render_history(employer, person.name, person)
