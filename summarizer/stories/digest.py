"""A digest: a mixed pile of articles grouped into stories (grouping.py), each story with its own sourced brief."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from ..brief import Brief
from ..content.words import tokens
from ..errors import InputError
from ..options import Options
from ..reading.documents import Document, normalize_documents, published_instant
from ..timing import Stopwatch
from ..notices import Notice, notices_of


@dataclass(frozen=True)
class Story:
    """The articles of one story (their ids, in input order), a short label, and the story's brief; a story without
    a brief says why in `note` (smaller than the digest's `min_story_size`, or a page that holds no article)."""

    document_ids: tuple[str, ...]
    label: str
    brief: Brief | None
    note: str | None = None

    def to_dict(self) -> dict:
        return {"document_ids": list(self.document_ids), "label": self.label,
                "brief": self.brief.to_dict() if self.brief is not None else None, "note": self.note}


@dataclass(frozen=True)
class Digest:
    """Stories by size, then by recency (latest publication), then by their first article's place in the input."""

    stories: tuple[Story, ...]
    warnings: tuple[str, ...] = ()
    timings: dict = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict:
        return {"stories": [story.to_dict() for story in self.stories], "warnings": list(self.warnings),
                "notices": notices_of(self.warnings)}

    def to_json(self, **options) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **options)

    def to_text(self) -> str:
        return "\n\n\n".join(self._parts(lambda n, label, size: f"Story {n}: {label} ({size})",
                                           lambda brief: brief.to_text(), "(no brief: {})"))

    def to_markdown(self) -> str:
        return "\n\n".join(self._parts(lambda n, label, size: f"## {n}. {label}\n\n*{size}*",
                                       lambda brief: brief.to_markdown(), "*(no brief: {})*"))

    def _parts(self, heading, body, missing: str) -> list[str]:
        """Each story as its heading (number, label, "N articles") and its brief in the same format."""
        parts = []
        for number, story in enumerate(self.stories, 1):
            count = len(story.document_ids)
            size = f"{count} article{'s' if count != 1 else ''}"
            parts.append(heading(number, story.label, size) + "\n\n" +
                         (body(story.brief) if story.brief else missing.format(story.note)))
        return parts


LABEL_WORDS = 14


def shortened(text: str) -> str:
    words = text.split()
    return " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")


def _content_stems(text: str) -> set[str]:
    return {word for word, stopword, _ in tokens(text[:2000]) if not stopword}


def central_headline(titles: list[str], brief: Brief | None) -> str:
    """The headline that shares the most content words with the other headlines and the brief (each as a share of
    the headline's own words, so a long headline is not favoured); the first of equals. Linear in the headlines."""
    words = [_content_stems(title) for title in titles]
    headlines_with = Counter(word for own in words for word in own)
    brief_words = _content_stems(brief.text) if brief is not None else set()

    def centrality(index: int) -> float:
        own = words[index]
        shared = sum(headlines_with[word] - 1 for word in own) + len(own & brief_words)
        return shared / len(own) if own else 0.0

    return titles[max(range(len(titles)), key=lambda index: (centrality(index), -index))]


def story_label(documents: list[Document], brief: Brief | None) -> str:
    """The story's most central headline (`central_headline`; a title, else the headline a text opens with), else the most relevant sentence of its brief, else
    the first words of its first article; cut to LABEL_WORDS words."""
    titles = [title for title in (document.title or document.headline for document in documents) if title]
    if titles:
        return shortened(central_headline(titles, brief))
    if brief is not None and brief.sentences:
        return shortened(max(brief.sentences, key=lambda sentence: sentence.score).display)
    return shortened(documents[0].text)


def order_key(members: list[int], documents: list[Document]):
    times = [published_instant(documents[i]) for i in members]
    latest = max((t for t in times if t is not None), default=None)
    return (-len(members), 0 if latest is not None else 1, -(latest.timestamp() if latest else 0.0), members[0])


def stories_of(groups: Iterable[list[int]], documents: list[Document], briefs: dict[int, Brief],
               notes: dict[int, str]) -> tuple[Story, ...]:
    """The stories in their order; `briefs` and `notes` are keyed by each story's first article."""
    ordered = sorted(groups, key=lambda members: order_key(members, documents))
    stories = []
    for members in ordered:
        brief = briefs.get(members[0])
        group = [documents[i] for i in members]
        stories.append(Story(tuple(d.id for d in group), story_label(group, brief), brief, notes.get(members[0])))
    return tuple(stories)


def make_digest(documents: Iterable[Any], summarize_story: Callable[..., Brief], group: Callable, options: Options,
                min_story_size: Any, clock: Stopwatch) -> Digest:
    """The articles grouped into stories (`group`: articles -> groups and the pages without an article), each story
    with its brief (`summarize_story`, given the articles and the time left). Stories with fewer than
    `min_story_size` articles are listed without a brief; no article is ever dropped."""
    smallest = min_story_size if min_story_size is not None else 1
    if isinstance(smallest, bool) or not isinstance(smallest, int) or smallest < 1:
        raise InputError(f"must be a whole number of at least 1, not {smallest!r}"[:80], "min_story_size")
    with clock.stage("read"):
        articles = normalize_documents(documents, clock.check)
    with clock.stage("group"):
        groups, without_article = group(articles, clock.check)
    briefs: dict[int, Brief] = {}
    notes: dict[int, str] = {}
    for members in groups:
        if members[0] in without_article:
            notes[members[0]] = "the page holds no article text, only site furniture"
            continue
        if len(members) < smallest:
            notes[members[0]] = f"fewer than {smallest} articles"
            continue
        brief = summarize_story([articles[i] for i in members], clock.remaining())
        # Sources are named by their place in the whole pile, not in the story.
        briefs[members[0]] = replace(brief, positions=tuple(index + 1 for index in members))
        for stage, seconds in brief.timings.items():
            clock.timings[f"brief {stage}"] = clock.timings.get(f"brief {stage}", 0.0) + seconds
    warnings = tuple(Notice("furniture_article", f"article {articles[index].id!r} holds no article text, only site "
                            "furniture: it is listed on its own, without a brief", document_id=articles[index].id)
                     for index in sorted(without_article))
    return Digest(stories_of(groups, articles, briefs, notes), warnings, clock.timings)
