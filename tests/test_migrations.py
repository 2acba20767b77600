"""`flask db upgrade` builds the schema the models describe; no model change without a migration."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app import create_app
from models import Base


# SQLite cannot reflect expression indexes (lower(name)); alembic says so and skips comparing them.
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_upgrade_builds_every_table_and_matches_the_models(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/fresh.sqlite"
    monkeypatch.setenv("WERKBRUG_ENV", "testing")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    engine = create_engine(url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == [], f"models and migrations differ; run `flask db migrate`: {diff}"
