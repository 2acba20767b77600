"""The employer_account blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("employer_account", __name__, url_prefix="/werkgever", template_folder="templates")
views = LazyViews(bp, "web.catalogue.employer_account")
views.add("/registreren", "routes.register", methods=["GET", "POST"])
views.add("/", "routes.index")
views.add("/favoriet/<code>", "routes.favourite", methods=["POST"])
views.add("/zoekopdrachten", "routes.save_search", methods=["POST"])
views.add("/zoekopdrachten/<int:search_id>/verwijderen", "routes.delete_search", methods=["POST"])
