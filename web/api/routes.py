"""The partner API's endpoints: vacancies (own and shared), the import and its status, the OpenAPI document."""
from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import current_app, g, jsonify, request, url_for
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from models.common import idempotency
from models.common.paging import paginate
from models.enums import VacancyStatus
from models.jobs import imports as import_jobs
from models.matches.index_cache import IndexNotReady
from models.matches.suggestions import UnknownVacancy, suggestions_payload
from models.vacancies.queries import Filters, filtered, visible_clause
from models.vacancies.vacancy import Vacancy
from web.extensions import db
from web.links import external_url, site_base
from web.queue import triggers

from .auth import api_error
from .openapi import document
from .serialise import vacancy_json

MAX_PER_PAGE = 200
INDEX_RETRY_SECONDS = 30


def _int_arg(name: str, default: int, low: int, high: int, errors: list[str]) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(high)) or not low <= int(raw) <= high:
        errors.append(f"{name}: must be a whole number from {low} to {high}")
        return default
    return int(raw)


def _since(errors: list[str]) -> datetime | None:
    raw = request.args.get("updated_since")
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        errors.append(f"updated_since: {raw!r} is not an ISO 8601 timestamp (e.g. 2026-11-23T08:00:00Z)")
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def vacancies():
    """Own vacancies and those shared with the token's organisation, oldest change first, paginated."""
    errors: list[str] = []
    page = _int_arg("page", 1, 1, 1_000_000, errors)
    per_page = _int_arg("per_page", 50, 1, MAX_PER_PAGE, errors)
    since = _since(errors)
    if errors:
        return api_error(400, "Some query parameters are not valid.", errors)
    org_id = g.api_organisation.id
    query = filtered(org_id, Filters(updated_since=since)).order_by(None).order_by(Vacancy.updated_at, Vacancy.id)
    found = paginate(db.session, query.options(joinedload(Vacancy.employer), joinedload(Vacancy.organisation)),
                     page, per_page, clamp_to_last=False)
    args = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}
    return jsonify({
        "data": [vacancy_json(v, org_id) for v in found],
        "page": page, "per_page": per_page, "total": found.total,
        "next": external_url(".vacancies", page=page + 1, per_page=per_page, **args)
        if found.has_next else None,
    })


def vacancy(external_id: str):
    """One vacancy by external id: the organisation's own first, then one shared with it; 404 otherwise."""
    org_id = g.api_organisation.id
    base = select(Vacancy).where(Vacancy.external_id == external_id, Vacancy.status != VacancyStatus.SUBMITTED) \
        .options(joinedload(Vacancy.employer), joinedload(Vacancy.organisation))
    found = db.session.scalar(base.where(Vacancy.organisation_id == org_id)) or db.session.scalar(
        base.where(visible_clause(org_id)).order_by(Vacancy.id).limit(1))
    if found is None:
        return api_error(404, f"No vacancy {external_id!r} of your organisation or shared with it.")
    return jsonify(vacancy_json(found, org_id))


def suggestions(external_id: str):
    """The matcher's suggestions among the token organisation's own candidates, as the contract says."""
    errors: list[str] = []
    top = _int_arg("top", 10, 1, 100, errors)
    if errors:
        return api_error(400, "Some query parameters are not valid.", errors)
    try:
        payload = suggestions_payload(db.session, g.api_organisation, external_id, top,
                                      min_score=float(current_app.config.get("MATCH_MIN_SCORE", 0.0)))
    except UnknownVacancy:
        return api_error(404, f"No vacancy {external_id!r} of your organisation or shared with it.")
    except IndexNotReady as exc:  # never built in a request: the worker builds it
        triggers.index_wanted(exc.organisation_id)
        return api_error(503, "The suggestions are being computed (the matcher's index is being built); "
                         f"try again in {INDEX_RETRY_SECONDS} seconds.", headers={"Retry-After": str(INDEX_RETRY_SECONDS)})
    return jsonify(payload)


def _read_body(limit: int) -> bytes | None:
    """The request body, read in pieces and never past ``limit`` (None when it is longer).

    A chunked body has no Content-Length to check first: this holds the limit for it too.
    """
    chunks, size = [], 0
    while size <= limit:
        chunk = request.stream.read(min(1 << 16, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


def _replay(earlier):
    """The first answer to an Idempotency-Key again (a 202 with its status URL as Location)."""
    headers = {"Idempotent-Replayed": "true"}
    if earlier.status_code == 202:
        headers["Location"] = json.loads(earlier.response)["status_url"]
    return current_app.response_class(earlier.response, status=earlier.status_code,
                                      mimetype="application/json", headers=headers)


def _keep_answer(key: str | None, body: bytes, response):
    """Store the answer under the Idempotency-Key in the request's transaction; 409 when a concurrent
    request with the key wrote first (this one's writes are then rolled back)."""
    if key is None:
        return response
    try:
        idempotency.store(db.session, idempotency.claim(db.session, g.api_organisation.id, "import", key, body),
                          response.status_code, response.get_data(as_text=True))
    except IntegrityError:
        db.session.rollback()
        return api_error(409, "Idempotency-Key: a request with this key was just processed; send it again "
                              "to get its answer.")
    return response


def import_():
    """A werkbrug-import/1 body for the token's organisation: 200 with counts, 422 with every error;
    a body over IMPORT_INLINE_MAX_BYTES is stored and run by the worker: 202 with its status URL."""
    if request.mimetype != "application/json":
        return api_error(415, "Send the import as 'Content-Type: application/json'.")
    limit = min(current_app.config["IMPORT_MAX_BYTES"], current_app.config.get("MAX_CONTENT_LENGTH") or 1 << 62)
    if request.content_length is not None and request.content_length > limit:
        return api_error(413, f"The body is larger than the limit of {limit} bytes.")
    body = _read_body(limit)
    if body is None:
        return api_error(413, f"The body is larger than the limit of {limit} bytes.")
    key = request.headers.get("Idempotency-Key")
    if key is not None:
        if not idempotency.VALID_KEY.fullmatch(key):
            return api_error(400, "Idempotency-Key: send 1 to 200 visible ASCII characters (a UUID, for example).")
        try:
            earlier = idempotency.lookup(db.session, g.api_organisation.id, "import", key, body)
        except idempotency.KeyReused:
            return api_error(422, "Idempotency-Key: this key was used for a different body; use a new key.")
        if earlier is not None:  # a retry: the first answer again, nothing written twice
            return _replay(earlier)
    if len(body) > current_app.config["IMPORT_INLINE_MAX_BYTES"]:
        return _keep_answer(key, body, _accept_for_worker(body))
    from models.importing import ImportFailed, run_import  # the importer (jsonschema) on the first import, not at boot

    try:
        result = run_import(db.session, body, g.api_organisation, max_bytes=limit,
                            origin=f"api:{g.api_token.prefix}")
    except ImportFailed as exc:
        return api_error(422, f"The import was refused: {exc.total} error(s); nothing was written.", exc.lines())
    triggers.organisation_changed(db.session, g.api_organisation.id)  # the worker recomputes its suggestions
    return _keep_answer(key, body, jsonify(import_jobs.result_payload(g.api_organisation.key, result)))


def _accept_for_worker(body: bytes):
    """Store the body as a queued import (the worker runs it after the commit): 202 and its status URL."""
    record = import_jobs.submit(db.session, g.api_organisation.id, g.api_token.prefix, body)
    triggers.job_submitted(db.session, "run_api_import", record.id)
    status_url = external_url(".import_status", import_id=record.public_id)
    response = jsonify({**import_jobs.status_payload(record, g.api_organisation.key), "status_url": status_url})
    response.status_code = 202
    response.headers["Location"] = status_url
    response.headers["Retry-After"] = "5"
    return response


def import_status(import_id: str):
    """A stored import of the token's organisation: queued, running, done (counts) or failed (errors)."""
    record = import_jobs.find(db.session, g.api_organisation.id, import_id)
    if record is None:
        return api_error(404, f"No import {import_id[:100]!r} of your organisation.")
    payload = import_jobs.status_payload(record, g.api_organisation.key)
    response = jsonify({**payload, "status_url": external_url(".import_status", import_id=record.public_id)})
    if record.status in ("queued", "running"):
        response.headers["Retry-After"] = "5"
    return response


def openapi():
    """The OpenAPI 3.1 description of this API (public: it holds no data)."""
    return jsonify(document(site_base() + url_for(".openapi").rsplit("/", 1)[0]))
