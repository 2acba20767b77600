"""The factory's configuration layers and its refusal to run without a secret in production."""
import pytest

from app import create_app


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("WERKBRUG_ENV", "production")
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set.*export SECRET_KEY"):
        create_app()


def test_environment_overrides_defaults_and_test_dict_overrides_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("WERKBRUG_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "from-environment")
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.internal/werkbrug")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-environment"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@db.internal/werkbrug"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["STAFF_TWO_FACTOR"] is True
    app = create_app({"SECRET_KEY": "from-test"})
    assert app.config["SECRET_KEY"] == "from-test"


def test_instance_file_is_read_between_environment_and_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("WERKBRUG_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "werkbrug.cfg").write_text("SECRET_KEY = 'from-instance-file'\n")
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(instance))
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-instance-file"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance}/werkbrug.sqlite"


def test_development_runs_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("WERKBRUG_ENV", "development")
    app = create_app()
    assert app.config["SECRET_KEY"]
    assert not app.config.get("SESSION_COOKIE_SECURE")
    assert app.config["STAFF_TWO_FACTOR"] is False
