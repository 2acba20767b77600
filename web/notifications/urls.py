"""The notifications blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("notifications", __name__, url_prefix="/meldingen", template_folder="templates")
views = LazyViews(bp, "web.notifications")
views.add("/", "routes.index")
views.add("/gelezen", "routes.mark_read", methods=["POST"])
views.add("/instellingen", "routes.settings", methods=["GET", "POST"])
