"""The privacy blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("privacy", __name__, url_prefix="/beheer", template_folder="templates")
views = LazyViews(bp, "web.accounts.privacy")
views.add("/auditlog", "routes.audit_log")
views.add("/kandidaten/<int:candidate_id>/wissen", "routes.erase", methods=["GET", "POST"])
