"""The partner API under /api/v1: JSON only, bearer tokens per organisation, no CSRF (no cookies)."""
from __future__ import annotations

from flask import Flask


def register_api(app: Flask) -> None:
    """Register the API blueprint, exempt from CSRF: it authenticates with a bearer token, never a cookie."""
    from web.extensions import csrf

    from .urls import bp

    csrf.exempt(bp)
    app.register_blueprint(bp)
