"""Catalogue over HTTP: gunicorn (2 workers, loopback) serving the catalogue's URL mix, against a bare Flask route.

Run from the repository root:
`python -m bench.catalogue_http [--profiles 100000] [--seconds 20] [--clients 8] [--database-url URL] [--json]`.
Fills a scratch database with published profiles (bench.catalogue's generator; a temporary SQLite
file unless --database-url is given), starts gunicorn with the production settings (web/gunicorn_conf.py, 2 sync workers,
PROXY_FIX_HOPS=1 so every request's X-Forwarded-For address from a documentation range counts as
its own visitor for the rate limiter, which stays on), and lets --clients threads request the mix
(typo search, distance, hours, newest) for --seconds or --max-requests. Then it serves
bench.bare_app with the same gunicorn settings and drives it with the same client: the floor.
Prints figures per URL and as the last line one JSON object with rps, floor_rps, p99_ms,
floor_p99_ms and the ratios. Target (issue 18): rps >= floor_rps / 10, p99 within 10x the floor's.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.catalogue import fill
from bench.serving import gunicorn_command

ROOT = Path(__file__).resolve().parent.parent
MIX = ["/kandidaten?q=heftruk", "/kandidaten?plaats=8251&km=15", "/kandidaten?uren=32",
       "/kandidaten?sortering=newest"]
# Documentation ranges (RFC 5737): header values only, nothing is ever sent there.
ADDRESSES = [f"{net}.{n}" for net in ("192.0.2", "198.51.100", "203.0.113") for n in range(1, 255)]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, address: str) -> tuple[int, float]:
    """One GET on a fresh connection (gunicorn's sync workers close each one); status and ms."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"X-Forwarded-For": address, "Host": "localhost"})
        response = conn.getresponse()
        response.read()
        status = response.status
    finally:
        conn.close()
    return status, (time.perf_counter() - started) * 1000


def serve(app_spec: str, env: dict, log_path: Path) -> tuple[subprocess.Popen, int, float]:
    """Start gunicorn (2 workers) on a free loopback port; returns it, the port and seconds to first answer."""
    port = free_port()
    started = time.perf_counter()
    with open(log_path, "a") as out:
        server = subprocess.Popen(  # nosec B603: fixed argument list, no shell
            gunicorn_command(app_spec, "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "120"),
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            get(port, "/kandidaten", ADDRESSES[0])
            return server, port, time.perf_counter() - started
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {log_path}") from None
            time.sleep(0.05)
    server.terminate()
    raise RuntimeError(f"gunicorn did not answer; see {log_path}")


def drive(port: int, paths: list[str], seconds: float, clients: int, max_requests: int) -> dict:
    """``clients`` threads requesting ``paths`` in turn until the time or the request budget is spent."""
    for path in paths:  # warm-up: each worker's caches, templates and connection pool
        for i in range(4):
            get(port, path, ADDRESSES[i])
    lock = threading.Lock()
    results: dict = {"n": 0, "errors": {}, "ms": {p: [] for p in paths}}
    deadline = time.monotonic() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        i = seed
        while time.monotonic() < deadline:
            with lock:
                if results["n"] >= max_requests:
                    return
                results["n"] += 1
            path = paths[i % len(paths)]
            i += 1
            status, ms = get(port, path, rng.choice(ADDRESSES))
            with lock:
                results["ms"][path].append(ms)
                if status != 200:
                    results["errors"][status] = results["errors"].get(status, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 180)
    elapsed = time.monotonic() - started
    every = sorted(ms for values in results["ms"].values() for ms in values)
    return {"requests": len(every), "seconds": round(elapsed, 1), "rps": round(len(every) / elapsed, 1),
            "p50_ms": percentile(every, 50), "p99_ms": percentile(every, 99), "errors": results["errors"],
            "per_path": {p: {"n": len(v), "p50_ms": percentile(v, 50), "p99_ms": percentile(v, 99)}
                         for p, v in results["ms"].items()}}


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return round(sum(values), 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[p - 1], 1)


def run(app_spec: str, env: dict, log_path: Path, paths: list[str], args) -> dict:
    server, port, boot = serve(app_spec, env, log_path)
    try:
        figures = drive(port, paths, args.seconds, args.clients, args.max_requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
    figures["first_answer_s"] = round(boot, 2)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.catalogue_http", description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--database-url", help="scratch database (default: a temporary SQLite file)")
    parser.add_argument("--json", action="store_true", help="leave out the table; the JSON line is always last")
    args = parser.parse_args(argv)
    args.clients = max(1, min(args.clients, 32))
    scratch = tempfile.TemporaryDirectory(prefix="werkbrug-http-")
    url = args.database_url or f"sqlite:///{scratch.name}/catalogue.sqlite"
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    log(f"filling {url.split('@')[-1]} with {args.profiles:,} published profiles")
    count = fill(url, args.profiles)
    env = dict(os.environ, DATABASE_URL=url, WERKBRUG_ENV="production", SECRET_KEY=uuid.uuid4().hex,
               PROXY_FIX_HOPS="1", PYTHONPATH=str(ROOT))
    log_path = Path(scratch.name) / "gunicorn.log"
    log(f"catalogue: {args.clients} clients for {args.seconds:g} s")
    app = run("app:create_app()", env, log_path, MIX, args)
    log(f"  {app['rps']} requests/s, p99 {app['p99_ms']} ms, errors {app['errors'] or 'none'}")
    log("floor: bare Flask route, same gunicorn settings, same clients")
    floor = run("bench.bare_app:create_app()", env, log_path, ["/kandidaten"], args)
    log(f"  {floor['rps']} requests/s, p99 {floor['p99_ms']} ms")
    summary = {
        "profiles": count, "dialect": url.split(":")[0].split("+")[0], "clients": args.clients,
        "rps": app["rps"], "floor_rps": floor["rps"], "p99_ms": app["p99_ms"], "floor_p99_ms": floor["p99_ms"],
        "floor_over_rps": round(floor["rps"] / app["rps"], 1) if app["rps"] else None,
        "p99_over_floor": round(app["p99_ms"] / floor["p99_ms"], 1) if floor["p99_ms"] else None,
        "errors": app["errors"], "per_path": app["per_path"],
    }
    if not args.json:
        print(f"{'url':34} {'n':>6} {'p50 ms':>8} {'p99 ms':>8}")
        for path, figures in app["per_path"].items():
            print(f"{path:34} {figures['n']:>6} {figures['p50_ms']:>8} {figures['p99_ms']:>8}")
        print(f"{'bare Flask route':34} {floor['requests']:>6} {floor['p50_ms']:>8} {floor['p99_ms']:>8}")
        print(f"throughput {summary['floor_over_rps']}x below the floor (target <= 10), "
              f"p99 {summary['p99_over_floor']}x the floor's (target <= 10)")
    print(json.dumps(summary))
    scratch.cleanup()
    return 0 if not app["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
