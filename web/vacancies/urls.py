"""The vacancies blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.exports.kinds import Kind, register_kind
from web.lazy import LazyViews

from .commands import register_commands

bp = Blueprint("vacancies", __name__, url_prefix="/vacatures", template_folder="templates")
views = LazyViews(bp, "web.vacancies")
views.add("/", "routes.index")
views.add("/export.<fmt>", "routes.export")
views.add("/<int:vacancy_id>", "routes.show")
views.add("/<int:vacancy_id>/geschiedenis", "routes.history")
views.add("/nieuw", "edit_routes.create", methods=["GET", "POST"])
views.add("/<int:vacancy_id>/bewerken", "edit_routes.edit", methods=["GET", "POST"])
views.add("/aanmeldingen", "review_routes.review_queue")
views.add("/<int:vacancy_id>/beoordelen", "review_routes.review", methods=["GET", "POST"])
views.add("/<int:vacancy_id>/delen", "share_routes.share", methods=["POST"])
views.add("/<int:vacancy_id>/delen/<int:organisation_id>/stoppen", "share_routes.unshare", methods=["POST"])
views.add("/<int:vacancy_id>/voordragen", "share_routes.propose", methods=["POST"])
views.context_processor("routes.template_labels")
register_commands(bp)  # `flask vacancies close-expired`
register_kind("vacancies", Kind("register", views.lazy("routes.export_count"), views.lazy("routes.export_made")))
