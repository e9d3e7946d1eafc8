"""Choosing a timeline's entries: the most content in at most N dated entries of one or two sentences each, nothing
said twice across them.

The objective is the brief's (select.py): the worth of the concepts covered plus each chosen sentence's relevance,
each concept counted once over the whole timeline; a sentence that adds no concept, or is as close in meaning to a
chosen one as the brief would refuse, is not taken. The number of entries is the budget, not words (each entry has
its own): the greedy takes the sentence with the most new worth that still fits, into the entry of its date when
that entry has room (two sentences, the entry's word budget), or as a new entry while fewer than N exist.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..reading.dates import When

SENTENCES_PER_ENTRY = 2


def shortlist_dated(candidates: Sequence[int], dates: dict[int, When], worth: dict[int, float],
                    lengths: dict[int, int], size: int, per_date: int = 3) -> list[int]:
    """The candidates worth embedding: the best `per_date` (by worth per word) of every date, then the best of
    those, `size` in all; in article order."""
    ranked = sorted((index for index in candidates if index in dates),
                    key=lambda index: (-worth[index] / max(lengths[index], 1), index))
    taken: dict[When, int] = {}
    best = []
    for index in ranked:
        if taken.get(dates[index], 0) < per_date:
            taken[dates[index]] = taken.get(dates[index], 0) + 1
            best.append(index)
    return sorted(best[:size])


def select_entries(members: Sequence[np.ndarray], weights: np.ndarray, relevance: np.ndarray, lengths: np.ndarray,
                   similarity: np.ndarray, dates: Sequence[When], max_entries: int, max_words: int,
                   redundancy_threshold: float) -> list[tuple[When, list[int]]]:
    """The entries: (date, the positions chosen for it in the order chosen), in the order the entries were opened.
    Positions index `members`, `relevance`, `lengths`, `dates` and the rows of `similarity`."""
    count = len(members)
    if count == 0:
        return []
    present = np.unique(np.concatenate(list(members)))
    weights = np.asarray(weights, dtype=np.float64)[present].copy()
    concepts = np.zeros((count, len(present)), dtype=np.float64)
    for row, ids in enumerate(members):
        concepts[row, np.searchsorted(present, ids)] = 1.0
    open_ = lengths <= max_words
    closest = np.full(count, -np.inf)
    entries: dict[When, list[int]] = {}
    used: dict[When, int] = {}
    while True:
        novel = concepts @ weights
        fits = open_ & (closest < redundancy_threshold) & ((novel > 0) | (not entries))
        for row in np.flatnonzero(fits):
            when = dates[row]
            if when in entries:
                fits[row] = len(entries[when]) < SENTENCES_PER_ENTRY and used[when] + lengths[row] <= max_words
            else:
                fits[row] = len(entries) < max_entries
        if not fits.any():
            break
        gain = novel + relevance
        best = int(np.argmax(np.where(fits, gain, -np.inf)))
        when = dates[best]
        entries.setdefault(when, []).append(best)
        used[when] = used.get(when, 0) + int(lengths[best])
        open_[best] = False
        weights = weights * (1 - concepts[best])
        closest = np.maximum(closest, similarity[best])
    return list(entries.items())
