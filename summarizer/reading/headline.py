"""The headline an article opens with, when its text carries one: the name a reader knows it by.

Pasted and fetched articles often start with their headline on a line of its own, sometimes after a standfirst
("**North Korea Acknowledges Deployment of Troops ...**" as the second line). A line counts as the headline when it is
among the first few lines, short, not ended like a sentence, and written in headline case (most of its longer words
capitalized), set in bold or as a markdown heading, or (the first line only) standing alone as a paragraph of its own
("Fire near Paso Loma forces thousands from homes", then a blank line).
"""

from __future__ import annotations

import re

# The headline is looked for among this many first non-empty lines, each read up to this many characters: a bounded
# amount of work whatever the text.
FIRST_LINES = 3
LONGEST_LINE = 200
# A headline is at most this many words, and at least this many.
MOST_WORDS = 20
FEWEST_WORDS = 3
# Words a headline leaves in lower case ("Troops to Support Russia in Ukraine").
MINOR = frozenset("a an and as at but by for from in into of on or over per than the to under up via vs with "
                  "amid after before".split())
MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|\*\*|__)|(?:\*\*|__)\s*$")
SENTENCE_END = re.compile(r"[.!?;:,][\"”’')\]]*$")
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,|\([A-Z][\w .&'-]{0,24}\)\s*(?:--|—|–)")
WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _headline_case(words: list[str]) -> bool:
    major = [word for word in words if word.lower() not in MINOR]
    return bool(major) and sum(word[0].isupper() for word in major) >= 0.8 * len(major)


def headline(text: str) -> str | None:
    """The headline at the top of `text`, without its markup, or None."""
    lines, alone = [], False
    raw = text[: FIRST_LINES * (LONGEST_LINE + 200)].splitlines()
    for number, line in enumerate(raw):
        if line.strip():
            if not lines:
                alone = number + 1 < len(raw) and not raw[number + 1].strip()
            lines.append(line.strip())
        if len(lines) == FIRST_LINES:
            break
    for place, line in enumerate(lines):
        marked = MARKUP.search(line) is not None
        plain = MARKUP.sub("", line).strip().strip("*_# ").strip()
        words = WORD.findall(plain)
        if (not plain or len(plain) > LONGEST_LINE or not FEWEST_WORDS <= len(words) <= MOST_WORDS
                or SENTENCE_END.search(plain) or DATELINE.search(plain)):
            continue
        if _headline_case(words) or marked or (place == 0 and alone and plain[0].isupper()):
            return plain
    return None
