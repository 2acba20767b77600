"""Cold start: seconds from starting gunicorn to the first catalogue page, against a bare Flask app.

Run from the repository root: `python -m bench.cold_start [--repeats 3] [--json]`.
Compiles the app's modules to bytecode first, as `pip install .` does on a real host (an environment
with PYTHONDONTWRITEBYTECODE would otherwise time Python's compiler). Fills a small scratch SQLite
catalogue, then --repeats times starts gunicorn (2 workers, loopback,
production settings) with the Werkbrug app and with bench.bare_app, the same way, and times the
first answer to /kandidaten. Prints the medians and as the last line one JSON object with seconds,
floor_seconds and ratio. Target (issue 18): ratio <= 3 (heavy libraries imported where used).
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import sys
import tempfile
import uuid
from pathlib import Path

from bench.catalogue import fill
from bench.catalogue_http import ROOT, log, serve

TARGET_RATIO = 3


def first_answer(app_spec: str, env: dict, log_path: Path) -> float:
    server, _port, seconds = serve(app_spec, env, log_path)
    server.terminate()
    server.wait(timeout=30)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cold_start", description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="leave out the table; the JSON line is always last")
    args = parser.parse_args(argv)
    for name in ("app.py", "web", "models", "matching", "bench"):  # __pycache__ is in .gitignore
        compile_ = compileall.compile_file if name.endswith(".py") else compileall.compile_dir
        compile_(str(ROOT / name), quiet=2)
    scratch = tempfile.TemporaryDirectory(prefix="werkbrug-cold-")
    url = f"sqlite:///{scratch.name}/catalogue.sqlite"
    fill(url, 200)
    env = dict(os.environ, DATABASE_URL=url, WERKBRUG_ENV="production", SECRET_KEY=uuid.uuid4().hex,
               PYTHONPATH=str(ROOT))
    log_path = Path(scratch.name) / "gunicorn.log"
    app, floor = [], []
    for n in range(max(1, args.repeats)):  # interleaved, so a busy moment hits both alike
        app.append(first_answer("app:create_app()", env, log_path))
        floor.append(first_answer("bench.bare_app:create_app()", env, log_path))
        log(f"  run {n + 1}: app {app[-1]:.2f} s, bare Flask {floor[-1]:.2f} s")
    seconds, floor_seconds = statistics.median(app), statistics.median(floor)
    ratio = round(seconds / floor_seconds, 1)
    if not args.json:
        print(f"first catalogue page {seconds:.2f} s, bare Flask {floor_seconds:.2f} s: {ratio}x (target <= {TARGET_RATIO})")
    print(json.dumps({"seconds": round(seconds, 2), "floor_seconds": round(floor_seconds, 2), "ratio": ratio,
                      "target_ratio": TARGET_RATIO, "runs": {"app": app, "floor": floor}}))
    scratch.cleanup()
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
