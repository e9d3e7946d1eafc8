"""When things happened: the day an article was published, and the date a sentence gives for what it reports.

Resolving a date expression against the day it was written ("last Monday", "in October last year", "Oct. 12") is
done by dateparser (Scrapinghub/Zyte, maintained, in wide use): it knows relative expressions, abbreviations and
the calendar, and tells the precision of what it read (a day, a month, a year). Only finding the expressions in a
sentence is done here, by the words that make them (month and weekday names, "yesterday", "ago", a year after "in"):
dateparser's own search reads "may" and "march" as months and numbers as days, which news is full of.

A week ("last week") is not a date a timeline shows: it is read as its month, the precision that holds.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"
PART = r"(?:early|mid|late|the end of|the start of|the beginning of|around|until|since)[- ]"
SPEECH = r"(?:said|says|told|announced|reported|added|confirmed|revealed|wrote|stated)"

EXPRESSIONS = re.compile(
    rf"(?P<iso>\b{YEAR}-[01][0-9]-[0-3][0-9]\b)"
    rf"|(?P<month>\b(?:{PART})?(?:{DAY} {MONTH}|{MONTH}(?: {DAY}\b)?)(?:,? {YEAR}\b)?(?: (?:last|this|next) year\b)?)"
    rf"|(?P<weekday>\b(?:(?:last|this|next) )?{WEEKDAY}\b)"
    r"|(?P<relative>\b(?:yesterday|today|tonight|(?:last|this|next|earlier this) (?:week|month|year)"
    r"|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days?|weeks?|months?|years?)"
    r" ago)\b)"
    rf"|(?P<year>\b(?:in|since|by|during|until|of|early|mid|late)[- ](?:{YEAR})\b)",
)
# "May" and "March" are words as well as months: read as months only with a day, a year or a preposition.
AMBIGUOUS_MONTH = re.compile(r"^(?:May|March)$")
PREPOSITION_BEFORE = re.compile(r"\b(?:in|on|since|by|until|of|from|to|through|last|early|mid|late|between|and)\s*$",
                                re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|would|next|plans? to|planned|scheduled|expected to|is to|are to|set to|due to)\b",
                    re.IGNORECASE)
SPOKEN = re.compile(rf"\b{SPEECH}(?: \w+)?(?: on)?\s*$", re.IGNORECASE)
SUBORDINATE = re.compile(r"\b(?:that|which|where)\b", re.IGNORECASE)
SPOKEN_CLAUSE = re.compile(rf"\b{SPEECH}(?: [\w.]+){{0,4}}\s*$", re.IGNORECASE)
PERIOD_OPENER = re.compile(r"\b(?:since|starting(?: in| on| from)?|beginning(?: in| on)?|back to|dating back to)\s*$",
                           re.IGNORECASE)
# A date line at the head of an article: "date 2024-10-12", "Published: 12 October 2024", or a wire dateline
# "SEOUL, Oct. 12, 2024 (Reuters) -".
DATE_LINE = re.compile(rf"^\s*(?:\**\s*)?(?:date|published|posted|updated|first published)(?: on)?\s*:?\s*"
                       rf"(?P<when>{YEAR}-[01][0-9]-[0-3][0-9]|(?:{WEEKDAY},? )?(?:{DAY} {MONTH}|{MONTH} {DAY}),? {YEAR})",
                       re.IGNORECASE)
DATELINE = re.compile(rf"^\s*[A-Z][A-Za-z .'-]{{1,40}},(?: [A-Z][A-Za-z.]+,?)? (?P<when>{MONTH} {DAY},? {YEAR})\b")
HEAD_CHARS = 300

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True, order=True)
class When:
    """A date at its precision: the first day of the period (`start`) and "day", "month" or "year"."""

    start: _dt.date
    precision: str

    @property
    def iso(self) -> str:
        """ISO 8601 at its precision: "2024-10-12", "2024-10", "2024"."""
        return {"day": self.start.isoformat(), "month": self.start.isoformat()[:7],
                "year": self.start.isoformat()[:4]}[self.precision]

    @property
    def label(self) -> str:
        """As a reader writes it: "12 Oct 2024", "October 2024", "2024"."""
        if self.precision == "day":
            return f"{self.start.day} {self.start:%b %Y}"
        return f"{self.start:%B %Y}" if self.precision == "month" else f"{self.start:%Y}"


@lru_cache(maxsize=4096)
def resolve(expression: str, base: _dt.date | None, future: bool = False) -> When | None:
    """The date `expression` names, written on day `base` (None: only expressions with a year resolve), or None."""
    text = re.sub(r"^(?:early|mid|late|the end of|the start of|the beginning of|around|until|since|in|on|by|during"
                  r"|of)[- ]", "", expression.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^earlier this ", "this ", text, flags=re.IGNORECASE)
    shift = re.search(r" (last|this|next) year$", text, re.IGNORECASE)
    if base is None and not re.search(YEAR, text):
        return None
    reference = base or _dt.date(2000, 1, 1)
    if shift:  # "October last year": October of the year before
        year = reference.year + {"last": -1, "this": 0, "next": 1}[shift.group(1).lower()]
        text, reference = text[: shift.start()], _dt.date(year, 12, 31)
        future = False
    settings = {"RELATIVE_BASE": _dt.datetime.combine(reference, _dt.time()),
                "PREFER_DATES_FROM": "future" if future else "past", "RETURN_TIME_AS_PERIOD": True}
    found = _parse(text, settings)
    if found is None:
        return None
    moment, period = found
    day = moment.date()
    if period == "week":  # "last week": a week is not a date a timeline shows; its month is
        return When(day.replace(day=1), "month")
    if period in ("day", "time", "part_of_day"):
        if re.fullmatch(WEEKDAY, text) and base is not None and day == base - _dt.timedelta(days=7):
            day = base  # "on Monday" in an article of a Monday is that day
        return When(day, "day")
    if period == "month":
        return When(day.replace(day=1), "month")
    return When(_dt.date(day.year, 1, 1), "year")


def _parse(text: str, settings: dict) -> tuple[_dt.datetime, str] | None:
    from dateparser.date import DateDataParser  # imported when first needed: it takes a moment to load

    parsed = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    return (parsed.date_obj, parsed.period) if parsed and parsed.date_obj else None


def warm_up() -> None:
    """Load the date parser now (it takes a moment), not inside the first timeline."""
    resolve("Oct. 12", _dt.date(2024, 10, 20))


def expressions(text: str) -> list[re.Match]:
    """The date expressions of a sentence, in order; "May" and "March" only where they are months."""
    found = []
    for match in EXPRESSIONS.finditer(text):
        if match.group("month") is not None:
            words = match.group(0).split()
            if len(words) == 1 and AMBIGUOUS_MONTH.match(words[0]) \
                    and not PREPOSITION_BEFORE.search(text[: match.start()]):
                continue
        found.append(match)
    return found


def _background(before: str) -> bool:
    """Whether an expression preceded by `before` (its sentence up to it) dates background rather than what the
    sentence reports: it opens a period ("since June", "starting in August", "back to last year"), or it sits in a
    clause on a thing ("territory that Ukraine seized in August", "a region where fighting began in June") that is
    still open; a clause of what someone said ("told reporters that ... last week") is what is reported, and one on
    a person often says when the reported event happened ("Volodin, who met Kim on Thursday")."""
    if PERIOD_OPENER.search(before):
        return True
    clause = None
    for clause in SUBORDINATE.finditer(before):
        pass
    if clause is None or "," in before[clause.end():]:
        return False
    return not SPOKEN_CLAUSE.search(before[: clause.start()])


def _future(before: str) -> bool:
    """Whether the clause leading to an expression speaks of what is to come ("will open on Sept. 22")."""
    return FUTURE.search(re.split(r"[,;]| and | but ", before)[-1]) is not None


def event_date(text: str, published: _dt.date | None) -> When | None:
    """The date a sentence gives for what it reports, resolved against the day it was published: its first date
    expression that dates neither background (`_background`) nor only the day something was said ("told reporters
    on Monday that ... last week"), else its first one said; None when it gives none that resolves (the caller
    dates the sentence by its article)."""
    ranked = []
    for match in expressions(text):
        before = text[: match.start()]
        if _background(before) or match.group(0).lower().startswith("since"):
            continue
        ranked.append((SPOKEN.search(before) is not None, match.start(), match, _future(before)))
    for _, _, match, future in sorted(ranked, key=lambda item: item[:2]):
        when = resolve(match.group(0), published, future)
        if when is not None:
            return when
    return None


def text_date(text: str) -> _dt.date | None:
    """The date an article's text gives at its head: a date line ("date 2024-10-12", "Published: 12 October 2024")
    or a wire dateline ("SEOUL, Oct. 12, 2024 (Reuters) -"); only dates with a year count."""
    head = text[:HEAD_CHARS]
    for pattern in (DATE_LINE, DATELINE):
        match = pattern.search(head)
        if match:
            when = resolve(match.group("when"), None)
            if when is not None and when.precision == "day":
                return when.start
    return None
