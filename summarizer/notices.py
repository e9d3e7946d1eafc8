"""Warnings a brief, timeline or digest carries: each an English message a reader can be shown as it is, with a code
and the values it names (article ids, a budget) that a program can act on or word its own way.

A `Notice` is the message itself (a `str`), so code that prints or compares warnings as text keeps working.
"""

from __future__ import annotations

from typing import Any


class Notice(str):
    """A warning's English message, with `code` and `args` (the ids and values it names)."""

    code: str
    args: dict[str, Any]

    def __new__(cls, code: str, message: str, **args: Any) -> "Notice":
        notice = super().__new__(cls, message)
        notice.code = code
        notice.args = args
        return notice

    def __reduce__(self):  # pickled as what it is (batch workers send results between processes)
        return _rebuild, (self.code, str(self), self.args)

    def to_dict(self) -> dict:
        return {"code": self.code, "message": str(self), "args": self.args}


def _rebuild(code: str, message: str, args: dict) -> Notice:
    return Notice(code, message, **args)


# Every code a warning may carry, with what it means.
CODES = {
    "unrelated_article": "an article seems to be about another story and was left out (args: document_id)",
    "mixed_stories": "the articles seem to be about different stories (args: stories, each a name and document_ids)",
    "no_sentences": "no sentence with words was found",
    "furniture_only": "the articles hold only site furniture: no brief or timeline was made",
    "furniture_article": "an article holds only site furniture (args: document_id)",
    "nothing_new": "every sentence of the new articles says again what the seen articles said",
    "budget_too_small": "no sentence is short enough for the budget (args: max_words)",
    "undated_articles": "no date was given or found for some articles (args: document_ids)",
    "nothing_dated": "no sentence could be dated: no timeline was made",
}


NO_SENTENCES = Notice("no_sentences", "no sentences with words were found in the documents")


NOTHING_NEW = Notice("nothing_new", "every sentence of the new articles says again what the seen articles said: "
                     "nothing new to report")
FURNITURE_ONLY = Notice("furniture_only", "the articles hold no article text, only site furniture (menus, cookie "
                        "notices, newsletter prompts): no brief was made")


def budget_too_small(words: int) -> Notice:
    return Notice("budget_too_small", f"no sentence is short enough for a budget of {words} word{'s' * (words != 1)}",
                  max_words=words)


def notices_of(warnings) -> list[dict]:
    """Each warning as {code, message, args}; a plain string (from older code) as code "other"."""
    return [warning.to_dict() if isinstance(warning, Notice) else {"code": "other", "message": str(warning), "args": {}}
            for warning in warnings]
