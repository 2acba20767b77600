"""The OpenAPI 3.1 document of the partner API, kept next to the code it describes."""
from __future__ import annotations

EDUCATION = ["none", "primary", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", "wo",
             "foreign_unrecognised"]
CEFR = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"]


def _nullable(type_: str, **extra) -> dict:
    return {"type": [type_, "null"], **extra}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


UNAUTHORIZED = {
    "description": "No token, or an unknown or revoked one.",
    "headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer realm=\"werkbrug\""}},
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}

# The HTTP server in front (gunicorn: limit_request_line 4094) refuses a longer request line before Werkbrug
# sees it, with a plain-text or HTML body.
URI_TOO_LONG = {"description": "The request line is longer than the HTTP server accepts (4,094 bytes under gunicorn)."}

# The matcher's index is built by a background job, never in a request: until the first one is done.
INDEX_NOT_READY = {
    "description": "The suggestions are being computed: your organisation's matcher index is being built "
                   "(after an installation or a database restore). Try again after Retry-After seconds.",
    "headers": {"Retry-After": {"schema": {"type": "integer", "minimum": 1}, "description": "Seconds to wait."}},
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}

SCHEMAS = {
    "Error": {
        "type": "object", "required": ["error"],
        "properties": {
            "error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "integer"}, "message": {"type": "string"},
                "request_id": _nullable("string", description="Quote this when asking for help."),
            }},
            "errors": {"type": "array", "items": {"type": "string"},
                       "description": "One line per problem, each starting with its path, e.g. `candidates[3].birth_date: ...`"},
        },
    },
    "Employer": {
        "type": "object", "required": ["name"],
        "properties": {"name": {"type": "string"}, "kvk": _nullable("string", pattern="^[0-9]{8}$"),
                       "external_id": _nullable("string", description="Only for the organisation's own employers.")},
    },
    "Vacancy": {
        "type": "object",
        "required": ["external_id", "organisation", "shared", "title", "status", "updated_at"],
        "properties": {
            "external_id": {"type": "string"},
            "organisation": {"type": "string", "description": "Key of the organisation that owns the vacancy."},
            "shared": {"type": "boolean", "description": "True when another organisation shared it with yours (read-only)."},
            "employer": {"oneOf": [{"$ref": "#/components/schemas/Employer"}, {"type": "null"}]},
            "title": {"type": "string"}, "occupation": _nullable("string"), "description": _nullable("string"),
            "required_skills": {"type": "array", "items": {"type": "string"}},
            "preferred_skills": {"type": "array", "items": {"type": "string"}},
            "hours_min": _nullable("integer", minimum=1, maximum=48),
            "hours_max": _nullable("integer", minimum=1, maximum=48),
            "postcode": _nullable("string"), "city": _nullable("string"),
            "education_min": {"enum": EDUCATION + [None]},
            "driving_licence": _nullable("string"),
            "dutch_min": {"enum": CEFR + [None]},
            "start_date": _nullable("string", format="date"), "closing_date": _nullable("string", format="date"),
            "status": {"enum": ["open", "on_hold", "filled", "closed"]},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
        },
    },
    "VacancyPage": {
        "type": "object", "required": ["data", "page", "per_page", "total", "next"],
        "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/Vacancy"}},
            "page": {"type": "integer", "minimum": 1}, "per_page": {"type": "integer", "minimum": 1, "maximum": 200},
            "total": {"type": "integer", "minimum": 0},
            "next": _nullable("string", format="uri-reference",
                              description="The next page, or null on the last one: absolute under the installation's "
                                          "configured address, otherwise a path on this server."),
        },
    },
    "ImportBody": {
        "type": "object", "required": ["format"], "additionalProperties": False,
        "description": "The werkbrug-import/1 format (docs/import/IMPORT-FORMAT.md); checked against its JSON Schema.",
        "properties": {
            "format": {"const": "werkbrug-import/1"},
            "employers": {"type": "array", "items": {"type": "object"}},
            "vacancies": {"type": "array", "items": {"type": "object"}},
            "candidates": {"type": "array", "items": {"type": "object"}},
        },
    },
    "Counts": {
        "type": "object", "required": ["created", "updated", "unchanged"],
        "properties": {k: {"type": "integer", "minimum": 0} for k in ("created", "updated", "unchanged")},
    },
    "ImportResult": {
        "type": "object", "required": ["organisation", "counts"],
        "properties": {
            "organisation": {"type": "string"},
            "counts": {"type": "object", "properties": {k: {"$ref": "#/components/schemas/Counts"}
                                                        for k in ("employers", "vacancies", "candidates")}},
            "unmatched_wordings": {"type": "integer", "minimum": 0},
            "kept_in_werkbrug": {"type": "array", "items": {
                "type": "object", "required": ["candidate", "fields"],
                "properties": {"candidate": {"type": "string"}, "fields": {"type": "array", "items": {"type": "string"}}}},
                "description": "Candidates with fields a person changed in Werkbrug since; those fields were kept."},
        },
    },
    "ImportStatus": {
        "type": "object",
        "required": ["id", "status", "organisation", "size_bytes", "submitted_at", "started_at", "finished_at",
                     "status_url"],
        "description": "An import run by the worker. `done`: the fields of ImportResult (`counts`, ...). `failed`: "
                       "`error` and `errors`, one line per problem with its path, as the inline 422 answer; nothing "
                       "was written.",
        "properties": {
            "id": {"type": "string"},
            "status": {"enum": ["queued", "running", "done", "failed"]},
            "organisation": {"type": "string"},
            "size_bytes": {"type": "integer", "minimum": 0},
            "submitted_at": {"type": "string", "format": "date-time"},
            "started_at": _nullable("string", format="date-time"),
            "finished_at": _nullable("string", format="date-time"),
            "status_url": {"type": "string", "format": "uri-reference"},
            "counts": {"type": "object", "properties": {k: {"$ref": "#/components/schemas/Counts"}
                                                        for k in ("employers", "vacancies", "candidates")}},
            "unmatched_wordings": {"type": "integer", "minimum": 0},
            "kept_in_werkbrug": {"type": "array", "items": {"type": "object"}},
            "error": {"type": "object", "required": ["code", "message"],
                      "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}},
            "errors": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def document(server_url: str = "/api/v1") -> dict:
    """The OpenAPI 3.1 document, with ``server_url`` as the base of every path."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Werkbrug partner API", "version": "1.0.0",
            "description": "Vacancy exchange and import for partner systems. Every call but this document needs "
                           "`Authorization: Bearer <token>`; a coordinator creates tokens under Beheer → API-tokens. "
                           "A token sees its own organisation's vacancies and those shared with it, nothing else.",
        },
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "tags": [{"name": "vacancies"}, {"name": "import"}, {"name": "suggestions",
                 "description": "Matcher suggestions per vacancy (GET /vacancies/{external_id}/suggestions); "
                                "described by the matcher."}],
        "paths": {
            "/vacancies": {"get": {
                "tags": ["vacancies"], "operationId": "listVacancies",
                "summary": "Own vacancies and those shared with your organisation, oldest change first.",
                "parameters": [
                    {"name": "updated_since", "in": "query", "schema": {"type": "string", "format": "date-time"},
                     "description": "Only vacancies changed at or after this moment (ISO 8601; no zone means UTC)."},
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1_000_000,
                                                               "default": 1}},
                    {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
                ],
                "responses": {
                    "200": {"description": "One page.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VacancyPage"}}}},
                    "400": _error("A query parameter is not valid (`page` 1 to 1,000,000, `per_page` 1 to 200, "
                                  "`updated_since` ISO 8601); `errors` names it."),
                    "401": UNAUTHORIZED,
                    "414": URI_TOO_LONG,
                },
            }},
            "/vacancies/{external_id}": {"get": {
                "tags": ["vacancies"], "operationId": "getVacancy",
                "summary": "One vacancy: your own with this external id first, otherwise one shared with you.",
                "parameters": [{"name": "external_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "The vacancy.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Vacancy"}}}},
                    "401": UNAUTHORIZED,
                    "414": URI_TOO_LONG,
                    "404": _error("Not yours and not shared with you (or it does not exist)."),
                },
            }},
            "/vacancies/{external_id}/suggestions": {"get": {
                "tags": ["suggestions"], "operationId": "getSuggestions",
                "summary": "Your own candidates who fit this vacancy best, with reasons, best first.",
                "description": "Nobody who breaks a hard requirement (driving licence, travel distance, hours, "
                               "availability) is ever suggested, nor anyone scoring under the installation's minimum relevance "
                               "(MATCH_MIN_SCORE, default 0.2, the same as on the staff pages). "
                               "Suggestions are advice: a person decides.",
                "parameters": [
                    {"name": "external_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "top", "in": "query", "required": False,
                     "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
                ],
                "responses": {
                    "200": {"description": "Suggestions, best first.", "content": {"application/json": {"schema": {
                        "type": "object", "required": ["vacancy", "suggestions"],
                        "properties": {
                            "vacancy": {"type": "string"},
                            "suggestions": {"type": "array", "items": {
                                "type": "object", "required": ["candidate", "score", "reasons"],
                                "properties": {"candidate": {"type": "string", "description": "Your candidate's external_id."},
                                               "score": {"type": "number", "minimum": 0, "maximum": 1},
                                               "reasons": {"type": "array", "items": {"type": "string"}}}}},
                        }}}}},
                    "400": _error("`top` is not a whole number from 1 to 100."),
                    "401": UNAUTHORIZED,
                    "414": URI_TOO_LONG,
                    "404": _error("Not yours and not shared with you (or it does not exist)."),
                    "503": INDEX_NOT_READY,
                },
            }},
            "/import": {"post": {
                "tags": ["import"], "operationId": "importData",
                "summary": "Import employers, vacancies and candidates for your organisation (werkbrug-import/1).",
                "description": "The whole body is checked first: on any error nothing is written. Same body twice changes "
                               "nothing. A body larger than the installation's IMPORT_INLINE_MAX_BYTES (1 MB unless "
                               "configured) is stored and run in the background: the answer is 202 with a status URL "
                               "(`Location`), which gives the same counts or errors when it is done.",
                "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False,
                                "description": "Optional, 1 to 200 visible ASCII characters (e.g. a UUID). A retry with the "
                                               "same key and body within 24 hours gets the first answer again "
                                               "(header Idempotent-Replayed: true) and writes nothing.",
                                "schema": {"type": "string", "minLength": 1, "maxLength": 200}}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportBody"}}}},
                "responses": {
                    "200": {"description": "Imported; counts per list.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportResult"}}}},
                    "202": {"description": "A large body: stored, and imported in the background. Poll the status URL.",
                            "headers": {"Location": {"schema": {"type": "string"}, "description": "The status URL."},
                                        "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds until it is worth asking."}},
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportStatus"}}}},
                    "400": _error("The Idempotency-Key header is not 1 to 200 visible ASCII characters."),
                    "409": _error("A concurrent request with the same Idempotency-Key was processed first; send it again."),
                    "401": UNAUTHORIZED,
                    "414": URI_TOO_LONG,
                    "413": _error("The body is larger than the limit."),
                    "415": _error("The body is not sent as application/json."),
                    "422": _error("The body breaks the format (`errors` lists every problem with its path), or the "
                                  "Idempotency-Key was used before with a different body."),
                },
            }},
            "/imports/{import_id}": {"get": {
                "tags": ["import"], "operationId": "getImportStatus",
                "summary": "The state of a large import (queued, running, done, failed) and, when finished, its answer.",
                "parameters": [{"name": "import_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "The import's state.", "headers": {"Retry-After": {
                        "schema": {"type": "integer"}, "description": "While queued or running."}},
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportStatus"}}}},
                    "401": UNAUTHORIZED,
                    "414": URI_TOO_LONG,
                    "404": _error("No import with this id of your organisation (or it was forgotten after 7 days)."),
                },
            }},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "A token of your organisation, shown once when created."}},
            "schemas": SCHEMAS,
        },
    }
