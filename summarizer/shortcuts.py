"""`summarize`, `timeline` and `digest` as functions: each a call on one `Summarizer` per settings, shared by the
process (so the model loads once)."""

from __future__ import annotations

from typing import Any, Iterable

from .brief import Brief
from .config import DEFAULT_SETTINGS, Settings
from .engine import Summarizer
from .stories.digest import Digest
from .timeline import Timeline

_default: dict[Settings, Summarizer] = {}


def _shared(settings: Settings) -> Summarizer:
    summarizer = _default.get(settings)
    if summarizer is None:
        summarizer = _default.setdefault(settings, Summarizer(settings))
    return summarizer


def digest(documents: Iterable[Any], *, settings: Settings = DEFAULT_SETTINGS, **options: Any) -> Digest:
    """Articles of any number of stories in; one sourced brief per story out: `Summarizer(settings).digest(...)`
    (the same options)."""
    return _shared(settings).digest(documents, **options)


def timeline(documents: Iterable[Any], *, settings: Settings = DEFAULT_SETTINGS, **options: Any) -> Timeline:
    """A story's articles in; its dated entries in date order out: `Summarizer(settings).timeline(...)` (the same
    options: max_entries, max_words_per_entry, time_limit)."""
    return _shared(settings).timeline(documents, **options)


def summarize(documents: Iterable[Any], *, settings: Settings = DEFAULT_SETTINGS, **options: Any) -> Brief:
    """One brief of `documents`: `Summarizer(settings).summarize(...)` with the process-wide encoder (the same
    options: max_words, max_sentences, query, diversity, time_limit)."""
    return _shared(settings).summarize(documents, **options)
