"""Every GET route of ``app.url_map``, for every role, with hostile query strings: never a 5xx.

The parameter names are gathered from the code itself (literal names read from ``request.args``,
the fields of every form, the ``name`` attributes in templates), so a new filter is walked without
editing this file. Each route gets one request per hostile value with every name set to it, and
for the numeric values one request per name that its module reads, so one refused field cannot
hide a crash in another.
"""
from __future__ import annotations

import inspect
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from flask_wtf import FlaskForm

from tests.security.test_route_matrix import url_for_rule

ROOT = Path(__file__).resolve().parents[2]
IDENTITIES = ("anonymous", "account_manager", "matcher", "coordinator", "admin", "partner_coordinator",
              "partner_matcher", "employer")

HOSTILE = (
    "x",                                         # an unknown enum value, non-numeric
    "99999999999999999999",                      # beyond 64 bits
    "-1",                                        # PostgreSQL refuses a negative OFFSET
    "²",                                         # "²".isdigit() is True, int("²") raises
    "2026-13-45T99:99",                          # a date that is none
    "9999-12-31",                                # the last date: one day more overflows
    "Ω" * 300 + "😀\u202e\u200b\ufeff",          # long and odd unicode
    "%00%ED%A0%80%FF",                           # NUL, an encoded surrogate, invalid UTF-8 (sent raw)
)
NUMERIC = ("99999999999999999999", "²")
# Every value for the coordinator (who reaches nearly every staff page) and the public; the other
# identities get the values that broke pages before, to keep the walk within a few minutes.
FULL_WALK = {"coordinator", "anonymous", "employer", "admin"}
SHORT = ("x", "99999999999999999999", "²", "-1")
_PER_NAME_DONE: set[str] = set()  # the per-name pass runs once per route, for the first role let in


def _form_fields() -> set[str]:
    names, todo = set(), list(FlaskForm.__subclasses__())
    while todo:
        form = todo.pop()
        todo.extend(form.__subclasses__())
        names.update(name for name, _ in getattr(form, "_unbound_fields", None) or [])
        names.update(k for k, v in vars(form).items() if hasattr(v, "field_class"))
    return names


def parameter_names() -> set[str]:
    names = _form_fields()
    for path in (ROOT / "web").rglob("*.py"):
        text = path.read_text("utf-8")
        names.update(re.findall(r"args\.(?:get|getlist)\(\s*[\"'](\w+)", text))
        names.update(re.findall(r"args\[[\"'](\w+)[\"']\]", text))
        names.update(re.findall(r"(?:page_arg|id_arg)\(\s*[\"'](\w+)", text))
        if "request.args" in text:
            names.update(re.findall(r"\.get\(\s*[\"'](\w+)[\"']", text))
    for path in (ROOT / "web").rglob("*.html"):
        names.update(re.findall(r'name="(\w+)"', path.read_text("utf-8")))
    return names - {"csrf_token", "lang"}


def _query(names, value: str) -> str:
    encoded = value if value.startswith("%") else quote(value, safe="")
    return "&".join(f"{name}={encoded}" for name in sorted(names))


def _module_source(app, endpoint: str) -> str:
    view = inspect.unwrap(app.view_functions[endpoint])
    try:
        return inspect.getsource(inspect.getmodule(view))
    except (OSError, TypeError):
        return ""


@pytest.fixture(scope="module")
def walk(world):
    world.app.config.update(CATALOGUE_MAX_LIST_VIEWS_PER_HOUR=10**9, CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR=10**9)
    rules = sorted((r for r in world.app.url_map.iter_rules() if "GET" in r.methods and r.endpoint != "static"
                    and not r.rule.startswith("/api/")), key=lambda r: r.rule)
    for view in world.app.view_functions.values():
        inspect.unwrap(view)  # imports each lazy view's module, so its forms' fields are gathered below
    return rules, parameter_names()


@pytest.mark.parametrize("identity", IDENTITIES)
def test_no_get_route_answers_5xx_to_hostile_query_strings(world, walk, identity):
    rules, names = walk
    client = world.client(identity)
    failures = []
    for rule in rules:
        path = url_for_rule(rule, world.ids["own"])
        first = client.get(path, query_string=_query(names, HOSTILE[0]))
        if first.status_code >= 500:
            failures.append((rule.endpoint, HOSTILE[0], first.status_code))
        if first.status_code in (302, 401, 403):
            continue  # refused before any parameter is read (sign-in, role)
        for value in (HOSTILE if identity in FULL_WALK else SHORT)[1:]:
            status = client.get(path, query_string=_query(names, value)).status_code
            if status >= 500:
                failures.append((rule.endpoint, value[:20], status))
        if rule.endpoint in _PER_NAME_DONE:
            continue
        _PER_NAME_DONE.add(rule.endpoint)
        source = _module_source(world.app, rule.endpoint)
        for name in sorted(n for n in names if f'"{n}"' in source or f"'{n}'" in source):
            for value in NUMERIC:
                status = client.get(path, query_string=_query([name], value)).status_code
                if status >= 500:
                    failures.append((rule.endpoint, f"{name}={value[:20]}", status))
    assert not failures, f"{identity}: {failures}"


def test_the_walk_covers_the_filters_people_use(walk):
    """The name gathering finds the parameters of the list pages (else the walk would prove little)."""
    _rules, names = walk
    assert {"pagina", "page", "status", "q", "sortering", "since", "until", "action"} <= names
