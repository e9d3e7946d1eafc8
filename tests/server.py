"""Start the real service (`python -m api`) on a free loopback port for a test, and stop it after."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time

from conftest import ROOT


def without_rate_limit(**extra: str) -> dict:
    """The environment for a server that one test client will send many requests: no per-client limit."""
    return {**os.environ, "SUMMARIZER_API_RATE_LIMIT": "", **extra}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(port: int, method: str, path: str, body=None, headers=None, timeout: float = 120):
    """(status, parsed JSON or None, headers) of one request to the local server."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = body if isinstance(body, (bytes, str)) or body is None else json.dumps(body)
        connection.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
        response = connection.getresponse()
        raw = response.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        return response.status, parsed, response.headers  # names case-insensitive
    finally:
        connection.close()


@contextlib.contextmanager
def running_server(*extra: str, env: dict | None = None, ready_within: float = 180, until=None):
    """`python -m api` on a free port, yielded once /healthz satisfies `until`; by default once every worker
    process has answered ready (each loads the model itself, and a request may reach any of them)."""
    workers = int(extra[extra.index("--workers") + 1]) if "--workers" in extra else int(
        (env or os.environ).get("WORKERS", "2"))
    ready: set = set()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "--host", "127.0.0.1", "--port", str(port), *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        deadline = time.monotonic() + ready_within
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {process.stderr.read()[-2000:]}")
            try:
                status, body, _ = call(port, "GET", "/healthz", timeout=5)
                if until is not None and until(status, body):
                    break
                if until is None and status == 200:
                    ready.add(body["pid"])
                    if len(ready) >= workers:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not become ready")
            time.sleep(0.1 if ready else 0.5)
        yield port, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
