"""Reading order of a brief: articles by publication time (ISO dates and times compared as instants) when every cited
article has one, else the article that contributes its earliest sentence (a lede) first; within an article, its own
order."""

from __future__ import annotations

from typing import Sequence

from ..reading.documents import Document, published_instant
from ..reading.sentences import Sentence


def reading_order(chosen: Sequence[Sentence], documents: Sequence[Document]) -> list[Sentence]:
    """`chosen` is in the order picked; the result keeps each article's sentences in their original order."""
    first_pick: dict[int, int] = {}
    earliest: dict[int, int] = {}
    for rank, sentence in enumerate(chosen):
        first_pick.setdefault(sentence.document, rank)
        earliest[sentence.document] = min(earliest.get(sentence.document, sentence.position), sentence.position)
    dated = all(documents[index].published is not None for index in first_pick)

    def article_key(index: int):
        if dated:
            return (0, published_instant(documents[index]), earliest[index], first_pick[index])
        return (1, None, earliest[index], first_pick[index])

    return sorted(chosen, key=lambda sentence: (article_key(sentence.document), sentence.position))
