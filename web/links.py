"""Absolute links without trusting the Host header a client sends."""
from __future__ import annotations

from flask import current_app, request, url_for


def site_base() -> str:
    """The installation's address: BASE_URL, or the request's host when TRUSTED_HOSTS limits it;
    "" otherwise (links are then paths on this site)."""
    base = current_app.config.get("BASE_URL")
    if base:
        return base
    if current_app.config.get("TRUSTED_HOSTS"):
        return request.host_url.rstrip("/")  # Flask has checked the host against TRUSTED_HOSTS
    return ""


def external_url(endpoint: str, **values) -> str:
    """A link to ``endpoint``: absolute under site_base(), else a path on this site."""
    return site_base() + url_for(endpoint, **values)
