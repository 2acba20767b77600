"""Consistent online backups and restores: SQLite's backup API, or pg_dump/pg_restore."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import Engine, make_url


class BackupError(Exception):
    """A backup or restore could not be made; the message says why and what to do."""


def _sqlite_path(engine: Engine) -> str:
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return database


def _pg_env_and_args(engine: Engine) -> tuple[dict, list[str]]:
    url = make_url(str(engine.url.render_as_string(hide_password=False)))
    env = dict(os.environ, PGPASSWORD=url.password or "")
    args = ["-h", url.host or "127.0.0.1", "-p", str(url.port or 5432), "-U", url.username or "postgres",
            "-d", url.database]
    return env, args


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise BackupError(f"{tool} is not installed (apt-get install postgresql-client)")
    return path


def backup(engine: Engine, target: Path) -> Path:
    """Write a consistent copy of the database to ``target`` while the app keeps running."""
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name")
    if engine.dialect.name == "sqlite":
        source = sqlite3.connect(_sqlite_path(engine))
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
        source.close()
    elif engine.dialect.name == "postgresql":
        env, args = _pg_env_and_args(engine)
        result = subprocess.run([_need("pg_dump"), "-Fc", "-f", str(target), *args], env=env,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip().splitlines()[-1:]}")
    else:
        raise BackupError(f"no backup method for {engine.dialect.name}")
    return target


def restore(engine: Engine, source: Path) -> None:
    """Replace the database's content with the backup in ``source``."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    engine.dispose()
    if engine.dialect.name == "sqlite":
        backup_db = sqlite3.connect(source)
        if backup_db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{source} is damaged (integrity check failed); nothing was restored")
        live = sqlite3.connect(_sqlite_path(engine))
        with live:
            backup_db.backup(live)
        live.close()
        backup_db.close()
    elif engine.dialect.name == "postgresql":
        env, args = _pg_env_and_args(engine)
        result = subprocess.run([_need("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                                 *args, str(source)], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip().splitlines()[-1:]}")
    else:
        raise BackupError(f"no restore method for {engine.dialect.name}")
