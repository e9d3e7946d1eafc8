"""Maximal Marginal Relevance selection within a length budget.

Carbonell & Goldstein (1998): repeatedly take the sentence with the best relevance minus similarity
to what is already chosen; here relevance is rescaled to [0, 1] so `diversity` means the same on any cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Budget:
    """At most `words` words (None: no limit) and at most `sentences` sentences (None: no limit)."""

    words: int | None
    sentences: int | None

    def allows(self, used_words: int, used_sentences: int, next_words: int) -> bool:
        if self.sentences is not None and used_sentences >= self.sentences:
            return False
        return self.words is None or used_words + next_words <= self.words


def mmr_select(
    vectors: np.ndarray,
    relevance: np.ndarray,
    lengths: np.ndarray,
    budget: Budget,
    diversity: float,
    redundancy_threshold: float,
) -> list[int]:
    """Indices of the chosen sentences, best first."""
    count = len(relevance)
    if count == 0:
        return []
    spread = float(relevance.max() - relevance.min())
    scaled = (relevance - relevance.min()) / spread if spread > 0 else np.ones(count, np.float32)
    closest = np.zeros(count, dtype=np.float32)
    open_ = np.ones(count, dtype=bool)
    chosen: list[int] = []
    words = 0
    while open_.any():
        fits = open_ & (closest < redundancy_threshold)
        if budget.words is not None:
            fits &= lengths <= budget.words - words
        if not fits.any() or not budget.allows(words, len(chosen), 0):
            break
        gain = np.where(fits, (1 - diversity) * scaled - diversity * closest, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        words += int(lengths[best])
        open_[best] = False
        closest = np.maximum(closest, vectors @ vectors[best])
    return chosen
