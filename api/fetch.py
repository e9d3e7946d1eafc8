"""Fetching an article by its link, with the protections a service that fetches for others needs.

Only http and https; the host's addresses are resolved once and every one must be public (no private, loopback,
link-local, multicast, reserved or unspecified address, unless named in `allowed`), and the connection goes to the
address that was checked (no second lookup a rebinding DNS could answer differently); each redirect is checked the
same way, up to `max_redirects`; the answer must be HTML or plain text, at most `max_bytes`, within `timeout`
seconds in all.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
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


def _public_address(host: str, port: int, policy: FetchPolicy, field: str) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host {host!r} could not be found", field) from None
    addresses = sorted({info[4][0] for info in infos})
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if address not in policy.allowed and not ip.is_global:
            raise FetchError(f"{host!r} resolves to a private or local address ({address}); the service does not "
                             "fetch those", field)
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)


def fetch(url: str, policy: FetchPolicy = FetchPolicy(), field: str = "url") -> Fetched:
    """The page at `url` as text, or `FetchError` saying why not."""
    deadline = time.monotonic() + policy.timeout
    for _ in range(policy.max_redirects + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("only http and https links can be fetched", field)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _public_address(parts.hostname, port, policy, field)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"the link did not answer within {policy.timeout:g} s", field)
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        connection = kind(parts.hostname, port, address, remaining)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            if response.status != 200:
                raise FetchError(f"the link answered {response.status} {response.reason}", field)
            content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if content_type not in CONTENT_TYPES:
                raise FetchError(f"the link is {content_type or 'of no stated type'}, not an HTML page or text",
                                 field)
            body = bytearray()
            while len(body) <= policy.max_bytes:
                if time.monotonic() > deadline:
                    raise FetchError(f"the link did not answer within {policy.timeout:g} s", field)
                chunk = response.read(65536)
                if not chunk:
                    break
                body += chunk
            if len(body) > policy.max_bytes:
                raise FetchError(f"the page is larger than {policy.max_bytes} bytes", field)
            charset = response.headers.get_content_charset() or "utf-8"
            try:
                text = body.decode(charset, errors="replace")
            except LookupError:
                text = body.decode("utf-8", errors="replace")
            return Fetched(url, text, "text" if content_type == "text/plain" else "html")
        except (OSError, http.client.HTTPException) as error:
            if isinstance(error, socket.timeout):
                raise FetchError(f"the link did not answer within {policy.timeout:g} s", field) from None
            raise FetchError(f"the link could not be fetched: {error}", field) from None
        finally:
            connection.close()
    raise FetchError(f"the link redirected more than {policy.max_redirects} times", field)
