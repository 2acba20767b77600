"""The development server's access log never records a query string (staff searches hold names)."""
from __future__ import annotations

import logging
import threading
import urllib.request

from werkzeug.serving import make_server


def test_the_access_log_drops_query_strings(app, caplog):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            urllib.request.urlopen(  # nosec B310: loopback
                f"http://127.0.0.1:{server.server_port}/vacatures/?q=Amina+Rachidi", timeout=10).close()
    finally:
        server.shutdown()
        thread.join(timeout=5)
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("GET /vacatures/?…" in line for line in lines), lines
    assert not any("Amina" in line for line in lines)
