"""The Flask app through its test client, with the real engine behind it."""

import json

import pytest

from api import create_app
from summarizer import DEFAULT_SETTINGS


@pytest.fixture(scope="module")
def client():
    app = create_app({"RATE_LIMIT": "", "PRELOAD_MODEL": True, "MAX_CONTENT_LENGTH": 200_000, "MAX_DOCUMENTS": 50,
                      "MAX_DOCUMENT_CHARS": 20_000})
    return app.test_client()


def post(client, body, content_type="application/json", raw=None):
    data = raw if raw is not None else json.dumps(body)
    return client.post("/v1/summarize", data=data, content_type=content_type)


def test_seed_brief_over_http(client, seed_documents):
    response = post(client, {"documents": seed_documents, "max_words": 80})
    assert response.status_code == 200
    body = response.get_json()
    assert 0 < body["word_count"] <= 80
    texts = {d["id"]: d["text"] for d in seed_documents}
    for sentence in body["sentences"]:
        assert texts[sentence["document_id"]][sentence["start"]:sentence["end"]] == sentence["text"]
    assert max(len(s["sources"]) for s in body["sentences"]) >= 2
    assert body["options"] == {"max_words": 80, "max_sentences": None, "query": None,
                               "diversity": DEFAULT_SETTINGS.diversity}
    assert body["timing"]["total"] > 0 and body["version"]
    assert response.headers["X-Request-ID"] == body["request_id"]
    assert response.headers["X-Service-Version"] == body["version"]


def test_sentence_budget_and_query(client, seed_documents):
    body = post(client, {"documents": seed_documents, "max_sentences": 2, "query": "casualties"}).get_json()
    assert len(body["sentences"]) == 2 and body["options"]["max_words"] is None
    assert body["query"] == "casualties"


def test_health_and_openapi(client):
    from api.model import preload_model

    preload_model(client.application.extensions["summarizer"], wait=True)
    health = client.get("/healthz")
    assert health.status_code == 200 and health.get_json()["model_loaded"] is True
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/v1/summarize", "/v1/digest", "/v1/timeline", "/v1/sample", "/healthz", "/openapi.json", "/", "/app.js",
                                 "/favicon.svg", "/docs", "/metrics"}
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            status = client.open(path, method=method.upper()).status_code
            assert str(status) in operation["responses"], (path, method, status)
    limits = spec["components"]["schemas"]["SummarizeRequest"]["properties"]["documents"]
    assert limits["maxItems"] == 50


DEEP = "[" * 100_000 + "]" * 100_000

MALFORMED = [
    # (body or raw text, content type, status, code, field)
    ({}, None, 400, "missing_field", "documents"),
    ({"documents": None}, None, 400, "missing_field", "documents"),
    ({"documents": "text"}, None, 400, "invalid_input", "documents"),
    ({"documents": []}, None, 400, "invalid_input", "documents"),
    ({"documents": {"text": "x"}}, None, 400, "invalid_input", "documents"),
    ({"documents": [None]}, None, 400, "invalid_input", "documents[0]"),
    ({"documents": ["ok", 5]}, None, 400, "invalid_input", "documents[1]"),
    ({"documents": [["nested"]]}, None, 400, "invalid_input", "documents[0]"),
    ({"documents": [{"text": None}]}, None, 400, "invalid_input", "documents[0]"),
    ({"documents": [{"body": "x"}]}, None, 400, "unknown_field", "documents[0].body"),
    ({"documents": [{"title": "no text"}]}, None, 400, "invalid_input", "documents[0]"),
    ({"documents": ["   "]}, None, 400, "invalid_input", "documents[0].text"),
    ({"documents": [{"text": "ok", "published": "soon"}]}, None, 400, "invalid_input", "documents[0].published"),
    ({"documents": ["ok"], "max_words": 0}, None, 400, "invalid_input", "max_words"),
    ({"documents": ["ok"], "max_words": -1}, None, 400, "invalid_input", "max_words"),
    ({"documents": ["ok"], "max_words": "100"}, None, 400, "invalid_input", "max_words"),
    ({"documents": ["ok"], "max_words": 12.5}, None, 400, "invalid_input", "max_words"),
    ({"documents": ["ok"], "max_words": True}, None, 400, "invalid_input", "max_words"),
    ({"documents": ["ok"], "max_words": 10**30}, None, 400, "invalid_input", "max_words"),
    ({"documents": ["ok"], "max_sentences": 10**6}, None, 400, "invalid_input", "max_sentences"),
    ({"documents": ["ok"], "query": 7}, None, 400, "invalid_input", "query"),
    ({"documents": ["ok"], "query": ""}, None, 400, "invalid_input", "query"),
    ({"documents": ["ok"], "diversity": 5}, None, 400, "invalid_input", "diversity"),
    ({"documents": ["ok"], "maxwords": 5}, None, 400, "unknown_field", "maxwords"),
    ({"documents": ["x" * 20_001]}, None, 400, "limit_exceeded", "documents[0].text"),
    ({"documents": ["a"] * 51}, None, 400, "limit_exceeded", "documents"),
    ([1, 2, 3], None, 400, "invalid_input", None),
    ('"just a string"', None, 400, "invalid_input", None),
    ("just text", None, 400, "invalid_json", None),
    (None, None, 400, "invalid_input", None),
    ('{"documents": ["a"', None, 400, "invalid_json", None),
    ("", None, 400, "invalid_json", None),
    ('{"documents": ["a"], "max_words": NaN}', None, 400, "invalid_json", None),
    ('{"documents": ["a"], "max_words": 1' + "0" * 5000 + "}", None, 400, "invalid_json", None),
    ('{"documents": ["\\ud800 lone surrogate"]}', None, 400, "invalid_input", "documents[0].text"),
    (DEEP, None, 400, "invalid_json", None),
    ({"documents": ["ok"]}, "text/plain", 415, "unsupported_media_type", None),
    ({"documents": ["ok"]}, "application/x-www-form-urlencoded", 415, "unsupported_media_type", None),
    ({"documents": ["ok"]}, "", 415, "unsupported_media_type", None),
]


@pytest.mark.parametrize("body, content_type, status, code, field", MALFORMED)
def test_malformed_requests_get_json_errors(client, body, content_type, status, code, field):
    raw = body if isinstance(body, str) else None
    response = post(client, body, content_type if content_type is not None else "application/json", raw=raw)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["field"] == field
    assert error["message"] and "Traceback" not in error["message"]


def test_invalid_utf8_body(client):
    response = post(client, None, raw=b'{"documents": ["\xff\xfe"]}')
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "invalid_json"


def test_oversized_body_is_refused_before_parsing(client):
    response = post(client, None, raw="x" * 200_001)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


def test_unknown_route_and_wrong_method(client):
    missing = client.get("/v2/nothing")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"
    wrong = client.get("/v1/summarize")
    assert wrong.status_code == 405 and wrong.get_json()["error"]["code"] == "method_not_allowed"
    assert "POST" in wrong.headers["Allow"]
    assert client.delete("/healthz").status_code == 405


def test_request_ids_and_no_cors_by_default(client):
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123", "Origin": "https://elsewhere.example"})
    assert response.headers["X-Request-ID"] == "abc-123"
    assert "Access-Control-Allow-Origin" not in response.headers
    bad_id = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert bad_id.headers["X-Request-ID"] != "<script>"


def test_cors_when_configured():
    app = create_app({"PRELOAD_MODEL": False, "CORS_ORIGINS": "https://news.example"})
    client = app.test_client()
    response = client.get("/healthz", headers={"Origin": "https://news.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://news.example"
    # The preflight a browser sends before a JSON POST from another site.
    preflight = client.options("/v1/summarize", headers={
        "Origin": "https://news.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://news.example"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    assert "X-Request-ID" in client.get("/healthz", headers={"Origin": "https://news.example"}).headers[
        "Access-Control-Expose-Headers"]
    other = client.options("/v1/summarize", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_an_app_answers_with_the_engine_it_is_handed():
    from api import create_app
    from summarizer import Summarizer

    class Counting(Summarizer):
        calls = 0

        def brief(self, documents, options, seen=None):
            Counting.calls += 1
            return super().brief(documents, options, seen)

    client = create_app({"TESTING": True, "PRELOAD_MODEL": False}, summarizer=Counting()).test_client()
    answer = client.post("/v1/summarize", json={"documents": ["The council approved the budget on Monday after a "
                                                              "long debate over school funding and roads."]})
    assert answer.status_code == 200 and Counting.calls == 1


def test_the_rate_limit_counts_every_route_and_its_429_carries_the_request_id():
    client = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": "3 per minute"}).test_client()
    first = client.get("/v1/sample")
    assert first.status_code == 200 and "Retry-After" not in first.headers  # only where it means "wait"
    assert client.get("/no-such-route").status_code == 404
    assert client.delete("/v1/sample").status_code == 405
    refused = client.get("/v1/sample", headers={"X-Request-ID": "client-42"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert refused.headers["X-Request-ID"] == "client-42" == refused.get_json()["request_id"]
    assert client.get("/healthz").status_code in (200, 503)  # never limited


def test_an_unknown_key_is_named_as_written_and_cut_to_a_bounded_length():
    client = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": ""}).test_client()
    error = client.post("/v1/summarize", json={"documents": ["a b c", "d e f"], "k" * 100_000: 1}).get_json()["error"]
    assert error["code"] == "unknown_field" and error["field"] == "k" * 64
    error = client.post("/v1/summarize", json={"documents": [{"id": 5.5, "text": "a b c"}, "d"]}).get_json()["error"]
    assert error["field"] == "documents[0].id"


def test_the_time_limit_counts_from_the_arrival_the_server_marks():
    import time

    from api.app import ARRIVAL_HEADER

    client = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": "", "REQUEST_TIME_LIMIT": 5}).test_client()
    body = {"documents": ["The council met on Monday. It approved the budget.", "The budget passed. The vote was close."]}
    waited = client.post("/v1/summarize", json=body, headers={ARRIVAL_HEADER: repr(time.monotonic() - 6)})
    assert waited.status_code == 503 and waited.get_json()["error"]["code"] == "timeout"
    assert waited.headers["Retry-After"]


def metric(text: str, name: str, **labels) -> float:
    """The value of one sample of /metrics' text (0 when absent)."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith(f"{name}{{{wanted}}} ") or (not labels and line.startswith(f"{name} ")):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_by_route_and_status_and_time_each_stage(seed_documents):
    client = create_app({"RATE_LIMIT": "", "PRELOAD_MODEL": True}).test_client()
    client.post("/v1/summarize", json={"documents": seed_documents})
    client.post("/v1/summarize", json={"documents": []})
    client.get("/nowhere")
    answer = client.get("/metrics")
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/plain")
    text = answer.get_data(as_text=True)
    assert metric(text, "news_brief_requests_total", method="POST", route="/v1/summarize", status="200") == 1
    assert metric(text, "news_brief_requests_total", method="POST", route="/v1/summarize", status="400") == 1
    assert metric(text, "news_brief_requests_total", method="GET", route="unrouted", status="404") == 1
    assert metric(text, "news_brief_request_seconds_count", route="/v1/summarize") == 2
    for stage in ("split", "embed", "select", "attribute"):
        assert metric(text, "news_brief_stage_seconds_count", route="/v1/summarize", stage=stage) == 1, stage
    assert metric(text, "news_brief_model_ready") == 1


def test_metrics_count_refusals_and_failed_links():
    client = create_app({"RATE_LIMIT": "1 per minute", "PRELOAD_MODEL": False, "FETCH_URLS": True}).test_client()
    client.get("/v1/sample")
    assert client.get("/v1/sample").status_code == 429
    text = client.get("/metrics").get_data(as_text=True)  # never limited itself
    assert metric(text, "news_brief_refusals_total", reason="rate_limit") == 1

    client = create_app({"RATE_LIMIT": "", "PRELOAD_MODEL": False, "FETCH_URLS": True}).test_client()
    assert client.post("/v1/summarize", json={"documents": [{"url": "http://10.0.0.1/x"}, "b c d"]}).status_code == 400
    assert metric(client.get("/metrics").get_data(as_text=True), "news_brief_fetch_failures_total") == 1


def test_the_api_is_documented_at_docs_from_files_the_package_serves():
    client = create_app({"RATE_LIMIT": "", "PRELOAD_MODEL": False}).test_client()
    page = client.get("/docs")
    assert page.status_code == 200 and b"swagger-ui-bundle.js" in page.data and b"<script>" not in page.data
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "docs.js"):
        assert client.get(f"/docs/{name}").status_code == 200, name
    assert client.get("/docs/../app.py").status_code == 404
    assert client.get("/docs/index.html").status_code == 404


def test_a_limit_is_told_with_separators_and_what_to_do():
    client = create_app({"RATE_LIMIT": "", "PRELOAD_MODEL": False}).test_client()
    error = client.post("/v1/summarize", json={"documents": ["a " * 150_000, "b"]}).get_json()["error"]
    assert error["field"] == "documents[0].text"
    assert error["message"] == ("is 300,000 characters; the limit is 200,000; shorten it or split it into several "
                                "articles")


def test_warnings_come_as_codes_with_the_ids_they_name(client, seed_documents):
    from test_digest import EARNINGS

    answer = client.post("/v1/summarize", json={"documents": [*seed_documents, {"id": "earnings", "text": EARNINGS}]})
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["notices"] == [{"code": "unrelated_article", "message": body["warnings"][0],
                                "args": {"document_id": "earnings"}}]
    tiny = client.post("/v1/summarize", json={"documents": seed_documents, "max_words": 1}).get_json()
    assert {"code": "budget_too_small", "message": "no sentence is short enough for a budget of 1 word",
            "args": {"max_words": 1}} in tiny["notices"]
    assert [notice["message"] for notice in tiny["notices"]] == tiny["warnings"]


def test_the_answer_carries_the_library_s_own_text_and_markdown_and_names_an_article_by_its_name(client):
    from summarizer import summarize

    documents = [
        {"id": "7", "name": "council-vote", "text": "The city council approved the new budget on Monday after a long "
                                                    "debate over school funding, officials said."},
        {"id": "8", "source": "AP", "url": "https://example.com/b",
         "text": "Council members voted on Monday to approve the budget after hours of debate about school funding, "
                 "officials said."},
    ]
    body = client.post("/v1/summarize", json={"documents": documents}).get_json()
    brief = summarize(documents)
    assert body["exports"] == {"text": brief.to_text(), "markdown": brief.to_markdown()}
    labels = {source["document_id"]: source["label"] for source in body["sources"]}
    assert labels == {"7": "council-vote", "8": "AP"}  # each reports the fact
    assert "[1] AP — https://example.com/b" in body["exports"]["text"]
    assert "[AP](https://example.com/b)" in body["exports"]["markdown"]
    timeline = client.post("/v1/timeline", json={"documents": documents}).get_json()
    assert set(timeline["exports"]) == {"text", "markdown"}
