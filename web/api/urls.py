"""The api blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from web.lazy import LazyViews

from .auth import bp

views = LazyViews(bp, "web.api")
views.add("/vacancies", "routes.vacancies", methods=["GET"])
views.add("/vacancies/<string:external_id>", "routes.vacancy", methods=["GET"])
views.add("/vacancies/<string:external_id>/suggestions", "routes.suggestions", methods=["GET"])
views.add("/import", "routes.import_", methods=["POST"])
views.add("/imports/<string:import_id>", "routes.import_status", methods=["GET"])
views.add("/openapi.json", "routes.openapi", methods=["GET"])
