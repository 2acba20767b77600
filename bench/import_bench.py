"""Import benchmark: time and peak memory of `flask --app app import` on a generated file, twice.

Run from the repository root: `python -m bench.import_bench --candidates 100000 [--baseline 10000] [--no-taxonomy] [--keep]`.
Prints the figures per size, the peak-memory ratio between the sizes, and as its last line one
JSON object. Exit status 1 if a command fails or the second import changes anything.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seed.demo import write_import_file

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS_100K = 120
COUNT_PATTERNS = (re.compile(r"\b(created|updated|aangemaakt|bijgewerkt|gewijzigd)\b\"?\s*[:=]?\s*(\d+)"),
                  re.compile(r"(\d+)\s+(?:\w+\s+)?(created|updated|aangemaakt|bijgewerkt|gewijzigd)\b"))


@dataclass
class ChildRun:
    """One finished child process: exit code, wall time, peak RSS (bytes) and its output."""

    command: str
    returncode: int
    seconds: float
    peak_rss: int
    output: list[str] = field(default_factory=list)


def log(message: str) -> None:
    """Print a progress line to stderr, so stdout keeps only the figures."""
    print(message, file=sys.stderr, flush=True)


def bench_sizes(n_candidates: int) -> tuple[int, int]:
    """Return (employers, vacancies) for a file of `n_candidates`: the demo's 80/120, growing past 10k."""
    return max(80, n_candidates // 100), max(120, n_candidates // 50)


def write_bench_file(directory: Path, n_candidates: int, seed: int = 2026) -> tuple[Path, dict[str, int]]:
    """Stream a werkbrug-import/1 file of `n_candidates` into `directory`; return its path and counts."""
    n_employers, n_vacancies = bench_sizes(n_candidates)
    path = directory / f"import-{n_candidates}.json"
    started = time.perf_counter()
    counts = write_import_file(path, n_candidates, n_employers=n_employers, n_vacancies=n_vacancies, seed=seed,
                               progress=lambda name, done: log(f"  writing {name}: {done:,}"))
    log(f"  wrote {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
    return path, counts


def all_unchanged(output: list[str]) -> bool | None:
    """Return True if the import's output reports 0 created and 0 updated, False if not, None if it says neither."""
    numbers = []
    for line in output:
        text = line.lower()
        numbers += [int(m.group(2)) for m in COUNT_PATTERNS[0].finditer(text)]
        numbers += [int(m.group(1)) for m in COUNT_PATTERNS[1].finditer(text)]
    return None if not numbers else all(n == 0 for n in numbers)


def _rss_now(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_child(args: list[str], env: dict[str, str], label: str) -> ChildRun:
    """Run `flask ...` in the repository root; echo its output, show progress, measure wall time and peak RSS."""
    command = [sys.executable, "-m", "flask", *args]
    log(f"$ flask {' '.join(args)}")
    output: list[str] = []
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, encoding="utf-8", errors="replace")

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line.rstrip("\n"))
            log(f"  | {line.rstrip()}")

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    next_report = started + 5
    while True:
        # wait4 on this one child gives its own ru_maxrss (RUSAGE_CHILDREN would keep the maximum of all runs).
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() >= next_report:
            log(f"  {label}: {time.perf_counter() - started:6.1f} s, RSS {_rss_now(proc.pid) / 1e6:.0f} MB")
            next_report += 5
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=10)
    if proc.stdout:
        proc.stdout.close()
    return ChildRun(" ".join(["flask", *args]), proc.returncode, seconds, usage.ru_maxrss * 1024, output)


def bench_one(n_candidates: int, directory: Path, seed: int, taxonomy: bool = True) -> dict[str, Any]:
    """Write a file of `n_candidates`, upgrade a fresh SQLite database (and load the taxonomy, so
    the import links skills and occupations as in real use), import twice; return the figures."""
    log(f"== {n_candidates:,} candidates")
    path, counts = write_bench_file(directory, n_candidates, seed)
    env = {k: v for k, v in os.environ.items() if k != "FLASK_DEBUG"}
    env["DATABASE_URL"] = f"sqlite:///{directory}/bench-{n_candidates}.sqlite"
    env.setdefault("SECRET_KEY", secrets.token_hex(32))  # a throwaway: production mode requires one
    upgrade = run_child(["--app", "app", "db", "upgrade"], env, "db upgrade")
    runs = [upgrade]
    taxonomy_seconds = None
    if upgrade.returncode == 0 and taxonomy:
        loaded = run_child(["--app", "app", "taxonomy", "load"], env, "taxonomy load")
        taxonomy_seconds = round(loaded.seconds, 2)
        if loaded.returncode != 0:
            upgrade = loaded  # report the failure like a failed upgrade
    if upgrade.returncode == 0:
        runs.append(run_child(["--app", "app", "import", str(path)], env, "import 1"))
    if len(runs) == 2 and runs[1].returncode == 0:
        runs.append(run_child(["--app", "app", "import", str(path)], env, "import 2"))
    rows = sum(counts.values())
    size = path.stat().st_size
    imports = [
        {"seconds": round(r.seconds, 2), "rows_per_second": round(rows / r.seconds) if r.seconds else None,
         "peak_rss_bytes": r.peak_rss, "peak_rss_vs_file": round(r.peak_rss / size, 2), "returncode": r.returncode}
        for r in runs[1:]
    ]
    return {"candidates": n_candidates, "rows": rows, "counts": counts, "file_bytes": size,
            "upgrade": {"seconds": round(upgrade.seconds, 2), "returncode": upgrade.returncode},
            "taxonomy": {"loaded": taxonomy, "seconds": taxonomy_seconds},
            "imports": imports,
            "second_import_unchanged": all_unchanged(runs[2].output) if len(runs) == 3 else None,
            "ok": len(runs) == 3 and all(r.returncode == 0 for r in runs),
            "failed_output": [] if all(r.returncode == 0 for r in runs) else runs[-1].output[-20:]}


def report(result: dict[str, Any]) -> None:
    """Print one size's figures in plain words."""
    print(f"{result['candidates']:>9,} candidates: file {result['file_bytes'] / 1e6:.1f} MB, {result['rows']:,} rows, "
          f"taxonomy {'loaded in ' + str(result['taxonomy']['seconds']) + ' s' if result['taxonomy']['loaded'] else 'not loaded'}")
    for i, run in enumerate(result["imports"], start=1):
        print(f"   import {i}: {run['seconds']:8.1f} s  {run['rows_per_second'] or 0:>8,} rows/s  "
              f"peak RSS {run['peak_rss_bytes'] / 1e6:7.0f} MB ({run['peak_rss_vs_file']}x the file)"
              f"  exit {run['returncode']}")
    print(f"   second import all unchanged: {result['second_import_unchanged']}")
    for line in result["failed_output"]:
        print(f"   | {line}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for --candidates and --baseline; print figures, then one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench.import_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=10_000,
                        help="second, smaller size for the memory ratio; 0 skips it")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--taxonomy", action=argparse.BooleanOptionalAction, default=True,
                        help="load the taxonomy first (`flask taxonomy load`) so the import links terms (default on)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (files and databases)")
    args = parser.parse_args(argv)
    directory = Path(tempfile.mkdtemp(prefix="werkbrug-bench-"))
    try:
        sizes = [n for n in (args.baseline, args.candidates) if n > 0]
        results = [bench_one(n, directory, args.seed, args.taxonomy) for n in dict.fromkeys(sizes)]
    finally:
        if args.keep:
            log(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    for result in results:
        report(result)
    summary: dict[str, Any] = {"benchmark": "import", "results": results}
    if len(results) == 2 and all(r["imports"] for r in results):
        small, large = results
        small_peak, large_peak = small["imports"][0]["peak_rss_bytes"], large["imports"][0]["peak_rss_bytes"]
        summary["peak_rss_ratio"] = round(large_peak / small_peak, 2)
        summary["file_ratio"] = round(large["file_bytes"] / small["file_bytes"], 2)
        # "Memory that does not grow with N beyond the file itself".
        summary["rss_growth_within_file_growth"] = large_peak - small_peak <= large["file_bytes"] - small["file_bytes"]
        print(f"peak RSS x{summary['peak_rss_ratio']} for x{summary['file_ratio']} file size "
              f"(growth within the file's own growth: {summary['rss_growth_within_file_growth']})")
    for result in results:
        if result["candidates"] >= 100_000 and result["imports"]:
            summary["under_2_minutes_at_100k"] = result["imports"][0]["seconds"] < TARGET_SECONDS_100K
    ok = all(r["ok"] and r["second_import_unchanged"] is not False for r in results)
    summary["ok"] = ok
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
