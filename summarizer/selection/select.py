"""Choosing the brief's sentences: the most content within the budget, without saying anything twice.

The objective is the total worth of the concepts covered plus each chosen sentence's own relevance: a monotone
submodular function, maximized under the word budget by the cost-scaled greedy of Lin & Bilmes (2010), which keeps
their guarantee by comparing with the best single sentence. As in Maximal Marginal Relevance (Carbonell & Goldstein,
1998), every step weighs what a sentence adds against what is already chosen: a concept counts once, and a sentence
too similar in meaning to a chosen one is not taken at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class Budget:
    """At most `words` words (None: no limit) and at most `sentences` sentences (None: no limit)."""

    words: int | None
    sentences: int | None


def select_sentences(
    members: Sequence[np.ndarray],
    weights: np.ndarray,
    relevance: np.ndarray,
    lengths: np.ndarray,
    similarity: np.ndarray,
    budget: Budget,
    redundancy_threshold: float,
    requires: Sequence[int | None] | None = None,
) -> list[int]:
    """Indices of the chosen sentences, in the order chosen.

    `members[i]` are the concept ids of sentence i; `similarity` is the sentences' cosine matrix; `requires[i]`, when
    set, is a sentence i cannot be read without (its context): i is taken after it or together with it.
    """
    count = len(members)
    if count == 0:
        return []
    # Only the concepts these sentences state: the matrix is at most sentences x their concepts.
    present = np.unique(np.concatenate(list(members))) if count else np.zeros(0, np.int64)
    weights = np.asarray(weights, dtype=np.float64)[present].copy()
    members = [np.searchsorted(present, ids) for ids in members]
    concepts = np.zeros((count, len(present)), dtype=np.float64)
    for row, ids in enumerate(members):
        concepts[row, ids] = 1.0
    costs = lengths.astype(np.float64) if budget.words is not None else np.ones(count)
    uncovered = weights.copy()
    closest = np.full(count, -np.inf)
    open_ = np.ones(count, dtype=bool)
    needs = np.array([-1 if r is None else r for r in (requires or [None] * count)], dtype=np.int64)
    has_need = needs >= 0
    need = np.maximum(needs, 0)
    chosen: list[int] = []
    words = 0

    def room(extra_sentences: int) -> bool:
        return budget.sentences is None or len(chosen) + extra_sentences <= budget.sentences

    while room(1):
        left = np.inf if budget.words is None else budget.words - words
        free = open_ & (closest < redundancy_threshold)
        gain = concepts @ uncovered + relevance
        # Alone: a sentence with no context to wait for, or whose context is already in.
        alone = free & (~has_need | ~open_[need]) & (lengths <= left)
        ratio = np.where(alone, gain / np.maximum(costs, 1.0), -np.inf)
        # Together: a sentence and the one it leans on, taken as one step.
        pair = free & has_need & free[need] & (lengths + lengths[need] <= left) & room(2)
        pair &= similarity[np.arange(count), need] < redundancy_threshold
        if pair.any():
            both = concepts + concepts[need] > 0
            pair_gain = both @ uncovered + relevance + relevance[need]
            ratio_pair = np.where(pair, pair_gain / np.maximum(costs + costs[need], 1.0), -np.inf)
        else:
            ratio_pair = np.full(count, -np.inf)
        best, best_pair = int(np.argmax(ratio)), int(np.argmax(ratio_pair))
        if ratio_pair[best_pair] > ratio[best]:
            step = [int(need[best_pair]), best_pair]
        elif np.isfinite(ratio[best]):
            step = [best]
        else:
            break
        for index in step:
            chosen.append(index)
            words += int(lengths[index])
            open_[index] = False
            uncovered[members[index]] = 0.0
            closest = np.maximum(closest, similarity[index])
    chosen = _at_least_the_best_single(chosen, concepts, weights, relevance, lengths, budget, needs)
    return _improve(chosen, concepts, weights, relevance, lengths, similarity, budget, redundancy_threshold, needs)


IMPROVEMENT_ROUNDS = 8


def _improve(chosen, concepts, weights, relevance, lengths, similarity, budget, threshold, needs) -> list[int]:
    """Local search after the greedy: swap one chosen sentence for one or two others, or add one, while that raises
    the objective within the budget. Words the greedy left unused often hold one more fact."""
    count = len(lengths)

    def value(selection: list[int]) -> float:
        covered = concepts[selection].max(axis=0) if selection else np.zeros(len(weights))
        return float(covered @ weights + relevance[selection].sum())

    current = value(chosen)
    for _ in range(IMPROVEMENT_ROUNDS):
        best_value, best_move = current, None
        needed = {int(needs[index]) for index in chosen if needs[index] >= 0}
        for removed in [None] + [index for index in chosen if index not in needed]:
            kept = [index for index in chosen if index != removed]
            room = np.inf if budget.words is None else budget.words - int(lengths[kept].sum())
            slots = np.inf if budget.sentences is None else budget.sentences - len(kept)
            if slots < 1:
                continue
            covered = concepts[kept].max(axis=0) if kept else np.zeros(len(weights))
            base = float(covered @ weights + relevance[kept].sum())
            closest = similarity[kept].max(axis=0) if kept else np.full(count, -np.inf)
            usable = (closest < threshold) & ((needs < 0) | np.isin(needs, kept))
            usable[kept] = False
            if removed is not None:
                usable[removed] = False
            open_weights = weights * (1 - covered)
            gains = concepts @ open_weights + relevance
            single = usable & (lengths <= room)
            if single.any():
                top = int(np.argmax(np.where(single, gains, -np.inf)))
                if base + gains[top] > best_value + 1e-9:
                    best_value, best_move = base + gains[top], (removed, [top])
            if removed is None or slots < 2:
                continue
            # Two sentences in place of one: their gains minus what both would cover twice.
            both = usable & (needs < 0)
            if both.sum() < 2:
                continue
            pool = np.flatnonzero(both)
            overlap = (concepts[pool] * open_weights) @ concepts[pool].T
            pair = gains[pool][:, None] + gains[pool][None, :] - overlap
            fits = (lengths[pool][:, None] + lengths[pool][None, :] <= room) & (similarity[np.ix_(pool, pool)] < threshold)
            fits &= np.triu(np.ones_like(fits), 1).astype(bool)
            if fits.any():
                flat = int(np.argmax(np.where(fits, pair, -np.inf)))
                a, b = divmod(flat, len(pool))
                if base + pair[a, b] > best_value + 1e-9:
                    best_value, best_move = base + pair[a, b], (removed, [int(pool[a]), int(pool[b])])
        if best_move is None:
            break
        removed, added = best_move
        chosen = [index for index in chosen if index != removed] + added
        current = best_value
    return chosen


def _at_least_the_best_single(chosen, concepts, weights, relevance, lengths, budget, needs) -> list[int]:
    """The greedy's guarantee needs this check: one sentence alone may be worth more than the greedy's pick."""
    single = (concepts @ weights) + relevance
    allowed = needs < 0
    if budget.words is not None:
        allowed &= lengths <= budget.words
    if not allowed.any():
        return chosen
    best = int(np.argmax(np.where(allowed, single, -np.inf)))
    covered = concepts[chosen].max(axis=0) if chosen else np.zeros(len(weights))
    value = float(covered @ weights + relevance[chosen].sum())
    return [best] if single[best] > value else chosen
