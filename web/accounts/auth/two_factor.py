"""The second sign-in step for staff: enrol an authenticator app once, then a code each time."""
from __future__ import annotations

import time

from flask import current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from models.accounts import two_factor
from models.accounts.user import User
from models.common import audit, throttle
from web.extensions import db
from web.forms import form_status

from .forms import CodeForm, EnrolmentCodeForm
from .routes import complete_login

PENDING_SECONDS = 10 * 60


def start_second_step(user: User, next_url: str | None):
    """Remember who passed the password step (not yet signed in) and ask for the code."""
    session.clear()
    session["pending"] = {"uid": user.id, "ver": user.session_version, "at": int(time.time()), "next": next_url}
    return redirect(url_for(".enrol" if user.totp_secret is None else ".second_step"))


def _pending_user() -> User | None:
    pending = session.get("pending")
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    user = db.session.get(User, pending["uid"])
    if user is None or not user.active or user.session_version != pending["ver"]:
        return None
    return user


def _refused(form: CodeForm, message: str, template: str, status: int, **context):
    form.code.errors.append(message)
    return render_template(template, form=form, **context), status


def second_step():
    """Ask for the TOTP code (or a recovery code); five wrong codes lock this step for a while."""
    user = _pending_user()
    if user is None or user.totp_secret is None:
        return redirect(url_for(".login"))
    form = CodeForm()
    if form.validate_on_submit():
        window = current_app.config["LOGIN_WINDOW_SECONDS"]
        key = str(user.id)
        if throttle.count(db.session, "2fa", key, window) >= current_app.config["LOGIN_MAX_FAILURES"]:
            return _refused(form, _("Te veel onjuiste codes. Probeer het later opnieuw."), "auth/code.html", 429)
        code = form.code.data
        if two_factor.verify_code(user, code) or two_factor.use_recovery_code(user, code):
            throttle.clear(db.session, "2fa", key)
            audit.record(db.session, "2fa_ok", actor=user, origin=request.remote_addr)
            return complete_login(user, session.get("pending", {}).get("next"))
        throttle.hit(db.session, "2fa", key)
        audit.record(db.session, "2fa_failed", actor=user, result="denied", origin=request.remote_addr)
        db.session.commit()  # the failure counts even though the answer is an error
        return _refused(form, _("Deze code klopt niet of is al gebruikt."), "auth/code.html", 401)
    return render_template("auth/code.html", form=form), form_status(form)


def enrol():
    """Link an authenticator app: first the one-time enrolment code (with the password step done),
    only then the QR code and secret, then one code from the app to confirm."""
    user = _pending_user()
    if user is None or user.totp_secret is not None:
        return redirect(url_for(".login"))
    if session.get("enrol_ok") != user.id:
        return _enrolment_code_step(user)
    secret = session.setdefault("enrol_secret", two_factor.new_secret())
    uri = two_factor.provisioning_uri(user.email, secret)
    context = {"qr": two_factor.qr_data_uri(uri), "secret": secret}
    form = CodeForm()
    if form.validate_on_submit():
        if not two_factor.verify_code(user, form.code.data, secret=secret):
            return _refused(form, _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer opnieuw."),
                            "auth/enrol.html", 401, **context)
        codes = two_factor.enrol(user, secret)
        audit.record(db.session, "2fa_enrolled", actor=user, origin=request.remote_addr)
        complete_login(user, None)
        return render_template("auth/recovery_codes.html", codes=codes)
    return render_template("auth/enrol.html", form=form, **context), form_status(form)


def _enrolment_code_step(user: User):
    """Ask for the enrolment code; wrong codes count like wrong sign-in codes."""
    form = EnrolmentCodeForm()
    template = "auth/enrolment_code.html"
    if form.validate_on_submit():
        window = current_app.config["LOGIN_WINDOW_SECONDS"]
        key = str(user.id)
        if throttle.count(db.session, "enrol", key, window) >= current_app.config["LOGIN_MAX_FAILURES"]:
            return _refused_field(form, _("Te veel onjuiste koppelcodes. Probeer het later opnieuw."), template, 429)
        if two_factor.enrolment_code_valid(user, form.enrolment_code.data):
            throttle.clear(db.session, "enrol", key)
            session["enrol_ok"] = user.id
            return redirect(url_for(".enrol"))
        throttle.hit(db.session, "enrol", key)
        audit.record(db.session, "enrolment_code_failed", actor=user, result="denied", origin=request.remote_addr)
        db.session.commit()  # the failure counts even though the answer is an error
        return _refused_field(form, _("Deze koppelcode klopt niet of is verlopen (een code is 24 uur geldig). "
                                      "Vraag uw coördinator of beheerder om een nieuwe."), template, 401)
    return render_template(template, form=form), form_status(form)


def _refused_field(form: EnrolmentCodeForm, message: str, template: str, status: int):
    form.enrolment_code.errors.append(message)
    return render_template(template, form=form), status
