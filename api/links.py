"""Articles given by link, fetched when the service is set to (FETCH_URLS); api/fetch.py holds the rules.

All the links of a request share one deadline (FETCH_TIMEOUT seconds of wall clock, headers and slow bodies
included) and are fetched at most PARALLEL_FETCHES at a time; the first that fails ends the others and the request.
A fetched page is read as a pasted one would be (its article text extracted) and held to the same cap on characters
per article; a page with more markup elements than MAX_PAGE_TAGS is refused before extraction, whose time grows with
them.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import Any

from summarizer.reading.documents import BARE_LINK, Document, read_document

from .errors import ApiError
from .fetch import FetchBudget, FetchCancelled, FetchError, FetchPolicy, fetch

PARALLEL_FETCHES = 4
# Requests fetching links at once in a worker: fewer than the threads of its lane for small requests (api/asgi.py),
# so the others' threads stay free for briefs, however slow the links; more are told the worker is busy.
FETCHING_REQUESTS = 2
_fetching = threading.BoundedSemaphore(FETCHING_REQUESTS)
# A long news page has a few thousand elements; extraction of 100,000 takes several seconds.
MAX_PAGE_TAGS = 50_000
# "data:...", "javascript:...", "ftp://...": a scheme, kept so that it is refused by name. "host:8080/x" is a port.
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?![0-9])")


def policy(config: dict) -> FetchPolicy:
    allowed = frozenset(a.strip() for a in config["FETCH_ALLOW_ADDRESSES"].split(",") if a.strip())
    return FetchPolicy(max_bytes=config["FETCH_MAX_BYTES"], timeout=float(config["FETCH_TIMEOUT"]), allowed=allowed)


def _link_of(document: Any) -> str | None:
    """The link to fetch for this document: its url when it has no text, or its text when that is only a link."""
    if isinstance(document, str):
        return document.strip() if BARE_LINK.fullmatch(document) else None
    if isinstance(document, dict):
        if document.get("text") is None and isinstance(document.get("url"), str):
            return document["url"].strip()
        if isinstance(document.get("text"), str) and BARE_LINK.fullmatch(document["text"]):
            return document["text"].strip()
    return None


def _with_scheme(link: str) -> str:
    """`www.example.com/x` and `httpbin.org/x` are https links; a link with a scheme keeps it."""
    return link if SCHEME.match(link) else f"https://{link}"


def _read_page(link: str, original: dict, index: int, name: str, rules: FetchPolicy, budget: FetchBudget,
               max_chars: int) -> Document:
    field = f"{name}[{index}].url"
    page = fetch(_with_scheme(link), rules, field, budget)
    tags = page.text.count("<") if page.format == "html" else 0
    if tags > MAX_PAGE_TAGS:
        raise FetchError(f"the page holds {tags:,} markup elements; the limit is {MAX_PAGE_TAGS:,}", field)
    budget.check(field)
    document = read_document({**original, "text": page.text, "format": page.format,
                              "url": original.get("url") or page.url}, index, name)
    if len(document.text) > max_chars:
        raise FetchError(f"the page's article text is {len(document.text):,} characters; the limit is "
                         f"{max_chars:,} (as for a pasted article)", field)
    return document


def with_fetched_links(documents: list, config: dict, name: str = "documents") -> tuple[list, set[int]]:
    """The documents (the request's field `name`), each given by link replaced by the page fetched and read, and
    which those are; ApiError naming the first that failed."""
    wanted = {index: link for index, document in enumerate(documents) if (link := _link_of(document))}
    if not wanted:
        return documents, set()
    if not config["FETCH_URLS"]:
        index = next(iter(wanted))
        raise ApiError(400, "invalid_input", "missing 'text': this service does not fetch links (it is off; "
                                             "SUMMARIZER_API_FETCH_URLS turns it on)", f"{name}[{index}].text")
    if not _fetching.acquire(blocking=False):
        raise ApiError(503, "busy", f"{FETCHING_REQUESTS} requests are fetching links in this worker already; try "
                                    "again after Retry-After seconds")
    try:
        return _fetch_all(documents, wanted, config, name)
    finally:
        _fetching.release()


def _fetch_all(documents: list, wanted: dict[int, str], config: dict, name: str) -> tuple[list, set[int]]:
    rules = policy(config)
    budget = FetchBudget(rules.timeout)
    pool = ThreadPoolExecutor(min(PARALLEL_FETCHES, len(wanted)), thread_name_prefix="fetch")
    try:
        futures = {pool.submit(_read_page, link, documents[index] if isinstance(documents[index], dict) else {},
                               index, name, rules, budget, config["MAX_DOCUMENT_CHARS"]): index
                   for index, link in wanted.items()}
        done, pending = wait(futures, timeout=max(budget.remaining(), 0) + 0.5, return_when=FIRST_EXCEPTION)
        failed = sorted((futures[future], future.exception()) for future in done
                        if future.exception() is not None and not isinstance(future.exception(), FetchCancelled))
        if failed or pending:
            budget.end("timeout" if not failed else "cancelled")
            if not failed:
                index = min(futures[future] for future in pending)
                raise ApiError(400, "fetch_failed", f"the links did not arrive within {rules.timeout:g} s",
                               f"{name}[{index}].url")
            error = failed[0][1]
            if isinstance(error, FetchError):
                raise ApiError(400, "fetch_failed", error.message, error.field) from None
            raise error  # the page was fetched but is not an article (InputError naming its text)
        fetched = list(documents)
        for future, index in futures.items():
            fetched[index] = future.result()
        return fetched, set(wanted)
    finally:
        budget.close()
        pool.shutdown(wait=False, cancel_futures=True)
