"""The outbox blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("outbox", __name__, url_prefix="/beheer/uitgaande-mail", template_folder="templates")
views = LazyViews(bp, "web.outbox")
views.add("/", "routes.index")
views.add("/<int:message_id>/opnieuw", "routes.retry", methods=["POST"])
