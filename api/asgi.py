"""The service as the server runs it: the Flask app behind a layer that reads each request whole before any thread
takes it.

A client that sends its body slowly, or stops halfway, holds only a socket in the event loop, never one of the
threads that make briefs (or answer /healthz). The layer also gives every request its id before anything can go
wrong, refuses a body over the size limit (413) from its Content-Length or as it arrives (chunked), and gives up on a
body that takes longer than BODY_TIME_LIMIT seconds to arrive (408). Its own answers have the app's JSON error shape.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any, Awaitable, Callable

from a2wsgi import WSGIMiddleware

from summarizer import __version__

from .app import REQUEST_ID, create_app
from .errors import error_document

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
MAX_TARGET_BYTES = 8190  # path and query; longer gets 414
MAX_HEADER_BYTES = 16384  # all header names and values; more gets 431


def new_request_id() -> str:
    return uuid.uuid4().hex


def error_body(code: str, message: str, request_id: str, field: str | None = None) -> bytes:
    return json.dumps(error_document(code, message, field, request_id)).encode()


def error_headers(body: bytes, request_id: str, extra: tuple[tuple[bytes, bytes], ...] = ()) -> list:
    return [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"x-request-id", request_id.encode()), (b"x-service-version", __version__.encode()),
            (b"x-content-type-options", b"nosniff"), (b"connection", b"close"), *extra]


class WholeRequests:
    """ASGI middleware: the wrapped app is called with the complete body already read."""

    def __init__(self, app, max_body_bytes: int, body_time_limit: float):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_time_limit = body_time_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        offered = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = offered if REQUEST_ID.fullmatch(offered) else new_request_id()
        # The app uses the same id, so the client and the log see one id for the request whatever answers it.
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k != b"x-request-id"]
                 + [(b"x-request-id", request_id.encode())]}

        async def refuse(status: int, code: str, message: str, extra=()) -> None:
            body = error_body(code, message, request_id)
            await send({"type": "http.response.start", "status": status,
                        "headers": error_headers(body, request_id, extra)})
            await send({"type": "http.response.body", "body": body})

        target = len(scope.get("raw_path", b"")) + len(scope.get("query_string", b""))
        if target > MAX_TARGET_BYTES:
            return await refuse(414, "uri_too_long", f"the URL is {target} bytes; the limit is {MAX_TARGET_BYTES}")
        head = sum(len(name) + len(value) for name, value in scope["headers"])
        if head > MAX_HEADER_BYTES:
            return await refuse(431, "header_too_large",
                                f"the headers are {head} bytes; the limit is {MAX_HEADER_BYTES}")
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            return await refuse(413, "payload_too_large",
                                f"request body is {int(declared)} bytes; the limit is {self.max_body_bytes}")
        chunks: list[bytes] = []
        size = 0
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
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            return await refuse(408, "request_timeout",
                                f"the request body did not arrive within {self.body_time_limit:g} s")
        body = b"".join(chunks)
        chunks.clear()
        delivered = False

        async def replay() -> dict:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            # After the body, the app only hears of the client leaving (or waits while it stays).
            return await receive()

        await self.app(scope, replay, send)


def create_asgi_app(config: dict | None = None, threads: int = 8):
    """The app as served: Flask (`create_app(config)`) on `threads` threads, behind `WholeRequests`."""
    flask_app = create_app(config)
    return WholeRequests(WSGIMiddleware(flask_app, workers=threads), flask_app.config["MAX_CONTENT_LENGTH"],
                         flask_app.config["BODY_TIME_LIMIT"])
