"""python -m eval.load --url http://127.0.0.1:PORT --clients N --seconds S [--max-requests M]

Drives a running service with N concurrent clients posting the seed articles (with varied budgets), or the clusters
of --data, for S seconds
or M requests, whichever comes first; reports throughput, latency percentiles, errors, and the server's memory
before and after (from /healthz). Loopback addresses only.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import socket
import sys
import threading
import time
from urllib.parse import urlsplit

import numpy as np

from summarizer.reading.samples import sample_documents



def loopback_only(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise SystemExit("error: --url must look like http://127.0.0.1:PORT")
    addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    if not all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses):
        raise SystemExit(f"error: {parts.hostname} is not a loopback address; this tool only loads local servers")
    return parts.hostname, parts.port or 80


def request(host: str, port: int, method: str, path: str, body: bytes | None = None, timeout: float = 120):
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def server_memory(host: str, port: int) -> float | None:
    status, body = request(host, port, "GET", "/healthz", timeout=10)
    return json.loads(body).get("rss_mb") if status == 200 else None


def request_bodies(data: str | None) -> list[bytes]:
    """The seed cluster with 30 different budgets, or every cluster of an evaluation file."""
    if data:
        from .data import load_clusters

        return [json.dumps({"documents": [d for d in c.documents if d.strip()] or ["(empty)"], "max_words": 100}).encode()
                for c in load_clusters(data)]
    documents = sample_documents()
    return [json.dumps({"documents": documents[n % 3:], "max_words": 40 + 7 * n}).encode() for n in range(30)]


def run(host: str, port: int, clients: int, seconds: float, max_requests: int, data: str | None = None) -> dict:
    bodies = request_bodies(data)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    issued = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        nonlocal issued
        while time.monotonic() < stop:
            with lock:
                if issued >= max_requests:
                    return
                issued += 1
                body = bodies[issued % len(bodies)]
            began = time.perf_counter()
            try:
                status, _ = request(host, port, "POST", "/v1/summarize", body)
                outcome = None if status == 200 else f"HTTP {status}"
            except OSError as error:
                outcome = type(error).__name__
            elapsed = time.perf_counter() - began
            with lock:
                if outcome:
                    errors[outcome] = errors.get(outcome, 0) + 1
                else:
                    latencies.append(elapsed)

    before = server_memory(host, port)
    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    after = server_memory(host, port)
    ms = np.array(latencies) * 1000 if latencies else np.array([np.nan])
    return {
        "clients": clients, "seconds": round(wall, 1), "requests": issued, "ok": len(latencies),
        "errors": errors, "throughput_rps": round(len(latencies) / wall, 1),
        "latency_ms": {f"p{q}": round(float(np.percentile(ms, q)), 1) for q in (50, 95, 99)},
        "server_rss_mb": {"before": before, "after": after},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.load", description=__doc__.splitlines()[2])
    parser.add_argument("--url", required=True, help="http://127.0.0.1:PORT of a running service")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests")
    parser.add_argument("--data", default=None, help="send the clusters of this JSONL file instead of the seeds")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 256 or not 0 < args.seconds <= 3600:
        parser.error("--clients must be 1..256 and --seconds 0..3600")
    host, port = loopback_only(args.url)
    result = run(host, port, args.clients, args.seconds, args.max_requests, args.data)
    print(json.dumps(result, indent=2))
    return 0 if not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
