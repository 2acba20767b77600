"""Flask-Login wiring: a session is valid only while the account's session version matches,
and a staff session ends after a period without requests or a fixed time after sign-in."""
from __future__ import annotations

import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, logout_user

from models.accounts.user import User
from web.extensions import db, login_manager


def init_login(app: Flask) -> None:
    """Configure Flask-Login for Werkbrug."""
    login_manager.login_view = "auth.login"
    # A Dutch msgid that Flask-Login flashes through localize_callback: in the visitor's language.
    login_manager.login_message = "Meld u aan om deze pagina te bekijken."
    login_manager.localize_callback = gettext
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        ident, _, version = user_id.partition(":")
        if not ident.isdigit() or not version.isdigit():
            return None
        user = db.session.get(User, int(ident))
        if user is None or not user.active or user.session_version != int(version):
            return None
        return user

    @app.before_request
    def expire_staff_sessions():
        if request.endpoint == "static" or not current_user.is_authenticated or not current_user.is_staff:
            return None
        now = int(time.time())
        idle = now - session.get("seen_at", now) > current_app.config["IDLE_TIMEOUT_SECONDS"]
        absolute = now - session.get("login_at", now) > current_app.permanent_session_lifetime.total_seconds()
        if idle or absolute:
            logout_user()
            session.clear()
            flash("Uw sessie is verlopen. Meld u opnieuw aan.", "info")
            return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
        session["seen_at"] = now
        return None
