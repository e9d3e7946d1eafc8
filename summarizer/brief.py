"""The result of summarization: a brief that prints, renders as markdown and serializes itself."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .sources.attribution import Match
from .sources.disagreements import Disagreement
from .reading.documents import Document
from .notices import notices_of
from .reading.sentences import count_words, readable


@dataclass(frozen=True)
class BriefSentence:
    """One sentence of the brief, traceable to its article: `article.text[start:end] == text`."""

    text: str
    document_id: str
    start: int
    end: int
    sources: tuple[str, ...]
    score: float
    matches: tuple[Match, ...] = ()

    @classmethod
    def sourced(cls, sentence, articles, matches: tuple[Match, ...], score: float) -> "BriefSentence":
        """A sentence of the articles (reading.sentences.Sentence) with the matches found for it, its own first."""
        return cls(sentence.text, articles[sentence.document].id, sentence.start, sentence.end,
                   tuple(match.document_id for match in matches), score, matches)

    @property
    def display(self) -> str:
        """The sentence as the brief prints it: single spaces, missing spaces after initials restored."""
        return readable(self.text)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "display": self.display,
            "document_id": self.document_id,
            "start": self.start,
            "end": self.end,
            "sources": list(self.sources),
            "score": round(self.score, 4),
            "matches": [match.to_dict() for match in self.matches],
        }


def source_label(document: Document, position: int, seen: bool = False) -> str:
    """How a reader names an article: its headline (the title given, else the one its text opens with), else its
    outlet and date ("Reuters, 18 Aug 2024"), else the name the caller gave it (`name`, a file's name; else an id
    that is not a number), else "Article 3" (its place in the input; "Seen article 2" for the second of the
    articles the reader had already seen)."""
    named = document.title or document.headline
    if named:
        return named
    if document.source:
        return ", ".join(part for part in (document.source, _day(document)) if part)
    if not named_by_place(document):
        return document.name or document.id
    return ", ".join(part for part in (f"{'Seen article' if seen else 'Article'} {position}", _day(document)) if part)


def named_by_place(document: Document) -> bool:
    """Is the article named by its place in the input ("Article 3"), having no headline, outlet or name of its own?"""
    return not (document.title or document.headline or document.source or document.name
                or not document.id.isdigit())


def source_detail(document: Document) -> str | None:
    """The outlet and date of an article named by its headline ("Reuters, 18 Aug 2024"), for the list of sources."""
    if not (document.title or document.headline):
        return None
    return ", ".join(part for part in (document.source, _day(document)) if part) or None


def _day(document: Document) -> str | None:
    return f"{document.published.day} {document.published:%b %Y}" if document.published else None


def marked(sentences, numbers: dict[str, int]) -> str:
    """Sentences as printed, each followed by the numbered markers of its sources."""
    return " ".join(s.display + "".join(f" [{numbers[x]}]" for x in s.sources) for s in sentences)


# How a source the reader had already seen is marked in a printed brief.
SEEN_MARK = " (seen before)"


@dataclass(frozen=True)
class Brief:
    """A consolidated brief of several articles."""

    sentences: tuple[BriefSentence, ...]
    documents: tuple[Document, ...]
    query: str | None = None
    max_words: int | None = None
    max_sentences: int | None = None
    timings: dict = field(default_factory=dict, compare=False)
    warnings: tuple[str, ...] = ()
    diversity: float | None = None
    disagreements: tuple[Disagreement, ...] = ()
    # Each document's place in the caller's input (1-based), when the brief covers part of it (a digest's story):
    # how its sources are labelled, not part of what the brief is (left out of comparisons).
    positions: tuple[int, ...] | None = field(default=None, compare=False)
    # An update brief: the ids of the articles the reader had seen (the last of `documents`). They may be listed as
    # sources, marked as seen, but no sentence is taken from them.
    seen: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The brief as prose."""
        return " ".join(sentence.display for sentence in self.sentences)

    @property
    def word_count(self) -> int:
        return count_words(self.text)

    def __str__(self) -> str:
        return self.text

    def source_numbers(self) -> dict[str, int]:
        """Cited articles numbered 1, 2, 3 ... in the order the brief first cites them."""
        numbers: dict[str, int] = {}
        cited = [source for sentence in self.sentences for source in sentence.sources]
        cited += [claim.document_id for disagreement in self.disagreements for claim in disagreement.claims]
        for document_id in cited:
            numbers.setdefault(document_id, len(numbers) + 1)
        return numbers

    def sources(self) -> list[dict]:
        """The cited articles in their numbered order, each with the label a reader knows it by."""
        numbers = self.source_numbers()
        new = len(self.documents) - len(self.seen)
        places = self.positions or [*range(1, new + 1), *range(1, len(self.seen) + 1)]
        position = {document.id: place for document, place in zip(self.documents, places)}
        by_id = {document.id: document for document in self.documents}
        seen = set(self.seen)
        found = []
        for document_id, number in numbers.items():
            document = by_id[document_id]
            label = source_label(document, position[document_id], document_id in seen)
            found.append({"number": number, "document_id": document_id, "label": label,
                          "detail": source_detail(document), "numbered": named_by_place(document),
                          "title": document.title, "url": document.url, "seen": document_id in seen})
        return found

    def to_text(self) -> str:
        """The brief with a numbered marker per source, where the sources differ, and the list of sources."""
        numbers = self.source_numbers()
        return "\n".join([marked(self.sentences, numbers)] + self.text_tail(numbers))

    def to_markdown(self) -> str:
        """As `to_text`, with the notes as a quotation and the sources as a list with their titles and links."""
        numbers = self.source_numbers()
        return "\n".join([marked(self.sentences, numbers)] + self.markdown_tail(numbers))

    def text_tail(self, numbers: dict[str, int]) -> list[str]:
        """The lines after the sentences in text: where the sources differ, and the numbered sources (with links)."""
        lines = [""] + [note.note(numbers) + "." for note in self.disagreements] if self.disagreements else []
        if numbers:
            lines += ["", "Sources:"] + [f"[{source['number']}] {source['label']}"
                                         + f" ({source['detail']})" * bool(source["detail"])
                                         + SEEN_MARK * source["seen"] + f" — {source['url']}" * bool(source["url"])
                                         for source in self.sources()]
        return lines

    def markdown_tail(self, numbers: dict[str, int]) -> list[str]:
        """The same in markdown: the notes as quotations, the sources as a list with their titles and links."""
        lines = []
        for disagreement in self.disagreements:
            lines += ["", f"> {disagreement.note(numbers)}"]
        if numbers:
            lines += ["", "Sources:", ""]
            for source in self.sources():
                text = source["label"] + f" ({source['detail']})" * bool(source["detail"])
                if source["url"]:
                    text = f"[{text}]({source['url']})"
                lines.append(f"{source['number']}. {text}" + SEEN_MARK * source["seen"])
        return lines

    def to_dict(self) -> dict:
        numbers = self.source_numbers()
        return {
            "text": self.text,
            "word_count": self.word_count,
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "disagreements": [disagreement.to_dict(numbers) for disagreement in self.disagreements],
            "sources": self.sources(),
            "documents": [document.to_dict() for document in self.documents],
            "query": self.query,
            "max_words": self.max_words,
            "max_sentences": self.max_sentences,
            "warnings": list(self.warnings),
            "notices": notices_of(self.warnings),
            "seen": list(self.seen),
        }

    def to_json(self, **options) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **options)
