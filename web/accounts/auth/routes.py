"""Sign in (password, then for staff a second factor) and sign out."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from models.accounts import users
from models.common import audit
from web.extensions import db
from web.forms import form_status

from .forms import LoginForm


def safe_next(target: str | None) -> str | None:
    """Only follow a ``next`` that stays on this site (no open redirect)."""
    if not target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and target.startswith("/") else None


def complete_login(user, next_url: str | None):
    """Start a fresh session for ``user`` and send them on."""
    session.clear()  # a new session at login: nothing from before survives (no fixation)
    login_user(user)
    session.permanent = True
    session["login_at"] = session["seen_at"] = int(time.time())
    return redirect(safe_next(next_url) or url_for("start.home"))


def login():
    """Sign in; repeated failures are slowed down (per address, per account and address, per account)."""
    if current_user.is_authenticated:
        return redirect(url_for("start.home"))
    form = LoginForm()
    if form.validate_on_submit():
        cfg = current_app.config
        result = users.authenticate(
            db.session, form.email.data, form.password.data, request.remote_addr or "-",
            limits=users.LoginLimits(free=cfg["LOGIN_MAX_FAILURES"], per_address=cfg["LOGIN_MAX_FAILURES_PER_ADDRESS"],
                                     window=cfg["LOGIN_WINDOW_SECONDS"],
                                     account_max_delay=cfg["LOGIN_ACCOUNT_MAX_DELAY_SECONDS"]),
        )
        if result.user:
            if result.user.is_staff and cfg["STAFF_TWO_FACTOR"]:
                from .two_factor import start_second_step

                return start_second_step(result.user, request.args.get("next"))
            return complete_login(result.user, request.args.get("next"))
        db.session.commit()  # keep the counted failure even though the answer is an error
        if result.throttled:
            wait = result.retry_after
            form.form_errors.append(
                _("Te veel mislukte pogingen. Probeer het over %(seconds)d seconden opnieuw.", seconds=wait)
                if wait < 120 else
                _("Te veel mislukte pogingen. Probeer het over %(minutes)d minuten opnieuw.", minutes=-(-wait // 60))
            )
            return render_template("auth/login.html", form=form), 429, {"Retry-After": str(wait)}
        form.form_errors.append(_("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), form_status(form)


def logout():
    """Sign out everywhere: the account's other sessions and any copied cookie stop working too."""
    if current_user.is_authenticated:
        user = current_user._get_current_object()
        user.session_version += 1
        audit.record(db.session, "logout", actor=user, origin=request.remote_addr)
        logout_user()
    session.clear()
    flash(_("U bent uitgelogd."), "info")
    return redirect(url_for("public.home"))
