"""The result of a timeline: dated entries in date order, each of one or two sentences with their sources as in a
brief; it prints, renders as markdown and serializes itself."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .brief import Brief, BriefSentence, marked
from .reading.dates import When
from .reading.documents import Document
from .sources.disagreements import Disagreement
from .notices import notices_of


@dataclass(frozen=True)
class TimelineEntry:
    """What happened on one date (a day, a month or a year): its sentences, in the order the articles give them.
    `dated_by` says, for each sentence, where its date comes from: "text" (a date the sentence gives, resolved
    against its article's date) or "published" (its article's date)."""

    when: When
    sentences: tuple[BriefSentence, ...]
    dated_by: tuple[str, ...]

    @property
    def date(self) -> str:
        return self.when.iso

    @property
    def label(self) -> str:
        return self.when.label


@dataclass(frozen=True)
class Timeline:
    """A story in date order. `undated` are the ids of the articles no date was found for (neither given nor in
    their text): only sentences that give a full date of their own are placed from them."""

    entries: tuple[TimelineEntry, ...]
    documents: tuple[Document, ...]
    disagreements: tuple[Disagreement, ...] = ()
    warnings: tuple[str, ...] = ()
    undated: tuple[str, ...] = ()
    max_entries: int | None = None
    max_words_per_entry: int | None = None
    timings: dict = field(default_factory=dict, compare=False)

    @property
    def brief(self) -> Brief:
        """All the entries' sentences as one brief (in timeline order): how sources are numbered and labelled."""
        return Brief(tuple(sentence for entry in self.entries for sentence in entry.sentences), self.documents,
                     disagreements=self.disagreements)

    def to_text(self) -> str:
        brief = self.brief
        numbers = brief.source_numbers()
        lines = [f"{entry.label}: {marked(entry.sentences, numbers)}" for entry in self.entries]
        return "\n".join(lines + brief.text_tail(numbers))

    def to_markdown(self) -> str:
        brief = self.brief
        numbers = brief.source_numbers()
        lines = [f"- **{entry.label}** — {marked(entry.sentences, numbers)}" for entry in self.entries]
        return "\n".join(lines + brief.markdown_tail(numbers))

    def to_dict(self) -> dict:
        brief = self.brief
        numbers = brief.source_numbers()
        return {
            "entries": [{"date": entry.date, "precision": entry.when.precision, "label": entry.label,
                         "text": " ".join(sentence.display for sentence in entry.sentences),
                         "sentences": [sentence.to_dict() for sentence in entry.sentences],
                         "dated_by": list(entry.dated_by)} for entry in self.entries],
            "disagreements": [disagreement.to_dict(numbers) for disagreement in self.disagreements],
            "sources": brief.sources(),
            "documents": [document.to_dict() for document in self.documents],
            "undated": list(self.undated),
            "max_entries": self.max_entries,
            "max_words_per_entry": self.max_words_per_entry,
            "warnings": list(self.warnings),
            "notices": notices_of(self.warnings),
        }

    def to_json(self, **options) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **options)
