"""An update brief: what the new articles add to those the reader has already seen.

Following the update task of TAC 2008–2011, content the seen articles state is known: its concepts are worth a
fraction of what they would be (`Settings.seen_weight`), so the selection spends the budget on what is new. A count
is known only at the value the reader saw: a figure the new articles give at another value for the same thing (a
toll that rose, a new count) is a concept of its own, worth `Settings.changed_figure_weight` times the figure. And a
candidate that says again what a seen sentence said (as close in meaning as two sentences the brief would not both
take) is not chosen at all.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

import numpy as np

from ..content.concepts import ANALYSED_CHARS, ConceptTable, sentence_units
from ..content.figures import figures
from ..reading.sentences import Sentence, readable
from ..sources.attribution import SHARED_SHARE


def _counts(text: str) -> list[tuple[str, float]]:
    """(what is counted, value) of each count or sum in a sentence."""
    return [(figure.counted, round(figure.value, 6)) for figure in figures(readable(text[:ANALYSED_CHARS]))
            if figure.kind in ("count", "money", "area", "weight") and figure.counted]


def discount_seen(concepts: ConceptTable, sentences: Sequence[Sentence], new_count: int, seen_weight: float,
                  changed_weight: float, check: Callable[[], None] = lambda: None) -> ConceptTable:
    """`concepts` of the new articles' sentences (the first `new_count` of `sentences`), extended to the seen ones
    that follow: what the seen sentences state is worth `seen_weight` times as much, and each figure the new
    articles give at a value not seen is a concept of its own."""
    analysed = []
    for number, sentence in enumerate(sentences[new_count:]):
        if number % 64 == 0:
            check()
        analysed.append(sentence_units(readable(sentence.text[:ANALYSED_CHARS])))
    unit_id = {unit: id_ for id_, unit in enumerate(concepts.units)}
    seen_members = [np.fromiter((unit_id[unit] for unit in found if unit in unit_id), dtype=np.int64)
                    for found, _ in analysed]
    members = list(concepts.members[:new_count]) + seen_members
    words = list(concepts.words[:new_count]) + [found for _, found in analysed]
    weights = concepts.weights.copy()
    known = np.unique(np.concatenate(seen_members)) if seen_members else np.zeros(0, np.int64)
    weights[known] *= seen_weight
    seen_values: dict[str, set[float]] = {}
    for found, sentence in zip(analysed, sentences[new_count:]):
        if any(unit[0] == "#" for unit in found[0]):
            for counted, value in _counts(sentence.text):
                seen_values.setdefault(counted, set()).add(value)
    units, added, changed = list(concepts.units), [], {}
    for row in range(new_count):
        if not any(concepts.units[id_][0] == "#" for id_ in members[row].tolist()):
            continue
        extra = set()
        for counted, value in _counts(sentences[row].text):
            if counted in seen_values and value not in seen_values[counted] and ("#", counted) in unit_id:
                if counted not in changed:  # a figure seen at another value: new, worth the figure's full worth
                    changed[counted] = len(units)
                    added.append(changed_weight * float(concepts.weights[unit_id[("#", counted)]]))
                    units.append(("#changed", counted))
                extra.add(changed[counted])
        if extra:
            members[row] = np.concatenate([members[row], np.array(sorted(extra), dtype=np.int64)])
    return ConceptTable(members, np.concatenate([weights, np.asarray(added, dtype=np.float64)]), words, tuple(units))


def seen_neighbours(indices: Sequence[int], sentences: Sequence[Sentence], words: Sequence[frozenset[str]],
                    first_seen: int, least_shared: int) -> list[int | None]:
    """For each of `indices`, the seen sentence sharing the most content words with it (at least `least_shared`, and
    as large a share as a source needs, attribution.SHARED_SHARE), or None: the only one compared in meaning."""
    holders: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        if sentence.document >= first_seen:  # the seen articles come last
            for word in words[index]:
                holders.setdefault(word, []).append(index)
    found: list[int | None] = []
    for index in indices:
        shared = Counter(other for word in words[index] for other in holders.get(word, ()))
        best = min(shared.items(), key=lambda item: (-item[1], item[0]), default=None)
        if best is not None and best[1] >= least_shared and \
                best[1] / max(min(len(words[index]), len(words[best[0]])), 1) >= SHARED_SHARE:
            found.append(best[0])
        else:
            found.append(None)
    return found


def said_before(vectors: np.ndarray, neighbours: list[int | None], seen_vectors: dict[int, np.ndarray],
                threshold: float) -> np.ndarray:
    """Which rows of `vectors` are at least `threshold` close in meaning to their seen neighbour."""
    return np.array([other is not None and float(vector @ seen_vectors[other]) >= threshold
                     for vector, other in zip(vectors, neighbours)], dtype=bool)
