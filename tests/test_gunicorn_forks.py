"""Gunicorn with Werkbrug's settings (web/gunicorn_conf.py): the app is loaded once in the master and
the workers are forks of it. They must not share a database connection: two workers answer
concurrent catalogue requests (reads, and the view counts they write) without an error, on SQLite
and, with TEST_DATABASE_URL, on PostgreSQL; every view is counted once; the master holds no
connection to the database of its own."""
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import func, make_url, select

from models.common.system import ThrottleCounter
from tests.process_env import child_env

ROOT = Path(__file__).resolve().parents[1]
PATHS = ("/kandidaten", "/kandidaten?q=heftruck", "/")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": "localhost"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _database_handles(pid: int, url: str) -> list[str]:
    """What process ``pid`` holds open on the database: the SQLite file, or TCP sockets to the server's port."""
    parsed = make_url(url)
    targets = {os.path.realpath(parsed.database)} if parsed.get_backend_name() == "sqlite" else set()
    if parsed.get_backend_name() == "postgresql":
        port = f"{parsed.port or 5432:04X}"
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[2].endswith(":" + port):  # rem_address
                    targets.add(f"socket:[{fields[9]}]")
    held = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target in targets or target.split("-wal")[0] in targets:
            held.append(target)
    return held


def test_forked_workers_answer_concurrent_requests_without_sharing_a_connection(db, database_url, tmp_path):
    port, access_log = _free_port(), tmp_path / "access.log"
    env = child_env(tmp_path, DATABASE_URL=database_url, WERKBRUG_ENV="production", SECRET_KEY=uuid.uuid4().hex,
                    PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "gunicorn", "-c", "python:web.gunicorn_conf", "-w", "2",
               "-b", f"127.0.0.1:{port}", "--access-logfile", str(access_log), "--access-logformat", "%(p)s %(s)s",
               "app:create_app()"]
    with open(tmp_path / "gunicorn.log", "w") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # nosec B603
    statuses: list[tuple[str, int]] = []
    try:
        for _ in range(600):
            try:
                statuses.append(("/kandidaten", _get(port, "/kandidaten")))
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.05)
        assert _database_handles(server.pid, database_url) == []

        lock = threading.Lock()

        def client(n: int) -> None:
            for i in range(12):
                path = PATHS[(n + i) % len(PATHS)]
                status = _get(port, path)
                with lock:
                    statuses.append((path, status))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert _database_handles(server.pid, database_url) == []
    finally:
        server.terminate()  # the workers write the views they still hold as they stop
        server.wait(timeout=60)

    log = (tmp_path / "gunicorn.log").read_text()
    assert "Traceback" not in log and "ERROR" not in log, log
    assert len(statuses) == 1 + 8 * 12
    assert {status for _, status in statuses} == {200}, statuses
    served = [line.split() for line in access_log.read_text().splitlines()]
    assert {status for _, status in served} == {"200"}
    assert len({pid for pid, _ in served}) == 2, "both workers answered"

    db.session.rollback()
    views = db.session.scalar(select(func.sum(ThrottleCounter.hits)).where(ThrottleCounter.scope == "catalogue-list"))
    assert views == sum(1 for path, _ in statuses if path.startswith("/kandidaten"))
