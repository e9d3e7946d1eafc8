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


# --- bounded like everything else ----------------------------------------------------------------------------------


@contextlib.contextmanager
def dripping(address: str, head_first: bool):
    """A server that answers one byte every 0.3 s, forever: after a whole head (`head_first`), or from the head's
    first byte."""
    import socket
    import time

    listener = socket.create_server((address, 0))
    stop = threading.Event()

    def serve(connection):
        with connection:
            connection.recv(65536)
            if head_first:
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>")
            try:
                while not stop.is_set():
                    connection.sendall(b"a" if head_first else b"X")
                    time.sleep(0.3)
            except OSError:
                pass

    def accept():
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://{address}:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()


def fetching_app(**config):
    return create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": "", "FETCH_URLS": True,
                       "FETCH_ALLOW_ADDRESSES": "127.0.0.2", **config}).test_client()


@pytest.mark.parametrize("head_first", [True, False], ids=["slow body", "slow head"])
def test_a_dripping_link_is_cut_at_the_deadline_in_wall_clock(head_first):
    import time

    with dripping("127.0.0.2", head_first) as url:
        began = time.monotonic()
        with pytest.raises(FetchError) as refused:
            fetch(url + "/slow", FetchPolicy(timeout=1.5, allowed=ALLOW.allowed), field="documents[0].url")
        took = time.monotonic() - began
    # Each byte arrives well inside any per-read timeout; only a deadline in wall clock ends it.
    assert took < 3 and "within 1.5 s" in refused.value.message


def test_all_links_of_a_request_share_one_deadline_and_the_first_failure_ends_the_rest(news):
    import time

    with dripping("127.0.0.2", True) as slow:
        app = fetching_app(FETCH_TIMEOUT=2)
        began = time.monotonic()
        answer = app.post("/v1/summarize", json={"documents": [{"url": f"{slow}/{n}"} for n in range(8)]})
        took = time.monotonic() - began
        assert answer.status_code == 400 and answer.get_json()["error"]["code"] == "fetch_failed"
        assert took < 4, took  # eight slow links, four at a time, in one 2 s budget: not 2 s each

        began = time.monotonic()
        answer = app.post("/v1/summarize", json={"documents": [{"url": f"{slow}/a"}, {"url": f"{news}/picture"},
                                                               {"url": f"{slow}/b"}]})
        took = time.monotonic() - began
        error = answer.get_json()["error"]
        assert error["field"] == "documents[1].url" and "image/png" in error["message"]
        assert took < 1.5, took  # the failed link ends the slow ones at once


def test_a_fetched_page_is_held_to_the_article_cap_and_to_a_bound_on_markup(news):
    app = fetching_app(MAX_DOCUMENT_CHARS=120)  # the page's article text is 180 characters
    short = "A second article. It is short."
    error = app.post("/v1/summarize", json={"documents": [{"url": f"{news}/article"}, short]}).get_json()["error"]
    assert error["field"] == "documents[0].url" and "the limit is 120" in error["message"]
    assert "characters" in error["message"]

    routes = {"/tags": (200, HTML, b"<html><body>" + b"<p>a</p>" * 60_000 + b"</body></html>")}
    with site("127.0.0.2", routes) as url:
        error = fetching_app().post("/v1/summarize", json={"documents": [{"url": f"{url}/tags"}, ARTICLE]}).get_json()
    assert error["error"]["code"] == "fetch_failed" and "markup elements" in error["error"]["message"]


@pytest.mark.parametrize("link, reason", [
    ("http://127.0.0.2:8801:80/ok", "not a valid URL"),
    ("data:text/html,<p>An article</p>", "only http and https links can be fetched, not data:"),
    ("javascript:alert(1)", "not javascript:"),
    ("/to-broken-ipv6", "not a valid URL"),
])
def test_links_that_are_not_valid_urls_get_a_clear_400_never_a_500(news, link, reason):
    routes = {"/to-broken-ipv6": (302, {"Location": "http://[::1"}, b"")}
    with site("127.0.0.2", routes) as url:
        target = url + link if link.startswith("/") else link
        answer = fetching_app().post("/v1/summarize", json={"documents": [{"url": target}, ARTICLE]})
    assert answer.status_code == 400, answer.get_json()
    error = answer.get_json()["error"]
    assert error["code"] == "fetch_failed" and reason in error["message"] and error["field"] == "documents[0].url"


@pytest.mark.parametrize("address", ["::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "::ffff:10.0.0.1",
                                     "64:ff9b:1::a00:1", "2001:0:4136:e378:8000:63bf:80ff:fffe"])
def test_ipv6_forms_that_carry_a_private_ipv4_address_are_refused(address):
    with pytest.raises(FetchError) as refused:
        fetch(f"http://[{address}]/", FetchPolicy(timeout=2), field="documents[0].url")
    assert "private or local address" in refused.value.message


def test_a_link_without_a_scheme_is_https_and_a_public_v6_address_passes_the_check():
    from api.fetch import _is_public
    from api.links import _with_scheme

    assert _with_scheme("httpbin.org/x") == "https://httpbin.org/x"
    assert _with_scheme("www.example.com:8080/x") == "https://www.example.com:8080/x"
    assert _with_scheme("ftp://example.com/x") == "ftp://example.com/x"
    assert _is_public("2001:4860:4860::8888") and _is_public("64:ff9b::808:808") and not _is_public("::1")


def test_a_worker_fetches_for_a_few_requests_at_once_and_tells_the_rest_it_is_busy():
    from api.links import FETCHING_REQUESTS

    with dripping("127.0.0.2", True) as slow:
        app = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": "", "FETCH_URLS": True,
                          "FETCH_ALLOW_ADDRESSES": "127.0.0.2", "FETCH_TIMEOUT": 2})
        answers = []

        def ask(n: int) -> None:
            answer = app.test_client().post("/v1/summarize", json={"documents": [{"url": f"{slow}/{n}"}, ARTICLE]})
            answers.append((answer.status_code, answer.get_json()["error"]["code"], answer.headers.get("Retry-After")))

        threads = [threading.Thread(target=ask, args=(n,)) for n in range(FETCHING_REQUESTS + 3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    busy = [answer for answer in answers if answer[1] == "busy"]
    assert len(busy) == 3 and all(status == 503 and retry for status, _, retry in busy), answers
    assert sorted(code for _, code, _ in answers if code != "busy") == ["fetch_failed"] * FETCHING_REQUESTS


def test_a_host_is_reached_at_its_next_address_when_the_first_does_not_answer(news, monkeypatch):
    import socket

    port = int(news.rsplit(":", 1)[1])
    real = socket.getaddrinfo

    def two_addresses(host, *args, **kwargs):  # the name service: "news.test" has two addresses, the first dead
        if host != "news.test":
            return real(host, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in ("127.0.0.1", "127.0.0.2")]

    monkeypatch.setattr(socket, "getaddrinfo", two_addresses)
    both = FetchPolicy(allowed=frozenset({"127.0.0.1", "127.0.0.2"}))  # nothing listens on 127.0.0.1 at that port
    page = fetch(f"http://news.test:{port}/article", both)
    assert "approved the new budget" in page.text
    with pytest.raises(FetchError) as refused:  # each address is checked, not only the one that answers
        fetch(f"http://news.test:{port}/article", ALLOW)
    assert "127.0.0.1" in refused.value.message
