"""How the benchmarks start gunicorn: as production does, with Werkbrug's settings (web/gunicorn_conf.py)."""
from __future__ import annotations

import sys

CONFIG = "python:web.gunicorn_conf"


def gunicorn_command(app_spec: str, *options: str) -> list[str]:
    """The command line serving ``app_spec`` (``module:factory()``) with the production settings and ``options``."""
    return [sys.executable, "-m", "gunicorn", "-c", CONFIG, *options, app_spec]
