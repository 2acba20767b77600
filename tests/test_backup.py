"""`flask backup` and `flask restore`: a consistent copy that brings the data back."""
import os

import pytest
from sqlalchemy import func, select

from models import Employer


def test_backup_and_restore_bring_data_back(runner, db, tmp_path, make_employer, app):
    if db.engine.dialect.name == "postgresql" and not os.path.exists("/usr/bin/pg_dump"):
        pytest.skip("pg_dump not installed: apt-get install postgresql-client")
    make_employer(name="Bakkerij Voor")
    target = tmp_path / "werkbrug.backup"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert "Backup written to" in result.output
    make_employer(name="Bakkerij Na")
    assert runner.invoke(args=["restore", str(target)]).exit_code == 2  # asks for --yes
    db.session.remove()
    result = runner.invoke(args=["restore", str(target), "--yes"])
    assert result.exit_code == 0, result.output
    names = db.session.scalars(select(Employer.name)).all()
    assert names == ["Bakkerij Voor"]


def test_backup_refuses_to_overwrite(runner, db, tmp_path, org):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("checked once, on SQLite")
    target = tmp_path / "exists.backup"
    target.write_text("x")
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 1 and "exists already" in result.output


def test_restore_of_a_damaged_file_changes_nothing(runner, db, tmp_path, make_employer):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("checked once, on SQLite")
    make_employer()
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = runner.invoke(args=["restore", str(damaged), "--yes"])
    assert result.exit_code == 1
    assert db.session.scalar(select(func.count()).select_from(Employer)) == 1
