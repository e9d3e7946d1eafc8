"""Reading a summarize request: the body must be a JSON object of known fields with the right types."""

from __future__ import annotations

import json
from typing import Any

from flask import Request

from pydantic import ValidationError

from .errors import ApiError
from .schema import FIELDS, first_error, request_model


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


def request_arguments(body: Any, config: dict, kind: str = "summarize") -> dict:
    """Keyword arguments for the engine's `summarize`, `digest` or `timeline` (`kind`) from a request body, or
    ApiError naming the field.

    The body is checked against the contract (`schema.request_model`, with the limits in `config`); what the
    contract cannot state (unique ids, calendar dates, lone surrogates) the engine checks itself.
    """
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_input", "the body must be a JSON object with 'documents'")
    present = {key: value for key, value in body.items() if not (key == "documents" and value is None)}
    model = request_model(config, kind)
    try:
        model.model_validate(present)
    except ValidationError as error:
        code, message, field = first_error(error, model)
        raise ApiError(400, code, message, field) from None
    together = len(body["documents"]) + len(body.get("seen") or ())
    if together > config["MAX_DOCUMENTS"]:
        raise ApiError(400, "limit_exceeded", f"documents and seen hold {together} articles together; the limit is "
                                              f"{config['MAX_DOCUMENTS']}", "seen")
    # A null option is an option left out, as in the library (summarizer/options.py).
    return {name: body.get(name) for name in FIELDS[kind]}
