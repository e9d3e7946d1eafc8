"""A brief says each fact once: a chosen sentence whose fact another chosen sentence states, and whose article that
sentence already lists as a source, only says again what the brief says; its place in the budget goes to something
new. (A sentence whose article the other does not list stays: it is the brief's only trace of what that article
reports.)"""

from __future__ import annotations

from typing import Sequence

from ..reading.sentences import Sentence


def restated(chosen: Sequence[int], found: Sequence[Sequence], sentences: Sequence[Sentence], names: Sequence[str],
             score: dict[int, float]) -> set[int]:
    """The chosen sentences (indices into `sentences`) that restate another chosen one: a sentence that lists
    another as a source, when that other lists its article too; of two that list each other, the less relevant
    (`score`; on a tie, the later in `chosen`)."""
    where = {(names[sentences[index].document], sentences[index].start, sentences[index].end): index
             for index in chosen}
    lists = {index: {where.get((match.document_id, match.start, match.end)) for match in matches[1:]} - {None, index}
             for index, matches in zip(chosen, found)}
    credits = {index: {match.document_id for match in matches} for index, matches in zip(chosen, found)}
    rank = {index: position for position, index in enumerate(chosen)}
    dropped: set[int] = set()
    for index in chosen:
        for other in sorted(lists[index], key=rank.__getitem__):
            if index in dropped or other in dropped:
                continue
            if index in lists[other]:  # each states the other's fact: the less relevant goes
                dropped.add(min((index, other), key=lambda k: (score.get(k, 0.0), -rank[k])))
            elif names[sentences[index].document] in credits[other]:  # the other states it, crediting its article
                dropped.add(index)
    return dropped
