"""The same articles and settings give the same brief: alone, after other requests, under concurrent clients, and
in another process."""

import pytest
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from conftest import ROOT, SEEDS
from server import call, running_server, without_rate_limit

# Starts a server process or a browser: outside the fast loop (pytest -m "not slow").
pytestmark = pytest.mark.slow


def other_clusters(seed_documents, count=50):
    """Clusters that share many sentences with the seeds, mixed with sentences of their own, in varied order."""
    paragraphs = [p for d in seed_documents for p in d["text"].split("\n") if len(p.split()) > 8]
    clusters = []
    for n in range(count):
        rng = random.Random(n)
        documents = []
        for k in range(rng.randint(2, 6)):
            picked = rng.sample(paragraphs, rng.randint(2, 6))
            picked.insert(rng.randint(0, len(picked)), f"Reporters in town {n} said the council met {k} times this week.")
            documents.append({"id": f"c{n}-{k}", "text": "\n\n".join(picked)})
        clusters.append({"documents": documents, "max_words": rng.choice([60, 100, 150])})
    return clusters


def content(answer: dict) -> str:
    """Everything in a brief that comes from the articles and the model (not timings or request ids)."""
    return json.dumps({key: answer[key] for key in ("text", "sentences", "warnings")}, sort_keys=True)


def test_the_seed_brief_is_the_same_every_time(seed_documents):
    seeds = {"documents": seed_documents}
    # Each scenario in a fresh server, so no vector can come from an earlier scenario's cache.
    with running_server(env=without_rate_limit()) as (port, _):
        alone = content(call(port, "POST", "/v1/summarize", seeds)[1])
    with running_server(env=without_rate_limit()) as (port, _):
        for body in other_clusters(seed_documents):
            assert call(port, "POST", "/v1/summarize", body)[0] == 200
        after = content(call(port, "POST", "/v1/summarize", seeds)[1])
    mixed = [seeds if n % 2 == 0 else body for n, body in enumerate(other_clusters(seed_documents, 24), start=1)]
    with running_server("--threads", "8", env=without_rate_limit()) as (port, _):
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda body: (body is seeds, call(port, "POST", "/v1/summarize", body)[1]), mixed))
    concurrent = [content(answer) for is_seeds, answer in answers if is_seeds]
    assert len(concurrent) == 12
    other_process = subprocess.run([sys.executable, "-m", "summarizer", str(SEEDS), "--format", "json"], cwd=ROOT,
                                   capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(alone)["text"]
    assert after == alone
    assert set(concurrent) == {alone}
    assert content(json.loads(other_process.stdout)) == alone


def test_a_model_that_fails_to_load_is_reported(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the export cache should be")
    env = dict(os.environ, SUMMARIZER_CACHE_DIR=str(blocked / "cache"))
    # One worker: with more, /healthz may reach one still loading after another has failed.
    with running_server("--workers", "1", env=env,
                        until=lambda status, body: body and body["status"] != "loading") as (port, _):
        status, body, _ = call(port, "GET", "/healthz")
        assert status == 503 and body["status"] == "failed"
        assert "SUMMARIZER_CACHE_DIR" in body["reason"]
        status, answer, _ = call(port, "POST", "/v1/summarize", {"documents": ["The council met on Monday."]})
        assert status == 503 and answer["error"]["code"] == "model_unavailable"
        assert "SUMMARIZER_CACHE_DIR" in answer["error"]["message"]
