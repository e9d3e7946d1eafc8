"""Cleaning: find the spans of an article that are prose, leaving out markup and boilerplate.

Nothing is rewritten: the result is a list of character spans into the original text, so every
sentence cut from them can be traced back exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from .boilerplate import MARKDOWN_SUFFIX, PREFIXES, is_furniture_line, is_tail_heading

# Hard-wrapped text: most lines of a paragraph this long (in characters, median) end mid-sentence.
WRAPPED_LINE_LENGTH = (40, 100)


@dataclass(frozen=True)
class Block:
    """A run of prose: sentence boundaries never cross a block's edges, except where splitting rejoins a line
    broken mid-sentence (never across a line that was left out: `after_dropped`)."""

    start: int
    end: int
    after_dropped: bool = False


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
    for pattern in PREFIXES:
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
    shortest, longest = WRAPPED_LINE_LENGTH
    return shortest <= median <= longest and open_lines > len(lengths) / 2


def content_blocks(text: str) -> list[Block]:
    """The prose of an article as blocks, in order, with markup, boilerplate and repeated lines left out."""
    lines = [trim_span(text, start, end) for start, end in _lines(text)]
    wrapped = _is_wrapped(text, lines)
    blocks: list[Block] = []
    seen: set[str] = set()
    blank = dropped = False
    prose_seen = 0
    for start, end in lines:
        if start == end:
            blank = True
            continue
        line = text[start:end]
        if prose_seen >= 3 and is_tail_heading(line):
            break
        if is_furniture_line(line):
            blank = dropped = True
            continue
        start = _strip_prefixes(text, start, end)
        end = start + len(MARKDOWN_SUFFIX.sub("", text[start:end]))
        start, end = trim_span(text, start, end)
        key = " ".join(text[start:end].lower().split())
        if not key or key in seen:
            blank = dropped = True
            continue
        seen.add(key)
        prose_seen += 1
        if wrapped and blocks and not blank:
            blocks[-1] = Block(blocks[-1].start, end, blocks[-1].after_dropped)
        else:
            blocks.append(Block(start, end, dropped))
        blank = dropped = False
    return blocks
