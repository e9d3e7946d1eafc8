"""The OpenAPI 3 description of the service: its paths, with the schemas of `schema.py` and the limits in force."""

from __future__ import annotations

from summarizer import __version__

from .schema import schemas

HEADERS = {
    "X-Request-ID": {"description": "the request's id (the client's X-Request-ID when it is 1-64 of A-Z a-z 0-9 . _ -), "
                                    "also in the body's request_id and the log", "schema": {"type": "string"}},
    "X-Service-Version": {"description": "the service's version", "schema": {"type": "string"}},
    "Retry-After": {"description": "seconds to wait before trying again (429 and 503 only)",
                    "schema": {"type": "integer"}},
    "X-RateLimit-Limit": {"description": "requests allowed per window (when a rate limit is set)",
                          "schema": {"type": "integer"}},
    "X-RateLimit-Remaining": {"description": "requests left in the window", "schema": {"type": "integer"}},
    "X-RateLimit-Reset": {"description": "when the window ends (Unix time)", "schema": {"type": "integer"}},
}
ALWAYS = ("X-Request-ID", "X-Service-Version")
LIMITED = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def _headers(*names: str) -> dict:
    return {name: {"$ref": f"#/components/headers/{name}"} for name in (*ALWAYS, *names)}


def _error(description: str, *headers: str) -> dict:
    return {"description": description, "headers": _headers(*headers),
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _json(name: str, description: str, *headers: str) -> dict:
    return {"description": description, "headers": _headers(*headers),
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}


def _server_errors(limited: bool = True, body: bool = False) -> dict:
    """What any route may answer, from the server in front of the app or the app itself."""
    answers = {
        "400": _error("not valid HTTP, or a body length that could be read two ways (`bad_request`; the connection is "
                      "closed)"),
        "404": _error("no such route (`not_found`)"),
        "408": _error("the request head or body did not arrive in time (`request_timeout`)"),
        "414": _error("a URL over 8 KB (`uri_too_long`)"),
        "431": _error("headers over 16 KB (`header_too_large`)"),
        "500": _error("the service failed on this request (`internal_error`; logged, no internals shown)"),
    }
    if limited:
        answers["429"] = _error("too many requests from this address (`too_many_requests`)", "Retry-After", *LIMITED)
    if body:
        answers["503"] = _error("busy (`busy`: its threads and queue are full, or it holds as many request bodies as "
                                "it can)", "Retry-After")
    return answers


def _with(specific: dict, limited: bool = True, body: bool = False) -> dict:
    return {**_server_errors(limited, body), **specific}


def _post(config: dict, summary: str, operation: str, name: str, what: str) -> dict:
    """A route that takes articles: the request and response schemas `<name>Request` and `<name>Response`."""
    return {"post": {
        "summary": summary,
        "operationId": operation,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "$ref": f"#/components/schemas/{name}Request"}}}},
        "responses": _with({
            "200": _json(f"{name}Response", what, *LIMITED),
            "400": _error("invalid JSON, a wrong shape or value, a limit exceeded, or a link that could not be fetched; "
                          "`field` names where"),
            "405": _error("another method than POST (`method_not_allowed`; Allow says which)"),
            "413": _error(f"body over {config['MAX_CONTENT_LENGTH']} bytes (`payload_too_large`)"),
            "415": _error("body not sent as application/json (`unsupported_media_type`)"),
            "503": _error(f"the model is not available (`model_unavailable`), the {operation} took longer than the time "
                          "limit counted from the request's arrival (`timeout`), or the worker is busy (`busy`)",
                          "Retry-After"),
        }, body=True),
    }}


def _static(summary: str, operation: str, media: str) -> dict:
    return {"get": {"summary": summary, "operationId": operation,
                    "responses": _with({"200": {"description": summary, "headers": _headers(*LIMITED),
                                                "content": {media: {"schema": {"type": "string"}}}}})}}


def openapi_document(config: dict) -> dict:
    """Paths written here; every schema generated from the models in `schema.py`."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "news-brief", "version": __version__,
                 "description": "Several news articles about one event in; one short brief with sources out."},
        "paths": {
            "/v1/summarize": _post(config, "Summarize articles into one brief", "summarize", "Summarize", "the brief"),
            "/v1/digest": _post(config, "Group articles about several stories into stories, one brief each", "digest",
                                "Digest", "the stories, each with its brief"),
            "/v1/timeline": _post(config, "Put a story's articles in date order: dated entries with their sources",
                                  "timeline", "Timeline", "the timeline"),
            "/healthz": {
                "get": {
                    "summary": "Readiness: 200 once the model is loaded (answered by the server's event loop, never "
                               "kept waiting by briefs; not rate-limited)",
                    "operationId": "health",
                    "responses": _with({
                        "200": _json("Health", "ready"),
                        "503": _json("Health", "still loading, or the model failed to load (`reason` says why)"),
                    }, limited=False),
                }
            },
            "/v1/sample": {
                "get": {
                    "summary": "The sample articles (the seed cluster), to try the service",
                    "operationId": "sample",
                    "responses": _with({
                        "200": {"description": "sample articles", "headers": _headers(*LIMITED),
                                "content": {"application/json": {"schema": {
                                    "type": "object", "required": ["documents"],
                                    "properties": {"documents": {"type": "array", "items": {"type": "object"}}}}}}},
                        "404": _error("no sample articles installed (`not_found`)"),
                    }),
                }
            },
            "/": _static("The web page: paste articles, read the brief with its sources", "page", "text/html"),
            "/app.js": _static("The web page's script", "pageScript", "text/javascript"),
            "/favicon.svg": _static("The page's icon (also at /favicon.ico)", "favicon", "image/svg+xml"),
            "/docs": _static("This description, to read in a browser (Swagger UI)", "docs", "text/html"),
            "/metrics": {"get": {"summary": "Metrics in Prometheus' text format (not rate-limited)",
                                 "operationId": "metrics",
                                 "responses": _with({"200": {"description": "metrics", "headers": _headers(),
                                                             "content": {"text/plain": {"schema": {"type": "string"}}}}},
                                                    limited=False)}},
            "/openapi.json": {
                "get": {"summary": "This description", "operationId": "openapi",
                        "responses": _with({"200": {"description": "OpenAPI 3 document", "headers": _headers(*LIMITED),
                                                    "content": {"application/json": {"schema": {"type": "object"}}}}})}
            },
        },
        "components": {"schemas": schemas(config), "headers": HEADERS},
    }
