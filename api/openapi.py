"""The OpenAPI 3 description of the service: its paths, with the schemas of `schema.py` and the limits in force."""

from __future__ import annotations

from summarizer import __version__

from .schema import schemas

def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _json(name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}


def openapi_document(config: dict) -> dict:
    """Paths written here; every schema generated from the models in `schema.py`."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "news-brief", "version": __version__,
                 "description": "Several news articles about one event in; one short brief with sources out."},
        "paths": {
            "/v1/summarize": {
                "post": {
                    "summary": "Summarize articles into one brief",
                    "operationId": "summarize",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SummarizeRequest"}}}},
                    "responses": {
                        "200": _json("SummarizeResponse", "the brief"),
                        "400": _error("invalid JSON, a wrong shape or value, or a limit exceeded; `field` names where"),
                        "413": _error(f"body over {config['MAX_CONTENT_LENGTH']} bytes"),
                        "415": _error("body not sent as application/json"),
                        "429": _error("too many requests from this address; try again after Retry-After seconds"),
                        "503": _error("the model is not available, the brief took longer than the time limit (`timeout`), or the "
                                      "worker is busy (`busy`); with Retry-After"),
                    },
                }
            },
            "/v1/digest": {
                "post": {
                    "summary": "Group articles about several stories into stories, one brief each",
                    "operationId": "digest",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DigestRequest"}}}},
                    "responses": {
                        "200": _json("DigestResponse", "the stories, each with its brief"),
                        "400": _error("invalid JSON, a wrong shape or value, or a limit exceeded; `field` names where"),
                        "413": _error(f"body over {config['MAX_CONTENT_LENGTH']} bytes"),
                        "415": _error("body not sent as application/json"),
                        "429": _error("too many requests from this address; try again after Retry-After seconds"),
                        "503": _error("the model is not available, the digest took longer than the time limit (`timeout`), or the "
                                      "worker is busy (`busy`); with Retry-After"),
                    },
                }
            },
            "/v1/timeline": {
                "post": {
                    "summary": "Put a story's articles in date order: dated entries with their sources",
                    "operationId": "timeline",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TimelineRequest"}}}},
                    "responses": {
                        "200": _json("TimelineResponse", "the timeline"),
                        "400": _error("invalid JSON, a wrong shape or value, or a limit exceeded; `field` names where"),
                        "413": _error(f"body over {config['MAX_CONTENT_LENGTH']} bytes"),
                        "415": _error("body not sent as application/json"),
                        "429": _error("too many requests from this address; try again after Retry-After seconds"),
                        "503": _error("the model is not available, the timeline took longer than the time limit (`timeout`), or the "
                                      "worker is busy (`busy`); with Retry-After"),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Readiness: 200 once the model is loaded",
                    "operationId": "health",
                    "responses": {
                        "200": _json("Health", "ready"),
                        "503": _json("Health", "still loading, or the model failed to load (`reason` says why)"),
                    },
                }
            },
            "/v1/sample": {
                "get": {
                    "summary": "The sample articles (the seed cluster), to try the service",
                    "operationId": "sample",
                    "responses": {
                        "200": {"description": "sample articles", "content": {"application/json": {"schema": {
                            "type": "object", "required": ["documents"],
                            "properties": {"documents": {"type": "array", "items": {"type": "object"}}}}}}},
                        "404": _error("no sample articles installed"),
                    },
                }
            },
            "/": {
                "get": {"summary": "The web page: paste articles, read the brief with its sources", "operationId": "page",
                        "responses": {"200": {"description": "HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}}}
            },
            "/app.js": {
                "get": {"summary": "The web page's script", "operationId": "pageScript",
                        "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {"schema": {"type": "string"}}}}}}
            },
            "/favicon.svg": {
                "get": {"summary": "The page's icon (also at /favicon.ico)", "operationId": "favicon",
                        "responses": {"200": {"description": "SVG image", "content": {"image/svg+xml": {"schema": {"type": "string"}}}}}}
            },
            "/openapi.json": {
                "get": {"summary": "This description", "operationId": "openapi",
                        "responses": {"200": {"description": "OpenAPI 3 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}
            },
        },
        "components": {"schemas": schemas(config)},
    }
