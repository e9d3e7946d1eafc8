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
from .metrics import Metrics
from .model import model_status, preload_model
from .views import routes

log = logging.getLogger("api")
# What a client sends is logged with CR, LF, NUL and other control characters escaped: one request, one log line.
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def loggable(text: str, limit: int = 200) -> str:
    shown = CONTROL.sub(lambda match: match.group(0).encode("unicode_escape").decode("ascii"), text[:limit])
    return shown + ("..." if len(text) > limit else "")
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Set by the layer in front (api/asgi.py) to when the request arrived, on this process's monotonic clock; a client's
# own value never reaches the app.
ARRIVAL_HEADER = "X-Summarizer-Arrival"
# Methods counted by name in /metrics; any other is "other" (a client cannot grow the label set).
KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}


def arrival(value: str | None) -> float:
    """When the request arrived: the layer in front's mark, else now (the app on its own)."""
    try:
        return min(float(value), time.monotonic()) if value else time.monotonic()
    except ValueError:
        return time.monotonic()
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
    metrics = app.extensions["metrics"] = Metrics()
    app.config["DEBUG"] = False
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.json.sort_keys = False
    register_error_handlers(app)
    app.register_blueprint(routes)

    @app.before_request
    def start():  # registered before the rate limiter's check, so that a 429 has the request's id too
        g.started = time.perf_counter()
        g.arrival = arrival(request.headers.get(ARRIVAL_HEADER))
        offered = request.headers.get("X-Request-ID", "")
        g.request_id = offered if REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex

    @app.after_request
    def retry_after_only_to_wait(response):  # registered before the limiter's, so it runs after it
        if response.status_code not in (429, 503):  # the limiter adds it to every answer; it means "wait" only there
            response.headers.pop("Retry-After", None)
        return response

    limit = app.config["RATE_LIMIT"].strip()
    # One budget per client address across every route (application limits), not one per route; requests for no
    # route (404) or with a wrong method (405) count too.
    limiter = Limiter(get_remote_address, app=app, application_limits=[limit] if limit else [], enabled=bool(limit),
                      storage_uri=app.config["RATE_LIMIT_STORAGE"], headers_enabled=True,
                      request_identifier=lambda: request.endpoint or "unrouted")
    limiter.exempt(app.view_functions["routes.health"])
    limiter.exempt(app.view_functions["routes.metrics"])
    app.extensions["rate_limiter"] = limiter

    @app.before_request
    def check_length():
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
        seconds = time.perf_counter() - g.get("started", time.perf_counter())
        log.info("%s %s %s %d %.1fms", g.get("request_id"), loggable(request.method), loggable(request.path),
                 response.status_code, seconds * 1000)
        route = request.url_rule.rule if request.url_rule is not None else "unrouted"
        method = request.method if request.method in KNOWN_METHODS else "other"
        metrics.requests.labels(route, method, str(response.status_code)).inc()
        metrics.latency.labels(route).observe(seconds)
        for stage, spent in g.get("stages", {}).items():
            metrics.stages.labels(route, stage).observe(spent)
        if response.status_code == 429:
            metrics.refusals.labels("rate_limit").inc()
        metrics.model_ready.set(1 if model_status()[0] == "ready" else 0)
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
