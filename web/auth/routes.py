"""Sign in and sign out."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from models.services import accounts, audit
from web.extensions import db

from .forms import LoginForm

bp = Blueprint("auth", __name__, template_folder="templates")


def _safe_next(target: str | None) -> str | None:
    """Only follow a ``next`` that stays on this site (no open redirect)."""
    if not target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and target.startswith("/") else None


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    """Sign in; after five failures for an address, further attempts are refused for a while."""
    if current_user.is_authenticated:
        return redirect(url_for("start.home"))
    form = LoginForm()
    if form.validate_on_submit():
        cfg = current_app.config
        result = accounts.authenticate(
            db.session, form.email.data, form.password.data, request.remote_addr or "-",
            max_failures=cfg["LOGIN_MAX_FAILURES"], max_per_origin=cfg["LOGIN_MAX_FAILURES_PER_ADDRESS"],
            window=cfg["LOGIN_WINDOW_SECONDS"],
        )
        if result.user:
            session.clear()  # a fresh session at login: no fixation
            login_user(result.user)
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")) or url_for("start.home"))
        db.session.commit()  # keep the counted failure even though the answer is an error
        if result.throttled:
            minutes = cfg["LOGIN_WINDOW_SECONDS"] // 60
            form.form_errors.append(
                _("Te veel mislukte pogingen. Probeer het over %(minutes)d minuten opnieuw.", minutes=minutes)
            )
            return render_template("auth/login.html", form=form), 429
        form.form_errors.append(_("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 422 if form.errors else 200


@bp.route("/uitloggen", methods=["POST"])
def logout():
    """Sign out (POST only, with CSRF token, so no link can sign someone out)."""
    if current_user.is_authenticated:
        audit.record(db.session, "logout", actor=current_user, origin=request.remote_addr)
        logout_user()
    session.clear()
    flash(_("U bent uitgelogd."), "info")
    return redirect(url_for("public.home"))
