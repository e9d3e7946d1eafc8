"""The embedding model's life in the service: loaded once per process, in the background, when the app is built;
a load that fails is remembered with its reason, so /healthz and every request can say why."""

from __future__ import annotations

import logging
import os
import threading

from summarizer.errors import SummarizerError
from summarizer.model.embedding import is_loaded
from summarizer.reading.dates import warm_up

log = logging.getLogger("api")
_lock = threading.Lock()
_loader: threading.Thread | None = None
_state = {"status": "loading", "reason": None}


def _load(summarizer) -> None:
    try:
        summarizer.encoder  # loads it
        warm_up()  # and the date parser of timelines
    except SummarizerError as error:
        _state.update(status="failed", reason=str(error))
        log.error("model failed to load: %s", error)
    except Exception as error:  # anything else is still a failed load, and must not leave "loading" forever
        _state.update(status="failed", reason=f"{type(error).__name__}: {error}")
        log.exception("model failed to load")
    else:
        _state.update(status="ready", reason=None)
        log.info("model loaded")


def preload_model(summarizer, wait: bool = False) -> None:
    """Start loading the model of `summarizer` (once per process); with `wait`, return when loading has ended."""
    global _loader
    with _lock:
        if _loader is None:
            _loader = threading.Thread(target=_load, args=(summarizer,), name="model-loader", daemon=True)
            _loader.start()
    if wait:
        _loader.join()


def model_status() -> tuple[str, str | None]:
    """("loading" | "ready" | "failed", the reason of a failure)."""
    if _state["status"] == "loading" and is_loaded():
        return "ready", None
    return _state["status"], _state["reason"]


def health_document(config: dict) -> tuple[dict, int]:
    """/healthz: the body and status (200 once the model is loaded, 503 while loading or after a failed load)."""
    from summarizer import __version__

    status, reason = model_status()
    ready = status == "ready"
    body = {"status": "ok" if ready else status, "model_loaded": ready, "version": __version__,
            "rss_mb": resident_memory_mb(), "pid": os.getpid(), "fetch_urls": config["FETCH_URLS"]}
    if reason:
        body["reason"] = reason
    return body, 200 if ready else 503


def resident_memory_mb() -> float | None:
    """This process's resident memory now (Linux), for operators watching growth."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
