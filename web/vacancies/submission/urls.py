"""The vacancy_submission blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("vacancy_submission", __name__, template_folder="templates")
views = LazyViews(bp, "web.vacancies.submission")
views.add("/vacature-aanmelden", "routes.submit", methods=["GET", "POST"])
views.add("/vacature-aanmelden/bedankt", "routes.thanks")
