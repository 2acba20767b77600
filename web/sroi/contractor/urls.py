"""The contractor blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("contractor", __name__, url_prefix="/werkgever/social-return", template_folder="templates")
views = LazyViews(bp, "web.sroi.contractor")
views.add("/", "routes.index")
views.add("/<int:obligation_id>", "routes.show")
views.add("/<int:obligation_id>/voorstellen", "routes.propose", methods=["POST"])
views.template_global("contractor_employer", "routes.contractor_employer")  # base.html, employers
