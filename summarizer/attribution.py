"""Attribution: which articles report what a chosen sentence says, and where each of them says it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .index import Neighbours
from .sentences import Sentence


@dataclass(frozen=True)
class Match:
    """The sentence of one article that reports the fact: `article.text[start:end]`."""

    document_id: str
    start: int
    end: int
    similarity: float

    def to_dict(self) -> dict:
        return {"document_id": self.document_id, "start": self.start, "end": self.end,
                "similarity": round(self.similarity, 4)}


def matches(chosen: int, candidates: Sequence[Sentence], neighbours: Neighbours, threshold: float,
            names: Sequence[str]) -> tuple[Match, ...]:
    """The chosen sentence itself, then per other article its closest sentence at or above `threshold`, in article order."""
    own = candidates[chosen]
    best: dict[int, tuple[float, Sentence]] = {}
    ids, similarities = neighbours.of(chosen)
    for neighbour, similarity in zip(ids.tolist(), similarities.tolist()):
        sentence = candidates[neighbour]
        if similarity < threshold or sentence.document == own.document:
            continue
        if sentence.document not in best or similarity > best[sentence.document][0]:
            best[sentence.document] = (similarity, sentence)
    others = [Match(names[document], s.start, s.end, similarity) for document, (similarity, s) in sorted(best.items())]
    return (Match(names[own.document], own.start, own.end, 1.0), *others)
