"""One client must not be able to stall, crash or bloat the service: the engine on pathological input, and a real
server process on 127.0.0.1 under slow, malformed, oversized and hostile requests."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time

import pytest

from summarizer import InputError, TimeLimitError, summarize
from summarizer.content.figures import MAX_NUMBERS, figures
from server import call, running_server, without_rate_limit

OTHER = "A second article about the event. It says what happened in two sentences."


# --- the engine ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["a", "<a", "A.", "A-", "aA", "$1 ", ". ", "[", "U.S."])
def test_a_long_pathological_line_is_answered_within_the_limit(unit):
    # Each of these took seconds to minutes when a pattern's cost grew with the square of the line's length; the
    # limit is far above what linear work needs (well under a second), and below what quadratic work took.
    text = (unit * (100_000 // len(unit) + 1))[:100_000] + "\nBcd"
    brief = summarize([text, OTHER], max_words=100, time_limit=5)
    # ... and the run of one token is no sentence for the brief: only the real article's sentence is.
    assert brief.sentences and {sentence.document_id for sentence in brief.sentences} == {"1"}


def test_the_time_limit_stops_a_stage_in_its_course(seed_documents):
    many = [{"id": f"{n}", "text": f"Copy {n}. " + seed["text"]} for n in range(200) for seed in seed_documents[:1]]
    with pytest.raises(TimeLimitError) as error:
        summarize(many, time_limit=0.001)
    # Stopped inside the first stage, not only between stages.
    assert "in read" in str(error.value)


def test_a_caption_inside_a_long_line_does_not_drop_the_article():
    line = ("The council approved the new budget on Tuesday after a long debate. " * 10
            + "(AP Photo/Jane Doe) " + "Officials said the vote was close. " * 5)
    brief = summarize([line, "The council approved the budget on Tuesday. The vote was close."], max_words=60)
    assert any("budget" in sentence.text for sentence in brief.sentences)


def test_a_sentence_of_numbers_is_read_to_a_cap():
    assert len(figures(" ".join(f"{n} people" for n in range(10, 5000)))) <= MAX_NUMBERS


@pytest.mark.parametrize("field", ["id", "title", "source", "url"])
def test_lone_surrogates_are_refused_in_every_field(field):
    document = {"text": "An article about the event. It has sentences.", field: "bad \ud800 value"}
    with pytest.raises(InputError) as error:
        summarize([document, OTHER])
    assert error.value.field == f"documents[0].{field}"


# --- a real server -----------------------------------------------------------------------------------------------


def raw(port: int, data: bytes, wait: float = 10) -> bytes:
    """Send bytes as they are; what the server answers before it closes (or `wait` passes)."""
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.settimeout(wait)
        try:
            connection.sendall(data)
        except OSError:
            pass  # the server may answer and close before it has read everything
        return read_answer(connection)


def read_answer(connection: socket.socket) -> bytes:
    """One whole answer (head and body), however the packets fall; what came before a reset, if the server closed
    while the client was still sending."""
    answer = b""
    try:
        while not answer_complete(answer) and (chunk := connection.recv(65536)):
            answer += chunk
    except OSError:
        pass
    return answer


def answer_complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def parse(answer: bytes) -> tuple[int, dict, dict]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), json.loads(body), headers


@pytest.fixture(scope="module")
def server():
    env = without_rate_limit(SUMMARIZER_API_HEAD_TIME_LIMIT="2", SUMMARIZER_API_BODY_TIME_LIMIT="3")
    with running_server(env=env) as (port, process):
        yield port, process


CHUNKED = (b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Transfer-Encoding: chunked\r\n\r\n")


@pytest.mark.slow
@pytest.mark.parametrize("name, data, status", [
    ("chunk size that is not hex", CHUNKED + b"zz\r\nabc\r\n0\r\n\r\n", 400),
    ("chunk without its terminator", CHUNKED + b"3\r\nabcXX0\r\n\r\n", 400),
    ("chunked body over the limit", CHUNKED + (b"100000\r\n" + b"a" * 0x100000 + b"\r\n") * 9 + b"0\r\n\r\n", 413),
    ("declared body over the limit", b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n", 413),
    ("header over 16 KB", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n", 431),
    ("URL over 8 KB", b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    ("not HTTP at all", b"\x00\x01\x02 nonsense\r\n\r\n", 400),
    ("bad header line", b"GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", 400),
])
def test_what_the_server_refuses_is_json_with_a_request_id(server, name, data, status):
    port, _ = server
    answer = raw(port, data)
    got, body, headers = parse(answer)
    assert got == status, name
    assert body["error"]["code"] and body["error"]["message"]
    assert headers["x-request-id"] == body["request_id"]
    assert headers["content-type"] == "application/json"


@pytest.mark.slow
def test_held_half_sent_requests_do_not_delay_anyone(server, seed_documents):
    port, _ = server
    held = []
    try:
        for _ in range(64):
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               b"Content-Length: 100\r\n\r\n{\"docu")
            held.append(connection)
        for _ in range(16):
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"POST /v1/summ")
            held.append(connection)
        status, body, _ = call(port, "GET", "/healthz", timeout=5)
        assert status == 200 and body["status"] == "ok"
        status, body, _ = call(port, "POST", "/v1/summarize", {"documents": seed_documents}, timeout=30)
        assert status == 200 and body["sentences"]
        # The stalled ones are answered 408 once their head or body time is up, and their sockets freed.
        answers = []
        for connection in held[:2] + held[-2:]:
            connection.settimeout(10)
            answers.append(parse(read_answer(connection))[0])
        assert answers == [408, 408, 408, 408]
    finally:
        for connection in held:
            connection.close()


@pytest.mark.slow
def test_a_200000_character_line_is_answered(server):
    port, _ = server
    status, body, _ = call(port, "POST", "/v1/summarize", {"documents": ["a" * 199_990 + "\nBcd", OTHER]}, timeout=30)
    assert status in (200, 400), body


@pytest.mark.slow
def test_a_forged_log_line_stays_one_escaped_line():
    with running_server(env=without_rate_limit()) as (port, process):
        raw(port, b"GET /x%0a2026-11-22%2004:20:00,000%20INFO%20api%20deadbeef%20POST%20/v1/summarize%20200"
                  b"%201.0ms%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        process.send_signal(signal.SIGTERM)
        log = process.stderr.read()
    lines = [line for line in log.splitlines() if "deadbeef" in line]
    assert len(lines) == 1 and "GET /x\\n2026-11-22" in lines[0] and "\\x00 404" in lines[0]
    assert "\x00" not in log


@pytest.mark.slow
def test_a_client_over_its_rate_gets_429_with_retry_after():
    env = {**os.environ, "SUMMARIZER_API_RATE_LIMIT": "5 per minute"}
    with running_server("--workers", "1", env=env) as (port, _):
        statuses = [call(port, "GET", "/v1/sample")[0] for _ in range(7)]
        status, body, headers = call(port, "GET", "/openapi.json")
        assert statuses[:5] == [200] * 5 and statuses[5:] == [429, 429]
        assert status == 429 and body["error"]["code"] == "too_many_requests" and int(headers["Retry-After"]) > 0
        assert call(port, "GET", "/healthz")[0] == 200  # never limited


@pytest.mark.slow
def test_requests_in_flight_finish_after_sigterm(seed_documents):
    """Eight requests still arriving (a body sent over 12 s) when the service is told to stop all get their brief:
    the graceful timeout is longer than the request limit."""
    body = json.dumps({"documents": seed_documents}).encode()
    results: list[int] = []

    def slow_client(port: int) -> None:
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
            pieces = 12
            for n in range(pieces):
                connection.sendall(body[n * len(body) // pieces:(n + 1) * len(body) // pieces])
                time.sleep(1)
            connection.settimeout(60)
            results.append(parse(read_answer(connection))[0])

    env = without_rate_limit(SUMMARIZER_API_BODY_TIME_LIMIT="30")
    with running_server(env=env) as (port, process):
        clients = [threading.Thread(target=slow_client, args=(port,)) for _ in range(8)]
        for client in clients:
            client.start()
        time.sleep(2)
        process.send_signal(signal.SIGTERM)
        for client in clients:
            client.join(timeout=90)
        process.wait(timeout=90)
    assert results == [200] * 8


# --- round two: framing, admission, health on its own path ---------------------------------------------------------

AMBIGUOUS = b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"


@pytest.mark.slow
@pytest.mark.parametrize("name, head", [
    ("Content-Length and Transfer-Encoding", b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
    ("Content-Length twice", b"Content-Length: 2\r\nContent-Length: 2\r\n"),
    ("Content-Length as a list", b"Content-Length: 2, 2\r\n"),
    ("Content-Length with leading zeros", b"Content-Length: 002\r\n"),
    ("Transfer-Encoding folded onto the next line", b"Transfer-Encoding:\r\n chunked\r\n"),
])
def test_an_ambiguous_length_is_refused_and_the_connection_closed(server, name, head):
    port, _ = server
    # A request smuggled behind the first must never be answered on the same connection.
    answer = raw(port, AMBIGUOUS + head + b"\r\n0\r\n\r\n" + b"GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n", wait=5)
    status, body, headers = parse(answer)
    assert status == 400 and body["error"]["code"] == "bad_request" and body["request_id"], name
    assert headers["connection"] == "close" and answer.count(b"HTTP/1.1") == 1


@pytest.mark.slow
def test_a_valid_chunked_body_is_read(server, seed_documents):
    port, _ = server
    payload = json.dumps({"documents": seed_documents[:2], "max_words": 40}).encode()
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(payload[i:i + 1000]), payload[i:i + 1000])
                      for i in range(0, len(payload), 1000))
    answer = raw(port, AMBIGUOUS + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks
                 + b"0\r\n\r\n", wait=60)
    status, body, _ = parse(answer)
    assert status == 200 and body["sentences"], body


@pytest.mark.slow
def test_health_answers_at_once_while_every_thread_is_busy(server, seed_documents):
    port, _ = server
    many = [{"id": f"{n}-{seed['id']}", "text": seed["text"]} for n in range(40) for seed in seed_documents]
    results: list[int] = []

    def busy() -> None:
        results.append(call(port, "POST", "/v1/summarize", {"documents": many}, timeout=120)[0])

    clients = [threading.Thread(target=busy) for _ in range(20)]  # more than 2 workers x 8 threads
    for client in clients:
        client.start()
    time.sleep(1.0)
    waits = []
    for _ in range(5):
        began = time.monotonic()
        status, body, _ = call(port, "GET", "/healthz", timeout=10)
        waits.append(time.monotonic() - began)
        assert status == 200 and body["status"] == "ok"
        time.sleep(0.3)
    # A small request runs on threads of its own: answered while the large ones are still at work or waiting.
    status, body, _ = call(port, "POST", "/v1/summarize", {"documents": seed_documents[:2]}, timeout=60)
    unfinished = len(clients) - len(results)
    for client in clients:
        client.join()
    assert max(waits) < 1.0, waits
    assert status == 200 and body["sentences"] and unfinished > 0, unfinished
    assert set(results) <= {200, 503}


@pytest.mark.slow
def test_beyond_its_queue_and_its_body_memory_a_worker_says_busy(seed_documents):
    env = without_rate_limit(SUMMARIZER_API_MAX_QUEUED="1", SUMMARIZER_API_MAX_BUFFERED_BYTES="1000000",
                             SUMMARIZER_API_BODY_TIME_LIMIT="3")
    many = [{"id": f"{n}-{seed['id']}", "text": seed["text"]} for n in range(30) for seed in seed_documents]
    with running_server("--workers", "1", "--threads", "1", env=env) as (port, _):
        answers: list = []

        def client() -> None:
            answers.append(call(port, "POST", "/v1/summarize", {"documents": many}, timeout=120))

        clients = [threading.Thread(target=client) for _ in range(5)]  # 1 at work, 1 waiting, 3 refused
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        statuses = sorted(status for status, _, _ in answers)
        busy = [(body, headers) for status, body, headers in answers if status == 503]
        assert statuses.count(200) >= 2 and busy, statuses
        assert all(body["error"]["code"] == "busy" and int(headers["Retry-After"]) > 0 for body, headers in busy)

        held = []
        try:
            # 600 KB bodies held open, over the 1 MB of bodies a worker may hold from the second on; a third in case
            # the worker had not read the first one yet when the second came (it then ends at the body time limit)
            for _ in range(3):
                connection = socket.create_connection(("127.0.0.1", port))
                connection.sendall(AMBIGUOUS + b"Content-Length: 800000\r\n\r\n" + b" " * 600_000)
                held.append(connection)
                time.sleep(1.0)
            answers = []
            for connection in held[1:]:
                connection.settimeout(10)
                answers.append(parse(read_answer(connection)))
            busy = [(body, headers) for status, body, headers in answers if status == 503]
            assert busy and all(body["error"]["code"] == "busy" and headers["retry-after"] for body, headers in busy), [
                status for status, _, _ in answers]
            assert call(port, "GET", "/healthz", timeout=5)[0] == 200
        finally:
            for connection in held:
                connection.close()
        # Once they are gone, bodies are taken again.
        status, body, _ = call(port, "POST", "/v1/summarize", {"documents": seed_documents[:2]}, timeout=60)
        assert status == 200, body


@pytest.mark.slow
def test_a_client_cannot_set_when_its_request_arrived(server, seed_documents):
    from api.app import ARRIVAL_HEADER

    port, _ = server
    status, body, _ = call(port, "POST", "/v1/summarize", {"documents": seed_documents[:2]},
                           headers={ARRIVAL_HEADER: "0"}, timeout=60)
    assert status == 200 and body["sentences"]  # the server's own mark, not the client's "long ago"
