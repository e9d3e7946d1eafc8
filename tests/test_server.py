"""The service as it is deployed: gunicorn on 127.0.0.1, real sockets, concurrent clients."""

import http.client
import json
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from server import call, running_server, without_rate_limit

# Starts a server process or a browser: outside the fast loop (pytest -m "not slow").
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server():
    with running_server("--threads", "8", env=without_rate_limit()) as (port, process):
        yield port, process


def test_seed_brief_from_a_real_server(server, seed_documents):
    port, _ = server
    status, body, headers = call(port, "POST", "/v1/summarize", {"documents": seed_documents})
    assert status == 200
    assert 0 < body["word_count"] <= 100
    assert max(len(sentence["sources"]) for sentence in body["sentences"]) >= 2
    assert headers["X-Request-ID"] == body["request_id"]
    status, spec, _ = call(port, "GET", "/openapi.json")
    assert status == 200 and "/v1/summarize" in spec["paths"]


def test_eight_clients_two_hundred_requests_none_lost(server, seed_documents):
    port, process = server
    bodies = [{"documents": seed_documents[n % 3:], "max_words": 40 + n % 120} for n in range(200)]

    def send(body):
        status, answer, _ = call(port, "POST", "/v1/summarize", body)
        return status, answer

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(send, bodies))
    assert [status for status, _ in answers] == [200] * 200
    for body, (_, answer) in zip(bodies, answers):
        assert answer["word_count"] <= body["max_words"]
        assert answer["options"]["max_words"] == body["max_words"]
    assert len({answer["request_id"] for _, answer in answers}) == 200
    assert process.poll() is None
    assert call(port, "GET", "/healthz")[0] == 200


def test_bad_requests_beside_good_ones_change_nothing(server, seed_documents):
    port, _ = server
    good = {"documents": seed_documents, "max_words": 70}
    expected = call(port, "POST", "/v1/summarize", good)[1]["text"]
    bad = ['{"documents": [', b"\xff" * 1000, '{"documents": "x"}', '[' * 50_000, '{"documents": [null]}']

    def send(n):
        if n % 2:
            return call(port, "POST", "/v1/summarize", bad[n % len(bad)])
        return call(port, "POST", "/v1/summarize", good)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(send, range(40)))
    for n, (status, answer, _) in enumerate(results):
        if n % 2:
            assert status == 400 and answer["error"]["code"]
        else:
            assert status == 200 and answer["text"] == expected


def test_oversized_body_is_refused_from_its_headers(server):
    port, _ = server
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 9437184\r\n\r\n" + b"[" * 1024)
        reply = connection.makefile("rb").read()
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(body)["error"]["code"] == "payload_too_large"


def test_unknown_route_over_the_wire(server):
    port, _ = server
    status, answer, _ = call(port, "GET", "/v1/nothing")
    assert status == 404 and answer["error"]["code"] == "not_found"


def test_metrics_add_up_every_worker_whichever_answers(server):
    port, _ = server

    def count() -> float:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/metrics")
        text = connection.getresponse().read().decode()
        connection.close()
        return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                   if line.startswith('news_brief_requests_total{method="GET",route="/v1/sample",status="200"}'))

    before = count()
    pids = set()
    for _ in range(12):  # new connections: both workers answer some
        status, body, _ = call(port, "GET", "/healthz")
        pids.add(body["pid"])
        assert call(port, "GET", "/v1/sample")[0] == 200
    assert len(pids) == 2
    assert [count() for _ in range(6)] == [before + 12] * 6
