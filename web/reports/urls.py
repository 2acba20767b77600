"""The reports blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("reports", __name__, url_prefix="/beheer/rapportages", template_folder="templates")
views = LazyViews(bp, "web.reports")
views.add("/", "routes.index")
views.add("/<family>", "routes.family")
views.add("/<family>/<figure>.<fmt>", "routes.export")
views.add("/<family>/<figure>/lijst/<code>", "routes.drill")
views.add("/raad", "council.council_view")
views.add("/raad/<family>/<figure>.<fmt>", "council.council_export")
views.add("/definities", "definitions.definitions")
views.add("/doelen", "targets.targets")
views.add("/doelen", "targets.set_target", methods=["POST"])
views.template_filter("report_value", "routes.report_value")
views.template_filter("council", "routes.council")
views.template_global("bar_extra", "routes.bar_extra")
views.template_global("small_threshold", "routes.small_threshold")
views.template_global("council_cells", "routes.council_cells")
