"""The floor of the HTTP and cold-start benchmarks: a bare Flask app with one route, nothing else."""
from __future__ import annotations

from flask import Flask

PAGE = "<!doctype html><html lang=nl><title>Kandidaten</title><p>Een kale Flask-pagina.</p></html>"


def create_app() -> Flask:
    """One route at / and /kandidaten answering a small HTML page; served like the real app."""
    app = Flask(__name__)

    @app.route("/")
    @app.route("/kandidaten")
    def index():
        return PAGE

    return app
