"""The result of summarization: a brief that prints, renders as markdown and serializes itself."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .attribution import Match
from .documents import Document
from .sentences import readable


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

    @property
    def text(self) -> str:
        return " ".join(sentence.display for sentence in self.sentences)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def __str__(self) -> str:
        return self.text

    def to_text(self) -> str:
        return self.text

    def to_markdown(self) -> str:
        """The brief with a numbered marker per source after each sentence, and the list of sources."""
        numbers = {document.id: number for number, document in enumerate(self.documents, start=1)}
        cited = sorted({source for sentence in self.sentences for source in sentence.sources}, key=numbers.get)
        lines = [
            " ".join(
                sentence.display + "".join(f" [{numbers[source]}]" for source in sentence.sources)
                for sentence in self.sentences
            ),
            "",
            "Sources:",
        ]
        for document in self.documents:
            if document.id not in cited:
                continue
            label = document.title or document.source or f"Article {document.id}"
            details = [part for part in (document.source if document.title else None, document.url) if part]
            if document.published:
                details.append(document.published.isoformat())
            suffix = f" ({', '.join(details)})" if details else ""
            lines.append(f"[{numbers[document.id]}] {label}{suffix}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "word_count": self.word_count,
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "documents": [document.to_dict() for document in self.documents],
            "query": self.query,
            "max_words": self.max_words,
            "max_sentences": self.max_sentences,
            "warnings": list(self.warnings),
        }

    def to_json(self, **options) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **options)
