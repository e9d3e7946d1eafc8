"""Every error the service sends is JSON: {"error": {"code", "message", "field"}, "request_id"}."""

from __future__ import annotations

import logging

from flask import Flask, g, jsonify
from werkzeug.exceptions import HTTPException

from summarizer import InputError, ModelLoadError, ResourceMissingError, TimeLimitError

log = logging.getLogger("api")

HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
    503: "unavailable",
}


class ApiError(Exception):
    """A request the service refuses, with the HTTP status, a stable code and the field at fault."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def error_document(code: str, message: str, field: str | None, request_id: str | None) -> dict:
    """The one shape of every error the service sends, from the app or from the server in front of it."""
    return {"error": {"code": code, "message": message, "field": field}, "request_id": request_id}


def error_response(status: int, code: str, message: str, field: str | None = None):
    return jsonify(error_document(code, message, field, g.get("request_id"))), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(error: ApiError):
        if error.code == "fetch_failed":
            app.extensions["metrics"].fetch_failures.inc()
        response, status = error_response(error.status, error.code, error.message, error.field)
        if status == 503:
            response.headers["Retry-After"] = "2"
        return response, status

    @app.errorhandler(InputError)
    def input_error(error: InputError):
        return error_response(400, error.code, error.message, error.field)

    @app.errorhandler(ResourceMissingError)
    @app.errorhandler(ModelLoadError)
    def resource_missing(error: Exception):
        log.error("request %s: %s", g.get("request_id"), error)
        return error_response(503, "model_unavailable", str(error))

    @app.errorhandler(TimeLimitError)
    def time_limit(error: TimeLimitError):
        limit = app.config["REQUEST_TIME_LIMIT"]
        response, status = error_response(
            503, "timeout", f"the brief took longer than the limit of {limit} s; send fewer or shorter articles")
        response.headers["Retry-After"] = "5"
        return response, status

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        status = error.code or 500
        message = {
            404: "no such endpoint; see /openapi.json",
            405: "method not allowed here; see /openapi.json",
            413: f"request body is larger than the limit of {app.config['MAX_CONTENT_LENGTH']} bytes",
            429: f"too many requests from this address (limit: {error.description}); try again after Retry-After "
                 "seconds",
        }.get(status, error.description or error.name)
        response, status = error_response(status, HTTP_CODES.get(status, "http_error"), message)
        if status == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response, status

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        # Logged with its traceback for the operator; the client gets no internals.
        log.exception("request %s failed", g.get("request_id"))
        return error_response(500, "internal_error", "the service failed on this request; it has been logged")
