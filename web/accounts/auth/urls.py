"""The auth blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("auth", __name__, template_folder="templates")
views = LazyViews(bp, "web.accounts.auth")
views.add("/inloggen", "routes.login", methods=["GET", "POST"])
views.add("/uitloggen", "routes.logout", methods=["POST"])
views.add("/inloggen/code", "two_factor.second_step", methods=["GET", "POST"])
views.add("/inloggen/koppelen", "two_factor.enrol", methods=["GET", "POST"])
