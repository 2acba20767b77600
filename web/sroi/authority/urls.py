"""The authority blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("authority", __name__, url_prefix="/opdrachtgever/social-return", template_folder="templates")
views = LazyViews(bp, "web.sroi.authority")
views.add("/", "routes.index")
views.add("/<int:obligation_id>", "routes.show")
views.template_global("authority_access", "routes.authority_access")  # base.html, employers
