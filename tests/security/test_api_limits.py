"""The import endpoint over real HTTP on loopback: the size limit holds for chunked bodies (no
Content-Length), and hostile bodies get a JSON 4xx, never a dead worker or a 500."""
from __future__ import annotations

import http.client
import json
import threading

import pytest
from werkzeug.serving import make_server

from models.accounts import api_tokens


@pytest.fixture
def served(app, db, org):
    """The app on a free loopback port, and a token of ``org``."""
    _token, plaintext = api_tokens.create_token(db.session, org.id, "limits")
    db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port, plaintext
    server.shutdown()
    thread.join(timeout=5)


def post_chunked(port: int, token: str, pieces) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.putrequest("POST", "/api/v1/import")
    conn.putheader("Authorization", f"Bearer {token}")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    try:
        for piece in pieces:
            conn.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        conn.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer and close before the whole body is sent
    response = conn.getresponse()
    body = json.loads(response.read() or b"{}")
    conn.close()
    return response.status, body


@pytest.mark.parametrize("limit", ("MAX_CONTENT_LENGTH", "IMPORT_MAX_BYTES"))
def test_a_chunked_body_past_the_limit_is_413(app, served, limit):
    port, token = served
    app.config[limit] = 64 * 1024
    piece = b" " * 8192
    status, body = post_chunked(port, token, [b'{"format": "werkbrug-import/1", "x": "'] + [piece] * 16 + [b'"}'])
    assert status == 413
    assert "larger than the limit" in body["error"]["message"]


def test_a_chunked_body_within_the_limit_is_read_whole(served):
    port, token = served
    status, body = post_chunked(port, token, [b'{"format": ', b'"werkbrug-import/1"}'])
    assert status == 200, body
    assert body["counts"]["candidates"] == {"created": 0, "updated": 0, "unchanged": 0}


@pytest.mark.parametrize("body", (
    b'{"format": "werkbrug-import/1", "candidates": [{"hours_min": ' + b"9" * 4301 + b"}]}",
    b'{"format": "werkbrug-import/1", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"format": "werkbrug-import/1", "candidates": [{"skills": ' + b"[" * 50_000 + b"]" * 50_000 + b"}]}",
    b'{"format": "werkbrug-import/1"} {"format": "werkbrug-import/1"}',
))
def test_hostile_bodies_get_a_422_with_the_problem_and_the_server_lives_on(served, body):
    port, token = served
    status, answer = post_chunked(port, token, [body])
    assert status == 422 and answer["errors"], answer
    assert all(len(line) < 200 for line in answer["errors"])
    status, _ = post_chunked(port, token, [b'{"format": "werkbrug-import/1"}'])
    assert status == 200
