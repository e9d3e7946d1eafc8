"""The embedding model's life in the service: loaded once per process, in the background, when the app is built."""

from __future__ import annotations

import logging
import os
import threading

from summarizer.embedding import get_encoder, is_loaded
from summarizer.errors import ResourceMissingError

log = logging.getLogger("api")
_lock = threading.Lock()
_loader: threading.Thread | None = None


def _load() -> None:
    try:
        get_encoder()
        log.info("model loaded")
    except ResourceMissingError as error:
        log.error("%s", error)


def preload_model(wait: bool = False) -> None:
    """Start loading the model (once per process); with `wait`, return when loading has ended."""
    global _loader
    with _lock:
        if _loader is None:
            _loader = threading.Thread(target=_load, name="model-loader", daemon=True)
            _loader.start()
    if wait:
        _loader.join()


def model_ready() -> bool:
    return is_loaded()


def resident_memory_mb() -> float | None:
    """This process's resident memory now (Linux), for operators watching growth."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
