"""Headers and error pages: CSP without inline code, no inline code in any page, HSTS, no-store, proxies."""
from __future__ import annotations

import re

from tests.security.test_route_matrix import POLICY, PUBLIC, ROLES, rules, url_for_rule

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<[a-z][^>]*\sstyle\s*=|<style\b", re.I)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


def crawl(world, role: str):
    """Every GET page ``role`` may open, with real ids of its own organisation: (endpoint, response)."""
    client = world.app.test_client() if role == "anonymous" else world.clients[role]
    for rule in rules(world.app):
        policy = POLICY[rule.endpoint]
        if "GET" not in rule.methods or rule.endpoint.startswith("api.") or "<fmt>" in rule.rule:
            continue
        if policy == PUBLIC or (isinstance(policy, set) and role in policy):
            yield rule.endpoint, client.get(url_for_rule(rule, world.ids["own"]))


def test_csp_forbids_inline_code(world):
    csp = world.app.test_client().get("/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_no_page_has_inline_scripts_styles_or_handlers(world):
    failures, seen = [], 0
    for role in ("anonymous", *ROLES):
        for endpoint, response in crawl(world, role):
            if response.mimetype != "text/html":
                continue
            seen += 1
            html = response.get_data(as_text=True)
            for name, pattern in (("script", INLINE_SCRIPT), ("style", INLINE_STYLE), ("handler", INLINE_HANDLER)):
                if match := pattern.search(html):
                    failures.append((role, endpoint, name, match.group(0)[:80]))
    assert seen > 60, seen
    assert not failures


def test_staff_pages_are_not_cached(world):
    failures = []
    for role in ROLES:
        for endpoint, response in crawl(world, role):
            if POLICY[endpoint] != PUBLIC and "no-store" not in response.headers.get("Cache-Control", ""):
                failures.append((role, endpoint))
    assert not failures


def test_hsts_only_over_https(world):
    client = world.app.test_client()
    assert "max-age=31536000" in client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in client.get("/").headers
