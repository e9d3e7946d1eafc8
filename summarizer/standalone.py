"""Which sentences can stand alone in a brief: no headlines, fragments, questions, broken quotes or markup."""

from __future__ import annotations

import re

from .sentences import Sentence

ENDS_SENTENCE = re.compile(r"[.!][\"”’')\]]*$")
TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"”’')\]]*$")
MARKUP = re.compile(r"\*\*|__|<[A-Za-z/!][^>]*>|\[[^\]]*\]\([^)]*\)|https?://|www\.|\{|\}|\|")
# Words run together across a period that splitting could not mend ("Gen.Pat Ryder", "a U.S.official").
STILL_GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]|\b[A-Z]\.[a-z]{3,}")
STARTS_WELL = re.compile(r"[\"“‘'(]?[A-Z0-9]")
# Photo captions and credits: "In this May 4, 2001, file photo, ...", "(AP Photo/...)", "Getty Images".
CAPTION = re.compile(
    r"\b[Ii]n this\b.{0,60}\b(?:photo|image|picture|video|frame grab)\b|\bAP Photo\b|Getty Images|"
    r"^(?:Photo|Image|Picture|Caption)s?:|Image copyright|Image caption"
)
# A sentence that is nothing but a quotation leaves the reader asking who said it.
BARE_QUOTE = re.compile(r"^[\"“][^\"“”]*[\"”]$")


def _quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _has_letters(text: str) -> bool:
    letters = sum(character.isalpha() for character in text)
    return letters >= 0.5 * len(text.replace(" ", ""))


def can_stand_alone(sentence: Sentence, min_words: int, max_words: int) -> bool:
    """True for a complete, clean sentence of reasonable length."""
    text = sentence.text
    return (
        min_words <= sentence.words <= max_words
        and ENDS_SENTENCE.search(text) is not None
        and TRUNCATED.search(text) is None
        and STARTS_WELL.match(text) is not None
        and MARKUP.search(text) is None
        and STILL_GLUED.search(text) is None
        and CAPTION.search(text) is None
        and _quotes_balanced(text)
        and BARE_QUOTE.match(text) is None
        and _has_letters(text)
    )


def can_be_used(sentence: Sentence) -> bool:
    """The fallback when no sentence stands alone: anything with words in it."""
    return sentence.words > 0 and _has_letters(sentence.text) and "**" not in sentence.text
