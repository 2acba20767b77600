"""The tokens blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("tokens", __name__, url_prefix="/beheer/api-tokens", template_folder="templates")
views = LazyViews(bp, "web.accounts.tokens")
views.add("/", "routes.index", methods=["GET", "POST"])
views.add("/<int:token_id>/intrekken", "routes.revoke", methods=["POST"])
