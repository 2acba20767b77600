"""The bias blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("bias", __name__, url_prefix="/beheer/bias-monitor", template_folder="templates")
views = LazyViews(bp, "web.matches.bias")
views.add("/", "routes.index")
