"""The service's limits and switches, with their defaults; each can be set from the environment."""

from __future__ import annotations

import os

DEFAULTS = {
    # Bodies larger than this get 413 before they are read.
    "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
    "MAX_DOCUMENTS": 1000,
    "MAX_DOCUMENT_CHARS": 200_000,
    "MAX_WORDS_LIMIT": 2000,
    "MAX_SENTENCES_LIMIT": 200,
    "MAX_QUERY_CHARS": 1000,
    "MAX_TIMELINE_ENTRIES": 100,
    # Seconds a brief may take; past it the request gets 503 "timeout" and the model goes to others.
    "REQUEST_TIME_LIMIT": 60,
    # Seconds a client may take to send its request head (from its first byte) and its body; past either, 408.
    "HEAD_TIME_LIMIT": 10,
    "BODY_TIME_LIMIT": 30,
    # Admission, per worker process: requests waiting for a thread beyond those at work (more get 503 "busy" with
    # Retry-After), and bytes of request bodies held in memory at once, arriving or waiting (more get 503 "busy").
    "MAX_QUEUED": 16,
    "MAX_BUFFERED_BYTES": 64 * 1024 * 1024,
    # Requests per client address (every route but /healthz), in flask-limiter's notation ("300 per minute",
    # "10/second;300/minute"); past it, 429 with Retry-After. Counted per worker process unless RATE_LIMIT_STORAGE
    # names a shared store (e.g. redis://host:6379). Empty: no limit.
    "RATE_LIMIT": "300 per minute",
    "RATE_LIMIT_STORAGE": "memory://",
    # Load the model when the app is built, so the first request does not wait and /healthz means ready.
    "PRELOAD_MODEL": True,
    # Origins allowed to call the API from a browser on another site; empty: CORS off.
    "CORS_ORIGINS": "",
    # Fetch articles given by link ({"url": ...} without text, or a text that is only a link). Off by default;
    # public addresses only (see api/fetch.py), each page at most FETCH_MAX_BYTES, all of a request's links within
    # FETCH_TIMEOUT s (and within the request's own time limit).
    "FETCH_URLS": False,
    "FETCH_MAX_BYTES": 2 * 1024 * 1024,
    "FETCH_TIMEOUT": 10,
    # Addresses fetched although not public, comma-separated (an intranet's servers; tests).
    "FETCH_ALLOW_ADDRESSES": "",
}


def from_environment() -> dict:
    """DEFAULTS, overridden by SUMMARIZER_API_<NAME> variables (e.g. SUMMARIZER_API_MAX_DOCUMENTS=200)."""
    config = {}
    for name, default in DEFAULTS.items():
        raw = os.environ.get(f"SUMMARIZER_API_{name}")
        if raw is None:
            continue
        if isinstance(default, bool):
            config[name] = raw.strip().lower() in {"1", "true", "yes", "on"}
        elif isinstance(default, int):
            config[name] = int(raw)
        else:
            config[name] = raw
    return config
