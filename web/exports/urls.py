"""The exports blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("exports", __name__, url_prefix="/exports", template_folder="templates")
views = LazyViews(bp, "web.exports")
views.add("/<string:public_id>", "routes.show")
views.add("/<string:public_id>/download", "routes.download")
