"""`/vacature-aanmelden`: employers send in a vacancy without an account; staff review it."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from models.common import throttle
from models.common.errors import InvalidInput
from models.vacancies.review import submit_public
from web.extensions import db

from .forms import SubmissionForm

bp = Blueprint("vacancy_submission", __name__, template_folder="templates")
MAX_PER_HOUR = 20  # per client address: generous for an office behind one address, dull for spam


@bp.route("/vacature-aanmelden", methods=["GET", "POST"])
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
        today = datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
        try:
            submit_public(db.session, {name: form[name].data for name in form.FIELDS}, today=today)
        except InvalidInput as exc:
            for name, message in exc.errors.items():
                form[name].errors.append(message)
        else:
            return redirect(url_for(".thanks"))
    return render_template("vacancy_submission/form.html", form=form), 422 if form.errors else 200


@bp.route("/vacature-aanmelden/bedankt")
def thanks():
    """What happens next."""
    return render_template("vacancy_submission/thanks.html")
