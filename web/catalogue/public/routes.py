"""Public pages that need no account."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, send_from_directory

bp = Blueprint("public", __name__, template_folder="templates")


@bp.route("/")
def home():
    """What Werkbrug is, with the way to the catalogue and to signing in."""
    return render_template("public/home.html")


@bp.route("/favicon.ico")
def favicon():
    """The site icon where browsers look for it without a link tag (the pages link the SVG itself)."""
    return send_from_directory(current_app.static_folder, "favicon.svg", mimetype="image/svg+xml", max_age=86400)
