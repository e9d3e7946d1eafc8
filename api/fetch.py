"""Fetching an article by its link, with the protections a service that fetches for others needs.

Only http and https; the host's addresses are resolved once and every one must be public (no private, loopback,
link-local, multicast, reserved or unspecified address, unless named in `allowed`), and the connection goes to the
address that was checked (no second lookup a rebinding DNS could answer differently); each redirect is checked the
same way, up to `max_redirects`; the answer must be HTML or plain text, at most `max_bytes`.

Time is bounded by the wall clock, not by each read: every link of a request shares one `FetchBudget`, whose deadline
(`timeout` seconds from its start) shuts down every connection still open, however slowly a server drips its head
or body; the first link that fails ends the others the same way.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from summarizer.errors import InputError

CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "news-brief/0.1 (article fetcher)"


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 2 * 1024 * 1024
    timeout: float = 10.0
    max_redirects: int = 5
    # Addresses allowed although not public (an intranet's servers, or tests on 127.0.0.2).
    allowed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Fetched:
    url: str          # where the article was found, after redirects
    text: str
    format: str       # "html" or "text"


class FetchError(InputError):
    """A link that cannot or may not be fetched; `field` names the document's url."""


class FetchCancelled(Exception):
    """This link's fetch was ended because another link of the request failed."""


class FetchBudget:
    """One deadline for all the links of a request: at `seconds` from its start, or when `end()` is called (another
    link failed), every connection still open is shut down, which ends any read waiting on it."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.ended: str | None = None  # "timeout" or "cancelled"
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self.end, ("timeout",))
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def end(self, reason: str = "cancelled") -> None:
        with self._lock:
            if self.ended is None:
                self.ended = reason
            sockets, self._sockets = list(self._sockets), set()
        for sock in sockets:
            _shut(sock)

    def close(self) -> None:
        """The request is done with its links: the timer is not needed."""
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.ended is None:
                self._sockets.add(sock)
                return
        _shut(sock)

    def forget(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sockets.discard(sock)

    def check(self, field: str) -> None:
        """Raise if the budget has ended: FetchError when its time ran out, FetchCancelled when another link
        failed."""
        if self.ended == "cancelled":
            raise FetchCancelled()
        if self.ended == "timeout" or self.remaining() <= 0:
            raise FetchError(f"the links did not arrive within {self.seconds:g} s", field)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _reason(error: Exception) -> str:
    """What went wrong, as a reader would say it ("connection refused", not "[Errno 111] Connection refused")."""
    if isinstance(error, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(error, ssl.SSLError):
        return "its secure connection failed"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return text[:1].lower() + text[1:200]


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), 6to4
    (2002:AABB:CCDD::), NAT64 (64:ff9b::a.b.c.d and 64:ff9b:1::/48) or Teredo."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    value = int(ip)
    if value >> 32 == 0 and value > 1:  # IPv4-compatible (deprecated), not :: or ::1
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if ip in NAT64:
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    return None


NAT64 = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if not ip.is_global:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in NAT64_LOCAL:
            return False
        inner = _embedded_ipv4(ip)
        if inner is not None and not inner.is_global:
            return False
    return True


def _public_addresses(host: str, port: int, policy: FetchPolicy, field: str) -> list[str]:
    """Every address the host resolves to, in the resolver's order of preference; refused if any is private."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host {host!r} could not be found", field) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        if address not in policy.allowed and not _is_public(address):
            raise FetchError(f"{host!r} resolves to a private or local address ({address}); the service does not "
                             "fetch those", field)
    return addresses


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, addresses: list[str], budget: FetchBudget):
        super().__init__(host, port, timeout=max(budget.remaining(), 0.001))
        self._addresses = addresses
        self._budget = budget
        self.raw: socket.socket | None = None

    def _open(self) -> socket.socket:
        """A connection to the first of the checked addresses that answers (a host's IPv6 address may be
        unreachable where its IPv4 one is not), never to any other address."""
        failure: OSError = OSError("no address to connect to")
        for address in self._addresses:
            try:
                self.raw = socket.create_connection((address, self.port), max(self._budget.remaining(), 0.001))
            except OSError as error:
                failure = error
                continue
            self._budget.watch(self.raw)
            return self.raw
        raise failure

    def connect(self) -> None:
        self.sock = self._open()


class _PinnedHTTPS(_PinnedHTTP):
    default_port = 443

    def connect(self) -> None:
        self.sock = ssl.create_default_context().wrap_socket(self._open(), server_hostname=self.host)


def _parts(url: str, field: str):
    """The link's scheme, host, port, path and query, or FetchError saying what is wrong with it."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:  # a port that is not a number, an unclosed "[", ...
        raise FetchError(f"the link is not a valid URL ({error})", field) from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https links can be fetched, not {parts.scheme or 'this'}:", field)
    if not parts.hostname:
        raise FetchError("the link names no host", field)
    return parts, port or (443 if parts.scheme == "https" else 80)


def fetch(url: str, policy: FetchPolicy = FetchPolicy(), field: str = "url",
          budget: FetchBudget | None = None) -> Fetched:
    """The page at `url` as text, or `FetchError` saying why not; within `budget` (shared by a request's links),
    else within the policy's timeout."""
    own = budget is None
    budget = budget or FetchBudget(policy.timeout)
    try:
        return _fetch(url, policy, field, budget)
    finally:
        if own:
            budget.close()


def _fetch(url: str, policy: FetchPolicy, field: str, budget: FetchBudget) -> Fetched:
    for _ in range(policy.max_redirects + 1):
        parts, port = _parts(url, field)
        addresses = _public_addresses(parts.hostname, port, policy, field)
        budget.check(field)
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        connection = kind(parts.hostname, port, addresses, budget)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                try:
                    url = urljoin(url, response.getheader("Location"))
                except ValueError as error:
                    raise FetchError(f"the link redirected to one that is not a valid URL ({error})", field) from None
                continue
            if response.status != 200:
                raise FetchError(f"the link answered {response.status} {response.reason}", field)
            content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if content_type not in CONTENT_TYPES:
                raise FetchError(f"the link is {content_type or 'of no stated type'}, not an HTML page or text",
                                 field)
            body = bytearray()
            while len(body) <= policy.max_bytes:
                budget.check(field)
                chunk = response.read1(65536)
                if not chunk:
                    break
                body += chunk
            budget.check(field)  # a read that ended because the budget shut the connection
            if len(body) > policy.max_bytes:
                raise FetchError(f"the page is larger than {policy.max_bytes} bytes", field)
            charset = response.headers.get_content_charset() or "utf-8"
            try:
                text = body.decode(charset, errors="replace")
            except LookupError:
                text = body.decode("utf-8", errors="replace")
            return Fetched(url, text, "text" if content_type == "text/plain" else "html")
        except (OSError, http.client.HTTPException, ValueError) as error:
            budget.check(field)  # the budget ended it: say so, not what the shut connection raised
            if isinstance(error, socket.timeout):
                raise FetchError(f"the links did not arrive within {budget.seconds:g} s", field) from None
            raise FetchError(f"the link could not be fetched: {_reason(error)}", field) from None
        finally:
            budget.forget(connection.raw)
            connection.close()
    raise FetchError(f"the link redirected more than {policy.max_redirects} times", field)
