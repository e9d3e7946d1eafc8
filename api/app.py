"""The application factory: nothing happens at import time."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, g, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from summarizer import Settings, Summarizer, __version__

from .config import DEFAULTS, from_environment
from .errors import ApiError, register_error_handlers
from .model import preload_model
from .views import routes

log = logging.getLogger("api")
# What a client sends is logged with CR, LF, NUL and other control characters escaped: one request, one log line.
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def loggable(text: str, limit: int = 200) -> str:
    shown = CONTROL.sub(lambda match: match.group(0).encode("unicode_escape").decode("ascii"), text[:limit])
    return shown + ("..." if len(text) > limit else "")
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# The page loads only its own script; no inline script can run, whatever an article contains.
CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"


def create_app(config: dict | None = None, summarizer: Summarizer | None = None) -> Flask:
    """Build the service; `config` overrides the defaults in api/config.py and the environment (read here, once);
    `summarizer` is the engine it answers with (default: one with the settings the environment gives)."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(from_environment())
    app.config.update(config or {})
    app.extensions["summarizer"] = summarizer if summarizer is not None else Summarizer(Settings.from_environment())
    app.config["DEBUG"] = False
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.json.sort_keys = False
    register_error_handlers(app)
    app.register_blueprint(routes)
    limit = app.config["RATE_LIMIT"].strip()
    # One budget per client address across every route (application limits), not one per route.
    limiter = Limiter(get_remote_address, app=app, application_limits=[limit] if limit else [], enabled=bool(limit),
                      storage_uri=app.config["RATE_LIMIT_STORAGE"], headers_enabled=True)
    limiter.exempt(app.view_functions["routes.health"])

    @app.before_request
    def start():
        g.started = time.perf_counter()
        offered = request.headers.get("X-Request-ID", "")
        g.request_id = offered if REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        length = request.content_length
        if length is not None and length > app.config["MAX_CONTENT_LENGTH"]:
            raise ApiError(413, "payload_too_large",
                           f"request body is {length} bytes; the limit is {app.config['MAX_CONTENT_LENGTH']}")

    @app.after_request
    def finish(response):
        response.headers["X-Request-ID"] = g.get("request_id", "")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Service-Version"] = __version__
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        log.info("%s %s %s %d %.1fms", g.get("request_id"), loggable(request.method), loggable(request.path),
                 response.status_code,
                 (time.perf_counter() - g.get("started", time.perf_counter())) * 1000)
        return response

    origins = [origin.strip() for origin in app.config["CORS_ORIGINS"].split(",") if origin.strip()]
    if origins:
        # Preflight answered with the methods and headers a JSON POST needs; the ids and version readable.
        CORS(app, origins="*" if "*" in origins else origins, methods=["GET", "POST", "OPTIONS"],
             allow_headers=["Content-Type", "X-Request-ID"], expose_headers=["X-Request-ID", "X-Service-Version",
                                                                             "Retry-After"], max_age=600)
    if app.config["PRELOAD_MODEL"]:
        preload_model(app.extensions["summarizer"])
    return app
