"""The calendar blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("calendar", __name__)
views = LazyViews(bp, "web.register")
views.add("/agenda/<secret>.ics", "calendar_feed.feed")
