"""Units of content and what each is worth.

A concept is a pair of adjacent stems that are not both stopwords ("north korean", "11,000 troop"); a figure with
what it counts, whatever its value ("#", "troop"): sources that disagree on a number agree that it matters; or a
single content stem, worth less. Following Gillick & Favre (2009), a concept is worth more the more articles state it;
following the lead of news writing, it is also worth more the earlier in each article it comes. With three or more
articles, a concept only one article states is worth nothing: repetition across sources is the evidence that a fact
matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .sentences import Sentence, readable
from .figures import figure_units
from .words import content_units


def position_prior(positions: np.ndarray | int, scale: float):
    """1 for an article's first sentence, falling off with position: news puts the key facts first."""
    return scale / (scale + np.asarray(positions, dtype=np.float32))


@dataclass(frozen=True)
class ConceptTable:
    """`members[i]` are the ids of the concepts sentence i states; `weights[id]` what each is worth."""

    members: list[np.ndarray]
    weights: np.ndarray

    def value(self, sentence: int) -> float:
        return float(self.weights[self.members[sentence]].sum())


def sentence_units(text: str) -> list[tuple[str, ...]]:
    """The concepts of one sentence: its content bigrams and figures ("#", what is counted), then its content words
    (as 1-tuples); sorted, since set order varies between processes and concept ids must not."""
    pairs, singles = content_units(text)
    return sorted(pairs | figure_units(text)) + sorted((word,) for word in singles)


def weigh_concepts(sentences: Sequence[Sentence], position_weight: float, position_scale: float,
                   unigram_weight: float, figure_weight: float) -> ConceptTable:
    """Concepts of every sentence, weighted by the articles that state them and how early each does."""
    units = [sentence_units(readable(sentence.text)) for sentence in sentences]
    earliest: dict[tuple, dict[int, float]] = {}
    for sentence, found in zip(sentences, units):
        prior = float(position_prior(sentence.position, position_scale))
        for unit in found:
            by_article = earliest.setdefault(unit, {})
            if prior > by_article.get(sentence.document, 0.0):
                by_article[sentence.document] = prior
    articles = len({sentence.document for sentence in sentences})
    least = 2 if articles >= 3 else 1
    ids: dict[tuple, int] = {}
    weights: list[float] = []
    for unit, by_article in earliest.items():
        if len(by_article) >= least:
            ids[unit] = len(weights)
            if unit[0] == "#":
                # News gives its figures after the lede: where a figure comes does not lessen it.
                weights.append(figure_weight * len(by_article) * (1 + position_weight))
                continue
            scale = unigram_weight if len(unit) == 1 else 1.0
            weights.append(scale * (len(by_article) + position_weight * sum(by_article.values())))
    members = [np.fromiter((ids[unit] for unit in found if unit in ids), dtype=np.int64) for found in units]
    return ConceptTable(members, np.asarray(weights, dtype=np.float64))
