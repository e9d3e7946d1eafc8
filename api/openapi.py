"""The OpenAPI 3 description of the service, built from the limits in force."""

from __future__ import annotations

from summarizer import __version__

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "field"],
            "properties": {
                "code": {"type": "string", "example": "invalid_input"},
                "message": {"type": "string"},
                "field": {"type": ["string", "null"], "example": "documents[2].text"},
            },
        },
        "request_id": {"type": ["string", "null"]},
    },
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def openapi_document(config: dict) -> dict:
    document_object = {
        "type": "object",
        "required": ["text"],
        "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "pattern": r"\S", "maxLength": config["MAX_DOCUMENT_CHARS"],
                     "description": "the article, plain text; not blank"},
            "id": {"type": ["string", "integer"], "description": "defaults to the article's index"},
            "title": {"type": ["string", "null"]},
            "source": {"type": ["string", "null"]},
            "url": {"type": ["string", "null"]},
            "published": {"type": ["string", "null"], "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}",
                          "description": "ISO 8601 date or time, e.g. 2024-10-12 or 2024-10-12T08:30:00+02:00 "
                                         "(a time without a zone is UTC); orders the brief"},
        },
    }
    request_schema = {
        "type": "object",
        "required": ["documents"],
        "additionalProperties": False,
        "properties": {
            "documents": {
                "type": "array",
                "minItems": 1,
                "maxItems": config["MAX_DOCUMENTS"],
                "items": {"oneOf": [{"type": "string", "pattern": r"\S", "maxLength": config["MAX_DOCUMENT_CHARS"]},
                                   document_object]},
                "description": "articles about one event; ids must be unique",
            },
            "max_words": {"type": ["integer", "null"], "minimum": 1, "maximum": config["MAX_WORDS_LIMIT"],
                          "description": "word budget; default 100 unless only max_sentences is given"},
            "max_sentences": {"type": ["integer", "null"], "minimum": 1, "maximum": config["MAX_SENTENCES_LIMIT"]},
            "query": {"type": ["string", "null"], "pattern": r"\S", "maxLength": config["MAX_QUERY_CHARS"],
                      "description": "focus the brief on this question or topic"},
            "diversity": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        },
    }
    sentence = {
        "type": "object",
        "required": ["text", "document_id", "start", "end", "sources"],
        "properties": {
            "text": {"type": "string", "description": "exactly documents[document_id].text[start:end]"},
            "document_id": {"type": "string"},
            "start": {"type": "integer"},
            "end": {"type": "integer"},
            "sources": {"type": "array", "items": {"type": "string"},
                        "description": "the article it was taken from, then every other article reporting it"},
            "score": {"type": "number"},
        },
    }
    brief = {
        "type": "object",
        "required": ["text", "word_count", "sentences", "documents", "options", "timing", "version", "request_id"],
        "properties": {
            "text": {"type": "string"},
            "word_count": {"type": "integer"},
            "sentences": {"type": "array", "items": sentence},
            "documents": {"type": "array", "items": {"type": "object"}},
            "query": {"type": ["string", "null"]},
            "max_words": {"type": ["integer", "null"]},
            "max_sentences": {"type": ["integer", "null"]},
            "warnings": {"type": "array", "items": {"type": "string"}},
            "options": {"type": "object"},
            "timing": {"type": "object", "additionalProperties": {"type": "number"}, "description": "milliseconds"},
            "version": {"type": "string"},
            "request_id": {"type": "string"},
        },
    }
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
                        "200": {"description": "the brief", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Brief"}}}},
                        "400": _error("invalid JSON, a wrong shape or value, or a limit exceeded; `field` names where"),
                        "413": _error(f"body over {config['MAX_CONTENT_LENGTH']} bytes"),
                        "415": _error("body not sent as application/json"),
                        "503": _error("the model is not available"),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Readiness: 200 once the model is loaded",
                    "operationId": "health",
                    "responses": {
                        "200": {"description": "ready", "content": {"application/json": {"schema": {"type": "object"}}}},
                        "503": {"description": "still loading", "content": {"application/json": {"schema": {"type": "object"}}}},
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
            "/openapi.json": {
                "get": {"summary": "This description", "operationId": "openapi",
                        "responses": {"200": {"description": "OpenAPI 3 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}
            },
        },
        "components": {"schemas": {"SummarizeRequest": request_schema, "Brief": brief, "Error": ERROR}},
    }
