"""python -m eval.attack --url http://127.0.0.1:8000 [--memory-requests 200] [--fetch] [--only KIND ...]

A bounded battery of hostile requests against a running service on this machine (loopback only): slow and stalled
clients, pathological lines, malformed chunked bodies, oversize bodies, ambiguous framing (a request smuggled behind
another), log injection, header and method abuse, a flood from one address, large random bodies for memory, many
large requests at once (admission), many large bodies held at once, and with `--fetch` (a service started with
SUMMARIZER_API_FETCH_URLS=1 and SUMMARIZER_API_FETCH_ALLOW_ADDRESSES=127.0.0.3) links to pages that drip, pages of
2 MB, and links that are not valid URLs, served from 127.0.0.3 by the attack itself. During each attack a watcher polls /healthz and a good
request (the sample articles) is sent from another loopback address (127.0.0.2, so a per-client limit on the
attacker does not apply to it). Prints, per attack: requests, statuses, the slowest /healthz and the good request's
time; then each worker's memory before and after.

Passes when no answer is a 5xx other than the documented 503s, /healthz answered within 1 s throughout, and every
good request was answered within 2 s.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import ipaddress
import json
import random
import socket
import sys
import threading
import time
from urllib.parse import urlsplit

GOOD_SOURCE = "127.0.0.2"
DOCUMENTED_503 = {"timeout", "model_unavailable", "busy"}
LINK_SOURCE = "127.0.0.3"


class Target:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port

    def connect(self, source: str | None = None, timeout: float = 60) -> socket.socket:
        return socket.create_connection((self.host, self.port), timeout=timeout,
                                        source_address=(source, 0) if source else None)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                source: str | None = None, timeout: float = 60) -> tuple[int, dict | None, float]:
        """(status, JSON body or None, seconds) of one well-formed request; status 0 when the connection failed."""
        began = time.perf_counter()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout,
                                                source_address=(source, 0) if source else None)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            raw = response.read()
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = None
            return response.status, parsed, time.perf_counter() - began
        except OSError:
            return 0, None, time.perf_counter() - began
        finally:
            connection.close()

    def raw(self, data: bytes, wait: float = 40) -> tuple[int, dict | None]:
        """Send bytes as they are; (status, JSON body) of the answer, status 0 when there was none."""
        with self.connect(timeout=wait) as connection:
            try:
                connection.sendall(data)
            except OSError:
                pass
            answer = b""
            try:
                while chunk := connection.recv(65536):
                    answer += chunk
                    head, _, body = answer.partition(b"\r\n\r\n")
                    length = [line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")]
                    if length and len(body) >= int(length[0].split(b":")[1]):
                        break
            except OSError:
                pass
        return parse(answer)


def parse(answer: bytes) -> tuple[int, dict | None]:
    if not answer.startswith(b"HTTP/"):
        return 0, None
    head, _, body = answer.partition(b"\r\n\r\n")
    try:
        return int(head.split(b" ")[1]), json.loads(body)
    except (ValueError, IndexError):
        return int(head.split(b" ")[1]), None


# --- the attacks: each returns the (status, body) of every answer it got -------------------------------------


def slow_clients(target: Target, hold: float) -> list:
    """64 bodies stalled after 6 of 100 bytes and 16 heads stalled halfway, held until answered or `hold` s."""
    held = []
    for _ in range(64):
        connection = target.connect(timeout=hold)
        connection.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 100\r\n\r\n{\"docu")
        held.append(connection)
    for _ in range(16):
        connection = target.connect(timeout=hold)
        connection.sendall(b"POST /v1/summ")
        held.append(connection)
    answers = []
    deadline = time.monotonic() + hold
    for connection in held:
        connection.settimeout(max(deadline - time.monotonic(), 0.1))
        try:
            answers.append(parse(connection.recv(65536)))
        except OSError:
            answers.append((0, None))
        connection.close()
    return answers


def dripping_head(target: Target, hold: float) -> list:
    """8 clients sending their request head one byte a second."""
    answers: list = []

    def drip() -> None:
        head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
        with target.connect(timeout=hold) as connection:
            deadline = time.monotonic() + hold
            try:
                for byte in head:
                    if time.monotonic() > deadline:
                        break
                    connection.sendall(bytes([byte]))
                    time.sleep(1)
                answers.append(parse(connection.recv(65536)))
            except OSError:
                try:
                    answers.append(parse(connection.recv(65536)))
                except OSError:
                    answers.append((0, None))

    threads = [threading.Thread(target=drip) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def pathological_lines(target: Target) -> list:
    """Single-line articles of 200,000 characters built from units that once cost the square of their length."""
    answers = []
    for unit in ["a", "<a", "A.", "A-", "aA", "$1 ", ". ", "[", "U.S.", "Kenya ", "](", "1,"]:
        line = (unit * (199_990 // len(unit) + 1))[:199_990] + "\nBcd"
        body = json.dumps({"documents": [line, "A second article. It has words in it."]}).encode()
        status, parsed, seconds = target.request("POST", "/v1/summarize", body, {"Content-Type": "application/json"})
        answers.append((status, parsed, seconds))
    return answers


CHUNKED = (b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Transfer-Encoding: chunked\r\n\r\n")


def chunked_errors(target: Target) -> list:
    return [target.raw(data) for data in (
        CHUNKED + b"zz\r\nabc\r\n0\r\n\r\n",
        CHUNKED + b"3\r\nabcXX0\r\n\r\n",
        CHUNKED + b"-1\r\nabc\r\n0\r\n\r\n",
        CHUNKED + b"ffffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
        CHUNKED + b"3;" + b"x" * 20000 + b"\r\nabc\r\n0\r\n\r\n",
        CHUNKED + b"3\r\nabc\r\n0\r\nBad Trailer\r\n\r\n",
    )]


def oversize(target: Target) -> list:
    return [
        target.raw(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n"),
        target.raw(CHUNKED + (b"100000\r\n" + b"a" * 0x100000 + b"\r\n") * 9 + b"0\r\n\r\n"),
        target.raw(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n"
                   + b"a" * 20),
        target.raw(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked"
                   b"\r\n\r\n0\r\n\r\n"),
    ]


FRAMED = b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"


def ambiguous_framing(target: Target) -> list:
    """Lengths that could be read two ways, each with a request smuggled behind it; then a valid chunked body."""
    smuggled = b"GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n"
    answers = [target.raw(FRAMED + head + b"\r\n0\r\n\r\n" + smuggled) for head in (
        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        b"Content-Length: 2\r\nContent-Length: 2\r\n",
        b"Content-Length: 2, 2\r\n",
        b"Content-Length: 002\r\n",
        b"Transfer-Encoding:\r\n chunked\r\n",
    )]
    body = b'{"documents": ["A first article. It has two sentences.", "A second one. It has two too."]}'
    answers.append(target.raw(FRAMED + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                              + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)))
    return answers


def many_large_requests(target: Target, count: int = 50, articles: int = 1000) -> list:
    """`count` valid requests of `articles` short articles each, all at once: more than the workers take."""
    documents = [f"Report {n} on the flood. The river rose {n % 9 + 1} metres near town {n % 37}."
                 for n in range(articles)]
    body = json.dumps({"documents": documents}).encode()
    answers: list = []

    def send() -> None:  # from an address of its own, so that the flood's rate limit does not refuse them first
        answers.append(target.request("POST", "/v1/summarize", body, {"Content-Type": "application/json"},
                                      source="127.0.0.4", timeout=120))

    threads = [threading.Thread(target=send) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def held_bodies(target: Target, count: int = 300, hold: float = 10) -> list:
    """`count` connections each sending 8 MB - 1 byte of a declared 8 MB body, held `hold` seconds."""
    size = 8 * 1024 * 1024
    chunk = b" " * 65536
    connections, answers = [], []
    for _ in range(count):
        try:
            connection = target.connect(timeout=30)
        except OSError:
            answers.append((0, None))
            continue
        try:
            connection.sendall(FRAMED + b"Content-Length: %d\r\n\r\n" % size)
            sent = 0
            while sent < size - 1:
                part = chunk[: min(len(chunk), size - 1 - sent)]
                connection.sendall(part)
                sent += len(part)
        except OSError:
            pass  # refused while sending: its answer is read below
        connections.append(connection)
    time.sleep(hold)
    for connection in connections:
        connection.settimeout(1)
        try:
            answers.append(parse(connection.recv(65536)))
        except (OSError, ValueError):
            answers.append((0, None))  # still held open by the server (408 comes at its body time limit)
        connection.close()
    return [answer for answer in answers if answer[0] != 0] or [(200, None)]


class LinkSite:
    """Pages for the link attacks on 127.0.0.3: /drip-body, /drip-head (a byte every 2 s), /big (2 MB of <p>a</p>)."""

    def __init__(self):
        self.listener = socket.create_server((LINK_SOURCE, 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://{LINK_SOURCE}:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            try:
                path = connection.recv(65536).split(b" ")[1]
                if path == b"/big":
                    page = b"<html><body>" + b"<p>a</p>" * (2 * 1024 * 1024 // 8 - 4) + b"</body></html>"
                    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                                       % len(page) + page)
                    return
                if path == b"/drip-body":
                    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>")
                for _ in range(60):
                    if self.stop.is_set():
                        return
                    connection.sendall(b"a" if path == b"/drip-body" else b"X")
                    time.sleep(2)
            except (OSError, IndexError):
                pass

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


def slow_and_large_links(target: Target, site: LinkSite) -> list:
    """Links that drip their body or head, 100 slow links in one request, 10 links of 2 MB pages, and twenty
    requests of slow links at once."""
    def ask(links: list[str]) -> tuple:
        body = json.dumps({"documents": [{"url": link} for link in links]}).encode()
        return target.request("POST", "/v1/summarize", body, {"Content-Type": "application/json"}, timeout=120)

    answers = [ask([site.url("/drip-body"), site.url("/drip-head")]),
               ask([site.url(f"/drip-body?{n}") for n in range(100)]),
               ask([site.url(f"/big?{n}") for n in range(10)])]
    together: list = []
    threads = [threading.Thread(target=lambda: together.append(ask([site.url("/drip-head")] * 5)))
               for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers + together


def bad_links(target: Target, site: LinkSite) -> list:
    answers = []
    for link in ("http://127.0.0.1:8801:80/ok", "data:text/html,<p>a</p>", "javascript:alert(1)", "http://[::1",
                 "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "gopher://x/"):
        body = json.dumps({"documents": [{"url": link}, "A second article. It has words."]}).encode()
        answers.append(target.request("POST", "/v1/summarize", body, {"Content-Type": "application/json"}))
    return answers


def log_injection(target: Target) -> list:
    return [target.raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") for path in (
        b"/x%0a2026-11-22%2004:20:00,000%20INFO%20api%20deadbeef%20POST%20/v1/summarize%20200%201.0ms",
        b"/x%0d%0aINFO%20forged", b"/x%00%00%00", b"/%1b[31mred", b"/x%e2%80%a8line",
    )] + [target.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Request-ID: abc\r\ninjected\r\n\r\n")]


def header_abuse(target: Target) -> list:
    many = b"".join(b"X-H%d: v\r\n" % n for n in range(2000))
    answers = [target.raw(data) for data in (
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n",
        b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"\x00\x01\x02 nonsense\r\n\r\n",
        b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n",
        b"GET /healthz\r\n\r\n",
        b"GET http://evil.example/healthz HTTP/1.1\r\nHost: evil.example\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: \xff\xfe\r\n\r\n",
        b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
    )]
    for method in ("TRACE", "CONNECT", "PROPFIND", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "FOO"):
        answers.append(target.request(method, "/v1/summarize")[:2])
    for body, kind in ((b"{", "application/json"), (b"{}", "text/plain"), (b'{"documents": ["\\ud800 x"]}',
                       "application/json"), (b'{"documents": [{"text": "x y z.", "title": "\\udfff"}]}',
                       "application/json"), (b"[" * 100000, "application/json")):
        answers.append(target.request("POST", "/v1/summarize", body, {"Content-Type": kind})[:2])
    return answers


def flood(target: Target, count: int = 1000) -> list:
    return [target.request("GET", "/openapi.json")[:2] for _ in range(count)]


def memory(target: Target, count: int) -> list:
    """`count` requests of 40 articles of 200,000 random unpunctuated characters (8 MB each)."""
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz     "
    answers = []
    for _ in range(count):
        documents = ["".join(rng.choices(letters, k=199_990)) for _ in range(40)]
        body = json.dumps({"documents": documents}).encode()
        answers.append(target.request("POST", "/v1/summarize", body, {"Content-Type": "application/json"})[:2])
    return answers


# --- watching --------------------------------------------------------------------------------------------------


class Watcher:
    """Polls /healthz (from the good address) and sends one good request while an attack runs."""

    def __init__(self, target: Target, sample: bytes):
        self.target, self.sample = target, sample
        self.slowest_health = 0.0
        self.health_failures = 0
        self.good: list[tuple[int, float]] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._health), threading.Thread(target=self._good)]

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _health(self) -> None:
        while not self._stop.is_set():
            status, _, seconds = self.target.request("GET", "/healthz", source=GOOD_SOURCE, timeout=10)
            self.slowest_health = max(self.slowest_health, seconds)
            self.health_failures += status != 200
            self._stop.wait(0.2)

    def _good(self) -> None:
        self._stop.wait(1.0)
        while not self._stop.is_set():
            status, _, seconds = self.target.request("POST", "/v1/summarize", self.sample,
                                                     {"Content-Type": "application/json"}, GOOD_SOURCE, timeout=30)
            self.good.append((status, seconds))
            self._stop.wait(3.0)


def worker_memory(target: Target, polls: int = 40) -> dict[int, float]:
    """RSS (MB) of each worker that answers /healthz within `polls` tries."""
    found: dict[int, float] = {}
    for _ in range(polls):
        status, body, _ = target.request("GET", "/healthz", source=GOOD_SOURCE, timeout=10)
        if status == 200 and body and body.get("pid"):
            found[body["pid"]] = body.get("rss_mb")
    return found


def bad(statuses: list) -> list:
    """Answers that break the promise: a 5xx other than the documented 503s, or no answer at all."""
    found = []
    for status, body, *_ in statuses:
        code = (body or {}).get("error", {}).get("code") if isinstance(body, dict) else None
        if status >= 500 and not (status == 503 and code in DOCUMENTED_503):
            found.append(status)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.attack", description=__doc__.splitlines()[2])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--hold", type=float, default=40, help="seconds stalled clients are held at most")
    parser.add_argument("--memory-requests", type=int, default=200)
    parser.add_argument("--only", nargs="*", help="attacks to run (default: all)")
    parser.add_argument("--fetch", action="store_true", help="also the link attacks (the service fetches links)")
    args = parser.parse_args(argv)
    parts = urlsplit(args.url)
    try:
        loopback = ipaddress.ip_address(socket.gethostbyname(parts.hostname or "")).is_loopback
    except (OSError, ValueError):
        loopback = False
    if not loopback:
        print("refusing: --url must be a service on this machine (loopback)", file=sys.stderr)
        return 2
    target = Target(parts.hostname, parts.port or 80)
    status, sample, _ = target.request("GET", "/v1/sample", source=GOOD_SOURCE)
    if status != 200:
        print(f"the service did not give its sample (status {status}); is it running?", file=sys.stderr)
        return 2
    sample_body = json.dumps(sample).encode()
    attacks = {
        "slow clients": lambda: slow_clients(target, args.hold),
        "dripping head": lambda: dripping_head(target, args.hold),
        "pathological lines": lambda: pathological_lines(target),
        "chunked errors": lambda: chunked_errors(target),
        "oversize bodies": lambda: oversize(target),
        "log injection": lambda: log_injection(target),
        "header and method abuse": lambda: header_abuse(target),
        "ambiguous framing": lambda: ambiguous_framing(target),
        "8 MB random bodies": lambda: memory(target, args.memory_requests),
        "flood from one address": lambda: flood(target),
        "50 requests of 1,000 articles at once": lambda: many_large_requests(target),
        "300 bodies of 8 MB held at once": lambda: held_bodies(target),
    }
    site = LinkSite() if args.fetch else None
    if site is not None:
        attacks["slow and large links"] = lambda: slow_and_large_links(target, site)
        attacks["links that are not valid"] = lambda: bad_links(target, site)
    chosen = [name for name in attacks if not args.only or any(word in name for word in args.only)]
    before = worker_memory(target)
    print(f"workers' memory before: {before} MB")
    print("| attack | requests | statuses | slowest /healthz | good requests (status: slowest) | seconds |")
    print("|---|---|---|---|---|---|")
    failures = []
    for name in chosen:
        began = time.perf_counter()
        with Watcher(target, sample_body) as watcher:
            answers = attacks[name]()
        statuses = collections.Counter(answer[0] for answer in answers)
        good = collections.Counter(status for status, _ in watcher.good)
        slowest_good = max((seconds for _, seconds in watcher.good), default=0.0)
        print(f"| {name} | {len(answers)} | {dict(sorted(statuses.items()))} | {watcher.slowest_health * 1000:.0f} ms"
              f" | {dict(good)}: {slowest_good * 1000:.0f} ms | {time.perf_counter() - began:.1f} |", flush=True)
        if name == "pathological lines":
            slowest_line = max(seconds for *_, seconds in answers)
            print(f"|  slowest 200,000-character line: {slowest_line:.2f} s | | | | | |")
            if slowest_line > 3:
                failures.append(f"{name}: a line took {slowest_line:.1f} s")
        if bad(answers):
            failures.append(f"{name}: answers {bad(answers)}")
        if watcher.slowest_health > 1 or watcher.health_failures:
            failures.append(f"{name}: /healthz took {watcher.slowest_health:.2f} s ({watcher.health_failures} failed)")
        if any(status != 200 for status, _ in watcher.good) or slowest_good > 2:
            failures.append(f"{name}: good requests {dict(good)}, slowest {slowest_good:.2f} s")
    if site is not None:
        site.close()
    after = worker_memory(target)
    print(f"workers' memory after: {after} MB")
    grown = {pid: after[pid] - before[pid] for pid in after if pid in before and after[pid] and before[pid]}
    print(f"growth: {grown} MB")
    if any(growth > 300 for growth in grown.values()):
        failures.append(f"a worker grew by more than 300 MB: {grown}")
    print("failed: " + "; ".join(failures) if failures else "passed: no 5xx but documented 503s, /healthz within 1 s, "
          "good requests within 2 s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
