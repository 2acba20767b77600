"""Running the jobs a test's requests left in the memory queue, as the worker would."""
from __future__ import annotations

from datetime import datetime

from web.queue import huey_for


def run_jobs(app, name: str) -> int:
    """Run the waiting jobs called ``name``, also those scheduled for later (others are dropped: not
    what the test is about); returns how many."""
    huey, ran = huey_for(app), 0
    for task in huey.read_schedule(datetime.max):
        huey.enqueue(task)
    while (task := huey.dequeue()) is not None:
        if task.name == name:
            huey.execute(task, timestamp=datetime.max)
            ran += 1
    return ran
