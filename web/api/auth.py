"""Bearer-token authentication and JSON errors for the partner API."""
from __future__ import annotations

from flask import Blueprint, g, jsonify, request
from werkzeug.exceptions import HTTPException

from models.accounts import api_tokens
from models.accounts.organisation import Organisation
from web.extensions import db

bp = Blueprint("api", __name__, url_prefix="/api/v1")
PUBLIC_ENDPOINTS = {"api.openapi"}


def api_error(status: int, message: str, errors: list[str] | None = None, headers: dict | None = None):
    """A JSON error: {"error": {"code", "message", "request_id"}, "errors": ["path: message", ...]}."""
    body = {"error": {"code": status, "message": message, "request_id": g.get("request_id")}}
    if errors is not None:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


@bp.before_request
def authenticate():
    """Every endpoint but the OpenAPI document needs `Authorization: Bearer <token>`; 401 otherwise."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return api_error(401, "Send an API token: 'Authorization: Bearer <token>'.",
                         headers={"WWW-Authenticate": 'Bearer realm="werkbrug"'})
    token = api_tokens.authenticate(db.session, value.strip())
    if token is None:
        return api_error(401, "The API token is unknown or has been revoked.",
                         headers={"WWW-Authenticate": 'Bearer realm="werkbrug", error="invalid_token"'})
    g.api_token = token
    g.api_organisation = db.session.get(Organisation, token.organisation_id)
    return None


MESSAGES = {
    400: "The request is not valid.",
    404: "Not found.",
    405: "This method is not allowed here.",
    413: "The request body is larger than the limit.",
    415: "Send the body as application/json.",
    429: "Too many requests.",
}


@bp.errorhandler(HTTPException)
def http_error(exc: HTTPException):
    """Every HTTP error inside the API as JSON, never an HTML page or a hint about other organisations."""
    db.session.rollback()
    code = exc.code or 500
    return api_error(code, getattr(exc, "werkbrug_message", None) or MESSAGES.get(code, exc.name))
