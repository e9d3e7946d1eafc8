"""Time limits on a real server: a request too big for its time is cut off cleanly and does not stall the others."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from server import call, running_server, without_rate_limit

# Starts a server process or a browser: outside the fast loop (pytest -m "not slow").
pytestmark = pytest.mark.slow


def unique_articles(count: int, seed_documents, tag: str) -> list[str]:
    """Articles whose every sentence is new, so each must be embedded (none comes from the cache)."""
    base = [s for d in seed_documents for s in d["text"].replace("\n", " ").split(". ") if len(s.split()) > 8]
    return [" ".join(f"{base[(n * 7 + k) % len(base)]} ({tag} {n}-{k})." for k in range(20)) for n in range(count)]


@pytest.fixture(scope="module")
def server():
    env = without_rate_limit(SUMMARIZER_API_REQUEST_TIME_LIMIT="2")
    with running_server("--threads", "8", env=env) as (port, process):
        yield port, process


def test_a_request_over_the_time_limit_gets_a_clean_503(server, seed_documents):
    port, _ = server
    status, answer, headers = call(port, "POST", "/v1/summarize", {"documents": unique_articles(300, seed_documents, "big")})
    assert status == 503
    assert answer["error"]["code"] == "timeout" and "2 s" in answer["error"]["message"]
    assert headers.get("Retry-After")
    assert call(port, "GET", "/healthz")[0] == 200


@pytest.fixture(scope="module")
def patient_server():
    """A server whose time limit lets a huge request run for seconds: room to see others answered meanwhile."""
    env = without_rate_limit(SUMMARIZER_API_REQUEST_TIME_LIMIT="8")
    with running_server("--threads", "8", env=env) as (port, process):
        yield port, process


def test_small_requests_are_answered_while_a_huge_one_runs(patient_server, seed_documents):
    port, _ = patient_server
    huge = {"documents": unique_articles(1000, seed_documents, "huge")}
    outcome = {}
    huge_started = threading.Event()

    def run_huge():
        huge_started.set()
        outcome["huge"] = call(port, "POST", "/v1/summarize", huge)[0]
        outcome["huge_done"] = time.monotonic()

    worker = threading.Thread(target=run_huge)
    worker.start()
    huge_started.wait()
    time.sleep(0.3)  # the huge request is being worked on

    def small(n):
        status, answer, _ = call(port, "POST", "/v1/summarize", {"documents": unique_articles(2, seed_documents, f"small{n}")})
        return status, time.monotonic()

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(small, range(8)))
    worker.join()
    assert outcome["huge"] in (200, 503)  # finished, or cut off at the limit: either way it held a thread for seconds
    assert all(status == 200 for status, _ in answers)
    # Every small request was answered while the huge one was still running: none waited for it to end.
    assert max(done for _, done in answers) < outcome["huge_done"]
