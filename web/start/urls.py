"""The start blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("start", __name__, url_prefix="/beheer", template_folder="templates")
views = LazyViews(bp, "web.start")
views.add("/", "routes.home")
views.add("/accountmanager", "routes.account_manager")
views.add("/matcher", "routes.matcher")
views.add("/coordinator", "routes.coordinator")
views.add("/beheerder", "routes.admin")
