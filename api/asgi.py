"""The service as the server runs it: the Flask app behind a layer that reads each request whole before any thread
takes it.

A client that sends its body slowly, or stops halfway, holds only a socket in the event loop, never one of the
threads that make briefs. The layer also
- gives every request its id before anything can go wrong, and marks when it arrived (the time limit counts from
  there, time spent waiting for a thread included);
- answers /healthz itself, from the event loop, so no summarization can keep it waiting;
- refuses ambiguous framing (both Content-Length and Transfer-Encoding, RFC 9112 §6.3; a Content-Length that is not
  one number; a coding other than chunked) with 400 and closes the connection;
- refuses a body over the size limit (413) from its Content-Length or as it arrives (chunked), gives up on a body that
  takes longer than BODY_TIME_LIMIT seconds to arrive (408), and hands the app a chunked body with its length;
- runs small requests (bodies up to 64 KB) on threads of their own, so large ones queued never delay them;
- admits at most threads + MAX_QUEUED requests to the app at once (and as many small ones) and holds at most MAX_BUFFERED_BYTES of request
  bodies at once (bodies over 1 MB at most three quarters of it, so small requests still get in): beyond either,
  503 "busy" with Retry-After.
Its own answers have the app's JSON error shape.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from typing import Any, Awaitable, Callable

from a2wsgi import WSGIMiddleware

from summarizer import __version__

from .app import ARRIVAL_HEADER, REQUEST_ID, create_app
from .errors import error_document
from .model import health_document

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
MAX_TARGET_BYTES = 8190  # path and query; longer gets 414
MAX_HEADER_BYTES = 16384  # all header names and values; more gets 431
CONTENT_LENGTH = re.compile(rb"0|[1-9][0-9]{0,18}")
BUSY_RETRY_AFTER = b"2"
SMALL_BODY_BYTES = 1024 * 1024
LIGHT_BODY_BYTES = 64 * 1024
LIGHT_THREADS = 4
ARRIVAL = ARRIVAL_HEADER.lower().encode()


def new_request_id() -> str:
    return uuid.uuid4().hex


def error_body(code: str, message: str, request_id: str, field: str | None = None) -> bytes:
    return json.dumps(error_document(code, message, field, request_id)).encode()


def error_headers(body: bytes, request_id: str, extra: tuple[tuple[bytes, bytes], ...] = ()) -> list:
    return [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"x-request-id", request_id.encode()), (b"x-service-version", __version__.encode()),
            (b"x-content-type-options", b"nosniff"), (b"connection", b"close"), *extra]


def framing_problem(headers: list[tuple[bytes, bytes]]) -> str | None:
    """What makes the request's length ambiguous, if anything."""
    lengths = [value for name, value in headers if name == b"content-length"]
    codings = [value for name, value in headers if name == b"transfer-encoding"]
    if lengths and codings:
        return "the request gives both Content-Length and Transfer-Encoding"
    if len(lengths) > 1 or (lengths and not CONTENT_LENGTH.fullmatch(lengths[0].strip())):
        return "the request's Content-Length is not one number"
    if len(codings) > 1 or (codings and codings[0].strip().lower() != b"chunked"):
        return "the request's Transfer-Encoding is not 'chunked'"
    return None


class WholeRequests:
    """ASGI middleware: the wrapped app is called with the complete body already read."""

    def __init__(self, app, max_body_bytes: int, body_time_limit: float, threads: int = 8, max_queued: int = 32,
                 max_buffered_bytes: int = 64 * 2**20, health=None, light_app=None, refused=None):
        self.app = app
        self.refused = refused  # called with the code of each refusal of its own ("busy" counted in /metrics)
        # Small requests (bodies up to LIGHT_BODY_BYTES: a few articles, the page's own calls) go to `light_app`, the
        # same app on threads of its own, so that a queue of large requests never stands in front of them.
        self.light_app = light_app
        self.max_body_bytes = max_body_bytes
        self.body_time_limit = body_time_limit
        self.max_admitted = threads + max_queued
        self.max_buffered_bytes = max_buffered_bytes
        self.health = health
        self.admitted = 0  # requests handed to the app and not yet answered (at work or waiting for a thread)
        self.admitted_light = 0  # the same, of the small requests' lane
        self.buffered = 0  # bytes of request bodies held now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        arrived = time.monotonic()
        headers = dict(scope["headers"])
        offered = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = offered if REQUEST_ID.fullmatch(offered) else new_request_id()

        async def refuse(status: int, code: str, message: str, extra=()) -> None:
            if self.refused is not None:
                self.refused(code)
            body = error_body(code, message, request_id)
            await send({"type": "http.response.start", "status": status,
                        "headers": error_headers(body, request_id, extra)})
            await send({"type": "http.response.body", "body": body})

        problem = framing_problem(scope["headers"])
        if problem:
            return await refuse(400, "bad_request", f"{problem}; send one of them, once")
        target = len(scope.get("raw_path", b"")) + len(scope.get("query_string", b""))
        if target > MAX_TARGET_BYTES:
            return await refuse(414, "uri_too_long", f"the URL is {target} bytes; the limit is {MAX_TARGET_BYTES}")
        head = sum(len(name) + len(value) for name, value in scope["headers"])
        if head > MAX_HEADER_BYTES:
            return await refuse(431, "header_too_large",
                                f"the headers are {head} bytes; the limit is {MAX_HEADER_BYTES}")
        if self.health is not None and scope["path"] == "/healthz" and scope["method"] in ("GET", "HEAD"):
            document, status = self.health()
            body = json.dumps(document).encode()
            head = [(name, value) for name, value in error_headers(body, request_id) if name != b"connection"]
            await send({"type": "http.response.start", "status": status,
                        "headers": head + [(b"cache-control", b"no-store")]})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return
        declared = headers.get(b"content-length")
        if declared is not None and int(declared) > self.max_body_bytes:
            return await refuse(413, "payload_too_large",
                                f"request body is {int(declared)} bytes; the limit is {self.max_body_bytes}")
        busy = ((b"retry-after", BUSY_RETRY_AFTER),)
        chunks: list[bytes] = []
        size = held = 0
        try:
            try:
                async with asyncio.timeout(self.body_time_limit):
                    while True:
                        message = await receive()
                        if message["type"] == "http.disconnect":
                            return
                        chunk = message.get("body", b"")
                        size += len(chunk)
                        if size > self.max_body_bytes:
                            return await refuse(413, "payload_too_large",
                                                f"request body is larger than the limit of {self.max_body_bytes} bytes")
                        # Large bodies may fill only part of it: small requests still get in while they are held.
                        room = self.max_buffered_bytes if max(size, int(declared or 0)) <= SMALL_BODY_BYTES else (
                            self.max_buffered_bytes * 3 // 4)
                        if self.buffered + len(chunk) > room:
                            return await refuse(503, "busy", "the service holds as many request bodies as it can; "
                                                             "try again after Retry-After seconds", busy)
                        self.buffered += len(chunk)
                        held += len(chunk)
                        chunks.append(chunk)
                        if not message.get("more_body", False):
                            break
            except TimeoutError:
                return await refuse(408, "request_timeout",
                                    f"the request body did not arrive within {self.body_time_limit:g} s")
            body = b"".join(chunks)
            chunks.clear()
            # The app gets the body with its length (a chunked body too), the request's id and when it arrived.
            scope = {**scope, "headers": [(k, v) for k, v in scope["headers"]
                                          if k not in (b"x-request-id", b"content-length", b"transfer-encoding",
                                                       ARRIVAL)]
                     + [(b"x-request-id", request_id.encode()), (ARRIVAL, repr(arrived).encode())]
                     + ([(b"content-length", str(len(body)).encode())] if body or declared is not None else [])}
            delivered = False

            async def replay() -> dict:
                nonlocal delivered
                if not delivered:
                    delivered = True
                    return {"type": "http.request", "body": body, "more_body": False}
                # After the body, the app only hears of the client leaving (or waits while it stays).
                return await receive()

            light = self.light_app is not None and size <= LIGHT_BODY_BYTES
            if not light and self.admitted >= self.max_admitted:
                return await refuse(503, "busy", f"the service is busy ({self.admitted} requests in this process); "
                                                 "try again after Retry-After seconds", busy)
            if light and self.admitted_light >= self.max_admitted:
                return await refuse(503, "busy", "the service is busy; try again after Retry-After seconds", busy)
            if light:
                self.admitted_light += 1
            else:
                self.admitted += 1
            try:
                await (self.light_app if light else self.app)(scope, replay, send)
            finally:
                if light:
                    self.admitted_light -= 1
                else:
                    self.admitted -= 1
        finally:
            self.buffered -= held
            chunks.clear()


def create_asgi_app(config: dict | None = None, threads: int = 8):
    """The app as served: Flask (`create_app(config)`) on `threads` threads, behind `WholeRequests`."""
    flask_app = create_app(config)
    settings = flask_app.config
    return WholeRequests(WSGIMiddleware(flask_app, workers=threads), settings["MAX_CONTENT_LENGTH"],
                         settings["BODY_TIME_LIMIT"], threads, settings["MAX_QUEUED"], settings["MAX_BUFFERED_BYTES"],
                         lambda: health_document(settings), WSGIMiddleware(flask_app, workers=LIGHT_THREADS),
                         lambda code: flask_app.extensions["metrics"].refusals.labels(code).inc() if code == "busy"
                         else None)
