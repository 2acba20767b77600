"""The users blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("users", __name__, url_prefix="/beheer/gebruikers", template_folder="templates")
views = LazyViews(bp, "web.accounts.users")
views.add("/", "routes.index")
views.add("/nieuw", "routes.create", methods=["GET", "POST"])
views.add("/<int:user_id>/tweede-factor", "routes.reset_second_factor", methods=["POST"])
views.add("/<int:user_id>/koppelcode", "routes.new_enrolment_code", methods=["POST"])
views.add("/<int:user_id>/actief", "routes.toggle_active", methods=["POST"])
