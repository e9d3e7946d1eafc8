"""A story in date order: articles → their dates → sentences, each dated by what it says or by its article → the
best dated sentences (entries.py), nothing said twice → entries in date order, with sources as in a brief.

An article's date is the one given (`published`, or a page's metadata), else a date line at the head of its text
(reading/dates.py). A sentence's date is the first date it gives for what it reports, resolved against its
article's date, else its article's date. Only candidates worth dating are dated: the best by content per word,
`DATED_PER_ENTRY` per entry asked for, and of those the best few per date are embedded.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np

from ..brief import BriefSentence
from ..config import Settings
from ..options import TimelineBudget
from ..reading.dates import When, event_date, text_date
from ..reading.documents import normalize_documents
from ..reading.sentences import split_articles
from ..selection.candidates import Shortlist, candidate_sentences, drop_furniture, model_text, weigh_content
from ..selection.entries import shortlist_dated, select_entries
from ..selection.furniture import PROTOTYPES
from ..selection.select import Budget
from ..sources.tracing import trace
from ..timeline import Timeline, TimelineEntry
from ..timing import Stopwatch
from ..notices import NO_SENTENCES, Notice

DATED_PER_ENTRY = 24
EMBEDDED_PER_ENTRY = 6
COARSE_FIRST = {"year": 0, "month": 1, "day": 2}


def make_timeline(documents: Iterable[Any], size: TimelineBudget, settings: Settings, encoder,
                  clock: Stopwatch) -> Timeline:
    with clock.stage("read"):
        articles = normalize_documents(documents, clock.check)
    with clock.stage("dates"):
        published = [article.date or text_date(article.text) for article in articles]
    undated = tuple(article.id for article, day in zip(articles, published) if day is None)
    warnings: list[str] = []
    if undated:
        shown = ", ".join(repr(identifier) for identifier in undated[:5]) + (" ..." if len(undated) > 5 else "")
        warnings.append(Notice("undated_articles", f"no date was given or found for {len(undated)} "
                               f"article{'s' if len(undated) > 1 else ''} ({shown}): their sentences are placed by "
                               "the full dates they give, or left out", document_ids=list(undated)))

    def timeline(entries=(), notes=()) -> Timeline:
        return Timeline(tuple(entries), tuple(articles), tuple(notes), tuple(warnings), undated, size.entries,
                        size.words, clock.timings)

    with clock.stage("split"):
        sentences = split_articles(articles, clock.check)
        candidates = [index for index in candidate_sentences(sentences, settings)
                      if sentences[index].words <= size.words]
    with clock.stage("concepts"):
        concepts, relevance, _ = weigh_content(sentences, candidates, settings, None,
                                               Budget(size.entries * size.words, None), 1, clock.check)
        worth = {index: concepts.value(index) + float(relevance[index]) for index in candidates}
        lengths = {index: max(sentences[index].words, 1) for index in candidates}
        ranked = sorted(candidates, key=lambda index: (-worth[index] / lengths[index], index))
    with clock.stage("dates"):
        dates: dict[int, When] = {}
        dated_by: dict[int, str] = {}
        for number, index in enumerate(ranked[: DATED_PER_ENTRY * size.entries]):
            if number % 64 == 0:
                clock.check()
            day = published[sentences[index].document]
            when = event_date(sentences[index].text, day)
            if when is not None:
                dates[index], dated_by[index] = when, "text"
            elif day is not None:
                dates[index], dated_by[index] = When(day, "day"), "published"
        indices = shortlist_dated(ranked, dates, worth, lengths, EMBEDDED_PER_ENTRY * size.entries)
    if not indices:
        warnings.append(Notice("nothing_dated", "no sentence of the articles could be dated: no timeline was made")
                        if candidates else NO_SENTENCES)
        return timeline()

    def embed(rows: list[int]):
        return encoder.encode([model_text(sentences[i]) for i in rows], clock.deadline)

    with clock.stage("embed"):
        short = Shortlist(indices, embed(indices), relevance[indices])
        prototypes = encoder.encode_fixed(PROTOTYPES)
    with clock.stage("furniture"):
        short = drop_furniture(short, prototypes, settings.furniture_threshold)
    if not short.indices:
        warnings.append(Notice("furniture_only", "the articles hold no article text, only site furniture: no "
                               "timeline was made"))
        return timeline()
    with clock.stage("select"):
        owners = np.array([sentences[i].document for i in short.indices])
        similarity = short.vectors @ short.vectors.T + settings.same_article_redundancy * (owners[:, None] ==
                                                                                          owners[None, :])
        picked = select_entries([concepts.members[i] for i in short.indices], concepts.weights, short.relevance,
                                np.array([lengths[i] for i in short.indices]), similarity,
                                [dates[i] for i in short.indices], size.entries, size.words,
                                settings.redundancy_threshold)
    picked.sort(key=lambda item: (item[0].start, COARSE_FIRST[item[0].precision]))
    groups = [(when, sorted((short.indices[row] for row in rows),
                            key=lambda i: (str(published[sentences[i].document] or ""), sentences[i].document, i)))
              for when, rows in picked]
    chosen = [index for _, rows in groups for index in rows]
    found, notes = trace(chosen, dict(zip(short.indices, short.vectors)), sentences, concepts.words, articles,
                         settings, embed, clock)
    matches = dict(zip(chosen, found))
    score = dict(zip(short.indices, short.relevance.tolist()))
    entries = [TimelineEntry(when, tuple(BriefSentence.sourced(sentences[i], articles, matches[i], score[i])
                                         for i in rows), tuple(dated_by[i] for i in rows)) for when, rows in groups]
    return timeline(entries, notes)
