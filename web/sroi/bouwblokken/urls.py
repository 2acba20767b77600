"""The bouwblokken blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("bouwblokken", __name__, url_prefix="/beheer/bouwblokken", template_folder="templates")
views = LazyViews(bp, "web.sroi.bouwblokken")
views.add("/", "routes.index")
views.add("/versies/<int:version_id>", "routes.version")
views.add("/<int:table_id>/nieuwe-versie", "routes.new_version", methods=["POST"])
views.add("/versies/<int:version_id>/blokken/<code>", "routes.edit_block", methods=["GET", "POST"])
views.add("/versies/<int:version_id>/blokken/nieuw", "routes.edit_block", methods=["GET", "POST"], defaults={"code": None})
views.add("/versies/<int:version_id>/blokken/<code>/verwijderen", "routes.delete_block", methods=["POST"])
views.add("/versies/<int:version_id>/regels", "routes.edit_rules", methods=["GET", "POST"])
