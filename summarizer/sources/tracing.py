"""Tracing a brief to its articles: for each chosen sentence every article that states its fact, and where the
articles differ or a figure was updated. The sentences not embedded yet are embedded here."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from ..config import Settings
from ..content.concepts import ANALYSED_CHARS
from ..reading.documents import Document
from ..reading.sentences import Sentence
from ..timing import Stopwatch
from .attribution import Match, attribute, plausible_sources, without_dissenters
from .disagreements import Disagreement, find_disagreements
from .facts import Facts, facts, story
from .frames import predicate_words


def trace(chosen: list[int], vectors: dict[int, np.ndarray], sentences: Sequence[Sentence],
          words: Sequence[frozenset[str]], articles: Sequence[Document], settings: Settings,
          embed: Callable[[list[int]], np.ndarray], clock: Stopwatch, seen_from: int | None = None,
          known: dict[int, Facts] | None = None) -> tuple[list[tuple[Match, ...]], tuple[Disagreement, ...]]:
    """The matches of each chosen sentence (its own first) and the notes on its figures. `vectors` holds the
    sentences embedded so far and `known` the facts read so far (both grow, so a second call reads nothing twice);
    `embed` embeds more (timed as "embed", the rest as "attribute"). Sentences from index `seen_from` on belong to
    articles the reader has seen (see `plausible_sources`)."""
    known = {} if known is None else known
    with clock.stage("attribute"):
        def facts_of(index: int) -> Facts:
            if index not in known:
                clock.check()
                known[index] = facts(sentences[index].text[:ANALYSED_CHARS])
            return known[index]

        counted = frozenset(word for index in chosen for frame in facts_of(index).frames
                            if frame.comparable_at_all for word in predicate_words(frame.predicate))
        names = [article.id for article in articles]
        dates = [article.date for article in articles]
        told = story([article.text for article in articles], dates)
        pool = plausible_sources(chosen, sentences, words, settings.source_shared_words, counted, seen_from, vectors,
                                 facts_of, told)
        missing = [index for index in pool if index not in vectors]
    with clock.stage("embed"):
        if missing:
            vectors.update(zip(missing, embed(missing)))
    with clock.stage("attribute"):
        found = attribute(chosen, pool, vectors, sentences, facts_of, settings.source_threshold, names, told)
        notes = find_disagreements(chosen, pool, sentences, lambda a, b: float(vectors[a] @ vectors[b]), facts_of,
                                   names, [article.text for article in articles], settings.disagreement_threshold,
                                   dates, told)
        return without_dissenters(found, notes), notes
