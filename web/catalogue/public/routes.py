"""Public pages that need no account."""
from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("public", __name__, template_folder="templates")


@bp.route("/")
def home():
    """What Werkbrug is, with the way to the catalogue and to signing in."""
    return render_template("public/home.html")
