"""The HTTP contract, declared once: the request (with the limits in force) and the response, as pydantic models.

The service validates requests with `request_model(config)`, the OpenAPI document's schemas are generated from these
models, and the tests check real responses against `SummarizeResponse` field for field (no field missing, none
extra). Rules JSON Schema cannot state (unique ids, real calendar dates, no lone surrogates) are the engine's.
"""

import re
from functools import lru_cache
from typing import Annotated, Any, Literal, Union

from pydantic import (BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, ValidationError,
                      model_validator)

from summarizer import DEFAULT_SETTINGS
from summarizer.notices import CODES
from summarizer.reading.documents import FIELDS as ARTICLE_FIELDS

# Union members are told apart by the value's JSON type; their tags never reach a caller.
PLAIN, OBJECT = "plain-article", "article-object"
NOT_BLANK = r"\S"
PUBLISHED = r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}"
# The fields of each kind of request, in the order the contract lists them.
FIELDS = {
    "summarize": ("documents", "max_words", "max_sentences", "query", "diversity", "seen"),
    "digest": ("documents", "max_words", "max_sentences", "query", "diversity", "min_story_size"),
    "timeline": ("documents", "max_entries", "max_words_per_entry"),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


def _article_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return PLAIN
    if isinstance(value, dict):
        return OBJECT
    return None


@lru_cache(maxsize=8)
def _request_models(document_chars: int, most_documents: int, most_words: int, most_sentences: int,
                    query_chars: int, most_entries: int) -> dict[str, type]:
    Text = Annotated[str, StringConstraints(pattern=NOT_BLANK, max_length=document_chars)]
    Meta = Annotated[str, StringConstraints(max_length=2000)]

    class Article(Strict):
        """An article with what is known about it."""

        text: Text | None = Field(None, description="the article: plain text, or a web page (see format); "
                                                    "not blank. Left out, `url` is fetched where the service "
                                                    "fetches links (GET /healthz: fetch_urls)")
        id: Union[Annotated[str, StringConstraints(max_length=2000)], int, None] = Field(
            None, description="unique among the articles; defaults to the article's index")
        title: Meta | None = None
        source: Meta | None = Field(None, description="the outlet, e.g. Reuters; labels the source")
        url: Meta | None = None
        name: Meta | None = Field(None, description="what the caller calls it, e.g. a file's name; names it in "
                                                    "the brief where it has no headline or outlet")
        published: Annotated[str, StringConstraints(pattern=PUBLISHED, max_length=2000)] | None = Field(
            None, description="ISO 8601 date or time, e.g. 2024-10-12 or 2024-10-12T08:30:00+02:00 (a time "
                              "without a zone is UTC); orders the brief")
        format: Literal["text", "html"] | None = Field(
            None, description="html: text is a web page, read for its article (title, outlet and date too); "
                              "left out, text that looks like a page is read as one")

        @model_validator(mode="after")
        def text_or_link(self):
            if self.text is None and self.url is None:
                raise ValueError("missing 'text'")
            return self

    AnyArticle = Annotated[Union[Annotated[Text, Tag(PLAIN)], Annotated[Article, Tag(OBJECT)]],
                           Discriminator(_article_kind)]

    class BriefRequest(Strict):
        """Articles about one event, and how long a brief to make of them."""

        documents: list[AnyArticle] = Field(min_length=1, max_length=most_documents,
                                            description="articles about one event; ids must be unique")
        max_words: Annotated[int, Field(ge=1, le=most_words)] | None = Field(
            None, description="word budget; default 100 unless only max_sentences is given")
        max_sentences: Annotated[int, Field(ge=1, le=most_sentences)] | None = Field(None, description="sentence budget")
        query: Annotated[str, StringConstraints(pattern=NOT_BLANK, max_length=query_chars)] | None = Field(
            None, description="focus the brief on this question or topic")
        diversity: Annotated[float, Field(ge=0, le=1)] | None = Field(
            None, description=f"0..1: how strongly to avoid repetition; default {DEFAULT_SETTINGS.diversity}")

    class SummarizeRequest(BriefRequest):
        """Articles about one event, and how long a brief to make of them; with `seen`, a brief of what they add."""

        seen: list[AnyArticle] | None = Field(
            None, max_length=most_documents,
            description="articles the reader already knows (the same shapes as documents; ids unique across both, "
                        "default seen-0, seen-1 ...): the brief tells what the documents add. Counted with documents "
                        "against the limit of articles")

    class DigestRequest(BriefRequest):
        """Articles about any number of stories; every story's brief made with the same options."""

        min_story_size: Annotated[int, Field(ge=1, le=most_documents)] | None = Field(
            None, description="stories with fewer articles are listed without a brief; default 1")

    class TimelineRequest(Strict):
        """Articles about one story, and how large a timeline to make of them."""

        documents: list[AnyArticle] = Field(min_length=1, max_length=most_documents,
                                            description="articles about one story, best with their `published` "
                                                        "dates; ids must be unique")
        max_entries: Annotated[int, Field(ge=1, le=most_entries)] | None = Field(
            None, description=f"at most this many dated entries; default {DEFAULT_SETTINGS.timeline_entries}")
        max_words_per_entry: Annotated[int, Field(ge=1, le=most_words)] | None = Field(
            None, description=f"words per entry (one or two sentences); default "
                              f"{DEFAULT_SETTINGS.timeline_entry_words}")

    assert set(Article.model_fields) == set(ARTICLE_FIELDS), "the article's fields are the engine's"
    models = {"summarize": SummarizeRequest, "digest": DigestRequest, "timeline": TimelineRequest}
    for kind, model in models.items():
        assert tuple(model.model_fields) == FIELDS[kind], kind
    return models


def request_model(config: dict, kind: str = "summarize") -> type:
    """The request model of a route ("summarize", "digest" or "timeline") for the limits in `config`."""
    return _request_models(config["MAX_DOCUMENT_CHARS"], config["MAX_DOCUMENTS"], config["MAX_WORDS_LIMIT"],
                           config["MAX_SENTENCES_LIMIT"], config["MAX_QUERY_CHARS"],
                           config["MAX_TIMELINE_ENTRIES"])[kind]


class Match(Strict):
    """An article that states the sentence's fact: its span and how close in meaning."""

    document_id: str
    start: int
    end: int
    similarity: float


class Sentence(Strict):
    """One sentence of the brief: exactly documents[document_id].text[start:end]."""

    text: str = Field(description="exactly the article's text[start:end]")
    display: str = Field(description="as printed: single spaces, missing spaces after initials restored")
    document_id: str
    start: int
    end: int
    sources: list[str] = Field(description="the article it was taken from, then every other article reporting it")
    score: float
    matches: list[Match] = Field(description="the other articles reporting it, with their spans")


class Claim(Strict):
    """One article's value for a figure the sources differ on."""

    document_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    value: float
    figure: str
    speaker: str | None


class Disagreement(Strict):
    """Articles give different values for something the brief's sentence `sentence` reports: they differ, or the
    value changed as the story developed (an update)."""

    sentence: int = Field(description="index into sentences")
    kind: Literal["differ", "update"] = Field(description='"differ": values that cannot all hold, smallest first; '
                                                          '"update": a count that changed, earliest first')
    subject: str
    note: str = Field(description='e.g. "Reports differ on deaths: about 600 (Seoul) [2]; around 1,000 [1]", or '
                                  '"Deaths rose from 62 [1] to 118 [2] by 21 Jan"')
    claims: list[Claim]


class Exports(Strict):
    """The answer as a reader copies it, rendered by the library: the sentences with their numbered markers, the
    notes where the articles differ, and the numbered sources by name."""

    text: str
    markdown: str


class Notice(Strict):
    """A warning: a code a program can act on, the English message, and the ids and values it names."""

    code: Literal[tuple(CODES) + ("other",)] = Field(description="; ".join(f"{code}: {meaning}"
                                                                              for code, meaning in CODES.items()))
    message: str
    args: dict[str, Any]


class Source(Strict):
    """A cited article, numbered in the order the brief first cites it."""

    number: int
    document_id: str
    label: str = Field(description='how a reader names it: its headline (the title given, else the one its text '
                                   'opens with), else "Reuters, 18 Aug 2024", else the id the caller gave it when '
                                   'not a number (a file name), else "Article 3", its place in the input ("Seen '
                                   'article 2" for an article the reader had seen)')
    detail: str | None = Field(description='outlet and date of an article named by its headline ("Reuters, 18 Aug '
                                           '2024")')
    numbered: bool = Field(description='named by its place in the input ("Article 3"): a client that shows the '
                                       'articles in another order may number it as it shows them')
    title: str | None
    url: str | None
    seen: bool = Field(description="one of the articles the reader had already seen (an update brief)")


class DocumentInfo(Strict):
    """An input article's id and what is known about it (fields not known are left out). For a page read as HTML,
    `format` is "html" and `text` is the article's text extracted from it, which offsets refer to."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    name: str | None = None
    published: str | None = None
    format: Literal["html"] | None = None
    text: str | None = None


class Options(Strict):
    """The options the brief was made with, defaults filled in."""

    max_words: int | None
    max_sentences: int | None
    query: str | None
    diversity: float


class Warned(Strict):
    """What could not be done, as a reader is told it and as a program can act on it."""

    warnings: list[str] = Field(description="the notices' messages, as a reader is shown them")
    notices: list[Notice]


class BriefBody(Warned):
    """A brief: its text, its sentences with their sources, where the sources differ."""

    text: str
    word_count: int
    sentences: list[Sentence]
    disagreements: list[Disagreement]
    sources: list[Source]
    documents: list[DocumentInfo]
    query: str | None
    max_words: int | None
    max_sentences: int | None
    seen: list[str] = Field(description="ids of the articles the reader had seen (listed last in documents); no "
                                        "sentence is taken from them")


class Served(Strict):
    """What every answer ends with: the answer rendered for a reader, and how it was made."""

    exports: Exports
    timing: dict[str, float] = Field(description="milliseconds per stage, and total")
    version: str
    request_id: str


class SummarizeResponse(BriefBody, Served):
    """The brief, its sources, where they differ, and how it was made."""

    options: Options


class Story(Strict):
    """One story of a digest: its articles' ids, a short label, and its brief; without a brief, why not."""

    document_ids: list[str]
    label: str
    brief: BriefBody | None
    note: str | None = Field(description="why the story has no brief (fewer articles than min_story_size, or a page "
                                          "that holds no article text); null when it has one")


class DigestResponse(Warned, Served):
    """Stories by size, then recency; every article in exactly one."""

    stories: list[Story]


class TimelineEntry(Strict):
    """What happened on one date: one or two sentences with their sources, as in a brief."""

    date: str = Field(description='ISO 8601 at its precision: "2024-10-12", "2024-10" or "2024"')
    precision: Literal["day", "month", "year"]
    label: str = Field(description='as a reader writes it: "12 Oct 2024", "October 2024", "2024"')
    text: str
    sentences: list[Sentence]
    dated_by: list[Literal["text", "published"]] = Field(
        description='per sentence: "text" (a date the sentence gives, resolved against its article\'s date) or '
                    '"published" (its article\'s date)')


class TimelineResponse(Warned, Served):
    """The story in date order; notes and sources as in a brief (a note's `sentence` counts the timeline's
    sentences in order)."""

    entries: list[TimelineEntry]
    disagreements: list[Disagreement]
    sources: list[Source]
    documents: list[DocumentInfo]
    undated: list[str] = Field(description="ids of the articles no date was given or found for")
    max_entries: int
    max_words_per_entry: int


# Every code an error may carry: from the request's checks, the engine, the app and the server in front of it.
ErrorCode = Literal["invalid_input", "invalid_json", "unknown_field", "missing_field", "limit_exceeded",
                    "fetch_failed", "bad_request", "not_found", "method_not_allowed", "request_timeout",
                    "payload_too_large", "uri_too_long", "unsupported_media_type", "header_too_large",
                    "too_many_requests", "internal_error", "model_unavailable", "timeout", "busy", "http_error"]


class ErrorDetail(Strict):
    code: ErrorCode = Field(examples=["invalid_input"])
    message: str
    field: str | None = Field(examples=["documents[2].text"])


class ErrorResponse(Strict):
    error: ErrorDetail
    request_id: str | None


class Health(Strict):
    status: Literal["ok", "loading", "failed"]
    model_loaded: bool
    fetch_urls: bool = Field(description="whether articles given by link are fetched")
    version: str
    rss_mb: float | None
    pid: int
    reason: str | None = None


def schemas(config: dict) -> dict:
    """JSON Schemas of every model, for the OpenAPI document's components."""
    found: dict = {}
    models = {"SummarizeRequest": request_model(config), "SummarizeResponse": SummarizeResponse,
              "DigestRequest": request_model(config, "digest"), "DigestResponse": DigestResponse,
              "TimelineRequest": request_model(config, "timeline"), "TimelineResponse": TimelineResponse,
              "Error": ErrorResponse, "Health": Health}
    for name, model in models.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        found.update(schema.pop("$defs", {}))
        found[name] = schema
    return found


def _bounds(model: type, name: str) -> tuple[Any, Any]:
    """(minimum, maximum) of a top-level number field, as the model declares them."""
    schema = model.model_json_schema()["properties"].get(name, {})
    number = next((option for option in schema.get("anyOf", [schema]) if "minimum" in option), {})
    return number.get("minimum"), number.get("maximum")


# pydantic's names for the type it checked ("constrained-str", "function-after[...]"), which a field name is not.
TYPE_TAG = re.compile(r"constrained-\w+|str|int|float|bool|none|list|dict|[\w-]+\[.*\]", re.DOTALL)
MAX_KEY_SHOWN = 64


def first_error(error: ValidationError, model: type) -> tuple[str, str, str | None]:
    """(code, message, field) of the first problem a caller should fix: an unknown field before anything else."""
    problems = error.errors(include_url=False, include_input=True)
    problem = next((p for p in problems if p["type"] == "extra_forbidden"), problems[0])
    location: list = []
    last = len(problem["loc"]) - 1
    for number, part in enumerate(problem["loc"]):
        if part == PLAIN:
            location.append("text")
        elif problem["type"] == "extra_forbidden" and number == last:
            location.append(str(part)[:MAX_KEY_SHOWN])  # the client's key, as written, cut to a bounded length
        elif part != OBJECT and not (isinstance(part, str) and TYPE_TAG.fullmatch(part)):
            location.append(part)
    kind, context = problem["type"], problem.get("ctx") or {}
    if kind == "missing" and len(location) > 1:  # a field of an article: the article is at fault
        return "invalid_input", f"missing '{location[-1]}'", _field(location[:-1])
    field = _field(location)
    if kind == "missing":
        return "missing_field", "is required", field
    if kind == "extra_forbidden":
        known = ARTICLE_FIELDS if len(location) > 1 else tuple(model.model_fields)
        return "unknown_field", f"unknown field; known fields: {', '.join(known)}", field
    if kind in ("string_too_long", "too_long"):
        size = len(problem["input"]) if hasattr(problem["input"], "__len__") else None
        name = str(location[-1]) if location else ""
        unit = "characters" if kind == "string_too_long" else "articles" if name in ("documents", "seen") else "items"
        limit = context.get("max_length")
        shown = f"{size:,}" if size is not None else "more"
        hint = "; shorten it or split it into several articles" if name == "text" else ""
        return "limit_exceeded", f"is {shown} {unit}; the limit is {limit:,}{hint}", field
    if kind == "too_short":
        return "invalid_input", "no documents given; send at least one article", field
    if kind == "string_pattern_mismatch":
        if context.get("pattern") == PUBLISHED:
            return "invalid_input", "not an ISO 8601 date or time (YYYY-MM-DD...)", field
        return "invalid_input", "is empty", field
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(model, str(location[0]))
        return "invalid_input", f"must be from {low} to {high}, not {problem['input']}", field
    if kind == "union_tag_not_found" or kind == "union_tag_invalid":
        return "invalid_input", "must be a string or an object with 'text'", field
    if kind == "value_error":
        return "invalid_input", str(problem["msg"]).removeprefix("Value error, "), field
    return "invalid_input", _plain(problem["msg"]), field


def _field(location: list) -> str | None:
    field = ""
    for part in location:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return field or None


def _plain(message: str) -> str:
    """pydantic's "Input should be a valid integer" as "must be a valid integer"."""
    return message.replace("Input should be", "must be", 1)
