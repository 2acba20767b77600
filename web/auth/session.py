"""Flask-Login wiring: a session is valid only while the account's session version matches."""
from __future__ import annotations

from flask import Flask

from models.user import User
from web.extensions import db, login_manager


def init_login(app: Flask) -> None:
    """Configure Flask-Login for Werkbrug."""
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Meld u aan om deze pagina te bekijken."
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
