"""summarize(): articles in, one sourced brief out. Each stage hands the next a plain value."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Any, Iterable

import numpy as np

from .attribution import matches
from .boilerplate import PROTOTYPES, furniture_mask
from .brief import Brief, BriefSentence
from .config import DEFAULT_SETTINGS, Settings
from .documents import Document, check_encodable, normalize_documents
from .embedding import get_encoder
from .errors import InputError
from .index import SentenceIndex
from .order import reading_order
from .salience import relevance
from .select import Budget, mmr_select
from .sentences import Sentence, normalize_space, split_sentences
from .standalone import can_be_used, can_stand_alone

_UNSET: Any = object()


def _positive(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"must be a whole number, not {type(value).__name__}", name)
    if value < 1:
        raise InputError(f"must be at least 1, not {value}", name)
    return value


def _budget(max_words: Any, max_sentences: Any, settings: Settings) -> Budget:
    sentences = _positive(max_sentences, "max_sentences")
    if max_words is _UNSET:
        max_words = None if sentences is not None else settings.max_words
    words = _positive(max_words, "max_words")
    if words is None and sentences is None:
        raise InputError("give a budget: max_words, max_sentences or both", "max_words")
    return Budget(words, sentences)


def _query(query: Any) -> str | None:
    if query is None:
        return None
    if not isinstance(query, str):
        raise InputError(f"must be a string, not {type(query).__name__}", "query")
    if not query.strip():
        raise InputError("is empty; leave it out for a general brief", "query")
    check_encodable(query, "query")
    return normalize_space(query)


@contextmanager
def _timed(timings: dict, stage: str):
    began = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - began


def candidate_sentences(documents: list[Document], settings: Settings) -> list[Sentence]:
    """Sentences that may go into the brief: standalone ones from each article's lead, else anything usable."""
    split = [split_sentences(document.text, index) for index, document in enumerate(documents)]
    limit = settings.max_candidates_per_document
    for test in (
        lambda sentence: can_stand_alone(sentence, settings.min_sentence_words, settings.max_sentence_words),
        can_be_used,
    ):
        candidates = [s for sentences in split for s in [s for s in sentences if test(s)][:limit]]
        if candidates:
            return candidates
    return []


def summarize(
    documents: Iterable[Any],
    *,
    max_words: int | None = _UNSET,
    max_sentences: int | None = None,
    query: str | None = None,
    diversity: float | None = None,
    time_limit: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Brief:
    """One brief of `documents` (strings, or dicts with `text` and optional id/title/source/url/published).

    Raises `InputError` for unusable input, `ResourceMissingError` when the model or data is not installed, and
    `TimeLimitError` when `time_limit` seconds pass before the brief is ready.
    """
    if time_limit is not None and (isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or time_limit <= 0):
        raise InputError("must be a positive number of seconds", "time_limit")
    deadline = time.monotonic() + time_limit if time_limit is not None else None
    budget = _budget(max_words, max_sentences, settings)
    query = _query(query)
    if diversity is not None:
        if isinstance(diversity, bool) or not isinstance(diversity, (int, float)) or not 0 <= diversity <= 1:
            raise InputError("must be a number from 0 to 1", "diversity")
        settings = settings.replace(diversity=float(diversity))
    articles = normalize_documents(documents)
    timings: dict[str, float] = {}
    warnings: list[str] = []

    with _timed(timings, "split"):
        candidates = candidate_sentences(articles, settings)
    if not candidates:
        warnings.append("no sentences with words were found in the documents")
        return Brief((), tuple(articles), query, budget.words, budget.sentences, timings, tuple(warnings))

    with _timed(timings, "embed"):
        encoder = get_encoder(settings)
        texts = [normalize_space(sentence.text) for sentence in candidates]
        vectors = encoder.encode(texts + ([query] if query else []), deadline)
        query_vector = vectors[-1] if query else None
        vectors = vectors[: len(candidates)]
        furniture = furniture_mask(vectors, encoder.encode(PROTOTYPES), settings.furniture_threshold)
        if furniture.any() and not furniture.all():
            keep = np.flatnonzero(~furniture)
            candidates = [candidates[i] for i in keep]
            texts = [texts[i] for i in keep]
            vectors = vectors[keep]

    with _timed(timings, "index"):
        index = SentenceIndex(vectors)
        threshold = min(settings.support_threshold, settings.source_threshold)
        neighbours = index.neighbours(threshold, settings.max_neighbours)

    with _timed(timings, "select"):
        owners = np.array([sentence.document for sentence in candidates], dtype=np.int64)
        positions = np.array([sentence.position for sentence in candidates], dtype=np.int64)
        lengths = np.array([len(text.split()) for text in texts], dtype=np.int64)
        scores = relevance(vectors, owners, positions, neighbours, settings, query_vector)
        chosen = mmr_select(
            vectors, scores, lengths, budget, settings.diversity, settings.redundancy_threshold
        )
    if not chosen:
        warnings.append(f"no sentence is short enough for a budget of {budget.words} words")

    with _timed(timings, "order"):
        rank = {candidates[i]: i for i in chosen}
        names = [article.id for article in articles]
        sentences = []
        for sentence in reading_order([candidates[i] for i in chosen], articles):
            i = rank[sentence]
            found = matches(i, candidates, neighbours, settings.source_threshold, names)
            sentences.append(
                BriefSentence(sentence.text, names[sentence.document], sentence.start, sentence.end,
                              tuple(match.document_id for match in found), float(scores[i]), found)
            )
    return Brief(tuple(sentences), tuple(articles), query, budget.words, budget.sentences, timings, tuple(warnings))
