"""The requests blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("requests", __name__, url_prefix="/beheer/verzoeken", template_folder="templates")
views = LazyViews(bp, "web.catalogue.requests")
views.add("/", "routes.index")
views.add("/<int:request_id>", "routes.show")
views.add("/<int:request_id>", "routes.edit", methods=["POST"])
views.add("/<int:request_id>/status", "routes.change_status", methods=["POST"])
views.add("/<int:request_id>/werkgever", "routes.link_employer", methods=["POST"])
views.add("/<int:request_id>/vraag", "routes.ask_candidate", methods=["POST"])
views.add("/<int:request_id>/antwoord", "routes.answer_form")
views.add("/<int:request_id>/antwoord", "routes.answer", methods=["POST"])
