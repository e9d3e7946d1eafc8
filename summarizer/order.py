"""Reading order of a brief: articles by publication date when all are dated, else by salience; then by position."""

from __future__ import annotations

from typing import Sequence

from .documents import Document
from .sentences import Sentence


def reading_order(chosen: Sequence[Sentence], documents: Sequence[Document]) -> list[Sentence]:
    """`chosen` is best first; the result keeps each article's sentences in their original order."""
    first_pick: dict[int, int] = {}
    for rank, sentence in enumerate(chosen):
        first_pick.setdefault(sentence.document, rank)
    dated = all(documents[index].published is not None for index in first_pick)

    def article_key(index: int):
        return (documents[index].published, first_pick[index]) if dated else (first_pick[index],)

    return sorted(chosen, key=lambda sentence: (article_key(sentence.document), sentence.position))
