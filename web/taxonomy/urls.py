"""The taxonomy blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("taxonomy", __name__, url_prefix="/beheer/taxonomie", template_folder="templates")
views = LazyViews(bp, "web.taxonomy")
views.add("/", "routes.index")
views.add("/nieuw", "routes.create", methods=["GET", "POST"])
views.add("/<int:concept_id>", "routes.show", methods=["GET", "POST"])
views.add("/<int:concept_id>/schrijfwijzen", "routes.add_alias", methods=["POST"])
views.add("/<int:concept_id>/schrijfwijzen/<int:alias_id>/verwijderen", "routes.remove_alias", methods=["POST"])
views.add("/<int:concept_id>/vaardigheden", "routes.link_skill", methods=["POST"])
views.add("/<int:concept_id>/vaardigheden/<int:skill_id>/ontkoppelen", "routes.unlink_skill", methods=["POST"])
views.add("/ongekoppeld", "routes.unmatched")
views.add("/ongekoppeld/<int:item_id>/koppelen", "routes.link_wording", methods=["POST"])
