"""Import benchmark: time and peak memory of `flask --app app import` on a generated file, against a floor.

Run from the repository root:
`python -m bench.import_bench --candidates 100000 [--baseline 10000] [--database-url URL] [--json] [--no-taxonomy] [--keep]`.
Per size: a fresh database (SQLite, or PostgreSQL beside --database-url), the taxonomy, then the
import twice (the second changes nothing) and the floor: a bare DBAPI executemany of the rows the
first import wrote into the same tables, with their indexes, in a copy of the database as it was
before the import. Memory is the peak RSS of the import process (ru_maxrss from wait4), and, as the
fixed part, the same for a 300-candidate file (the app and the taxonomy linkers).
Prints the figures, and as its last line one JSON object (`seconds`, `floor_seconds`, `ratio`,
`peak_mb`, `file_mb`, ... of the --candidates size). Exit status 1 if a command fails or the second
import changes anything.
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

from bench.imports.floor import bare_insert
from bench.imports.scratch import Scratch
from seed.demo import write_import_file

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS_100K = 120
FIXED_CANDIDATES = 300  # the small file whose import gives the fixed memory
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


def _prepared(scratch: Scratch, name: str, env: dict[str, str], taxonomy: bool) -> tuple[ChildRun, float | None]:
    """Create database ``name``, upgrade it and load the taxonomy (which saves its linkers); returns
    the failing or last run. The queue and the saved linkers are scratch files too: a benchmark
    leaves the checkout's instance folder alone."""
    env["DATABASE_URL"] = scratch.create(name)
    env["QUEUE_URL"] = f"sqlite:///{scratch.directory / f'{name}-queue.sqlite'}"
    env["LINKER_DIR"] = str(scratch.directory / f"{name}-linkers")
    run = run_child(["--app", "app", "db", "upgrade"], env, "db upgrade")
    if run.returncode != 0 or not taxonomy:
        return run, None
    loaded = run_child(["--app", "app", "taxonomy", "load"], env, "taxonomy load")
    return loaded, round(loaded.seconds, 2)


def bench_one(n_candidates: int, directory: Path, seed: int, scratch: Scratch, taxonomy: bool = True) -> dict[str, Any]:
    """Write a file of `n_candidates`, prepare a fresh database (and load the taxonomy, so the
    import links skills and occupations as in real use), import twice, measure the floor; return the figures."""
    log(f"== {n_candidates:,} candidates ({scratch.backend})")
    path, counts = write_bench_file(directory, n_candidates, seed)
    env = {k: v for k, v in os.environ.items() if k != "FLASK_DEBUG"}
    env.setdefault("SECRET_KEY", secrets.token_hex(32))  # a throwaway: production mode requires one
    name = f"bench-{n_candidates}"
    upgrade, taxonomy_seconds = _prepared(scratch, name, env, taxonomy)
    runs = [upgrade]
    if upgrade.returncode == 0:
        scratch.copy(name, f"{name}-floor")  # the database as the import found it
        env["DATABASE_URL"] = scratch.url(name)
        runs.append(run_child(["--app", "app", "import", str(path)], env, "import 1"))
    if len(runs) == 2 and runs[1].returncode == 0:
        runs.append(run_child(["--app", "app", "import", str(path)], env, "import 2"))
    floor = None
    if len(runs) == 3:
        log("  floor: bare executemany of the same rows ...")
        floor = bare_insert(scratch.url(name), scratch.url(f"{name}-floor"))
        log(f"  floor: {floor['rows']:,} rows in {floor['seconds']} s")
    size = path.stat().st_size
    imports = [
        {"seconds": round(r.seconds, 2), "peak_rss_bytes": r.peak_rss, "peak_rss_vs_file": round(r.peak_rss / size, 2),
         "returncode": r.returncode}
        for r in runs[1:]
    ]
    scratch.drop_all()
    return {"candidates": n_candidates, "records": sum(counts.values()), "counts": counts, "file_bytes": size,
            "database": scratch.backend,
            "upgrade": {"seconds": round(upgrade.seconds, 2), "returncode": upgrade.returncode},
            "taxonomy": {"loaded": taxonomy, "seconds": taxonomy_seconds},
            "imports": imports, "floor": floor,
            "second_import_unchanged": all_unchanged(runs[2].output) if len(runs) == 3 else None,
            "ok": len(runs) == 3 and all(r.returncode == 0 for r in runs),
            "failed_output": [] if all(r.returncode == 0 for r in runs) else runs[-1].output[-20:]}


def fixed_memory(directory: Path, seed: int, scratch: Scratch, taxonomy: bool) -> int | None:
    """Peak RSS (bytes) of importing a small file: what the process needs whatever the file's size."""
    log(f"== fixed memory: {FIXED_CANDIDATES} candidates")
    path, _counts = write_bench_file(directory, FIXED_CANDIDATES, seed)
    env = {k: v for k, v in os.environ.items() if k != "FLASK_DEBUG"}
    env.setdefault("SECRET_KEY", secrets.token_hex(32))
    prepared, _seconds = _prepared(scratch, "bench-fixed", env, taxonomy)
    run = run_child(["--app", "app", "import", str(path)], env, "import") if prepared.returncode == 0 else None
    scratch.drop_all()
    return run.peak_rss if run is not None and run.returncode == 0 else None


def report(result: dict[str, Any], out=sys.stdout) -> None:
    """Print one size's figures in plain words."""
    floor = result["floor"]
    print(f"{result['candidates']:>9,} candidates on {result['database']}: file {result['file_bytes'] / 1e6:.1f} MB, "
          f"{floor['rows'] if floor else '?':,} rows, taxonomy "
          f"{'loaded in ' + str(result['taxonomy']['seconds']) + ' s' if result['taxonomy']['loaded'] else 'not loaded'}",
          file=out)
    for i, run in enumerate(result["imports"], start=1):
        vs_floor = f"  {run['seconds'] / floor['seconds']:5.1f}x the floor" if floor and floor["seconds"] else ""
        print(f"   import {i}: {run['seconds']:8.1f} s{vs_floor}  peak RSS {run['peak_rss_bytes'] / 1e6:5.0f} MB "
              f"({run['peak_rss_vs_file']}x the file)  exit {run['returncode']}", file=out)
    if floor:
        print(f"   floor (bare executemany of the same rows): {floor['seconds']:.1f} s", file=out)
    print(f"   second import all unchanged: {result['second_import_unchanged']}", file=out)
    for line in result["failed_output"]:
        print(f"   | {line}", file=out)


def headline(result: dict[str, Any], fixed: int | None) -> dict[str, Any]:
    """The figures of one size the issue asks for, as ratios against the same run's floor and file."""
    first, second = (result["imports"] + [None, None])[:2]
    floor = result["floor"] or {}
    mb = 1024 * 1024
    out: dict[str, Any] = {
        "database": result["database"], "candidates": result["candidates"], "rows": floor.get("rows"),
        "seconds": first and first["seconds"], "unchanged_seconds": second and second["seconds"],
        "floor_seconds": floor.get("seconds"),
        "peak_mb": first and round(first["peak_rss_bytes"] / mb, 1),
        "fixed_mb": fixed and round(fixed / mb, 1),
        "file_mb": round(result["file_bytes"] / mb, 1),
        "memory_measure": "peak RSS of the import process (ru_maxrss via wait4); fixed_mb: the same for a "
                          f"{FIXED_CANDIDATES}-candidate file",
    }
    if out["seconds"] and out["floor_seconds"]:
        out["ratio"] = round(out["seconds"] / out["floor_seconds"], 1)
        out["unchanged_ratio"] = out["unchanged_seconds"] and round(out["unchanged_seconds"] / out["floor_seconds"], 1)
    if out["peak_mb"]:
        out["peak_vs_file"] = round(out["peak_mb"] / out["file_mb"], 2)
        if out["fixed_mb"]:
            out["growth_vs_file"] = round(max(0.0, out["peak_mb"] - out["fixed_mb"]) / out["file_mb"], 2)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for --candidates and --baseline; print figures, then one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench.import_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=10_000,
                        help="second, smaller size for the memory ratio; 0 skips it")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", help="a PostgreSQL URL whose server (role with CREATEDB) gets the scratch "
                        "databases, named after its database; default: SQLite files in a temporary folder")
    parser.add_argument("--json", action="store_true", help="print only the JSON line on stdout (figures on stderr)")
    parser.add_argument("--taxonomy", action=argparse.BooleanOptionalAction, default=True,
                        help="load the taxonomy first (`flask taxonomy load`) so the import links terms (default on)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (files and SQLite databases)")
    args = parser.parse_args(argv)
    directory = Path(tempfile.mkdtemp(prefix="werkbrug-bench-"))
    scratch = Scratch(directory, args.database_url)
    try:
        sizes = [n for n in (args.baseline, args.candidates) if n > 0]
        results = [bench_one(n, directory, args.seed, scratch, args.taxonomy) for n in dict.fromkeys(sizes)]
        fixed = fixed_memory(directory, args.seed, scratch, args.taxonomy)
    finally:
        scratch.drop_all()
        if args.keep:
            log(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    out = sys.stderr if args.json else sys.stdout
    for result in results:
        report(result, out)
    summary: dict[str, Any] = {"benchmark": "import", **headline(results[-1], fixed)}
    if len(results) == 2 and all(r["imports"] for r in results):
        small, large = results
        small_peak, large_peak = small["imports"][0]["peak_rss_bytes"], large["imports"][0]["peak_rss_bytes"]
        summary["peak_rss_ratio"] = round(large_peak / small_peak, 2)
        summary["file_ratio"] = round(large["file_bytes"] / small["file_bytes"], 2)
        # "Memory that does not grow with N beyond the file itself".
        summary["rss_growth_within_file_growth"] = large_peak - small_peak <= large["file_bytes"] - small["file_bytes"]
        print(f"peak RSS x{summary['peak_rss_ratio']} for x{summary['file_ratio']} file size "
              f"(growth within the file's own growth: {summary['rss_growth_within_file_growth']})", file=out)
    print(f"import {summary.get('ratio')}x the floor, unchanged re-import {summary.get('unchanged_ratio')}x; "
          f"peak {summary.get('peak_vs_file')}x the file ({summary.get('growth_vs_file')}x above the fixed "
          f"{summary.get('fixed_mb')} MB)", file=out)
    for result in results:
        if result["candidates"] >= 100_000 and result["imports"]:
            summary["under_2_minutes_at_100k"] = result["imports"][0]["seconds"] < TARGET_SECONDS_100K
    ok = all(r["ok"] and r["second_import_unchanged"] is not False for r in results)
    summary["ok"] = ok
    summary["sizes"] = results
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
