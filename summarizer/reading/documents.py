"""Input normalization: whatever the caller passes becomes a list of `Document`."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Iterable

from ..errors import InputError
from .headline import headline as opening_headline
from .html import extract, looks_like_html

OPTIONAL_FIELDS = ("title", "source", "url", "published", "name")
# "format": "text" or "html"; left out, text that looks like an HTML page is read as one.
FIELDS = ("id", "text", *OPTIONAL_FIELDS, "format")
FORMATS = ("text", "html")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ]\d{2}:\d{2})")
BARE_LINK = re.compile(r"\s*(?:https?://|www\.)\S+\s*")


@dataclass(frozen=True)
class Document:
    """One article: its original text and what is known about it."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    # A date, or a time (timezone-aware; a time without a zone is taken as UTC) when the caller gave one.
    published: _dt.date | _dt.datetime | None = None
    # "html" when `text` was extracted from a page the caller gave: offsets refer to it, so it is returned.
    format: str = "text"
    # What the caller calls it (a file's name): names it where it has no headline or outlet.
    name: str | None = None

    @cached_property
    def headline(self) -> str | None:
        """The headline its text opens with, when it has one (headline.py); read once."""
        return opening_headline(self.text)

    @property
    def date(self) -> _dt.date | None:
        """The day it was published (in UTC for a time), when known."""
        if isinstance(self.published, _dt.datetime):
            return self.published.astimezone(_dt.timezone.utc).date()
        return self.published

    def to_dict(self) -> dict:
        data = {"id": self.id, "title": self.title, "source": self.source, "url": self.url, "name": self.name}
        data["published"] = self.published.isoformat() if self.published else None
        if self.format == "html":
            data.update(format="html", text=self.text)
        return {key: value for key, value in data.items() if value is not None}


def check_encodable(text: str, field: str) -> None:
    """Reject strings holding lone surrogates: they are not text and no model can read them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(f"holds an unpaired surrogate at character {error.start}", field) from None


def parse_published(value: str, field: str) -> _dt.date | _dt.datetime:
    """An ISO 8601 date ("2024-10-12") or time ("2024-10-12T08:00:00Z", "2024-10-12 08:00+02:00")."""
    text = value.strip()
    try:
        if not ISO_DATE.match(text):
            raise ValueError(text)  # the extended form only: "2024-10-12", not "20241012"
        if len(text) <= 10:
            return _dt.date.fromisoformat(text)
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"not an ISO 8601 date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM|Z]): "
                         f"{value[:40]!r}", field) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=_dt.timezone.utc)


def published_instant(document: Document) -> _dt.datetime | None:
    """When the article was published, as a UTC time to compare: a bare date counts from its midnight UTC."""
    published = document.published
    if published is None:
        return None
    if not isinstance(published, _dt.datetime):
        published = _dt.datetime.combine(published, _dt.time(), _dt.timezone.utc)
    return published.astimezone(_dt.timezone.utc)


def read_document(item: Any, index: int, name: str = "documents") -> Document:
    """One article of the request field `name` (at `index`) read and checked: InputError naming its field."""
    where = f"{name}[{index}]"
    if isinstance(item, Document):
        return item  # read already (a digest's story): an HTML page keeps its extracted text and format
    if isinstance(item, str):
        fields: dict[str, Any] = {"text": item}
    elif isinstance(item, dict):
        fields = item
    else:
        raise InputError(f"must be a string or an object with 'text', not {type(item).__name__}", where)
    unknown = sorted(str(key) for key in fields if key not in FIELDS)
    if unknown:
        raise InputError(f"unknown field; an article has {', '.join(FIELDS)}", f"{where}.{unknown[0][:64]}",
                         "unknown_field")
    if "text" not in fields:
        raise InputError("missing 'text'", where)
    text = fields["text"]
    if not isinstance(text, str):
        raise InputError(f"must be a string, not {type(text).__name__}", f"{where}.text")
    if not text.strip():
        raise InputError("is empty", f"{where}.text")
    if BARE_LINK.fullmatch(text):
        raise InputError("is a link, not an article: give the article's text (or, where a service fetches links, "
                         "the link as 'url')", f"{where}.text")
    check_encodable(text, f"{where}.text")
    kind = fields.get("format")
    if kind is not None and kind not in FORMATS:
        raise InputError(f"must be one of {', '.join(FORMATS)}, not {str(kind)[:40]!r}", f"{where}.format")
    found: dict[str, Any] = {}
    if kind == "html" or (kind is None and looks_like_html(text)):
        page = extract(text)
        if not page.text.strip():
            raise InputError("no article text was found in this HTML page", f"{where}.text")
        text, kind = page.text, "html"
        found = {"title": page.title, "source": page.source, "published": page.published}
    identifier = fields.get("id")
    if identifier is None:
        identifier = str(index) if name == "documents" else f"{name}-{index}"
    elif isinstance(identifier, (int, str)) and not isinstance(identifier, bool):
        identifier = str(identifier)
        check_encodable(identifier, f"{where}.id")
    else:
        raise InputError("must be a string", f"{where}.id")
    extras: dict[str, Any] = {}
    for name in OPTIONAL_FIELDS:
        value = fields.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"must be a string, not {type(value).__name__}", f"{where}.{name}")
        check_encodable(value, f"{where}.{name}")
        extras[name] = parse_published(value, f"{where}.{name}") if name == "published" else value
    for name, value in found.items():  # what the page says, where the caller said nothing
        if name not in extras and value:
            try:
                extras[name] = parse_published(value, name) if name == "published" else value
            except InputError:
                pass
    return Document(id=identifier, text=text, format=kind or "text", **extras)


def normalize_documents(items: Iterable[Any], check: Callable[[], None] = lambda: None, name: str = "documents",
                        taken: Iterable[str] = ()) -> list[Document]:
    """Validate the caller's documents (HTML pages read as articles); raise `InputError` naming the first bad field.
    `check` is called before each document. `name` is the request's field holding them ("seen": the articles a
    reader already knows, whose ids default to "seen-0", "seen-1" ...); ids must differ from each other and from
    `taken`."""
    if isinstance(items, (str, bytes, dict)) or not isinstance(items, Iterable):
        raise InputError("must be a list of articles", name)
    documents = []
    for index, item in enumerate(items):
        check()
        documents.append(read_document(item, index, name))
    if not documents:
        raise InputError("no documents given; send at least one article", name)
    ids: set[str] = set(taken)
    for index, document in enumerate(documents):
        if document.id in ids:
            raise InputError(f"duplicate id {document.id!r}", f"{name}[{index}].id")
        ids.add(document.id)
    return documents
