"""Reading a summarize request: the body must be a JSON object of known fields with the right types."""

from __future__ import annotations

import json
from typing import Any

from flask import Request

from summarizer.documents import FIELDS as ARTICLE_FIELDS

from .errors import ApiError

FIELDS = {"documents", "max_words", "max_sentences", "query", "diversity"}
DOCUMENT_FIELDS = set(ARTICLE_FIELDS)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def read_json(request: Request) -> Any:
    """The parsed body; 415 for another content type, 400 for anything that is not JSON."""
    if not request.mimetype or request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the request body as JSON with Content-Type: application/json")
    raw = request.get_data(cache=False)
    if not raw.strip():
        raise ApiError(400, "invalid_json", "the request body is empty; send a JSON object with 'documents'")
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError as error:
        raise ApiError(400, "invalid_json", f"the request body is not UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise ApiError(400, "invalid_json", f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except (ValueError, RecursionError) as error:
        message = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise ApiError(400, "invalid_json", f"invalid JSON: {message}") from None


def _check_text(value: str, field: str, limit: int) -> None:
    if len(value) > limit:
        raise ApiError(400, "limit_exceeded", f"is {len(value)} characters; the limit is {limit}", field)


def _whole(value: Any, field: str, limit: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, "invalid_input", f"must be a whole number or null, not {json.dumps(value)[:40]}", field)
    if not 1 <= value <= limit:
        raise ApiError(400, "invalid_input", f"must be from 1 to {limit}, not {value}", field)


def summarize_arguments(body: Any, config: dict) -> dict:
    """Keyword arguments for `summarizer.summarize` from a request body, or ApiError naming the field."""
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_input", "the body must be a JSON object with 'documents'")
    unknown = sorted(set(body) - FIELDS)
    if unknown:
        raise ApiError(400, "unknown_field", f"unknown field; known fields: {', '.join(sorted(FIELDS))}", unknown[0])
    if "documents" not in body or body["documents"] is None:
        raise ApiError(400, "missing_field", "is required: a list of articles (strings or objects with 'text')", "documents")
    documents = body["documents"]
    if not isinstance(documents, list):
        raise ApiError(400, "invalid_input", "must be a list of articles (strings or objects with 'text')", "documents")
    if len(documents) > config["MAX_DOCUMENTS"]:
        raise ApiError(400, "limit_exceeded", f"{len(documents)} articles; the limit is {config['MAX_DOCUMENTS']}", "documents")
    for index, document in enumerate(documents):
        where = f"documents[{index}]"
        if isinstance(document, str):
            _check_text(document, where, config["MAX_DOCUMENT_CHARS"])
        elif isinstance(document, dict):
            extra = sorted(set(document) - DOCUMENT_FIELDS)
            if extra:
                raise ApiError(400, "unknown_field", f"unknown field; known: {', '.join(sorted(DOCUMENT_FIELDS))}", f"{where}.{extra[0]}")
            for name in ("text", "title", "source", "url", "published", "id"):
                if isinstance(document.get(name), str):
                    limit = config["MAX_DOCUMENT_CHARS"] if name == "text" else 2000
                    _check_text(document[name], f"{where}.{name}", limit)
    _whole(body.get("max_words"), "max_words", config["MAX_WORDS_LIMIT"])
    _whole(body.get("max_sentences"), "max_sentences", config["MAX_SENTENCES_LIMIT"])
    query = body.get("query")
    if isinstance(query, str):
        _check_text(query, "query", config["MAX_QUERY_CHARS"])

    # Types and ranges the engine knows (query, diversity, texts) are checked by the engine itself.
    arguments = {"documents": documents, "max_sentences": body.get("max_sentences"), "query": query,
                 "diversity": body.get("diversity")}
    # Left out, max_words takes the engine's default (unless only max_sentences is given).
    if body.get("max_words") is not None:
        arguments["max_words"] = body["max_words"]
    return arguments
