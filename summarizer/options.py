"""What a request asks of the engine, checked in one place: the length budget, a query, how diverse, how long it may
take. The library, the command line, the batch job and the service all read a request through `Options`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .config import DEFAULT_SETTINGS, Settings
from .errors import InputError
from .reading.documents import check_encodable
from .reading.sentences import normalize_space
from .selection.select import Budget

# An option left out. `None` means the same: "not given", so that a JSON null and a missing key agree.
UNSET: Any = object()


def _given(value: Any) -> bool:
    return value is not UNSET and value is not None


def _positive(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"must be a whole number, not {type(value).__name__}", name)
    if value < 1:
        raise InputError(f"must be at least 1, not {value}", name)
    return value


def check_budget(max_words: Any = UNSET, max_sentences: Any = UNSET, settings: Settings = DEFAULT_SETTINGS) -> Budget:
    """The length budget: the caller's, else the settings' (no default word budget when only sentences are given)."""
    sentences = _positive(max_sentences, "max_sentences") if _given(max_sentences) else settings.max_sentences
    if _given(max_words):
        words = _positive(max_words, "max_words")
    else:
        words = None if _given(max_sentences) else settings.max_words
    if words is None and sentences is None:
        raise InputError("give a budget: max_words, max_sentences or both", "max_words")
    return Budget(words, sentences)


def check_query(query: Any) -> str | None:
    if query is None:
        return None
    if not isinstance(query, str):
        raise InputError(f"must be a string, not {type(query).__name__}", "query")
    if not query.strip():
        raise InputError("is empty; leave it out for a general brief", "query")
    check_encodable(query, "query")
    return normalize_space(query)


def check_fraction(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise InputError("must be a number from 0 to 1", name)
    return float(value)


def check_time_limit(time_limit: Any) -> float | None:
    if time_limit is None:
        return None
    if isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or not time_limit > 0:
        raise InputError("must be a positive number of seconds", "time_limit")
    return float(time_limit)


@dataclass(frozen=True)
class TimelineBudget:
    """A timeline's size: at most `entries` dated entries of at most `words` words each."""

    entries: int
    words: int


def check_timeline(max_entries: Any = UNSET, max_words_per_entry: Any = UNSET,
                   settings: Settings = DEFAULT_SETTINGS) -> TimelineBudget:
    """A timeline's size: the caller's, else the settings'."""
    entries = _positive(max_entries, "max_entries") if _given(max_entries) else settings.timeline_entries
    words = (_positive(max_words_per_entry, "max_words_per_entry") if _given(max_words_per_entry)
             else settings.timeline_entry_words)
    return TimelineBudget(entries, words)


@dataclass(frozen=True)
class Options:
    """A request's options, checked: the budget, the query (normalized), diversity, the time limit in seconds."""

    budget: Budget
    query: str | None = None
    diversity: float | None = None
    time_limit: float | None = None

    @classmethod
    def read(cls, settings: Settings = DEFAULT_SETTINGS, *, max_words: Any = UNSET, max_sentences: Any = UNSET,
             query: Any = None, diversity: Any = None, time_limit: Any = None) -> "Options":
        """The options of a request, or `InputError` naming the one at fault. `None` is "not given"."""
        return cls(check_budget(max_words, max_sentences, settings), check_query(query),
                   check_fraction(diversity, "diversity"), check_time_limit(time_limit))

    def settings(self, settings: Settings) -> Settings:
        """The settings this request runs with."""
        return settings if self.diversity is None else settings.replace(diversity=self.diversity)
