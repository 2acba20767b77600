"""The Host header a client sends never reaches a link: BASE_URL or TRUSTED_HOSTS decide."""
from __future__ import annotations

import pytest

from app import create_app
from models.accounts import api_tokens


@pytest.fixture
def token(db, org):
    _row, plaintext = api_tokens.create_token(db.session, org.id, "hosts")
    db.session.commit()
    return {"Authorization": f"Bearer {plaintext}"}


def _pages(client, token):
    listing = client.get("/api/v1/vacancies?per_page=1", headers={**token, "Host": "evil.example"})
    spec = client.get("/api/v1/openapi.json", headers={"Host": "evil.example"})
    return listing, spec


def test_without_a_base_url_links_are_paths_whatever_the_host(client, token, make_vacancy):
    make_vacancy(title="Een")
    make_vacancy(title="Twee")
    listing, spec = _pages(client, token)
    assert listing.json["next"].startswith("/api/v1/vacancies?")
    assert spec.json["servers"] == [{"url": "/api/v1"}]
    assert "evil.example" not in listing.get_data(as_text=True) + spec.get_data(as_text=True)


def test_with_a_base_url_links_start_with_it(app, client, token, make_vacancy):
    app.config["BASE_URL"] = "https://werkbrug.dronten.example"
    make_vacancy(title="Een")
    make_vacancy(title="Twee")
    listing, spec = _pages(client, token)
    assert listing.json["next"].startswith("https://werkbrug.dronten.example/api/v1/vacancies?")
    assert spec.json["servers"] == [{"url": "https://werkbrug.dronten.example/api/v1"}]


def test_trusted_hosts_refuse_another_host(app, client, token):
    app.config["TRUSTED_HOSTS"] = ["werkbrug.dronten.example"]
    assert client.get("/api/v1/openapi.json", headers={"Host": "evil.example"}).status_code == 400
    ok = client.get("/api/v1/openapi.json", headers={"Host": "werkbrug.dronten.example"})
    assert ok.json["servers"] == [{"url": "http://werkbrug.dronten.example/api/v1"}]


def test_base_url_and_trusted_hosts_come_from_the_environment(monkeypatch, database_url):
    monkeypatch.setenv("BASE_URL", "https://werkbrug.example/")
    monkeypatch.setenv("TRUSTED_HOSTS", "werkbrug.example, intern.werkbrug.example")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "x"})
    assert app.config["BASE_URL"] == "https://werkbrug.example"
    assert app.config["TRUSTED_HOSTS"] == ["werkbrug.example", "intern.werkbrug.example"]
    monkeypatch.setenv("BASE_URL", "werkbrug.example")
    with pytest.raises(RuntimeError, match="BASE_URL"):
        create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "x"})


def test_hsts_is_sent_in_production_behind_a_proxy_without_proxy_fix(database_url):
    app = create_app({"WERKBRUG_ENV": "production", "SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "x"})
    response = app.test_client().get("/api/v1/openapi.json")  # plain http, as a TLS-terminating proxy sends it
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
