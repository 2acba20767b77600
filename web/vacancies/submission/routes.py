"""`/vacature-aanmelden`: employers send in a vacancy without an account; staff review it."""
from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for

from models.common import clock, throttle
from models.vacancies.review import submit_public
from web.extensions import db
from web.forms import form_status, save

from .forms import SubmissionForm

MAX_PER_HOUR = 20  # per client address: generous for an office behind one address, dull for spam


def submit():
    """The form; a valid submission waits in the default organisation's review queue."""
    form = SubmissionForm()
    if form.validate_on_submit():
        origin = request.remote_addr or "-"
        if throttle.count(db.session, "vacancy_submission", origin, 3600) >= MAX_PER_HOUR:
            abort(429)
        throttle.hit(db.session, "vacancy_submission", origin)
        if form.website.data:
            return redirect(url_for(".thanks"))  # the honeypot: look successful, store nothing
        today = clock.today()
        if save(form, submit_public, db.session, {name: form[name].data for name in form.FIELDS}, today=today,
                once=url_for(".thanks")):
            return redirect(url_for(".thanks"))
    return render_template("vacancy_submission/form.html", form=form), form_status(form)


def thanks():
    """What happens next."""
    return render_template("vacancy_submission/thanks.html")
