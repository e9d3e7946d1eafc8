"""Attribution: which articles report what a chosen sentence says, and where each of them says it.

A sentence of another article corroborates a chosen sentence when it is a statement (not a headline), close in
meaning (cosine at least the source threshold, found by FAISS range search with no cap on how many), says it largely
in the same words (SHARED_SHARE), gives the same counts of casualties, troops or people, and none of the parts
that carry the fact conflict (figures, time covered, denial, who says or does it: see facts.py). Only sentences that share at least two
content words with some chosen sentence are embedded and searched: on the development set that keeps 99.6% of the
pairs above the threshold while embedding about a quarter of the sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import faiss
import numpy as np

from .facts import Facts, conflict, gives_counts_of, shared_share
from .figures import may_hold_figures
from .sentences import Sentence
from .standalone import is_statement

# A sentence this short does not state a fact another can be credited for.
MIN_SOURCE_WORDS = 5


@dataclass(frozen=True)
class Match:
    """The sentence of one article that reports the fact: `article.text[start:end]`, with its similarity."""

    document_id: str
    start: int
    end: int
    similarity: float

    def to_dict(self) -> dict:
        return {"document_id": self.document_id, "start": self.start, "end": self.end,
                "similarity": round(self.similarity, 4)}


def plausible_sources(chosen: Sequence[int], sentences: Sequence[Sentence], words: Sequence[frozenset[str]],
                      shared_words: int) -> list[int]:
    """Statements (not headlines or fragments) of other articles that share at least `shared_words` content words
    with some chosen sentence."""
    by_word: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        if sentence.words >= MIN_SOURCE_WORDS and is_statement(sentence):
            for word in words[index]:
                by_word.setdefault(word, []).append(index)
    found: set[int] = set()
    for own in chosen:
        counts: dict[int, int] = {}
        for word in words[own]:
            for other in by_word.get(word, ()):
                counts[other] = counts.get(other, 0) + 1
        for other, shared in counts.items():
            if shared < shared_words or sentences[other].document == sentences[own].document:
                continue
            # Only a sentence that shares enough words can be a source (see `corroborates`); any other is kept only
            # if it may hold a figure the brief's sentence gives differently.
            if shared / max(min(len(words[own]), len(words[other])), 1) >= SHARED_SHARE or may_hold_figures(
                    sentences[other].text):
                found.add(other)
    return sorted(found)


# Close in meaning is not enough: a sentence on the same topic may state another fact ("the lion escaped" and "the
# lion was shot"). A source also says it largely in the same words: at least this share of the shorter sentence's
# content words (names and figures included).
SHARED_SHARE = 0.4


def corroborates(similarity: float, own: Facts, other: Facts, threshold: float) -> bool:
    """Does a sentence this similar, with these facts, state the same fact: it says it largely in the same words and
    nothing that carries the fact conflicts?"""
    return (similarity >= threshold and shared_share(own, other) >= SHARED_SHARE and conflict(own, other) is None
            and gives_counts_of(own, other))


def attribute(chosen: Sequence[int], pool: Sequence[int], vectors: dict[int, np.ndarray],
              sentences: Sequence[Sentence], facts_of: Callable[[int], Facts], threshold: float,
              names: Sequence[str]) -> list[tuple[Match, ...]]:
    """For each chosen sentence: itself, then per other article its closest corroborating sentence in `pool`."""
    if not chosen:
        return []
    own_vectors = np.stack([vectors[i] for i in chosen]).astype(np.float32)
    results = []
    neighbours: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0, np.int64), np.zeros(0, np.float32))] * len(chosen)
    if pool:
        index = faiss.IndexFlatIP(own_vectors.shape[1])
        index.add(np.stack([vectors[i] for i in pool]).astype(np.float32))
        # FAISS keeps inner products above the radius; the threshold itself counts as close enough.
        limits, similarities, ids = index.range_search(own_vectors, threshold - 1e-6)
        neighbours = [(ids[limits[row]:limits[row + 1]], similarities[limits[row]:limits[row + 1]])
                      for row in range(len(chosen))]
    for row, own in enumerate(chosen):
        best: dict[int, tuple[float, Sentence]] = {}
        found_ids, found_similarities = neighbours[row]
        order = np.lexsort((found_ids, -found_similarities))
        for position in order:
            other = pool[int(found_ids[position])]
            sentence, similarity = sentences[other], float(found_similarities[position])
            if sentence.document == sentences[own].document or sentence.document in best:
                continue
            if corroborates(similarity, facts_of(own), facts_of(other), threshold):
                best[sentence.document] = (min(similarity, 1.0), sentence)
        own_sentence = sentences[own]
        others = [Match(names[document], s.start, s.end, similarity) for document, (similarity, s) in sorted(best.items())]
        results.append((Match(names[own_sentence.document], own_sentence.start, own_sentence.end, 1.0), *others))
    return results
