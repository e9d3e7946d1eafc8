"""Where the articles disagree, and where a figure was updated: for each figure the brief states, the values other
articles give for the same quantity (see frames.py: the same thing counted, predicate, scope and time).

Values that cannot all hold are a disagreement ("Reports differ on deaths: about 600 (Seoul) [2]; around 1,000 [1]")
unless they were counted at different times: a later value of a count that changes as a story develops (a toll, the
missing, arrests) is an update ("Deaths rose from 62 [1] to 118 [2] by 21 Jan"), never a disagreement. Times come
from the articles' dates, from "as of" and the days a sentence names, and from "rose to 65 from 60" (in undated
articles too: a value a count "rose to" is later than a lower one). Compatible statements ("at least 10,000" and
"about 11,000") are neither; nor are values one sentence lists side by side (parts, places, moments) or gives both.
When in doubt, no note.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from .facts import SAYS, Facts
from .frames import (ANYONE, CHANGING, GROWING, PERSONS, WEEKDAYS, YEAR, Frame, Story, resolve, same_quantity,
                     same_span, values_differ)
from ..content.words import content_units
from ..content.figures import CALENDAR, compatible
from ..reading.sentences import Sentence

SUBJECTS = {"killed": "deaths", "injured": "injuries", "casualties": "casualties", "missing": "the number missing",
            "evacuated": "the number evacuated", "rescued": "the number rescued", "arrested": "arrests",
            "charged": "the number charged", "convicted": "convictions", "ill": "the number ill",
            "infected": "cases", "hospitalized": "the number in hospital", "trapped": "the number trapped",
            "burned": "the area burned", "destroyed": "the damage", "damaged": "the damage",
            "affected": "the number affected",
            "deployed": "troop numbers", "culled": "the number culled", "aboard": "the number aboard",
            "turnout": "turnout", "attended": "attendance", "homeless": "the number homeless",
            "striking": "the number on strike", "escaped": "the number escaped", "cut": "job cuts"}
# Counts of a thing with no known predicate ("1,800 tractors") are compared only between sentences this close.
NAMED_SIMILARITY = 0.6
# Sums of money and percentages only between sentences this close: in one story most pairs of them measure different
# things (a grant and a fortune; the price of one drink and the extra paid for another; two polls).
CLOSE_SIMILARITY = 0.75
CLOSE_KINDS = ("money", "percent")
KINDS = {"money": "the amount", "percent": "the percentage", "area": "the area", "weight": "the weight"}
# What a sum is, said in a note ("Reports differ on the fee: 48 million euros [1]; 45 million euros [2]").
MONEY_SUBJECTS = {"damage": "damages", "losses": "losses", "repairs": "the cost of repairs", "cost": "the cost",
                  "fine": "the fine", "bail": "bail", "compensation": "compensation", "budget": "the budget",
                  "salary": "the salary", "price": "the price", "revenue": "revenue", "profit": "profit",
                  "fee": "the fee", "deal": "the deal's value", "bid": "the offer", "ransom": "the ransom",
                  "reward": "the reward", "debt": "debts", "settlement": "the settlement", "tax": "the tax",
                  "spending": "spending", "investment": "the investment", "worth": "the value"}


@dataclass(frozen=True)
class Claim:
    """One article's value: the figure is `article.text[start:end]`, inside the sentence
    `article.text[sentence_start:sentence_end]`; `speaker` is who the article says gives it, when it says so."""

    document_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    value: float
    figure: str
    speaker: str | None

    def to_dict(self) -> dict:
        return {"document_id": self.document_id, "start": self.start, "end": self.end,
                "sentence_start": self.sentence_start, "sentence_end": self.sentence_end, "value": self.value,
                "figure": self.figure, "speaker": self.speaker}


@dataclass(frozen=True)
class Disagreement:
    """Articles give different values for the quantity the brief's sentence `sentence` (its index) reports: they
    differ (`kind` "differ", claims smallest first), or the value changed as the story developed (`kind` "update",
    claims earliest first, `when` the latest value's date or day when known); `value` is the one the brief's sentence
    gives."""

    sentence: int
    subject: str
    claims: tuple[Claim, ...]
    kind: str = "differ"
    when: str | None = None
    value: float | None = None  # the value the brief's sentence gives

    def note(self, numbers: dict[str, int] | None = None) -> str:
        """"Reports differ on deaths: about 600 (Seoul) [5]; around 1,000 (Western officials) [1]", or "Deaths rose
        from 62 [1] to 118 [2] by 21 Jan"."""
        figures: list[str] = []
        speakers: list[list[str]] = []
        markers: list[list[int]] = []
        said: dict[float, int] = {}  # a value several articles give is said once, with whoever gives it
        for claim in self.claims:
            figure = claim.figure[:1].lower() + claim.figure[1:] if claim.figure[:2].istitle() else claim.figure
            number = [numbers[claim.document_id]] if numbers and claim.document_id in numbers else []
            if self.kind != "differ" or claim.value not in said:
                said[claim.value] = len(figures)
                figures.append(figure)
                speakers.append([])
                markers.append([])
            at = said[claim.value] if self.kind == "differ" else len(figures) - 1
            if self.kind == "differ" and claim.speaker and claim.speaker.lower() not in map(str.lower, speakers[at]):
                who = claim.speaker
                speakers[at].append(who[0].lower() + who[1:] if who.split()[0] in ("A", "An", "The") else who)
            markers[at] += number
        parts = [figure + (f" ({'; '.join(who)})" if who else "") + "".join(f" [{n}]" for n in sorted(found))
                 for figure, who, found in zip(figures, speakers, markers)]
        if self.kind == "update":
            values = [claim.value for claim in self.claims]
            verb = ("rose" if all(b > a for a, b in zip(values, values[1:]))
                    else "fell" if all(b < a for a, b in zip(values, values[1:])) else "changed")
            when = f" by {self.when}" if self.when else ""
            return f"{self.subject[:1].upper()}{self.subject[1:]} {verb} from {parts[0]} to " + " to ".join(parts[1:]) \
                + when
        return f"Reports differ on {self.subject}: " + "; ".join(parts)

    def to_dict(self, numbers: dict[str, int] | None = None) -> dict:
        return {"sentence": self.sentence, "kind": self.kind, "subject": self.subject, "note": self.note(numbers),
                "claims": [claim.to_dict() for claim in self.claims]}


def note_floor(frame: Frame, threshold: float) -> float:
    """How close in meaning a sentence must be to the brief's for its figures to be compared with this one."""
    floor = max(threshold, NAMED_SIMILARITY) if frame.named else threshold
    # A percentage that says what it measures by name ("turnout was 61 percent") is one quantity in any wording.
    return max(floor, CLOSE_SIMILARITY) if frame.kind in CLOSE_KINDS and frame.predicate not in NAMED_MEASURES \
        else floor


NAMED_MEASURES = frozenset({"turnout"})


def subject_of(frame: Frame) -> str:
    """What a note is on: "deaths", "turnout", "the fee", "the premium"; else the kind of figure or what it counts."""
    if frame.kind == "money" and frame.predicate in MONEY_SUBJECTS:
        return MONEY_SUBJECTS[frame.predicate]
    if frame.kind == "percent" and frame.predicate in ("premium", "turnout"):
        return "the premium" if frame.predicate == "premium" else SUBJECTS["turnout"]
    if frame.kind in KINDS:
        return KINDS[frame.kind] if frame.kind != "area" or frame.predicate != "burned" else SUBJECTS["burned"]
    if frame.predicate in SUBJECTS:
        return SUBJECTS[frame.predicate]
    noun = frame.figure.noun if frame.figure.noun.lower() not in CALENDAR else ""  # not "from 8,400 on Monday"
    noun = noun or frame.named_as or frame.head
    return f"the number of {noun}" if noun and noun != "*" else "the figures"


@dataclass(frozen=True)
class Report:
    """One article's value for a quantity, and when it was counted as far as the text says."""

    index: int  # the sentence
    frame: Frame
    document: int
    date: _dt.date | None  # the article's publication date
    day: int | None  # the day of the week it was counted, 0 = Monday, when the sentence names one
    step: int  # 0 for "from 60", 2 for "to 65" in one sentence, else 1


def _day(frame: Frame) -> int | None:
    """The day of the week a count was made: its "as of" day, else the day its sentence names."""
    days = [WEEKDAYS.index(day) for day in ([frame.as_of] if frame.as_of in WEEKDAYS else [])
            or sorted(frame.period & set(WEEKDAYS))]
    return days[-1] if days else None


def _when(report: Report) -> _dt.date | None:
    """The day a count was made: the "as of" day its sentence names ("reported 212 cases on Friday"), counted back
    from the article's date (a Friday in an article of Monday 24 February is the 21st), else the article's date. A
    day that only names the event ("killing three on Sunday") is no time of counting."""
    if report.date is None or not report.frame.as_of or report.day is None:
        return report.date
    return report.date - _dt.timedelta(days=(report.date.weekday() - report.day) % 7)


def _order(a: Report, b: Report) -> int:
    """-1 when `a` was counted before `b`, 1 after, 0 when the texts do not say."""
    when_a, when_b = _when(a), _when(b)
    # A value a count changed from was counted before its article's day ("rose to 118 yesterday, up from 95 on
    # Wednesday" of 23 May says nothing of when 95 stood against a report of 22 May).
    told_before = (a.frame.role == "from" and when_b and when_a and when_a > when_b
                   or b.frame.role == "from" and when_a and when_b and when_b > when_a)
    if when_a and when_b and when_a != when_b and not told_before and (
            a.document != b.document or bool(a.frame.as_of) == bool(b.frame.as_of)):
        return -1 if when_a < when_b else 1
    if a.day is not None and b.day is not None and a.day != b.day and a.document == b.document:
        # Days of one week within one article ("two were missing on Monday; by Tuesday evening, three").
        return -1 if a.day < b.day else 1
    if a.index == b.index and a.step != b.step:
        return -1 if a.step < b.step else 1
    rank_a, rank_b = (RANK.get(report.frame.role, 1) for report in (a, b))
    if a.document == b.document and a.index != b.index and rank_a != rank_b:
        # Within one article, an earlier estimate comes before the count, and the value a count has risen or fallen
        # to after it ("On Sunday evening officials had put the toll at 27"; "the toll has risen to 31").
        return -1 if rank_a < rank_b else 1
    if a.document != b.document and rank_a != rank_b and (rank_a < rank_b) == (
            a.frame.figure.value < b.frame.figure.value):
        # Across articles, a value a count rose to is later than a lower one, and a value it rose from earlier than a
        # higher one ("killing 42 miners", "The death toll ... rose to 57"; undated wire copy says no more).
        return -1 if rank_a < rank_b else 1
    return 0


# Where a value stands in a change its article tells: a value changed from, a plain one, a value changed to.
RANK = {"from": 0, "": 1, "to": 2}


def find_disagreements(brief: Sequence[int], nearby: Sequence[int], sentences: Sequence[Sentence],
                       similarity: Callable[[int, int], float], facts_of: Callable[[int], Facts],
                       names: Sequence[str], texts: Sequence[str], threshold: float,
                       dates: Sequence[_dt.date | None] = (), story: Story = Story()) -> tuple[Disagreement, ...]:
    """Disagreements and updates about the figures of the brief's sentences (`brief`: their indices, in brief
    order), among the sentences (`nearby`, the brief's own included) at least `threshold` similar in meaning to the
    brief's sentence. `dates` are the articles' publication dates."""
    dates = list(dates) or [None] * len(texts)
    found: list[Disagreement] = []
    first: dict[int, int] = {}
    for index, sentence in enumerate(sentences):
        first.setdefault(sentence.document, index)

    def lede_frames(document: int) -> list[tuple[int, Frame]]:
        """The frames of an article's first sentences, where wire copy gives the whole count."""
        start = first.get(document, len(sentences))
        return [(index, frame) for index in range(start, min(start + LEDE, len(sentences)))
                if sentences[index].document == document for frame in facts_of(index).frames]

    reported: list[tuple[Frame, set[str]]] = []  # each quantity noted, with the kinds of note it has

    def frames_of(index: int) -> list[Frame]:
        """The sentence's frames, a count that stands for one the sentence before gave ("the total reached 1,150")
        read as that count."""
        own = facts_of(index).frames
        opens_another = ANOTHER.match(sentences[index].text) is not None
        if not any(frame.anaphoric or opens_another and frame.other for frame in own):
            return list(own)
        before = [frame for frame in facts_of(index - 1).frames if frame.comparable_at_all] if (
            index > 0 and sentences[index - 1].document == sentences[index].document) else []
        return [_others(resolve(frame, before), before) if opens_another else resolve(frame, before) for frame in own]

    # (Not the inner or last sentence of a quotation, whose figures lean on what came before it: "There are 4,300
    # people working in this port. Four have been arrested," a union official said.)
    chosen = set(brief)
    with_figures = [index for index in sorted(chosen | set(nearby)) if facts_of(index).frames
                    and (index in chosen or not sentences[index].quoted)]
    for position, own in enumerate(brief):
        for frame in frames_of(own):
            if not frame.comparable_at_all:
                continue
            floor = note_floor(frame, threshold)
            # ... and the sentences beside it in its article, which may give the same count in fewer words ("The
            # toll has risen to 31 ..." after "On Sunday evening officials had put the toll at 27."); and beside those
            # of other articles, where a lede's next sentence gives the rest of its counts ("... killing at least 87
            # people, officials said Saturday. About 400 people were injured.")
            close = {index for index in with_figures if index == own or similarity(own, index) >= floor}
            related = [index for index in with_figures if index in close or any(
                abs(index - other) == 1 and sentences[index].document == sentences[other].document
                and (other == own or sentences[other].document != sentences[own].document)
                for other in (index - 1, index + 1) if other in close)]
            candidates = [(index, other) for index in related for other in frames_of(index)]
            for probe, belongs in _probes(frame, story):
                told = next((kinds for seen, kinds in reported if same_quantity(probe, seen, story, days=False)), None)
                if told is not None and told >= {"differ", "update"}:
                    continue
                reports = [Report(index, other, sentences[index].document, dates[sentences[index].document],
                                  _day(other), {"from": 0, "to": 2}.get(other.role, 1))
                           for index, other in candidates if belongs(other)]
                notes = _notes(position, probe, reports, sentences, facts_of, names, texts, story, lede_frames)
                if told is not None:
                    # A count whose change is told already may still be disputed where another sentence gives it
                    # ("The Ministry of Health puts the toll at 23" beside the Red Cross's "at least 30"), and a
                    # disputed one still have risen.
                    notes = [note for note in notes if note.kind not in told]
                    told.update(note.kind for note in notes)
                elif notes:
                    reported.append((probe, {note.kind for note in notes}))
                found.extend(notes)
    return tuple(found)


# A sentence that opens "Another 14 people ...".
ANOTHER = re.compile(r"\s*[\"“]?Another\s+(?:\d|[a-z]+\b)")


def _others(frame: Frame, before: list[Frame]) -> Frame:
    """"Another 14 people were missing" after a sentence that gives the dead: all the missing, not more of them."""
    if frame.other and frame.predicate in CHANGING and before \
            and not any(earlier.predicate == frame.predicate for earlier in before):
        return replace(frame, other=False)
    return frame


def _probes(frame: Frame, story: Story):
    """The quantities a figure of the brief opens to notes: its own; and for a count of casualties, the deaths and
    the injuries other reports give ("casualties exceeding 1,000": "Reports differ on deaths: about 600 ...; around
    1,000 ...")."""
    yield frame, lambda other: same_quantity(frame, other, story, days=False)
    if frame.predicate == "casualties":
        for finer in ("killed", "injured"):
            probe = replace(frame, predicate=finer)
            yield probe, lambda other, probe=probe: (
                other.comparable_at_all and other.predicate == probe.predicate and other.kind == probe.kind
                and other.head in PERSONS and other.scope - story.places == probe.scope - story.places
                and same_span(probe, other, story))


def at_odds(a: Frame, b: Frame, story: Story = Story()) -> bool:
    """Two reports of one quantity at one time whose values cannot both hold; a vague count ("hundreds of
    civilians") is too loose to be at odds with any (when in doubt, no note)."""
    return (values_differ(a, b) and same_quantity(a, b, story) and not (a.figure.vague or b.figure.vague))


def _order_by_toll(a: Report, b: Report, facts_of, story: Story) -> int:
    """Reports of two articles put in order by a count that only grows which both sentences give, one of them as
    risen to ("The death toll ... has risen to 16, and seven people are still missing" after "leaving at least 11
    people dead and 19 missing"): -1 when `a` is the earlier, 1 when later, 0 when they do not say."""
    if a.document == b.document or a.index == b.index:
        return 0
    for mine in facts_of(a.index).frames:
        for theirs in facts_of(b.index).frames:
            if "to" in (mine.role, theirs.role) and mine.role != theirs.role and mine.predicate in GROWING \
                    and mine.figure.value != theirs.figure.value and same_quantity(mine, theirs, story, days=False):
                later = mine if mine.role == "to" else theirs
                if later.figure.value > min(mine.figure.value, theirs.figure.value):
                    return 1 if later is mine else -1
    return 0


# A count seldom rises more than this many times over while a story is reported: a value farther off is a count of
# something else ("pledged to cut a combined 300,000 bpd", "lowers the group's ceiling to 24.4 mln bpd").
FARTHEST_RISE = 20.0


def yearly(frame: Frame, story: Story) -> bool:
    """Is the count one of a named year other than the story's ("3,200 people died in traffic accidents in 2010, up
    from about 3,000 the year before"): a yearly figure, not a count that changed as the story was reported?"""
    return any(YEAR.fullmatch(span) and span != story.year for span in frame.period)


# What follows a count that tells how those counted came to it: "two people were killed when their car collided".
HOW_IT_HAPPENED = re.compile(r"^[^.;]{0,40}?\b(?:when|after|as)\s")


def _details_total(report: Report, reports: Sequence[Report], sentences: Sequence[Sentence]) -> bool:
    """Is the report a smaller count, naming no time of its own and telling how it happened, in the sentence after a
    larger one of its article ("Police said three people had died in incidents linked to the outage. A 74-year-old man
    ... was found dead, and two people were killed when their car collided with a truck")? It details that count
    and is no report of it."""
    frame = report.frame
    if frame.role or frame.reference or frame.period or frame.since or frame.as_of \
            or not HOW_IT_HAPPENED.match(sentences[report.index].text[frame.figure.end:]):
        return False
    return any(other.document == report.document and other.index == report.index - 1
               and other.frame.figure.value > frame.figure.value for other in reports)


# The first sentences of an article, where wire copy gives the whole count ("killing at least 14 people").
LEDE = 3


def _group_of_more(report: Report, lede: list[tuple[int, Frame]], facts_of) -> bool:
    """Is the report a count of one group ("Five of the six crew members were killed") whose article gives a larger
    count of anyone in its first sentences ("killing at least 14 people"; not one as of a later time, "By Tuesday
    evening, three were missing"; not another body's, "The union has put the number at 8,000")? It is part of that
    count, no report of it."""
    frame = report.frame
    if frame.head in ("", ANYONE, "people"):
        return False
    return any(index != report.index and other.head in (ANYONE, "people") and other.predicate == frame.predicate
               and other.comparable_at_all and not other.role and not other.reference and not other.as_of
               and other.figure.value > frame.figure.value
               and not other_bodies(facts_of(index).speaker, facts_of(report.index).speaker) for index, other in lede)


def compared_only(frame: Frame) -> bool:
    """Is the figure one its sentence only compares with, not a value it changed from ("compared with a profit of
    12.4 mln dlrs a year earlier", the "7,500 hectares" of "18,500 acres (7,500 hectares)")?"""
    return frame.reference and not frame.role


def gives_too(a: Report, b: Report, facts_of) -> bool:
    """Does the sentence of `a` give `b`'s value too, as another figure ("opened at $39, well above its offering
    price of $24, and closed at $41.10" against "priced its shares at $24"): then they tell different things."""
    figure = b.frame.figure
    return any(other.kind == figure.kind and other.value == figure.value and other.top == figure.top
               and not other.vague for other in facts_of(a.index).figures if other is not a.frame.figure)


def listing(report: Report, facts_of) -> bool:
    """Does the report's sentence give another value of the same kind, unit and predicate ("four people in a mobile
    home park in Levy County and two people killed by a falling tree in Gainesville", "priced at $24, opened at $39
    and closed at $41.10", "Two people died in traffic accidents and two men suffered fatal heart attacks"): parts, places
    or moments, which one it compares is a guess."""
    mine = report.frame
    return any(other.figure is not mine.figure and other.kind == mine.kind and other.figure.unit == mine.figure.unit
               and other.predicate == mine.predicate and (other.head == mine.head or ANYONE in (other.head, mine.head)
                                                          and {other.head, mine.head} <= PERSONS | {ANYONE})
               and not other.role and not mine.role and not other.reference and not other.part and not mine.part
               for other in facts_of(report.index).frames)


# A later value within this factor of an earlier bound it fits ("more than 200", then "some 210") tells no change.
BARELY = 1.1


def rounded_alike(a: Frame, b: Frame) -> bool:
    """Is one value a rounding of the other ("147 injured", later "nearly 150 injured"): no sign that it changed. (A
    bound says less: "at least 18" bodies, later "some 26", is a count that rose.)"""
    bounds = {a.figure.bound, b.figure.bound}
    return bool(bounds & {"near", "about"}) and not bounds & {"low", "high"} and compatible(a.figure, b.figure)


def _notes(position: int, frame: Frame, reports: list[Report], sentences, facts_of, names, texts,
           story: Story, lede_frames: Callable[[int], list[tuple[int, Frame]]] = lambda document: []
           ) -> list[Disagreement]:
    """A differ note when two articles give values that cannot both hold for the same time; an update note when a
    changing count took different values at different times."""
    def pair(a: Report, b: Report) -> frozenset[float]:
        return frozenset((a.frame.figure.value, b.frame.figure.value))

    def gives_both(report: Report, value: float) -> bool:
        """Does the report's article give `value` too, as the total its own count is part of ("wounding 24 people"
        near parliament, then "In all 37 people were hurt")? (Not two bodies' counts it reports side by side: the
        ministry's 167 beside Doctors Without Borders' 214 is a dispute.)"""
        return any(other.document == report.document and other.frame.figure.value == value
                   and IN_ALL.search(sentences[other.index].text) is not None for other in reports)

    def odds(a: Report, b: Report) -> bool:
        """Do two articles give values at odds, each as its own count (not one of several it lists), and neither
        gives the other's value too?"""
        return (a.document != b.document and at_odds(a.frame, b.frame, story)
                and not {"expected"} & (a.frame.modifiers | b.frame.modifiers)
                and not compared_only(a.frame) and not compared_only(b.frame)
                and not gives_both(a, b.frame.figure.value) and not gives_both(b, a.frame.figure.value)
                and not gives_too(a, b, facts_of) and not gives_too(b, a, facts_of)
                and not listing(a, facts_of) and not listing(b, facts_of))

    reports = [report for report in reports if not _details_total(report, reports, sentences)
               and not _group_of_more(report, lede_frames(report.document), facts_of)]
    # Values some report tells as risen to: each a step of its own count.
    risen_to = {report.frame.figure.value for report in reports if report.frame.role == "to"}
    differ: list[Report] = []
    ordered: list[tuple[Report, Report]] = []
    fell: set[frozenset[float]] = set()  # value pairs of a count that only grows, told falling from one day to the next
    for n, a in enumerate(reports):
        for b in reports[n + 1:]:
            if a.frame.figure.value == b.frame.figure.value or not same_quantity(a.frame, b.frame, story, days=False) \
                    or not _same_keeper(a, b, facts_of):
                continue
            order = _order(a, b) or _order_by_toll(a, b, facts_of, story)
            earlier, later = (a, b) if order < 0 else (b, a)
            falling = bool(order) and later.frame.figure.value < earlier.frame.figure.value and frame.predicate in GROWING
            # A count said as of a time ("had sold 61,200 tickets by Wednesday") is one that runs, whatever it counts.
            changing = frame.predicate in CHANGING or not frame.predicate and bool(a.frame.as_of or b.frame.as_of) \
                or bool(order) and REVISED.search(sentences[later.index].text) is not None
            if order and falling and a.document != b.document:
                fell.add(pair(a, b))
            # Values both may hold, told lower later or barely higher ("at least 150" missing, then "more than 100";
            # "more than 200" arrested, then "some 210"), or a value another article gives within a floor told
            # before, not as risen ("More than 200 were injured", then "About 250 people were injured in the crush
            # on Tuesday"): no sign the count changed.
            bounds_fell = compatible(a.frame.figure, b.frame.figure) and (
                later.frame.figure.value < earlier.frame.figure.value
                or later.frame.figure.value <= BARELY * earlier.frame.figure.value
                or earlier.frame.figure.bound == "low" and later.frame.role != "to" and a.document != b.document)
            contested = a.index != b.index and any(DISPUTED.search(sentences[report.index].text) is not None
                                                   for report in (a, b))
            if order and changing and not falling and not bounds_fell and not yearly(a.frame, story) \
                    and not yearly(b.frame, story) and not _another_day_compared(earlier, later, facts_of) \
                    and not contested \
                    and later.frame.figure.value <= FARTHEST_RISE * earlier.frame.figure.value \
                    and not (a.frame.figure.vague or b.frame.figure.vague) and not rounded_alike(a.frame, b.frame) \
                    and not listing(a, facts_of) and not listing(b, facts_of):
                # A changing count said differently at two times: "at least 18" bodies on Saturday, 26 on Monday.
                ordered.append((earlier, later))
            elif (not order or falling or not changing or contested) and odds(a, b) and not (
                    order and (not frame.predicate or frame.predicate == "attended") and a.date != b.date) \
                    and not (falling and later.frame.figure.value in risen_to):
                # (A value told as risen to is a step of its own count: a higher one told before it is another
                # count, a campaign group's "more than 600" beside the officials' 386, then 512.)
                differ.extend((a, b))
    # A later value another article gave as early as the earlier one ("seven were killed" on Monday, beside "at least
    # five" that day and "Seven inmates died" on Tuesday; 31 trapped and 38 trapped on Tuesday, 31 again on
    # Wednesday) is no sign the count changed: the two were given side by side.
    side_by_side = [(early, late) for early, late in ordered if early.document != late.document
                    and (_given_by_then(late, early, reports) or _still_given(early, late, reports)
                         or _given_together(early, late, reports))]
    differ += [report for early, late in side_by_side if odds(early, late) for report in (early, late)]
    ordered = [pair_ for pair_ in ordered if pair_ not in side_by_side]
    # Two values each told before the other on different days (214 dead on Monday and 260 on Tuesday, but 260 on
    # Monday and 214 on Tuesday) are two counts kept side by side, not a rise: a disagreement; unless one article
    # tells the change itself.
    told = {pair(early, late) for early, late in ordered if early.document == late.document}
    ways: dict[frozenset[float], set[bool]] = {}
    for early, late in ordered:
        ways.setdefault(pair(early, late), set()).add(early.frame.figure.value < late.frame.figure.value)
    disputed = {key for key, seen in ways.items() if len(seen) > 1 or key in fell} - told
    differ += [report for early, late in ordered if pair(early, late) in disputed and odds(early, late)
               for report in (early, late)]
    ordered = [(early, late) for early, late in ordered if pair(early, late) not in disputed]
    # A later, higher count of another named body is no sign the count rose (the Health Ministry's 96 dead, then
    # Doctors Without Borders' "at least 160"; the company's 6,500 strikers, then "The union has put the number at
    # 8,000" in the same article): each body keeps its own count.
    in_one_article = {pair(early, late) for early, late in ordered if early.document == late.document}
    ordered = [(early, late) for early, late in ordered if early.index == late.index
               or not other_bodies(facts_of(early.index).speaker, facts_of(late.index).speaker)
               and (early.document == late.document or not _officials_and_a_group(early, late, sentences, facts_of))
               and not _hurt_by_another_office(early, late, sentences, facts_of)]
    # What two reports of one article put in order ("31 on Saturday; by Sunday the figure had risen to 47") is no
    # disagreement wherever else the two values are given: an update, or two bodies' counts of two days.
    changes = {pair(early, late) for early, late in ordered} | in_one_article
    differ = [report for a, b in zip(differ[::2], differ[1::2]) if pair(a, b) not in changes for report in (a, b)]
    if _drifting(differ):
        differ = []
    differ = [report for a, b in zip(differ[::2], differ[1::2]) if _told_as_dispute(a, b, frame, facts_of, sentences)
              for report in (a, b)]
    notes = []
    if differ:
        notes.append(Disagreement(position, subject_of(frame), _claims(differ, sentences, facts_of, names, texts),
                                  value=frame.figure.value))
    if ordered:
        chain = _chain(ordered)
        chain = [report for report in chain if not _said_loosely(report, chain)]
        claims = _claims(chain, sentences, facts_of, names, texts, by_value=False)
        values = [claim.value for claim in claims]
        steps = list(zip(values, values[1:]))
        # A count that only grows, told as falling on the way, mixes counts of different things (a country's toll
        # and its neighbour's; a city's and the region's): no note. Nor one that falls and rises again (140
        # hostages held, 11 freed, 120 freed): counts of those held and of those freed.
        steady = all(later > earlier for earlier, later in steps) or frame.predicate not in GROWING and all(
            later < earlier for earlier, later in steps)
        # Those still in hospital or held hostage are a level, not a count kept: fewer later, where no report tells
        # it as a fall, is patients sent home or hostages freed, not news of the story's count (fewer still missing
        # is people found, and is told).
        released = frame.predicate in ("hospitalized", "hostage") and values[-1] < values[0] \
            and not any(report.frame.role == "to" for report in chain)
        if len(set(values)) > 1 and steady and not released:
            last = chain[-1]
            when = (f"{last.date.day} {last.date:%b}" if last.date else
                    WEEKDAYS[last.day].capitalize() if last.day is not None else None)
            notes.append(Disagreement(position, subject_of(frame), claims, "update", when))
    return notes


def _same_keeper(a: Report, b: Report, facts_of) -> bool:
    """Is a count of someone's own people ("six of its soldiers", "11 of our men") compared only with one the same
    speaker gives? Two armies each count their own dead; whose "its" is meant, a sentence that names no one leaves open."""
    if a.index == b.index or not (a.frame.own or b.frame.own):
        return True
    speakers = [facts_of(report.index).speaker for report in (a, b)]
    return all(speakers) and len({_plain(speaker) for speaker in speakers}) == 1


def _hurt_by_another_office(early: Report, late: Report, sentences, facts_of) -> bool:
    """Is a count of the hurt given later by another office than the earlier one (the Emergencies Ministry's 26
    injured, then "31 ... according to regional health officials"), not told as risen? Rescuers and health offices
    each count the hurt their own way: no sign the count rose."""
    if early.frame.predicate != "injured" or early.document == late.document or late.frame.role == "to":
        return False
    givers = [_giver(sentences[report.index].text, facts_of(report.index)) for report in (early, late)]
    return all(giver & OFFICES for giver in givers) and not givers[0] & givers[1]


# The stems of those who count the hurt: officials, ministries, firefighters, hospitals (not "a report by AFP").
OFFICES = frozenset("offici offic ministri depart secretariat brigad firefight polic agenc hospit servic author "
                    "director rescuer governor mayor".split())
# Who gives a count, named or not: "according to regional health officials, who said".
GIVEN_BY = re.compile(r"\baccording to ([^,;.\"“”]{3,60})")


def _giver(text: str, found: Facts) -> frozenset[str]:
    """The content stems of whoever the sentence says gives its figures ("firefighters said", "the state health
    secretariat said", "according to regional health officials")."""
    match = GIVEN_BY.search(text)
    return found.frame | (content_units(match.group(1))[2] if match else frozenset())


def _plain(speaker: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", speaker.lower())


def _another_day_compared(early: Report, late: Report, facts_of) -> bool:
    """Does the later report's sentence give the earlier value as one it only compares with ("31 flights were
    cancelled on Wednesday, compared with 11 on Tuesday"), not as one the count rose from? Two days' counts side by
    side, not a running count that rose."""
    return late.frame.role != "to" and any(
        other.figure is not late.frame.figure and compared_only(other)
        and other.figure.value == early.frame.figure.value for other in facts_of(late.index).frames)


def _told_as_dispute(a: Report, b: Report, frame: Frame, facts_of, sentences) -> bool:
    """Are two values at odds told as a dispute: given the same day (or in an undated article), each said to be
    someone's ("23, the Justice Ministry said", "31, according to the rights commission"), or one said against the
    other ("The union disputes the figure and says 4,100 jobs will go")? Two values of a changing count in articles
    of different days, one of them said by no one, are as likely a count that moved, a part or another count as a
    dispute: when in doubt, no note."""
    return frame.predicate not in CHANGING or a.date is None or b.date is None or a.date == b.date \
        or bool(facts_of(a.index).speaker and facts_of(b.index).speaker) \
        or any(DISPUTED.search(sentences[report.index].text) is not None for report in (a, b))


# A value said against another: "disputes the figure", "far more than the number disclosed by the carmaker", "has put
# the figure higher".
DISPUTED = re.compile(r"\b(?:disputes?|disputed|disputing|rejects?|rejected|contests?|contested|challenges?|challenged|"
                      r"questions|questioned)\s+(?:the|that|this|those|these|its|their)\s+(?:[a-z]+\s+)?(?:figures?|"
                      r"numbers?|count|toll|estimates?|tally|total)\b"
                      r"|\b(?:more|higher|fewer|lower|less) than the (?:number|figure|count|toll|total|estimate)s? "
                      r"(?:given|reported|disclosed|announced|released|cited|provided)\b"
                      r"|\bput the (?:figure|number|toll|count|total) (?:much |far |well )?(?:higher|lower)\b",
                      re.IGNORECASE)


# A value told as a revision of one given before: "now expects Storm Hollis to cost it 310 mln pounds, its second
# estimate", "raised its estimate to".
REVISED = re.compile(r"\b(?:now (?:expects|estimates|says|puts|sees|forecasts)|(?:raised|lowered|revised|updated) its "
                     r"(?:estimate|forecast|projection)|(?:second|new|revised|updated|latest) estimate)\b", re.IGNORECASE)


# Values of one quantity in a dispute: two sides, each of which may round.
MOST_SIDES = 2


def _drifting(reports: Sequence[Report]) -> bool:
    """Do the reports give more than two values over several days? A toll of 11, 14 and 26 in articles of three days
    is a count that moved while the story ran, with parts and other counts among them, not one dispute."""
    return len({report.frame.figure.value for report in reports}) > MOST_SIDES \
        and len({report.date for report in reports if report.date}) > 1


# Who counts for a government: its ministries, offices and officers count as one body.
GOVERNMENT = re.compile(r"\b(?:ministry|minister|ministers|government|governor|president|office|department|authority|"
                        r"authorities|agency|commission|council|cabinet|mayor|police|army|military|spokesman|"
                        r"spokeswoman|officials?)\b", re.IGNORECASE)


def _body(speaker: str) -> frozenset[str]:
    """The government, or the name of the body (its capitalized words) that gives a count."""
    if GOVERNMENT.search(speaker) and not _group(speaker):
        return frozenset({"government"})
    return frozenset(word.lower() for word in re.findall(r"\b[A-Z][\w'’-]*", speaker) if word != "The")


def other_bodies(a: str | None, b: str | None) -> bool:
    """Do two named bodies give the counts (the Health Ministry and Doctors Without Borders, the WHO and a
    ministry)? Their counts are each their own: a later, higher one of the other body is no sign the count rose.
    (The Silesian branch of the National Health Fund is the National Health Fund.)"""
    if not (a and b):
        return False
    if _group(a) != _group(b):
        return True  # a union and the company, a consumer group and the carmaker
    first, second = _body(a), _body(b)
    return bool(first) and bool(second) and not (first <= second or second <= first)


def _group(speaker: str) -> bool:
    """Is the speaker a body outside government and business: a union, a rights group, an association?"""
    return GROUP.search(speaker) is not None and not GOVERNMENT.search(SPOKESPEOPLE.sub(" ", speaker))


# Who speaks for a body, whichever it is: "Red Cross officials", "a union spokesman".
SPOKESPEOPLE = re.compile(r"\b(?:officials?|spokes(?:man|woman|person)|spokesmen|spokeswomen)\b", re.IGNORECASE)


# Officials no sentence names: "health officials said Tuesday", "police say".
UNNAMED_OFFICIALS = re.compile(r"\b(?:officials|authorities|police)\s+(?:say\b|" + SAYS + r"\b)", re.IGNORECASE)


# A body that is no part of a government: "the Indian Medical Association", "a rights group", "the Red Cross".
GROUP = re.compile(r"\b(?:[Aa]ssociation|[Gg]roup|[Ss]ociety|[Uu]nion|[Ff]ederation|[Ww]atch|[Nn]etwork|[Aa]lliance|"
                   r"[Ff]oundation|Red Cross|Red Crescent|[Oo]rgani[sz]ation|[Cc]harity|[Cc]ampaign)\b")


def _officials_and_a_group(early: Report, late: Report, sentences, facts_of) -> bool:
    """Does one count come from officials no sentence names ("health officials said Tuesday") and the other from a
    named group outside government (the Indian Medical Association)? Each keeps its own count."""
    givers = [facts_of(report.index).speaker for report in (early, late)]
    officials = [UNNAMED_OFFICIALS.search(sentences[report.index].text) is not None for report in (early, late)]
    unnamed = [not giver and said for giver, said in zip(givers, officials)]
    return any(unnamed[n] and givers[1 - n] and _group(givers[1 - n]) and not officials[1 - n] for n in (0, 1))  # (not a sentence that gives the officials' count too)


# A total said as such: "In all 37 people were hurt", "a total of 41".
IN_ALL = re.compile(r"\b(?:[Ii]n all|[Ii]n total|[Aa]ltogether|[Aa]ll told|[Aa] total of)\b")


def _said_loosely(report: Report, chain: Sequence[Report]) -> bool:
    """Is the report a bound given the day a value it fits was given ("at least 10" runners in hospital, and 12 that
    evening): that value said loosely, not a step of the change?"""
    when = _when(report)
    return report.frame.figure.bound in ("low", "high") and when is not None and any(
        other is not report and other.frame.figure.bound not in ("low", "high") and _when(other) == when
        and compatible(report.frame.figure, other.frame.figure) for other in chain)


def _given_by_then(late: Report, early: Report, reports: Sequence[Report]) -> bool:
    """Did an article other than the earlier report's give the later value, not as risen to, by the earlier report's
    day?"""
    when = _when(early)
    if early.frame.role == "from":
        return False  # a value changed from was counted before its article's day ("up from 1,240 on Monday")
    return when is not None and any(
        other.frame.figure.value == late.frame.figure.value and other.document != early.document
        and other.frame.role != "to" and _when(other) is not None and _when(other) <= when for other in reports)


def _given_together(early: Report, late: Report, reports: Sequence[Report]) -> bool:
    """Does one sentence give both values side by side, neither as risen to or from nor of a day of its own ("The
    civil protection service has said that 320 shops were destroyed, but the traders' association said its own count
    showed 450")? Two counts of one time, not a count that rose."""
    values = {early.frame.figure.value, late.frame.figure.value}
    plain = [report for report in reports if not report.frame.role and not report.frame.reference
             and report.day is None and report.frame.figure.value in values]
    return any(len({report.frame.figure.value for report in plain if report.index == index}) == 2
               for index in {report.index for report in plain})


def _still_given(early: Report, late: Report, reports: Sequence[Report]) -> bool:
    """Does the later report's article give the earlier value too, as a count of its own day, not as risen from nor
    the later value as risen to (the sheriff's 1,200 evacuated beside the city's 3,000, a day after the sheriff's
    1,200 alone)?"""
    when = _when(late)
    return late.frame.role != "to" and any(
        other.document == late.document and other.index != late.index
        and other.frame.figure.value == early.frame.figure.value and not other.frame.role
        and not other.frame.reference and _when(other) == when for other in reports)


def _chain(pairs: list[tuple[Report, Report]]) -> list[Report]:
    """The reports of ordered pairs from earliest to latest, one per value (the earliest report of each)."""
    members = {id(report): report for pair in pairs for report in pair}
    before = {id(report): 0 for report in members.values()}
    for _, latest in pairs:
        before[id(latest)] += 1
    ranked = sorted(members.values(), key=lambda report: (before[id(report)], report.date or _dt.date.min,
                                                          report.day if report.day is not None else -1, report.step))
    chain, values = [], set()
    for report in ranked:
        if report.frame.figure.value not in values:
            values.add(report.frame.figure.value)
            chain.append(report)
    return chain


def _claims(reports: Sequence[Report], sentences, facts_of, names, texts, by_value: bool = True) -> tuple[Claim, ...]:
    """One claim per article and value (smallest value first, or in the order given)."""
    claims: dict[tuple[int, float], Claim] = {}
    for report in reports:
        sentence = sentences[report.index]
        figure = report.frame.figure
        key = (sentence.document, figure.value)
        if key in claims:
            continue
        start, end = sentence.start + figure.start, sentence.start + figure.end
        claims[key] = Claim(names[sentence.document], start, end, sentence.start, sentence.end, figure.value,
                            texts[sentence.document][start:end], facts_of(report.index).speaker)
    values = list(claims.values())
    return tuple(sorted(values, key=lambda claim: (claim.value, claim.document_id)) if by_value else values)
