"""Scratch databases for the import benchmark: SQLite files in the bench folder, or PostgreSQL
databases created beside the one named by --database-url (its role needs CREATEDB), dropped at the end."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


class Scratch:
    """Creates, copies and drops the benchmark's databases; ``url(name)`` is an SQLAlchemy URL."""

    def __init__(self, directory: Path, server_url: str | None = None):
        self.directory = directory
        self.server = make_url(server_url) if server_url else None
        if self.server is not None and self.server.get_backend_name() != "postgresql":
            raise SystemExit("--database-url: give a postgresql+psycopg:// URL (SQLite files are made in a "
                             "temporary folder without it)")
        self.created: list[str] = []

    @property
    def backend(self) -> str:
        return "sqlite" if self.server is None else "postgresql"

    def _name(self, name: str) -> str:
        assert self.server is not None
        return f"{self.server.database}_{re.sub(r'[^a-z0-9]+', '_', name.lower())}"[:63]

    def url(self, name: str) -> str:
        if self.server is None:
            return f"sqlite:///{self.directory / (name + '.sqlite')}"
        return self.server.set(database=self._name(name)).render_as_string(hide_password=False)

    def _admin(self, *statements: str) -> None:
        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.execute(text(statement))
        finally:
            engine.dispose()

    def create(self, name: str) -> str:
        """An empty database called ``name``; returns its URL."""
        if self.server is not None:
            db = self._name(name)
            self._admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)', f'CREATE DATABASE "{db}"')
            self.created.append(db)
        return self.url(name)

    def copy(self, source: str, name: str) -> str:
        """A copy of database ``source`` (nobody may be connected to it) called ``name``; returns its URL."""
        if self.server is None:
            shutil.copyfile(self.directory / f"{source}.sqlite", self.directory / f"{name}.sqlite")
        else:
            db = self._name(name)
            self._admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)',
                        f'CREATE DATABASE "{db}" TEMPLATE "{self._name(source)}"')
            self.created.append(db)
        return self.url(name)

    def drop_all(self) -> None:
        if self.server is not None and self.created:
            self._admin(*(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)' for db in dict.fromkeys(self.created)))
            self.created = []
