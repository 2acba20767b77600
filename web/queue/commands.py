"""`flask queue work`, `flask queue run NAME`, `flask queue status`: the worker on the command line."""
from __future__ import annotations

import logging
import sys
import threading

import click
from flask import current_app

from models.common import mail
from web.extensions import db
from web.queue import duties, huey_for

log = logging.getLogger("werkbrug.queue")

queue_group = click.Group("queue", help="The task queue: the worker and the scheduled duties.")


@queue_group.command("work")
@click.option("--workers", type=click.IntRange(1, 64), help="Worker threads (default: QUEUE_WORKERS).")
@click.option("--no-periodic", is_flag=True,
              help="Do not run the scheduled duties here (when another host's worker runs them).")
def work(workers: int | None, no_periodic: bool) -> None:
    """Run the worker: suggestion refreshes, mail and (unless --no-periodic) the scheduled duties.

    Runs until Ctrl+C or SIGTERM; jobs in flight finish first. Start one beside each web host, or
    several against one Redis (QUEUE_URL); let only one of them run the schedule.
    """
    huey = huey_for()
    if huey.immediate:
        click.echo("QUEUE_IMMEDIATE is set: jobs run in the web process, there is nothing for a worker to do.",
                   err=True)
        sys.exit(2)
    logging.getLogger("huey").setLevel(logging.WARNING)
    if duties.smtp_settings() is None:
        duties.say_mail_is_kept()
    storage = type(huey.storage).__name__.replace("Storage", "")
    click.echo(f"Werkbrug worker: {storage} queue, {workers or current_app.config['QUEUE_WORKERS']} thread(s)"
               f"{'' if no_periodic else ', scheduled duties on'}", err=True)
    _snapshots_on_start(current_app._get_current_object())
    consumer = huey.create_consumer(workers=workers or current_app.config["QUEUE_WORKERS"],
                                    periodic=not no_periodic, worker_type="thread", max_delay=2.0)
    consumer.run()


@queue_group.command("run")
@click.argument("name", type=click.Choice(sorted(duties.DUTIES)))
def run_duty(name: str) -> None:
    """Run one scheduled duty now, in this process (what the worker runs on its schedule)."""
    click.echo(f"{name}: {duties.DUTIES[name]()}")


@queue_group.command("status")
def status() -> None:
    """Jobs waiting in the queue, when a worker last said it was alive, and the outbox's counts."""
    huey = huey_for()  # first: it imports Huey without the storages' clients this queue does not use
    from web.queue.jobs import HEARTBEAT_KEY

    beat = huey.get(HEARTBEAT_KEY, peek=True)
    click.echo(f"waiting jobs: {huey.pending_count()}; scheduled for later: {huey.scheduled_count()}")
    click.echo(f"worker last alive: {'never' if beat is None else f'{beat:.0f} (unix time)'}")
    counts = mail.counts(db.session)
    click.echo(f"outbox: {counts['waiting']} waiting, {counts['sent']} sent, {counts['failed']} failed")


def _snapshots_on_start(app) -> None:
    """Build this host's missing or due matcher index snapshots beside the starting consumer (a
    thread: the consumer takes jobs meanwhile), so the first suggestions need no request to ask."""
    def run() -> None:
        with app.app_context():
            try:
                log.info("index snapshots on start: %s", duties.refresh_index_snapshots())
            except Exception as exc:  # noqa: BLE001 - the periodic duty tries again
                log.error("index snapshots on start failed: %s: %s", type(exc).__name__, str(exc)[:200])
            finally:
                db.session.remove()

    threading.Thread(target=run, name="index-snapshots", daemon=True).start()
