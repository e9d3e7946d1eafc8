"""Articles by link: fetched only when the service is set to, and never from private or local addresses."""

import contextlib
import http.server
import threading

import pytest

from api import create_app
from api.fetch import FetchError, FetchPolicy, fetch

from test_html import as_page

ARTICLE = ("The city council approved the new budget on Monday after a long debate over school funding.\n"
           "Officials said the budget adds money for teachers and repairs, and the vote was close.")


@contextlib.contextmanager
def site(address: str, routes: dict):
    """A web server on `address` answering each path with (status, headers, body)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((address, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{address}:{server.server_address[1]}"
    finally:
        server.shutdown()


PAGE = as_page(ARTICLE, title="Budget passes", outlet="City News", published="2024-08-18T07:00:00Z").encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}
ALLOW = FetchPolicy(allowed=frozenset({"127.0.0.2"}))


@pytest.fixture(scope="module")
def local():
    """The 'internal' server on 127.0.0.1 that a redirect must not reach."""
    with site("127.0.0.1", {"/secret": (200, HTML, b"<html><body><p>Internal secret page text here.</p></body></html>")}) as url:
        yield url


@pytest.fixture(scope="module")
def news(local):
    """A 'news site' on 127.0.0.2, allowed by the policy as an intranet server would be."""
    routes = {
        "/article": (200, HTML, PAGE),
        "/moved": (301, {"Location": "/article"}, b""),
        "/to-local": (302, {"Location": f"{local}/secret"}, b""),
        "/to-localhost": (302, {"Location": "http://localhost/secret"}, b""),
        "/picture": (200, {"Content-Type": "image/png"}, b"\x89PNG"),
        "/huge": (200, HTML, b"<p>" + b"x" * 300_000 + b"</p>"),
        "/loop": (302, {"Location": "/loop"}, b""),
    }
    with site("127.0.0.2", routes) as url:
        yield url


def test_a_page_is_fetched_and_redirects_are_followed(news):
    page = fetch(f"{news}/moved", ALLOW)
    assert page.url == f"{news}/article" and page.format == "html" and "approved the new budget" in page.text


@pytest.mark.parametrize("path_or_url, reason", [
    ("/to-local", "private or local address (127.0.0.1)"),
    ("/to-localhost", "private or local address"),
    ("/picture", "image/png"),
    ("/huge", "larger than 100000 bytes"),
    ("/loop", "redirected more than"),
    ("http://10.20.30.40/article", "private or local address (10.20.30.40)"),
    ("http://169.254.169.254/latest/meta-data/", "private or local address"),
    ("http://[::1]/", "private or local address"),
    ("ftp://127.0.0.2/article", "only http and https"),
    ("file:///etc/passwd", "only http and https"),
])
def test_what_may_not_be_fetched_is_refused(news, path_or_url, reason):
    url = news + path_or_url if path_or_url.startswith("/") else path_or_url
    with pytest.raises(FetchError) as refused:
        fetch(url, FetchPolicy(max_bytes=100_000, allowed=ALLOW.allowed), field="documents[0].url")
    assert reason in refused.value.message and refused.value.field == "documents[0].url"


def test_the_service_fetches_only_when_set_to(news):
    off = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": ""}).test_client()
    answer = off.post("/v1/summarize", json={"documents": [{"url": f"{news}/article"}, ARTICLE]})
    assert answer.status_code == 400 and answer.get_json()["error"]["field"] == "documents[0].text"
    assert "does not fetch links" in answer.get_json()["error"]["message"]
    assert off.get("/healthz").get_json()["fetch_urls"] is False
    pasted = off.post("/v1/summarize", json={"documents": [f"{news}/article", f"{news}/moved"]}).get_json()
    assert pasted["error"]["field"] == "documents[0].text"  # two pasted links never come back as the brief

    on = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": "", "FETCH_URLS": True,
                     "FETCH_ALLOW_ADDRESSES": "127.0.0.2"}).test_client()
    assert on.get("/healthz").get_json()["fetch_urls"] is True
    fetched = on.post("/v1/summarize", json={"documents": [{"url": f"{news}/article"}, f"{news}/moved"]})
    assert fetched.status_code == 200, fetched.get_json()
    body = fetched.get_json()
    first = body["documents"][0]
    assert first["url"] == f"{news}/article" and first["source"] == "City News" and first["format"] == "html"
    for sentence in body["sentences"]:
        text = next(d["text"] for d in body["documents"] if d["id"] == sentence["document_id"])
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    refused = on.post("/v1/summarize", json={"documents": [{"url": f"{news}/to-local"}, ARTICLE]}).get_json()
    assert refused["error"]["code"] == "fetch_failed" and refused["error"]["field"] == "documents[0].url"
