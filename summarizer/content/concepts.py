"""Units of content and what each is worth.

A concept is a pair of adjacent stems that are not both stopwords ("north korean"), a name as one unit; a figure
with what it counts, whatever its value ("#", "troops"), since sources that disagree on a number agree that it
matters; a place ("@where", "kursk"); or a single content stem, worth less.

Following Gillick & Favre (2009), a concept is worth more the more articles state it; following the lead of news
writing, it is also worth more the earlier in each article it comes. With three or more articles, a concept only one
article states is worth nothing: repetition across sources is the evidence that a fact matters. News gives how many
and where after the lede, so a figure or place that several articles report (`consensus`) is worth as much wherever
they report it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..reading.sentences import Sentence, readable
from .figures import FAMILY, figure_units
from .words import content_units, place_units


def position_prior(positions: np.ndarray | int, scale: float):
    """1 for an article's first sentence, falling off with position: news puts the key facts first."""
    return scale / (scale + np.asarray(positions, dtype=np.float32))


@dataclass(frozen=True)
class ConceptTable:
    """`members[i]` are the ids of the concepts sentence i states; `weights[id]` what each is worth; `words[i]` are
    all its content stems (for finding the sentences that may say the same)."""

    members: list[np.ndarray]
    weights: np.ndarray
    words: list[frozenset[str]]
    # `units[id]`: the concept itself ("north", "korean"), ("#", "troops"), ("@where", "kursk"), ("troops",).
    units: tuple[tuple[str, ...], ...] = ()

    def value(self, sentence: int) -> float:
        return float(self.weights[self.members[sentence]].sum())


# A sentence is read for its content to its first 2,000 characters (about 300 words): longer spans are not
# sentences a brief can use, and reading all of a 200,000-character line without sentence ends costs for nothing.
ANALYSED_CHARS = 2000


def sentence_units(text: str) -> tuple[list[tuple[str, ...]], frozenset[str]]:
    """The concepts of one sentence: its content bigrams, names, figures ("#", what is counted) and places, then its
    content words (as 1-tuples), sorted since set order varies between processes and concept ids must not; and all
    its content stems."""
    pairs, singles, words = content_units(text)
    return sorted(pairs | figure_units(text) | place_units(text)) + sorted((word,) for word in singles), words


def query_terms(query: str) -> frozenset[str]:
    """What a question asks about: its content stems, and the families of the figures it asks for ("How many were
    killed?" asks for casualties)."""
    pairs, singles, _ = content_units(query)
    families = {FAMILY[word] for word in query.lower().split() if word in FAMILY}
    return frozenset(singles | {unit[1] for unit in pairs if unit[0] == "@"} | families)


def _about(unit: tuple[str, ...], terms: frozenset[str]) -> bool:
    return any(part in terms for part in unit)


def weigh_concepts(sentences: Sequence[Sentence], position_weight: float, position_scale: float,
                   unigram_weight: float, figure_weight: float, place_weight: float, consensus: int,
                   query: frozenset[str] = frozenset(), query_boost: float = 0.0,
                   check: Callable[[], None] = lambda: None) -> ConceptTable:
    """Concepts of every sentence, weighted by the articles that state them and how early each does; concepts that
    touch a term of the query are worth (1 + `query_boost`) times more. `check` is called as the work goes on (it
    raises when the request's time is up)."""
    analysed = []
    for number, sentence in enumerate(sentences):
        if number % 64 == 0:
            check()
        analysed.append(sentence_units(readable(sentence.text[:ANALYSED_CHARS])))
    units = [found for found, _ in analysed]
    earliest: dict[tuple, dict[int, float]] = {}
    priors = position_prior([sentence.position for sentence in sentences], position_scale).tolist()
    for sentence, found, prior in zip(sentences, units, priors):
        document = sentence.document
        for unit in found:
            by_article = earliest.get(unit)
            if by_article is None:
                by_article = earliest[unit] = {}
            if prior > by_article.get(document, 0.0):
                by_article[document] = prior
    articles = len({sentence.document for sentence in sentences})
    least = 2 if articles >= 3 else 1
    ids: dict[tuple, int] = {}
    weights: list[float] = []
    for unit, by_article in earliest.items():
        if len(by_article) >= least:
            ids[unit] = len(weights)
            reported = len(by_article)
            focus = 1.0 + query_boost if query and _about(unit, query) else 1.0
            if unit[0] in ("#", "@where") and reported >= consensus:
                scale = figure_weight if unit[0] == "#" else place_weight
                weights.append(focus * scale * reported * (1 + position_weight))
                continue
            scale = unigram_weight if len(unit) == 1 else 1.0
            weights.append(focus * scale * (reported + position_weight * sum(by_article.values())))
    members = [np.fromiter((ids[unit] for unit in found if unit in ids), dtype=np.int64) for found in units]
    return ConceptTable(members, np.asarray(weights, dtype=np.float64), [words for _, words in analysed],
                        tuple(ids))
