"""Articles given by link, fetched when the service is set to (FETCH_URLS); see summarizer/fetch.py for the rules."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from summarizer.reading.documents import BARE_LINK
from .fetch import FetchError, FetchPolicy, fetch

from .errors import ApiError

PARALLEL_FETCHES = 4


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


def with_fetched_links(documents: list, config: dict, name: str = "documents") -> tuple[list, set[int]]:
    """The documents (the request's field `name`), each given by link replaced by the page fetched, and which those
    are; ApiError naming the first that failed."""
    wanted = {index: link for index, document in enumerate(documents) if (link := _link_of(document))}
    if not wanted:
        return documents, set()
    if not config["FETCH_URLS"]:
        index = next(iter(wanted))
        raise ApiError(400, "invalid_input", "missing 'text': this service does not fetch links (it is off; "
                                             "SUMMARIZER_API_FETCH_URLS turns it on)", f"{name}[{index}].text")
    rules = policy(config)
    with ThreadPoolExecutor(min(PARALLEL_FETCHES, len(wanted))) as pool:
        futures = {index: pool.submit(fetch, link if link.startswith("http") else f"https://{link}", rules,
                                      f"{name}[{index}].url") for index, link in wanted.items()}
    fetched = list(documents)
    for index, future in futures.items():
        try:
            page = future.result()
        except FetchError as error:
            raise ApiError(400, "fetch_failed", error.message, error.field) from None
        original = documents[index] if isinstance(documents[index], dict) else {}
        fetched[index] = {**original, "text": page.text, "format": page.format,
                          "url": original.get("url") or page.url}
    return fetched, set(wanted)
