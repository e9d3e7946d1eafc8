"""The `Summarizer`: articles in, one sourced brief out, stage by stage. Each stage hands the next a plain value:

documents (reading/) → sentences → candidates, content units and their worth (selection/, content/) → vectors of
the shortlist (model/) → furniture left out → selection within the budget → reading order → sources and notes
(sources/) → `Brief`. Many stories at once: `digest` (stories/).
"""

from __future__ import annotations

from typing import Any, Iterable

from .brief import Brief, BriefSentence
from .config import DEFAULT_SETTINGS, Settings
from .model.embedding import Encoder, get_encoder
from .options import UNSET, Options, check_time_limit, check_timeline
from .reading.documents import normalize_documents
from .reading.sentences import split_articles
from .selection.candidates import (SaidBefore, Shortlist, candidate_sentences, drop_furniture, model_text,
                                   select_brief, weigh_content)
from .selection.furniture import PROTOTYPES
from .selection.order import reading_order
from .selection.restated import restated
from .sources.tracing import trace
from .stories.chronology import make_timeline
from .stories.digest import Digest, make_digest
from .stories.grouping import group_articles, story_warnings, unrelated_articles
from .timeline import Timeline
from .timing import Stopwatch
from .notices import FURNITURE_ONLY, NO_SENTENCES, NOTHING_NEW, budget_too_small


class Summarizer:
    """Holds the settings and the encoder; `summarize()` makes one brief, `timeline()` one story in date order,
    `digest()` one brief per story. Thread-safe. Any object with `encode(texts, deadline)` and `encode_fixed(texts)`
    can stand in for the encoder (an `Encoder` around another `Backend`, for instance)."""

    def __init__(self, settings: Settings = DEFAULT_SETTINGS, encoder: Encoder | None = None):
        self.settings = settings
        self._encoder = encoder

    @property
    def encoder(self) -> Encoder:
        """The encoder given, or the process-wide one for these settings (loaded on first use)."""
        return self._encoder if self._encoder is not None else get_encoder(self.settings)

    def summarize(self, documents: Iterable[Any], *, max_words: Any = UNSET, max_sentences: Any = UNSET,
                  query: str | None = None, diversity: float | None = None, time_limit: float | None = None,
                  seen: Iterable[Any] | None = None) -> Brief:
        """One brief of `documents` (strings, or dicts with `text` and optional id/title/source/url/published).
        With `seen` (articles the reader already knows, in the same shapes): an update brief of what `documents` add.

        Raises `InputError` for unusable input, `ResourceMissingError` or `ModelLoadError` when the model or data is
        not available, and `TimeLimitError` when `time_limit` seconds pass before the brief is ready.
        """
        options = Options.read(self.settings, max_words=max_words, max_sentences=max_sentences, query=query,
                               diversity=diversity, time_limit=time_limit)
        return self.brief(documents, options, seen)

    def brief(self, documents: Iterable[Any], options: Options, seen: Iterable[Any] | None = None) -> Brief:
        """One brief of `documents` with checked `options`; an update brief of what they add to `seen`."""
        clock, settings, query, budget = Stopwatch(options.time_limit), options.settings(self.settings), \
            options.query, options.budget
        with clock.stage("read"):
            articles = normalize_documents(documents, clock.check)
            earlier = [] if seen is None or seen == [] else normalize_documents(
                seen, clock.check, "seen", [article.id for article in articles])
        first_seen = len(articles) if earlier else None
        articles += earlier
        warnings: list[str] = []

        def brief(chosen=(), notes=()) -> Brief:
            return Brief(tuple(chosen), tuple(articles), query, budget.words, budget.sentences, clock.timings,
                         tuple(warnings), settings.diversity, tuple(notes),
                         seen=tuple(article.id for article in earlier))

        depth = settings.query_depth if query else 1

        def embed(rows: list[int]):
            return self.encoder.encode([model_text(sentences[i]) for i in rows], clock.deadline)

        with clock.stage("split"):
            sentences = split_articles(articles, clock.check)
            candidates = candidate_sentences(sentences, settings, depth, first_seen)
        with clock.stage("related"):
            fresh = [sentence for sentence in sentences if sentence.document < len(articles) - len(earlier)]
            unrelated, scattered = unrelated_articles(fresh, len(articles) - len(earlier),
                                                      settings.unrelated_similarity, settings.unrelated_share)
            candidates = [i for i in candidates if sentences[i].document not in set(unrelated)]
        warnings += story_warnings(unrelated, scattered, articles, sentences)
        if not candidates:
            warnings.append(NO_SENTENCES)
            return brief()
        with clock.stage("concepts"):
            concepts, relevance, indices = weigh_content(sentences, candidates, settings, query, budget, depth,
                                                         clock.check, first_seen)
        with clock.stage("embed"):
            vectors = self.encoder.encode([model_text(sentences[i]) for i in indices] + ([query] if query else []),
                                          clock.deadline)
            short = Shortlist(indices, vectors[: len(indices)], relevance[indices])
            prototypes = self.encoder.encode_fixed(PROTOTYPES)
        with clock.stage("furniture"):
            short = drop_furniture(short, prototypes, settings.furniture_threshold)
        if not short.indices:
            warnings.append(FURNITURE_ONLY)
            return brief()
        known = dict(zip(short.indices, short.vectors))
        # An update brief: a sentence picked that says again what a seen one said is left out and the brief chosen
        # again (at most once per shortlisted sentence); only the picked sentences' seen neighbours are embedded.
        repeats = SaidBefore(short.indices, sentences, concepts.words, len(articles) - len(earlier), settings,
                             embed) if earlier else None

        read: dict = {}  # the facts of the sentences traced, kept for a second round of selection

        def choose(short: Shortlist) -> tuple[Shortlist, list[int], list, tuple]:
            while True:
                with clock.stage("select"):
                    short, picked = select_brief(short, sentences, concepts, vectors[-1] if query else None,
                                                 settings, budget)
                if repeats is None or not picked:
                    break
                with clock.stage("embed"):
                    again = repeats.among([short.indices[k] for k in picked], short.vectors[picked])
                    known.update(repeats.vectors)
                if not again:
                    break
                short = short.keep(k for k, index in enumerate(short.indices) if index not in again)
            with clock.stage("order"):
                ordered = reading_order([sentences[short.indices[k]] for k in picked], articles)
                index_of = {sentences[index]: index for index in short.indices}
                chosen = [index_of[sentence] for sentence in ordered]
            found, notes = trace(chosen, known, sentences, concepts.words, articles, settings, embed, clock,
                                 len(fresh) if earlier else None, read)
            return short, chosen, found, notes

        full = short
        short, chosen, found, notes = choose(full)
        if repeats is not None and not short.indices:
            warnings.append(NOTHING_NEW)
            return brief()
        if not chosen:
            warnings.append(budget_too_small(budget.words))
        score = dict(zip(short.indices, short.relevance.tolist()))
        # Once more without the sentences that only restate another chosen one (one round: linear, bounded).
        again = restated(chosen, found, sentences, [article.id for article in articles], score)
        if again:
            said = repeats.found if repeats is not None else set()
            short, chosen, found, notes = choose(full.keep(k for k, index in enumerate(full.indices)
                                                           if index not in again and index not in said))
            score = dict(zip(short.indices, short.relevance.tolist()))
        return brief([BriefSentence.sourced(sentences[i], articles, matches, score[i])
                      for i, matches in zip(chosen, found)], notes)

    def timeline(self, documents: Iterable[Any], *, max_entries: Any = UNSET, max_words_per_entry: Any = UNSET,
                 time_limit: float | None = None) -> Timeline:
        """The story of `documents` in date order: at most `max_entries` dated entries of one or two sentences
        within `max_words_per_entry` words each, with sources as in a brief (stories/chronology.py)."""
        size = check_timeline(max_entries, max_words_per_entry, self.settings)
        return make_timeline(documents, size, self.settings, self.encoder, Stopwatch(check_time_limit(time_limit)))

    def digest(self, documents: Iterable[Any], *, max_words: Any = UNSET, max_sentences: Any = UNSET,
               query: str | None = None, diversity: float | None = None, min_story_size: int | None = 1,
               time_limit: float | None = None) -> Digest:
        """`documents` about any number of stories, grouped into stories, each with its brief (`summarize()`'s
        options apply to every brief). Stories with fewer than `min_story_size` articles are listed without a brief;
        no article is ever dropped."""
        options = Options.read(self.settings, max_words=max_words, max_sentences=max_sentences, query=query,
                               diversity=diversity, time_limit=time_limit)
        # The grouping has decided which articles belong together: no story's brief leaves one out again.
        storyteller = Summarizer(self.settings.replace(unrelated_similarity=0.0), self._encoder)

        return make_digest(
            documents, lambda articles, remaining: storyteller.brief(
                articles, Options(options.budget, options.query, options.diversity, remaining)),
            lambda articles, check: group_articles(articles, self.encoder, self.settings.furniture_threshold, check),
            options, min_story_size, Stopwatch(options.time_limit))

