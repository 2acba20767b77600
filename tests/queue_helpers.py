"""Running the jobs a test's requests left in the memory queue, as the worker would."""
from __future__ import annotations

from datetime import datetime

from web.queue import huey_for


def run_jobs(app, name: str, keep_others: bool = False) -> int:
    """Run the waiting jobs called ``name``, also those scheduled for later; returns how many. The
    others are dropped (not what the test is about), or with ``keep_others`` wait on, as they would
    for the worker (a dropped job's once-key stays set: the same job is not enqueued again)."""
    huey, ran, others = huey_for(app), 0, []
    for task in huey.read_schedule(datetime.max):
        huey.enqueue(task)
    while (task := huey.dequeue()) is not None:
        if task.name == name:
            huey.execute(task, timestamp=datetime.max)
            ran += 1
        elif keep_others:
            others.append(task)
    for task in others:
        huey.enqueue(task)
    return ran


COMPUTING = "De suggesties voor deze vacature worden berekend."


def first_visit(app, client, path: str):
    """A vacancy's suggestions page opened before they were ever computed: it says they are being
    computed (the GET stores nothing), the worker ranks the vacancy, and the page is opened again."""
    from tests.helpers import visible_text

    assert COMPUTING in visible_text(client.get(path).get_data(as_text=True))
    assert run_jobs(app, "refresh_vacancy", keep_others=True) == 1
    return client.get(path)
