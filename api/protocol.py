"""HTTP/1.1 as the server speaks it (uvicorn's h11 protocol) with two changes:

- what the server itself refuses (a request that is not valid HTTP, a malformed chunked body, a head too large) is
  answered in the service's JSON error shape with an `X-Request-ID`, not as plain text;
- a connection must deliver a complete request head within HEAD_TIME_LIMIT seconds (api/config.py) of its first
  byte (or of opening), so a client cannot hold a connection open forever by sending a header a byte at a time;
- a head whose body length could be read two ways is refused (400) and the connection closed, before h11 would
  tidy it: a header line folded onto the next (obs-fold), Content-Length given twice or as a list ("5, 5"). What h11
  keeps as it came (both Content-Length and Transfer-Encoding, a length with leading zeros) is refused by api/asgi.py.
"""

from __future__ import annotations

import asyncio
import re
import sys

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .asgi import error_body, error_headers, new_request_id
from .config import DEFAULTS, from_environment

REASONS = {400: b"Bad Request", 408: b"Request Timeout", 413: b"Content Too Large", 414: b"URI Too Long",
           431: b"Request Header Fields Too Large"}
CODES = {400: "bad_request", 408: "request_timeout", 413: "payload_too_large", 414: "uri_too_long",
         431: "header_too_large"}


HEAD_END = b"\r\n\r\n"
LENGTH_LINE = re.compile(rb"^content-length[ \t]*:(.*)$", re.IGNORECASE | re.MULTILINE)
FOLDED_LINE = re.compile(rb"\r\n[ \t]")
MAX_SCANNED_HEAD = 65536


def ambiguous_head(head: bytes) -> str | None:
    """Why a request head's framing is ambiguous, read from its bytes as they came."""
    if FOLDED_LINE.search(head):
        return "a header line is folded onto the next"
    lengths = LENGTH_LINE.findall(head)
    if len(lengths) > 1 or (lengths and b"," in lengths[0]):
        return "Content-Length is given more than once"
    return None


class JsonErrorsH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering protocol errors in JSON and timing out request heads."""

    head_time_limit = float({**DEFAULTS, **from_environment()}["HEAD_TIME_LIMIT"])
    _head_timer: asyncio.TimerHandle | None = None
    _partial_head = False  # some bytes of a request head have arrived
    _head_bytes: bytes | None = None  # the bytes of the head arriving, until its end is seen

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._waiting_for_head():
            self._head_bytes = (self._head_bytes or b"") + data
            end = self._head_bytes.find(HEAD_END)
            if end >= 0 or len(self._head_bytes) > MAX_SCANNED_HEAD:
                problem = ambiguous_head(self._head_bytes[:end + 2] if end >= 0 else self._head_bytes)
                self._head_bytes = None  # scanned; the next head starts again from nothing
                if problem:
                    self._send_error(400, f"the request is not valid HTTP: {problem}")
                    return
        else:
            self._head_bytes = None
        super().data_received(data)
        self._partial_head = self._waiting_for_head()
        if self._partial_head:
            # Armed at the first byte of a request and not re-armed by later bytes: a head sent a byte at a time
            # still has HEAD_TIME_LIMIT seconds in all.
            if self._head_timer is None:
                self._arm_head_timer()
        else:
            self._cancel_head_timer()

    def _waiting_for_head(self) -> bool:
        return not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete)

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(self.head_time_limit, self._head_timed_out)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if not self._waiting_for_head():
            return
        if self._partial_head:
            self._send_error(408, f"the request head did not arrive within {self.head_time_limit:g} s")
        else:
            self.transport.close()  # an idle connection that never asked for anything

    def send_400_response(self, msg: str) -> None:
        # Called by uvicorn inside its `except h11.RemoteProtocolError:`; h11 suggests the status (431 for a head
        # too large).
        error = sys.exc_info()[1]
        status = getattr(error, "error_status_hint", 400) if isinstance(error, h11.RemoteProtocolError) else 400
        # h11's reason without the bytes it quotes ("illegal chunk header: bytearray(b'zz')").
        detail = str(error).split(":")[0] if error is not None and str(error) else "malformed request"
        self._send_error(status if status in REASONS else 400, f"the request is not valid HTTP: {detail}")

    def _send_error(self, status: int, message: str) -> None:
        request_id = new_request_id()
        body = error_body(CODES[status], message, request_id)
        try:
            self.transport.write(self.conn.send(h11.Response(
                status_code=status, headers=error_headers(body, request_id), reason=REASONS[status])))
            self.transport.write(self.conn.send(h11.Data(data=body)))
            self.transport.write(self.conn.send(h11.EndOfMessage()))
        except h11.LocalProtocolError:
            pass  # a response had already begun: nothing more can be said on this connection
        self.transport.close()
