"""Running the jobs a test's requests left in the memory queue, as the worker would."""
from __future__ import annotations

from web.queue import huey_for


def run_jobs(app, name: str) -> int:
    """Run the waiting jobs called ``name`` (others are dropped: not what the test is about); returns how many."""
    huey, ran = huey_for(app), 0
    while (task := huey.dequeue()) is not None:
        if task.name == name:
            huey.execute(task)
            ran += 1
    return ran
