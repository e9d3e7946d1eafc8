"""From sentences to a brief's choice: which sentences may be chosen, what each is worth, which are worth
embedding, and the best set within the budget."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..config import Settings
from ..content.concepts import ConceptTable, position_prior, query_terms, weigh_concepts
from ..reading.sentences import Sentence, readable
from ..reading.standalone import can_be_used, can_stand_alone, introduces, leans_on_context, opening_name
from .furniture import furniture_mask
from .novelty import discount_seen, said_before, seen_neighbours
from .select import Budget, select_sentences


# The model reads 256 tokens; no more than this many characters of a sentence can reach them.
MODEL_CHARS = 4000


def model_text(sentence: Sentence) -> str:
    """What the model is given of a sentence: its readable text, to MODEL_CHARS characters."""
    return readable(sentence.text[:MODEL_CHARS])


def candidate_sentences(sentences: list[Sentence], settings: Settings, depth: int = 1,
                        first_seen: int | None = None) -> list[int]:
    """Indices of the sentences that may go into the brief: standalone ones from each article's start (`depth`
    times deeper for a query), else anything with words in it; none of the articles from index `first_seen` on
    (those the reader has seen)."""
    limit = settings.max_candidates_per_document * depth
    if first_seen is not None:
        sentences = [sentence for sentence in sentences if sentence.document < first_seen]
    for test in (
        lambda sentence: can_stand_alone(sentence, settings.min_sentence_words, settings.max_sentence_words),
        can_be_used,
    ):
        taken: dict[int, int] = {}
        found = []
        for index, sentence in enumerate(sentences):
            if taken.get(sentence.document, 0) < limit and test(sentence):
                taken[sentence.document] = taken.get(sentence.document, 0) + 1
                found.append(index)
        if found:
            return found
    return []


def shortlist(candidates: list[int], sentences: list[Sentence], concepts: ConceptTable, relevance: np.ndarray,
              size: int) -> list[int]:
    """The `size` candidates with the most content per word (the only ones worth embedding), plus the sentence
    before each that leans on it, when that one is a candidate too; without those that lean on a sentence that is
    not. In article order."""
    worth = np.array([concepts.value(i) for i in candidates]) + relevance[candidates]
    words = np.array([max(sentences[i].words, 1) for i in candidates])
    best = {candidates[i] for i in np.argsort(-worth / words, kind="stable")[:size]}
    allowed = set(candidates)

    def supported(i: int) -> bool:  # as context_requirements reads it: a leaning sentence needs its predecessor
        return not leans_on_context(sentences[i]) or (i > 0 and i - 1 in allowed
                                                       and sentences[i - 1].document == sentences[i].document)

    # A sentence leaning on one that can never be chosen can never be chosen either: it is not embedded (unless no
    # other is left, when the selection falls back to every shortlisted sentence).
    best = {i for i in best if supported(i)} or best
    context = {i - 1 for i in best if leans_on_context(sentences[i]) and i - 1 in allowed}
    return sorted(best | context)


def context_requirements(indices: list[int], sentences: list[Sentence]) -> tuple[list[int], list[int | None]]:
    """Sentences that lean on the one before them ("He said ...") may only follow it into the brief; one that opens
    with a surname its article introduced in full before ("Medlin said ...", after "Supervisor Tim Medlin") only with
    that introduction.

    `indices` are in article order. Returns the indices kept (a leaning sentence whose predecessor is not among them
    is dropped) and, for each, None or the position in the kept list of the sentence it needs first.
    """
    kept: list[int] = []
    needs: list[int | None] = []
    place: dict[int, int] = {}
    for i in indices:
        need = None
        if leans_on_context(sentences[i]):
            need = place.get(i - 1) if i > 0 and sentences[i - 1].document == sentences[i].document else None
            if need is None:
                continue
        elif (name := opening_name(sentences[i])) is not None:
            introduction = introduced_at(sentences, i, name)
            if introduction is not None:
                need = place.get(introduction)
                if need is None:
                    continue
        place[i] = len(kept)
        kept.append(i)
        needs.append(need)
    return kept, needs


def introduced_at(sentences: list[Sentence], index: int, name: str) -> int | None:
    """The first sentence of the article before `index` that introduces `name` in full, if it was."""
    start = index
    while start > 0 and sentences[start - 1].document == sentences[index].document:
        start -= 1
    return next((k for k in range(start, index) if introduces(sentences[k], name)), None)


def query_closeness(similarity: np.ndarray) -> np.ndarray:
    """0 for a sentence no closer to the query than the average candidate, up to 1 for the closest: similarities of
    one model to one question are compressed into a narrow band, and what matters is which sentences stand out."""
    if len(similarity) == 0:
        return similarity
    average, top = float(similarity.mean()), float(similarity.max())
    if top - average < 1e-6:
        return np.zeros_like(similarity)
    return np.clip((similarity - average) / (top - average), 0.0, 1.0)


@dataclass(frozen=True)
class Shortlist:
    """The sentences worth embedding (indices into the request's sentences), their vectors and their relevance."""

    indices: list[int]
    vectors: np.ndarray
    relevance: np.ndarray

    def keep(self, rows: Sequence[int]) -> "Shortlist":
        rows = list(rows)
        return Shortlist([self.indices[k] for k in rows], self.vectors[rows], self.relevance[rows])


def weigh_content(sentences: list[Sentence], candidates: list[int], settings: Settings, query: str | None,
                  budget: Budget, depth: int, check: Callable[[], None], first_seen: int | None = None
                  ) -> tuple[ConceptTable, np.ndarray, list[int]]:
    """What each content unit is worth, each sentence's position prior, and the candidates worth embedding. Articles
    from index `first_seen` on are known to the reader: what they state is worth less (novelty.py)."""
    terms = query_terms(query) if query else frozenset()
    # An update brief weighs the new articles' content as a brief of them alone would, then discounts the seen.
    new_count = sum(1 for sentence in sentences if first_seen is None or sentence.document < first_seen)
    concepts = weigh_concepts(sentences[:new_count], settings.concept_position_weight, settings.position_scale,
                              settings.unigram_weight, settings.figure_weight, settings.place_weight,
                              settings.consensus_articles, terms, settings.query_boost, check)
    if new_count < len(sentences):
        concepts = discount_seen(concepts, sentences, new_count, settings.seen_weight, settings.changed_figure_weight,
                                 check)
    positions = np.array([sentence.position for sentence in sentences])
    relevance = settings.relevance_weight * position_prior(positions, settings.position_scale)
    extra = budget.words // 10 if budget.words is not None else 4 * (budget.sentences or 0)
    short = shortlist(candidates, sentences, concepts, relevance, (settings.shortlist_size + extra) * depth)
    return concepts, relevance, short


def drop_furniture(short: Shortlist, prototypes: np.ndarray, threshold: float) -> Shortlist:
    """The shortlist without site furniture recognized by meaning: empty when that is all there is (a brief is never
    made of a page's menus and notices)."""
    furniture = furniture_mask(short.vectors, prototypes, threshold)
    return short.keep(np.flatnonzero(~furniture)) if furniture.any() else short


class SaidBefore:
    """Which candidates of an update brief say again what a seen sentence said: each is compared in meaning with the
    seen sentence that shares the most of its words (novelty.seen_neighbours), embedded when first needed, so only
    the sentences the selection picks cost a seen sentence's vector. `embed` embeds sentences by index."""

    def __init__(self, indices: Sequence[int], sentences: list[Sentence], words: Sequence[frozenset[str]],
                 first_seen: int, settings: Settings, embed: Callable[[list[int]], np.ndarray]):
        self.neighbour = dict(zip(indices, seen_neighbours(indices, sentences, words, first_seen,
                                                             settings.source_shared_words)))
        threshold = settings.said_before_similarity
        self.threshold = settings.redundancy_threshold if threshold is None else threshold
        self.embed = embed
        self.vectors: dict[int, np.ndarray] = {}  # the seen sentences embedded so far
        self.found: set[int] = set()  # the candidates found to say it again

    def among(self, indices: Sequence[int], vectors: np.ndarray) -> set[int]:
        """Those of `indices` (with their `vectors`) that say again what their seen neighbour said."""
        neighbours = [self.neighbour.get(index) for index in indices]
        wanted = sorted({other for other in neighbours if other is not None and other not in self.vectors})
        if wanted:
            self.vectors.update(zip(wanted, self.embed(wanted)))
        repeated = said_before(vectors, neighbours, self.vectors, self.threshold)
        found = {index for index, again in zip(indices, repeated.tolist()) if again}
        self.found |= found
        return found


def select_brief(short: Shortlist, sentences: list[Sentence], concepts: ConceptTable, query_vector: np.ndarray | None,
                 settings: Settings, budget: Budget) -> tuple[Shortlist, list[int]]:
    """The best set of shortlisted sentences within the budget: the shortlist it was chosen from (sentences that
    lean on a predecessor not shortlisted are left out; relevance to the query added) and the positions picked."""
    kept, needs = context_requirements(short.indices, sentences)
    if kept:
        row = {index: k for k, index in enumerate(short.indices)}
        short = short.keep(row[index] for index in kept)
    else:
        needs = [None] * len(short.indices)
    relevance = short.relevance
    if query_vector is not None:
        worth = np.array([concepts.value(i) for i in short.indices])
        relevance = relevance + settings.query_weight * query_closeness(short.vectors @ query_vector) * worth
        short = Shortlist(short.indices, short.vectors, relevance)
    similarity = short.vectors @ short.vectors.T
    # An article restates its own lede (summary line, standfirst, first paragraph): within one article a lower
    # similarity already means the same thing said twice.
    owners = np.array([sentences[i].document for i in short.indices])
    similarity = similarity + settings.same_article_redundancy * (owners[:, None] == owners[None, :])
    picked = select_sentences(
        [concepts.members[i] for i in short.indices], concepts.weights, relevance,
        np.array([sentences[i].words for i in short.indices]), similarity, budget, settings.redundancy_threshold,
        needs,
    )
    return short, picked
