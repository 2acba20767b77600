"""The base layout, the home page, error pages and the headers every response carries."""
from flask import abort

from tests.helpers import visible_text


def test_home_page_says_what_werkbrug_is_and_links_to_login(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html  # skip link and its target
    text = visible_text(html)
    assert "werkgeversservicepunt" in text
    assert 'href="/inloggen"' in html


def test_security_headers_on_every_response(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Request-ID"]


def test_no_external_assets(client):
    html = client.get("/").get_data(as_text=True)
    assert "http://" not in html.replace("http://localhost", "")
    assert "https://" not in html


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in visible_text(response.get_data(as_text=True))


def test_server_error_shows_request_id_and_no_details(app, client, caplog):
    @app.route("/_boom")
    def boom():
        raise RuntimeError("SELECT secret FROM candidate_personal WHERE last_name='Jansen'")

    response = client.get("/_boom", headers={"X-Request-ID": "abc123"})
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Er ging iets mis" in html
    assert "abc123" in html
    assert "Jansen" not in html and "Traceback" not in html and "SELECT" not in html
    logged = " ".join(r.getMessage() for r in caplog.records)
    # The log line says what went wrong (issue 17), with quoted values blanked and names scrubbed.
    assert ("unhandled RuntimeError: SELECT secret FROM candidate_personal WHERE last_name=… on GET /_boom at "
            "test_pages.py:") in logged
    assert "Jansen" not in logged


def test_api_errors_are_json(app, client):
    @app.route("/api/_gone")
    def gone():
        abort(404)

    response = client.get("/api/_gone")
    assert response.status_code == 404
    assert response.json["error"]["code"] == 404


def test_home_page_leads_to_the_catalogue_and_the_vacancy_form(client):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/kandidaten"' in html and "Bekijk de profielen" in visible_text(html)
    assert 'href="/vacature-aanmelden"' in html
