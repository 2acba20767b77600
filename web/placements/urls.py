"""The placements blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("placements", __name__, url_prefix="/beheer/plaatsingen", template_folder="templates")
views = LazyViews(bp, "web.placements")
views.add("/", "routes.index")
views.add("/<int:placement_id>", "routes.show")
views.add("/<int:placement_id>/beeindigen", "routes.end_early", methods=["POST"])
views.add("/<int:placement_id>/verlengen", "routes.extend", methods=["POST"])
views.add("/kandidaat/<int:candidate_id>", "routes.history")
views.add("/nieuw", "record.create", methods=["GET", "POST"])
views.template_filter("euro", "routes.euro")
views.template_filter("nl_date", "routes.nl_date")
