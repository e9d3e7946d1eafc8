"""Cleaning: find the spans of an article that are prose, leaving out markup and boilerplate.

Nothing is rewritten: the result is a list of character spans into the original text, so every
sentence cut from them can be traced back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines that are site furniture, not reporting. Matched at the start of a stripped line.
BOILERPLATE_LINE = re.compile(
    r"(?:read more|continue reading|recent articles|related articles|related stories|related:|"
    r"more from|disclaimer:|publisher:|advertisement|sponsored|share this|share on|click here|"
    r"sign up|subscribe|follow us|copyright|all rights reserved|©|image copyright|image caption|"
    r"photo:|getty images|listen to this|watch:|video:|this story is auto-aggregated)",
    re.IGNORECASE,
)
# Once one of these appears, the rest of the article is a list of links and notices.
TAIL_MARKER = re.compile(r"(?:read more|recent articles|related articles|related stories)\b", re.IGNORECASE)

MARKDOWN_PREFIX = re.compile(r"(?:#{1,6}\s+|>\s*|[-*+•]\s+|\*\*|__)+")
MARKDOWN_SUFFIX = re.compile(r"(?:\*\*|__)+$")
DATE_PREFIX = re.compile(
    r"(?:(?:date|published|updated|posted)\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?\s*[-—–|:]?\s*",
    re.IGNORECASE,
)
# "What Happened: ...", "Why It Matters: ..." — a short Title Case label before the sentence.
LABEL_PREFIX = re.compile(r"(?:[A-Z][\w'’]*\s+){0,3}[A-Z][\w'’]*\s*:\s+(?=[\"“‘'A-Z0-9])")
# "WASHINGTON (AP) — ", "AUSTIN, Texas (AP) — ", "MOSCOW, Oct. 5 (Reuters) - ", "LONDON _ " (newswire datelines).
DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z.'-]+(?:[ ]+[A-Z][A-Z.'-]+)*"
    r"(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?"
    r"(?:,?\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)\n]{1,30}\))?\s*[—–_-]{1,2}\s+"
)


@dataclass(frozen=True)
class Block:
    """A run of prose: sentence boundaries never cross a block's edges, except where splitting rejoins."""

    start: int
    end: int


def _lines(text: str):
    """Yield (start, end) of every line, without its newline."""
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        yield position, position + len(stripped)
        position += len(line)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _strip_prefixes(text: str, start: int, end: int) -> int:
    """Move `start` past markdown markers, date stamps, labels and datelines."""
    for pattern in (MARKDOWN_PREFIX, DATE_PREFIX, LABEL_PREFIX, DATELINE_PREFIX):
        match = pattern.match(text, start, end)
        if match and match.end() < end:
            start = match.end()
            start, end = trim_span(text, start, end)
    return start


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Hard-wrapped text (fixed-width lines that mostly end mid-sentence) keeps its paragraphs across lines."""
    lengths = [end - start for start, end in lines if end > start]
    if len(lengths) < 4:
        return False
    lengths.sort()
    median = lengths[len(lengths) // 2]
    open_lines = sum(1 for start, end in lines if end > start and text[end - 1] not in ".!?\"”'’:")
    return 40 <= median <= 100 and open_lines > len(lengths) / 2


def content_blocks(text: str) -> list[Block]:
    """The prose of an article as blocks, in order, with markup, boilerplate and repeated lines left out."""
    lines = [trim_span(text, start, end) for start, end in _lines(text)]
    wrapped = _is_wrapped(text, lines)
    blocks: list[Block] = []
    seen: set[str] = set()
    blank = False
    prose_seen = 0
    for start, end in lines:
        if start == end:
            blank = True
            continue
        line = text[start:end]
        if prose_seen >= 3 and TAIL_MARKER.match(line):
            break
        if BOILERPLATE_LINE.match(line):
            blank = True
            continue
        start = _strip_prefixes(text, start, end)
        end = start + len(MARKDOWN_SUFFIX.sub("", text[start:end]))
        start, end = trim_span(text, start, end)
        key = " ".join(text[start:end].lower().split())
        if not key or key in seen:
            blank = True
            continue
        seen.add(key)
        prose_seen += 1
        if wrapped and blocks and not blank:
            blocks[-1] = Block(blocks[-1].start, end)
        else:
            blocks.append(Block(start, end))
        blank = False
    return blocks
