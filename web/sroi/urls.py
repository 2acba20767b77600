"""The sroi blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("sroi", __name__, url_prefix="/beheer/social-return", template_folder="templates")
views = LazyViews(bp, "web.sroi")
views.add("/", "routes.index")
views.add("/nieuw", "routes.create", methods=["GET", "POST"])
views.add("/<int:obligation_id>/bewerken", "routes.edit", methods=["GET", "POST"])
views.add("/<int:obligation_id>", "routes.show")
views.add("/<int:obligation_id>/opdrachtgever-toegang", "authority_grants.grant_authority_access", methods=["POST"])
views.add("/<int:obligation_id>/opdrachtgever-toegang/<int:user_id>/intrekken", "authority_grants.revoke_authority_access", methods=["POST"])
views.add("/<int:obligation_id>/plaatsingen", "contributions.link", methods=["POST"])
views.add("/<int:obligation_id>/plaatsingen/<int:placement_id>/ontkoppelen", "contributions.unlink", methods=["POST"])
views.add("/<int:obligation_id>/activiteiten", "contributions.add_activity", methods=["POST"])
views.add("/export.<fmt>", "contributions.export")
views.add("/<int:obligation_id>/toegang", "review.grant_access", methods=["POST"])
views.add("/<int:obligation_id>/toegang/<int:user_id>/intrekken", "review.revoke_access", methods=["POST"])
views.add("/<int:obligation_id>/voorstellen/<int:activity_id>/goedkeuren", "review.approve", methods=["POST"])
views.add("/<int:obligation_id>/voorstellen/<int:activity_id>/afwijzen", "review.reject", methods=["POST"])
views.template_filter("percentage", "routes.percentage")
