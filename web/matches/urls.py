"""The matches blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from models.matches.not_ready import IndexNotReady
from web.lazy import LazyViews

bp = Blueprint("matches", __name__, url_prefix="/beheer/suggesties", template_folder="templates")
views = LazyViews(bp, "web.matches")
views.add("/", "routes.queue")
views.add("/vacature/<int:vacancy_id>", "routes.vacancy")
views.add("/vacature/<int:vacancy_id>/overige", "routes.left_out_page")
views.add("/kandidaat/<int:candidate_id>", "routes.for_candidate")
views.add("/vacature/<int:vacancy_id>/herberekenen", "review_routes.recompute", methods=["POST"])
views.add("/<int:suggestion_id>/voordragen", "review_routes.propose", methods=["POST"])
views.add("/<int:suggestion_id>/afwijzen", "review_routes.reject", methods=["GET", "POST"])
views.add("/<int:suggestion_id>/status", "review_routes.advance", methods=["POST"])
views.add("/vacature/<int:vacancy_id>/afwijzen", "review_routes.reject_many", methods=["POST"])
views.error_handler(IndexNotReady, "routes.index_not_ready")
