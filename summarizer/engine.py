"""The `Summarizer`: articles in, one sourced brief out, stage by stage. Each stage hands the next a plain value:

documents → sentences (split) → concepts → shortlist → vectors (embed) → furniture left out → selection →
reading order → sources (attribute) → `Brief`.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .sources.attribution import attribute, plausible_sources, without_dissenters
from .brief import Brief, BriefSentence
from .content.concepts import ANALYSED_CHARS, ConceptTable, position_prior, query_terms, weigh_concepts
from .config import DEFAULT_SETTINGS, Settings
from .reading.documents import Document, check_encodable, normalize_documents
from .stories.digest import Digest, as_input, stories_of
from .sources.disagreements import find_disagreements
from .model.embedding import Encoder, get_encoder
from .errors import InputError, TimeLimitError
from .sources.facts import Facts, facts, story
from .sources.frames import predicate_words
from .selection.furniture import PROTOTYPES, furniture_mask
from .selection.order import reading_order
from .selection.select import Budget, select_sentences
from .reading.sentences import Sentence, normalize_space, readable, split_sentences
from .reading.standalone import can_be_used, can_stand_alone, leans_on_context
from .stories.grouping import group_articles, unrelated_articles

_UNSET: Any = object()


def _positive(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"must be a whole number, not {type(value).__name__}", name)
    if value < 1:
        raise InputError(f"must be at least 1, not {value}", name)
    return value


def check_budget(max_words: Any, max_sentences: Any, settings: Settings = DEFAULT_SETTINGS) -> Budget:
    """The length budget: the caller's, else the settings' (no default word budget when only sentences are given)."""
    given_sentences = max_sentences is not _UNSET
    sentences = _positive(max_sentences if given_sentences else settings.max_sentences, "max_sentences")
    if max_words is _UNSET:
        max_words = None if given_sentences and sentences is not None else settings.max_words
    words = _positive(max_words, "max_words")
    if words is None and sentences is None:
        raise InputError("give a budget: max_words, max_sentences or both", "max_words")
    return Budget(words, sentences)


def check_query(query: Any) -> str | None:
    if query is None:
        return None
    if not isinstance(query, str):
        raise InputError(f"must be a string, not {type(query).__name__}", "query")
    if not query.strip():
        raise InputError("is empty; leave it out for a general brief", "query")
    check_encodable(query, "query")
    return normalize_space(query)


def check_diversity(diversity: Any) -> float | None:
    if diversity is None:
        return None
    if isinstance(diversity, bool) or not isinstance(diversity, (int, float)) or not 0 <= diversity <= 1:
        raise InputError("must be a number from 0 to 1", "diversity")
    return float(diversity)


def check_time_limit(time_limit: Any) -> float | None:
    if time_limit is None:
        return None
    if isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or not time_limit > 0:
        raise InputError("must be a positive number of seconds", "time_limit")
    return float(time_limit)


class Stopwatch:
    """Seconds spent in each named stage, and the request's deadline, checked as each stage begins and as it goes on."""

    def __init__(self, time_limit: float | None):
        self.timings: dict[str, float] = {}
        self.deadline = time.monotonic() + time_limit if time_limit is not None else None
        self.current: str | None = None  # the stage under way

    def check(self) -> None:
        """Raise `TimeLimitError` once the deadline has passed; stages call it as their work goes on."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TimeLimitError(f"the brief did not finish within the time limit (in {self.current or 'checks'})")

    @contextmanager
    def stage(self, name: str):
        self.current = name
        self.check()
        began = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - began


# The model reads 256 tokens; no more than this many characters of a sentence can reach them.
MODEL_CHARS = 4000


def model_text(sentence: Sentence) -> str:
    """What the model is given of a sentence: its readable text, to MODEL_CHARS characters."""
    return readable(sentence.text[:MODEL_CHARS])


def split_articles(articles: list[Document], check: Callable[[], None] = lambda: None) -> list[Sentence]:
    """Every sentence of every article, in article order; `check` is called before each article."""
    sentences: list[Sentence] = []
    for index, article in enumerate(articles):
        check()
        sentences.extend(split_sentences(article.text, index))
    return sentences


def candidate_sentences(sentences: list[Sentence], settings: Settings, depth: int = 1) -> list[int]:
    """Indices of the sentences that may go into the brief: standalone ones from each article's start (`depth`
    times deeper for a query), else anything with words in it."""
    limit = settings.max_candidates_per_document * depth
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
    before each that leans on it, when that one is a candidate too. In article order."""
    worth = np.array([concepts.value(i) for i in candidates]) + relevance[candidates]
    words = np.array([max(sentences[i].words, 1) for i in candidates])
    best = {candidates[i] for i in np.argsort(-worth / words, kind="stable")[:size]}
    allowed = set(candidates)
    context = {i - 1 for i in best if leans_on_context(sentences[i]) and i - 1 in allowed}
    return sorted(best | context)


def context_requirements(indices: list[int], sentences: list[Sentence]) -> tuple[list[int], list[int | None]]:
    """Sentences that lean on the one before them ("He said ...") may only follow it into the brief.

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
        place[i] = len(kept)
        kept.append(i)
        needs.append(need)
    return kept, needs


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
                  budget: Budget, depth: int, check: Callable[[], None]) -> tuple[ConceptTable, np.ndarray, list[int]]:
    """What each content unit is worth, each sentence's position prior, and the candidates worth embedding."""
    terms = query_terms(query) if query else frozenset()
    concepts = weigh_concepts(sentences, settings.concept_position_weight, settings.position_scale,
                              settings.unigram_weight, settings.figure_weight, settings.place_weight,
                              settings.consensus_articles, terms, settings.query_boost, check)
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


def story_name(members: list[int], articles: list[Document], sentences: list[Sentence]) -> str:
    """How a reader knows a group of articles: its first article's title, else its first sentence, cut short."""
    first = members[0]
    text = articles[first].title or next((s.text for s in sentences if s.document == first), articles[first].id)
    words = readable(text).split()
    return "“" + " ".join(words[:8]) + ("…" if len(words) > 8 else "") + "”"


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


class Summarizer:
    """Holds the settings and the encoder; `summarize()` makes one brief. Thread-safe.

    >>> Summarizer().summarize(["First article ...", "Second article ..."], max_words=60)

    Any object with `encode(texts, deadline)` and `encode_fixed(texts)` can stand in for the encoder (an `Encoder`
    around another `Backend`, for instance).
    """

    def __init__(self, settings: Settings = DEFAULT_SETTINGS, encoder: Encoder | None = None):
        self.settings = settings
        self._encoder = encoder

    @property
    def encoder(self) -> Encoder:
        """The encoder given, or the process-wide one for these settings (loaded on first use)."""
        return self._encoder if self._encoder is not None else get_encoder(self.settings)

    def summarize(
        self,
        documents: Iterable[Any],
        *,
        max_words: int | None = _UNSET,
        max_sentences: int | None = _UNSET,
        query: str | None = None,
        diversity: float | None = None,
        time_limit: float | None = None,
    ) -> Brief:
        """One brief of `documents` (strings, or dicts with `text` and optional id/title/source/url/published).

        Raises `InputError` for unusable input, `ResourceMissingError` or `ModelLoadError` when the model or data is
        not available, and `TimeLimitError` when `time_limit` seconds pass before the brief is ready.
        """
        clock = Stopwatch(check_time_limit(time_limit))
        budget = check_budget(max_words, max_sentences, self.settings)
        query = check_query(query)
        settings = self.settings
        chosen_diversity = check_diversity(diversity)
        if chosen_diversity is not None:
            settings = settings.replace(diversity=chosen_diversity)
        with clock.stage("read"):
            articles = normalize_documents(documents, clock.check)
        warnings: list[str] = []

        def brief(chosen_sentences=(), disagreements=()) -> Brief:
            return Brief(tuple(chosen_sentences), tuple(articles), query, budget.words, budget.sentences,
                         clock.timings, tuple(warnings), settings.diversity, tuple(disagreements))

        depth = settings.query_depth if query else 1
        with clock.stage("split"):
            sentences = split_articles(articles, clock.check)
            candidates = candidate_sentences(sentences, settings, depth)
        with clock.stage("related"):
            unrelated, scattered = unrelated_articles(sentences, len(articles), settings.unrelated_similarity,
                                                      settings.unrelated_share)
            if unrelated:
                candidates = [i for i in candidates if sentences[i].document not in set(unrelated)]
        for index in unrelated:
            warnings.append(f"article {articles[index].id!r} seems to be about another story: it was left out "
                            "of the brief")
        if scattered:
            named = "; ".join(f"{story_name(members, articles, sentences)} ({', '.join(repr(articles[i].id) for i in members)})"
                              for members in scattered[:3])
            warnings.append(f"the articles seem to be about different stories: {named}; a digest groups them by story")
        if not candidates:
            warnings.append("no sentences with words were found in the documents")
            return brief()
        with clock.stage("concepts"):
            concepts, relevance, indices = weigh_content(sentences, candidates, settings, query, budget, depth,
                                                         clock.check)
        with clock.stage("embed"):
            vectors = self.encoder.encode([model_text(sentences[i]) for i in indices] + ([query] if query else []),
                                          clock.deadline)
            query_vector = vectors[-1] if query else None
            short = Shortlist(indices, vectors[: len(indices)], relevance[indices])
            prototypes = self.encoder.encode_fixed(PROTOTYPES)
        with clock.stage("furniture"):
            short = drop_furniture(short, prototypes, settings.furniture_threshold)
        if not short.indices:
            warnings.append("the articles hold no article text, only site furniture (menus, cookie notices, "
                            "newsletter prompts): no brief was made")
            return brief()
        with clock.stage("select"):
            short, picked = select_brief(short, sentences, concepts, query_vector, settings, budget)
        if not picked:
            warnings.append(f"no sentence is short enough for a budget of {budget.words} words")
        with clock.stage("order"):
            ordered = reading_order([sentences[short.indices[k]] for k in picked], articles)
            index_of = {sentences[index]: index for index in short.indices}
            chosen = [index_of[sentence] for sentence in ordered]
        chosen_sentences, disagreements = self._sources(chosen, short, sentences, concepts, articles, settings, clock)
        return brief(chosen_sentences, disagreements)

    def digest(
        self,
        documents: Iterable[Any],
        *,
        max_words: int | None = _UNSET,
        max_sentences: int | None = _UNSET,
        query: str | None = None,
        diversity: float | None = None,
        min_story_size: int = 1,
        time_limit: float | None = None,
    ) -> Digest:
        """`documents` about any number of stories, grouped into stories, each with its brief (`summarize()`'s
        options apply to every brief). Stories with fewer than `min_story_size` articles are listed without a brief;
        no article is ever dropped."""
        clock = Stopwatch(check_time_limit(time_limit))
        check_budget(max_words, max_sentences, self.settings)
        check_query(query)
        check_diversity(diversity)
        smallest = _positive(min_story_size, "min_story_size")
        with clock.stage("read"):
            articles = normalize_documents(documents, clock.check)
        with clock.stage("group"):
            groups, without_article = group_articles(articles, self.encoder, self.settings.furniture_threshold,
                                                     clock.check)
        # The grouping has decided which articles belong together: no story's brief leaves one out again.
        storyteller = Summarizer(self.settings.replace(unrelated_similarity=0.0), self._encoder)
        briefs: dict[int, Brief] = {}
        notes: dict[int, str] = {}
        for members in groups:
            if members[0] in without_article:
                notes[members[0]] = "the page holds no article text, only site furniture"
                continue
            if len(members) < (smallest or 1):
                notes[members[0]] = f"fewer than {smallest} articles"
                continue
            remaining = None if clock.deadline is None else max(1e-3, clock.deadline - time.monotonic())
            brief = storyteller.summarize([as_input(articles[i]) for i in members], max_words=max_words,
                                          max_sentences=max_sentences, query=query, diversity=diversity,
                                          time_limit=remaining)
            # Sources are named by their place in the whole pile, not in the story.
            briefs[members[0]] = replace(brief, positions=tuple(index + 1 for index in members))
            for stage, seconds in brief.timings.items():
                clock.timings[f"brief {stage}"] = clock.timings.get(f"brief {stage}", 0.0) + seconds
        warnings = tuple(f"article {articles[index].id!r} holds no article text, only site furniture: it is listed "
                         "on its own, without a brief" for index in sorted(without_article))
        return Digest(stories_of(groups, articles, briefs, notes), warnings, clock.timings)

    def _sources(self, chosen: list[int], short: Shortlist, sentences: list[Sentence], concepts: ConceptTable,
                 articles: list[Document], settings: Settings, clock: Stopwatch):
        """Each chosen sentence with every article that states its fact, and where the articles disagree; the
        statements not embedded yet are embedded here (timed as "embed", the rest as "attribute")."""
        vectors_of = dict(zip(short.indices, short.vectors))
        score = dict(zip(short.indices, short.relevance.tolist()))
        with clock.stage("attribute"):
            known: dict[int, Facts] = {}

            def facts_of(index: int) -> Facts:
                if index not in known:
                    clock.check()
                    known[index] = facts(sentences[index].text[:ANALYSED_CHARS])
                return known[index]

            counted = frozenset(word for index in chosen for frame in facts_of(index).frames
                                if frame.comparable_at_all for word in predicate_words(frame.predicate))
            pool = plausible_sources(chosen, sentences, concepts.words, settings.source_shared_words, counted)
            missing = [index for index in pool if index not in vectors_of]
        with clock.stage("embed"):
            if missing:
                fresh = self.encoder.encode([model_text(sentences[i]) for i in missing], clock.deadline)
                vectors_of.update(zip(missing, fresh))
        with clock.stage("attribute"):
            names = [article.id for article in articles]
            dates = [article.date for article in articles]
            told = story([article.text for article in articles], dates)
            found = attribute(chosen, pool, vectors_of, sentences, facts_of, settings.source_threshold, names, told)
            disagreements = find_disagreements(
                chosen, pool, sentences, lambda a, b: float(vectors_of[a] @ vectors_of[b]), facts_of, names,
                [article.text for article in articles], settings.disagreement_threshold, dates, told)
            found = without_dissenters(found, disagreements)
            chosen_sentences = [
                BriefSentence(sentences[index].text, names[sentences[index].document], sentences[index].start,
                              sentences[index].end, tuple(match.document_id for match in matches),
                              score[index], matches)
                for index, matches in zip(chosen, found)
            ]
        return chosen_sentences, disagreements


_default: dict[Settings, Summarizer] = {}


def _shared(settings: Settings) -> Summarizer:
    summarizer = _default.get(settings)
    if summarizer is None:
        summarizer = _default.setdefault(settings, Summarizer(settings))
    return summarizer


def digest(
    documents: Iterable[Any],
    *,
    max_words: int | None = _UNSET,
    max_sentences: int | None = _UNSET,
    query: str | None = None,
    diversity: float | None = None,
    min_story_size: int = 1,
    time_limit: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Digest:
    """Articles of any number of stories in; one sourced brief per story out: `Summarizer(settings).digest(...)`."""
    return _shared(settings).digest(documents, max_words=max_words, max_sentences=max_sentences, query=query,
                                    diversity=diversity, min_story_size=min_story_size, time_limit=time_limit)


def summarize(
    documents: Iterable[Any],
    *,
    max_words: int | None = _UNSET,
    max_sentences: int | None = _UNSET,
    query: str | None = None,
    diversity: float | None = None,
    time_limit: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Brief:
    """One brief of `documents`: `Summarizer(settings).summarize(...)` with the process-wide encoder."""
    return _shared(settings).summarize(documents, max_words=max_words, max_sentences=max_sentences, query=query,
                                diversity=diversity, time_limit=time_limit)
