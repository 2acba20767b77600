"""The environment of an app started in a child process by a test (flask, gunicorn)."""
from __future__ import annotations

import os
from pathlib import Path


def child_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """This process's environment with every folder the app writes beside its database put in
    ``tmp_path``: a child's instance folder is the checkout's own (the session fixture that isolates
    it patches only this process), so without these its queue, linkers, snapshots and exports would
    land in the developer's instance/."""
    scratch = {"QUEUE_URL": f"sqlite:///{tmp_path}/queue.sqlite", "LINKER_DIR": str(tmp_path / "linkers"),
               "MATCH_SNAPSHOT_DIR": str(tmp_path / "match-snapshots"), "EXPORT_DIR": str(tmp_path / "exports")}
    return {**os.environ, **scratch, **settings}
