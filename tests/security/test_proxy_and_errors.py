"""Proxies and error responses on a fresh app: forwarded headers, HSTS behind a proxy, JSON 500s."""
from __future__ import annotations

from flask import request

from app import create_app


def _app(database_url, tmp_path, **config):
    app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "t",
                      "SQLALCHEMY_DATABASE_URI": database_url, "PROPAGATE_EXCEPTIONS": False, **config})
    app.instance_path = str(tmp_path)

    @app.route("/_addr")
    def addr():
        return f"{request.remote_addr} {request.scheme}"
    return app


def test_forwarded_headers_are_ignored_without_proxy_fix(database_url, tmp_path):
    client = _app(database_url, tmp_path).test_client()
    response = client.get("/_addr", headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"})
    assert response.get_data(as_text=True) == "127.0.0.1 http"


def test_proxy_fix_hops_takes_the_client_address_from_the_proxy(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("PROXY_FIX_HOPS", "1")
    client = _app(database_url, tmp_path).test_client()
    # A client's own forged entry comes first; one proxy appends the real address last.
    response = client.get("/_addr", headers={"X-Forwarded-For": "10.9.9.9, 203.0.113.7",
                                             "X-Forwarded-Proto": "https"})
    assert response.get_data(as_text=True) == "203.0.113.7 https"
    assert "Strict-Transport-Security" in response.headers


def test_api_500_is_json_with_request_id_and_no_trace(app, client, org, monkeypatch):
    from models.accounts import api_tokens
    from web.api import routes
    from web.extensions import db

    _token, plaintext = api_tokens.create_token(db.session, org.id, "t")
    db.session.commit()

    def boom(*_args, **_kw):
        raise RuntimeError("SELECT bsn FROM candidate_personal WHERE last_name='Jansen'")

    monkeypatch.setattr(routes, "select", boom)
    response = client.get("/api/v1/vacancies/V-1", headers={"Authorization": f"Bearer {plaintext}",
                                                           "X-Request-ID": "req42"})
    assert response.status_code == 500 and response.mimetype == "application/json"
    assert response.json["error"]["request_id"] == "req42"
    body = response.get_data(as_text=True)
    assert "Jansen" not in body and "Traceback" not in body and "SELECT" not in body


def test_api_import_in_another_encoding_or_with_nul_is_refused_clearly(client, org):
    from models.accounts import api_tokens
    from web.extensions import db

    _token, plaintext = api_tokens.create_token(db.session, org.id, "t")
    db.session.commit()
    headers = {"Authorization": f"Bearer {plaintext}", "Content-Type": "application/json"}
    latin1 = '{"format": "werkbrug-import/1", "organisation": "Gemeente Zoë"}'.encode("latin-1")
    for body in (latin1, b'{"format": "werkbrug-import/1\x00"}', b"\xff\xfe{}", b"[" * 5000):
        response = client.post("/api/v1/import", data=body, headers=headers)
        assert response.status_code == 422 and response.is_json, (body[:20], response.status_code)
        assert response.json["error"]["message"]
