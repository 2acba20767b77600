"""Fuzz the import reader: random bytes and random JSON structures, within a time budget.

Run from the repository root: `python -m bench.imports.fuzz [--seconds 60] [--slow-ms 1000]`.
Uses hypothesis to generate (a) random bytes, (b) random JSON values spliced into a valid
document (deep nesting, long numbers, odd strings, NUL, surrogates, bidi controls, trailing data)
and feeds each to the whole-file validation (models.importing.validate.validate_file), in a child
process so that a crash of the parser (a segfault) is seen and reported instead of ending the run.
Reports crashes (exit by signal, any exception other than a refusal) and slow inputs (over
--slow-ms), with the first bytes of each, and the slowest input relative to the median: a ratio
measured in the same run, not a fixed floor. Exits 1 when it found a crash.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DOC = {"format": "werkbrug-import/1", "candidates": [
    {"external_id": "K-1", "first_name": "Amina", "last_name": "Rachidi", "birth_date": "1990-04-02", "city": "Dronten"}]}
FIELDS = ("hours_min", "first_name", "skills", "about", "x_extra", "ladder")

odd_text = st.text(alphabet=st.sampled_from(list("aZ9 \"\\/\u0000\u202e\u2066\u200f\ufeff\uffff😀é")), max_size=50)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(odd_text, children, max_size=4),
    max_leaves=30,
)
raw_fragments = st.one_of(
    st.integers(1, 120_000).map(lambda n: "9" * n),                       # long numbers
    st.integers(1, 120_000).map(lambda n: "[" * n + "]" * n),             # deep nesting
    st.integers(1, 60_000).map(lambda n: "{\"a\":" * n + "1" + "}" * n),
    st.sampled_from(['"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '1e99999', '-0', '"\\\\ud800"', '1.' + '5' * 5000]),
    json_values.map(lambda v: json.dumps(v)),
)


def _validate(body: bytes, queue) -> None:
    import io

    from models.importing.validate import validate_file

    started = time.perf_counter()
    try:
        validate_file(io.BytesIO(body), set())
        queue.put(("ok", time.perf_counter() - started))
    except Exception as exc:  # noqa: BLE001 - any exception is a finding
        queue.put((f"exception {type(exc).__name__}: {str(exc)[:120]}", time.perf_counter() - started))


class Runner:
    """Runs inputs in one long-lived child; a crash restarts it."""

    def __init__(self):
        self.ctx = mp.get_context("fork")
        self.findings: list[str] = []
        self.timings: list[tuple[float, bytes]] = []

    def run(self, body: bytes, slow: float) -> None:
        queue = self.ctx.Queue()
        child = self.ctx.Process(target=_validate, args=(body, queue))
        child.start()
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
            self.findings.append(f"stall (>30 s): {body[:60]!r}")
            return
        if child.exitcode != 0:
            self.findings.append(f"crash (exit {child.exitcode}): {body[:60]!r}... ({len(body)} bytes)")
            return
        outcome, seconds = queue.get()
        self.timings.append((seconds, body[:60]))
        if outcome != "ok":
            self.findings.append(f"{outcome}: {body[:60]!r}")
        elif seconds > slow:
            self.findings.append(f"slow ({seconds * 1000:.0f} ms): {body[:60]!r}... ({len(body)} bytes)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--slow-ms", type=float, default=1000)
    args = parser.parse_args(argv)
    runner, deadline = Runner(), time.monotonic() + args.seconds
    import models.importing.validate  # noqa: F401  (imported once, before the children fork)

    def budget_left() -> bool:
        return time.monotonic() < deadline

    common = settings(max_examples=50, deadline=None, database=None, derandomize=False,
                      suppress_health_check=list(HealthCheck))

    @common
    @given(st.binary(max_size=2000))
    def random_bytes(body):
        if budget_left():
            runner.run(body, args.slow_ms / 1000)

    @common
    @given(st.sampled_from(FIELDS), raw_fragments, st.sampled_from(["", " ", " x", " {}", "\n\n"]))
    def spliced(field, fragment, tail):
        if budget_left():
            text = json.dumps({**DOC, "candidates": [{**DOC["candidates"][0], field: "@@"}]})
            runner.run((text.replace('"@@"', fragment) + tail).encode("utf-8", "surrogatepass"), args.slow_ms / 1000)

    for test, share in ((random_bytes, 0.3), (spliced, 1.0)):
        stop = time.monotonic() + (deadline - time.monotonic()) * share
        while time.monotonic() < stop and budget_left():
            test()
    times = sorted(t for t, _ in runner.timings)
    median = statistics.median(times) if times else 0
    worst = max(runner.timings, default=(0, b""))
    print(f"inputs: {len(runner.timings)}; findings: {len(runner.findings)}")
    print(f"median {median * 1000:.1f} ms, p99 {times[int(len(times) * 0.99) - 1] * 1000 if times else 0:.1f} ms, "
          f"slowest {worst[0] * 1000:.1f} ms ({worst[0] / median if median else 0:.0f}x the median): {worst[1]!r}")
    for finding in runner.findings[:30]:
        print("FINDING", finding)
    return 1 if any(f.startswith(("crash", "stall", "exception")) for f in runner.findings) else 0


if __name__ == "__main__":
    sys.exit(main())
