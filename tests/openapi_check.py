"""Every API response of the test suite checked against the OpenAPI document (web/api/openapi.py).

``install(app)`` adds an after-request hook that validates each /api/v1 response: the path and
method are documented, the status code is documented for them, and the JSON body matches the
documented schema (timestamps must be RFC 3339 date-times with a zone). Violations are collected
on the app; the ``app`` fixture fails the test that caused them.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from flask import Flask, request
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from web.api.openapi import document

PREFIX = "/api/v1"
formats = FormatChecker()


@formats.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", value):
        raise ValueError(f"{value!r} is not an RFC 3339 date-time with a zone")
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@formats.checks("date", raises=ValueError)
def _date(value) -> bool:
    return not isinstance(value, str) or bool(date.fromisoformat(value)) and len(value) == 10


@lru_cache(maxsize=1)
def _spec() -> tuple[dict, Registry, list[tuple[re.Pattern, str]]]:
    spec = document()
    registry = Registry().with_resource("urn:werkbrug-api", DRAFT202012.create_resource(spec))
    paths = [(re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", p) + "$"), p) for p in spec["paths"]]
    return spec, registry, paths


def violations_of(path: str, method: str, status: int, body) -> list[str]:
    """What is wrong with this response according to the document ([] when it conforms)."""
    spec, registry, paths = _spec()
    sub = path[len(PREFIX):] if path.startswith(PREFIX) else path
    template = next((p for rx, p in paths if rx.match(sub)), None)
    if template is None:
        return [] if status == 404 else [f"{method} {path}: path not in the document (status {status})"]
    operation = spec["paths"][template].get(method.lower())
    if operation is None:
        return [] if status == 405 else [f"{method} {path}: method not in the document"]
    if status >= 500:
        return []  # tests that provoke a server error on purpose; "no 5xx" is checked elsewhere
    documented = operation["responses"].get(str(status))
    if documented is None:
        return [f"{method} {template}: status {status} is not documented"]
    schema = documented.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return []
    validator = Draft202012Validator(_with_base(schema), registry=registry, format_checker=formats)
    return [f"{method} {template} {status}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
            for e in validator.iter_errors(body)]


def _with_base(schema: dict) -> dict:
    """``schema`` with its $refs pointing into the document."""
    if "$ref" in schema:
        return {"$ref": "urn:werkbrug-api" + schema["$ref"]}
    return {"$id": "urn:werkbrug-api-inline", **_rebase(schema)}


def _rebase(node):
    if isinstance(node, dict):
        return {k: ("urn:werkbrug-api" + v if k == "$ref" and v.startswith("#") else _rebase(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rebase(v) for v in node]
    return node


def install(app: Flask) -> list[str]:
    """Check every API response of ``app``; returns the list the violations are collected in."""
    found: list[str] = app.extensions.setdefault("openapi_violations", [])

    @app.after_request
    def check(response):
        if request.path.startswith(PREFIX) and response.mimetype == "application/json" \
                and request.path != PREFIX + "/openapi.json":  # the document itself
            found.extend(violations_of(request.path, request.method, response.status_code,
                                       response.get_json(silent=True)))
        return response

    return found
