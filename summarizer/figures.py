"""Figures in a sentence: the value, how it is qualified ("about", "at least"), what kind of quantity it is (a count,
money, a percentage, an age, a duration, a year) and what it counts ("troops", deaths, "hectares").

Two sentences give figures for the same thing when kind and counted thing agree; they disagree only when their
values cannot both be true (see `compatible`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import STOPWORDS, stem

MAGNITUDES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
              "k": 1e3, "m": 1e6, "bn": 1e9}
SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
# "thousands of troops", "dozens were hurt": a vague count, only a floor (as loosely as reporters use it).
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "tens of thousands": 1e4,
         "hundreds of thousands": 1e5, "millions": 1e6, "billions": 1e9}
# Qualifiers that make a figure a bound or an estimate; "nearly 2" is a little under 2.
QUALIFIER = re.compile(
    r"(?:(?P<low>at least|more than|over|upwards of|exceeding|in excess of|no fewer than|no less than)|"
    r"(?P<near>nearly|almost|close to|just under)|"
    r"(?P<high>at most|fewer than|less than|under|up to|no more than|within|as few as)|"
    r"(?P<about>about|around|approximately|roughly|some|an estimated|estimated|as many as|as much as))\s+$",
    re.IGNORECASE,
)
# A figure that is not an amount of its own: relative ("ten million years later", "seven times closer", "78 percent
# higher"), a threshold ("younger than 50"), a ratio ("one in seven") or one end of a range ("from 49,000 to 46,000").
RELATIVE_AFTER = re.compile(
    r"^\s*(?:%|percent|per cent|percentage points?)?\s*(?:[a-z]+\s+){0,2}?(?:times|later|earlier|younger|older|more|less|"
    r"fewer|higher|lower|larger|smaller|bigger|faster|slower|longer|shorter|closer|farther|further|greater|"
    r"cheaper|heavier|lighter|deeper|wider)\b", re.IGNORECASE)
THRESHOLD_BEFORE = re.compile(r"\b(?:younger|older|bigger|smaller|larger|greater|higher|lower|longer|shorter|faster|"
                              r"slower|heavier|lighter)[\s-]+than[\s-]+$|\bone\s+in\s+(?:every\s+)?$|\bout of\s+$",
                              re.IGNORECASE)
RANGE_AFTER = re.compile(r"^\s*(?:%|percent)?\s*(?:to|and|or|versus|vs\.?)\s+(?:about\s+|possibly\s+)?[$£€]?\d",
                         re.IGNORECASE)
RANGE_BEFORE = re.compile(r"(?:\bbetween|\bfrom|\d[\d,.]*\s*(?:%|percent)?\s+(?:to|and|or|versus|vs\.?))\s+"
                          r"(?:about\s+|possibly\s+)?[$£€]?$", re.IGNORECASE)
# Averages and other statistics are not totals; "under 50 were" is a threshold, not an amount.
STATISTIC_BEFORE = re.compile(r"\b(?:an average of|on average|averaging|average of|a median of|median|mean)\s+$",
                              re.IGNORECASE)
THRESHOLD_AFTER = re.compile(r"^\s*(?:were|are|was|is|who|,|[.;]|$)", re.IGNORECASE)
THRESHOLD_WORD = re.compile(r"\b(?:under|over|above|below)\s+$", re.IGNORECASE)
# Measures whose value depends on where it is taken from (distances, speeds, temperatures, heights): not compared.
RELATIVE_UNITS = re.compile(r"^\s*(?:-?\s?)(?:miles?|kilometres?|kilometers?|km|feet|foot|ft|metres?|meters?|m\b|yards?|"
                            r"inches?|mph|km/h|kph|knots?|degrees?|°)", re.IGNORECASE)
AGO = re.compile(r"^\s*(?:-?\s?)(?:years?|months?|weeks?|days?|decades?|centuries)\s+(?:ago|earlier|later|before)\b",
                 re.IGNORECASE)
NUMBER = re.compile(
    r"(?:(?P<currency>[$£€¥])\s?)?(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<magnitude>hundred|thousand|million|billion|trillion|bn|[km])\b)?(?P<percent>\s?%|\s+per ?cent\b)?"
    r"|(?P<words>(?:(?:" + "|".join(SMALL) + r")[\s-])?(?:" + "|".join(SMALL) + r")(?:\s(?:hundred|thousand|million|"
    r"billion))*)\b(?!-)"
    r"|(?P<vague>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|billions)\b",
    re.IGNORECASE,
)
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)
MONEY_WORDS = re.compile(r"^\s*(?:dollars|euros|pounds|yuan|yen|rupees|francs)\b", re.IGNORECASE)
DURATION_WORDS = re.compile(r"^\s*(?:-?\s?)(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
                            r"(?!\s*(?:-?\s?old|of age))", re.IGNORECASE)
AGE = re.compile(r"^\s*(?:-|\s)?years?(?:-|\s)old\b|^\s*(?:-|\s)?year-old\b", re.IGNORECASE)
AGE_BEFORE = re.compile(r"\b(?:aged|age)\s+$", re.IGNORECASE)
# "Lizandra Cosme, 32, of Chicago"
AGE_AFTER_NAME = re.compile(r"[A-Z][\w'’.-]*(?: (?:Jr|Sr)\.?)?,\s*\d{1,3},$")
# A word right after the figure that ends what it counts.
CONNECTORS = frozenset("of the a an more other people's and or".split())

# What a count counts, in families: sources word the same toll differently ("600 soldiers have been killed",
# "casualties exceeding 1,000", "1,000 dead").
FAMILIES = {
    "casualties": "killed dead deaths died death fatalities lives casualties toll wounded injured injuries hurt "
                  "wounds victims bodies",
    "troops": "troops soldiers forces servicemen personnel fighters militants combatants",
    "people": "people persons residents civilians citizens individuals inhabitants",
    "arrests": "arrested arrests detained detentions charged",
    "evacuated": "evacuated displaced homeless refugees fled",
}
FAMILY = {word: family for family, words in FAMILIES.items() for word in words.split()}
# Finer kinds inside a family: deaths and injuries are both casualties, but 600 dead and 1,000 wounded do not
# contradict each other.
DEATH = frozenset("killed dead deaths died death fatalities lives toll bodies".split())
INJURY = frozenset("wounded injured injuries hurt wounds".split())
SKIP = frozenset("""
about around approximately nearly almost roughly some estimated at least more than less fewer over under up to of the a an
other north south east west new old more further additional another
""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence: `text[start:end]` is it with its qualifier."""

    start: int
    end: int
    value: float
    bound: str  # "exact", "about", "near" (a little under), "low" (at least), "high" (at most)
    kind: str  # "count", "money", "percent", "age", "duration", "year", "date"
    counted: str  # a family ("casualties", "troops") or the stem of the counted word; "" when unknown
    detail: str  # for casualties: "death", "injury" or "" (both or unknown)
    noun: str = ""  # the counted word as written ("hectares")
    vague: bool = False  # "thousands", "dozens": only a floor
    holder: str = ""  # the nearest name before it in its clause, stemmed ("Austin Seth Hunt, 23": austin seth hunt)

    @property
    def slot(self) -> tuple[str, str]:
        return self.kind, self.counted


def _value(match: re.Match) -> float:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        magnitude = (match.group("magnitude") or "").lower()
        return value * MAGNITUDES.get(magnitude, 1)
    if match.group("vague"):
        return float(VAGUE[" ".join(match.group("vague").lower().split())])
    value, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", match.group("words").lower()):
        if word in SMALL:
            current += SMALL[word]
        elif word in MAGNITUDES:
            current = (current or 1) * MAGNITUDES[word]
            if MAGNITUDES[word] >= 1e3:
                value, current = value + current, 0.0
    return value + current


def _detail(words: list[str]) -> str:
    """Deaths or injuries, by the casualty word nearest the figure ("" for "killed or injured")."""
    for index, word in enumerate(words):
        if word in DEATH or word in INJURY:
            kinds = {"death" if w in DEATH else "injury" for w in words[index:index + 3] if w in DEATH or w in INJURY}
            return kinds.pop() if len(kinds) == 1 else ""
    return ""


def _object(words: list[str], noun: str) -> str:
    """" of venus" for "flybys of Venus": what the counted thing is of, when the text says."""
    index = words.index(noun)
    following = [word for word in words[index + 1:index + 4] if word not in ("the", "a", "an")]
    return f" of {stem(following[1])}" if len(following) > 1 and following[0] == "of" else ""


def _counted(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The thing counted by the figure at `start:end`, from the words after it ("600 soldiers have been killed":
    casualties; "thousands of miles": miles), else a casualty word just before it ("casualties exceeding 1,000")."""
    after = [m.group(0).lower().removesuffix("'s").removesuffix("’s") for m in WORD.finditer(text[end:end + 80])][:8]
    before = [m.group(0).lower() for m in WORD.finditer(text[max(0, start - 40):start])][-3:]
    casualty_after = [word for word in after[:6] if FAMILY.get(word) == "casualties"]
    if after[:1] == ["of"] and len(after) > 1 and FAMILY.get(after[1]) != "casualties":
        word = after[1]
        return FAMILY.get(word) or stem(word), "", word
    if casualty_after:
        return "casualties", _detail(after), casualty_after[0]
    if any(FAMILY.get(word) == "casualties" for word in before[-2:]):
        return "casualties", _detail(list(reversed(before))), before[-1]
    families = [(FAMILY[word], word) for word in after[:6] if word in FAMILY]
    if families:
        return families[0][0], "", families[0][1]
    content = [word for word in after[:4] if word not in SKIP and word not in CONNECTORS and word not in STOPWORDS]
    if not content:
        # "a net worth of about $2.5bn.": nothing follows; what is measured comes before it.
        earlier = [word for word in reversed([m.group(0).lower() for m in WORD.finditer(text[max(0, start - 40):start])])
                   if word not in SKIP and word not in CONNECTORS and word not in STOPWORDS]
        return (stem(earlier[0]), "", earlier[0]) if earlier else ("", "", "")
    for word in content[:3]:
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            return stem(word) + _object(after, word), "", word
    return (stem(content[0]) + _object(after, content[0]), "", content[0]) if content else ("", "", "")


# Numbers that are not quantities: phone numbers, clock times, scores and ranges of ids ("410-838-5800", "7:50 p.m.",
# "1-800-TBI-FIND", "No. 4").
NOT_A_QUANTITY = re.compile(r"\d[-–:/]\d|\d\s?[ap]\.?m\b|\(\d{3}\)|\d-[A-Z]", re.IGNORECASE)
NOT_A_QUANTITY_BEFORE = re.compile(r"(?:\b(?:No|no|Number|number|#|Route|route|Highway|I|Interstate|Flight|flight|"
                                   r"Room|room|Channel|channel|Game|game|Week|week|Chapter|chapter)\.?\s*|\d[-–])$")
# A number right after a name is part of it ("Haixun 01", "Flight 370", "Apollo 11"), unless the name opens the
# sentence.
PART_OF_A_NAME = re.compile(r"\S\s+[A-Z][\w'’-]*[A-Za-z]\s$")
# The name a figure belongs to: "Austin Seth Hunt, 23," or "Hunt, who is charged with six counts".
HOLDER = re.compile(r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+)(?:\s+(?:Jr|Sr|II|III)\.?)?,?\s*"
                    r"(?:who\s+(?:is|was|has been)\s+)?(?:[a-z][\w'’-]*\s+){0,6}$")


# ", of Fairmont," after a name: where the person is from, not whom the figure is about.
HOMETOWN = re.compile(r",?\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?")


def _holder(text: str, start: int) -> str:
    """The stem of the name closest before the figure within its clause, or ""."""
    clause = re.split(r"[;:]|\.\s|\band\b|\bwhile\b|\bbut\b", text[max(0, start - 80):start])[-1]
    clause = HOMETOWN.sub(" ", clause)
    match = HOLDER.search(clause)
    if not match or match.start(1) == 0 and clause.strip().startswith(match.group(1)) and len(clause.split()) > 8:
        return ""
    return " ".join(stem(word.lower().strip(".").removesuffix("'s").removesuffix("’s")) for word in match.group(1).split())


# Most sentences hold no figure at all; this finds the ones that might, cheaply.
MIGHT_HOLD = re.compile(r"\d|\b(?:" + "|".join(SMALL) + r"|dozens|scores|hundreds|thousands|millions|billions)\b",
                        re.IGNORECASE)


def may_hold_figures(text: str) -> bool:
    """A cheap test: could `text` hold a figure at all?"""
    return MIGHT_HOLD.search(text) is not None


# A sentence's figures are read from its first 64 numbers: no sentence a reader would want states more, and a
# "sentence" of 100,000 numbers must not cost 100,000 analyses.
MAX_NUMBERS = 64


def figures(text: str) -> list[Figure]:
    """Every figure in `text` among its first MAX_NUMBERS numbers, in order."""
    found: list[Figure] = []
    if MIGHT_HOLD.search(text) is None:
        return found
    for count, match in enumerate(NUMBER.finditer(text)):
        if count == MAX_NUMBERS:
            break
        start, end = match.span()
        before, after = text[max(0, start - 30):start], text[end:end + 30]
        if match.group("words") and text[start:end].lower() in ("one",):
            continue  # "one" is mostly not a count ("one of the", "one day")
        if NOT_A_QUANTITY.search(text[max(0, start - 2):end + 6]) or (match.group("digits") and (
                NOT_A_QUANTITY_BEFORE.search(before) or PART_OF_A_NAME.search(before))):
            continue
        if (RELATIVE_AFTER.match(after) or THRESHOLD_BEFORE.search(before) or RANGE_AFTER.match(after)
                or RANGE_BEFORE.search(before) or STATISTIC_BEFORE.search(before) or RELATIVE_UNITS.match(after)
                or (THRESHOLD_WORD.search(before) and THRESHOLD_AFTER.match(after))):
            continue
        value = _value(match)
        qualifier = QUALIFIER.search(before)
        bound = "exact"
        if qualifier:
            bound = next(group for group in ("low", "near", "high", "about") if qualifier.group(group))
            start -= len(qualifier.group(0))
        vague = bool(match.group("vague")) or bool(re.search(r"\b(?:several|a few|few|many)\s+$", before, re.IGNORECASE))
        if vague:
            bound = "low" if bound == "exact" else bound
        digits = match.group("digits") or ""
        if match.group("percent"):
            kind = "percent"
        elif match.group("currency") or MONEY_WORDS.match(after):
            kind = "money"
        elif AGE.match(after) or AGE_BEFORE.search(before) or AGE_AFTER_NAME.search(text[max(0, start - 30):end + 1]):
            kind = "age"
        elif MONTH.search(before) or re.match(r"^\s*(?:st|nd|rd|th)\b", after) or AGO.match(after):
            kind = "date"
        elif digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100 and not match.group("magnitude"):
            kind = "year"
        elif DURATION_WORDS.match(after):
            kind = "duration"
        else:
            kind = "count"
        counted, detail, noun = (_counted(text, match.start(), end) if kind in ("count", "money", "percent")
                                 else ("", "", ""))
        if kind == "duration":
            noun = DURATION_WORDS.match(after).group(0).strip(" -").lower()
            counted = stem(noun)
        found.append(Figure(start, end, value, bound, kind, counted, detail, noun, vague, _holder(text, start)))
    return found


def compatible(a: Figure, b: Figure, tolerance: float = 0.1) -> bool:
    """Can both figures be true of the same thing? "at least 10,000" and "about 11,000" can; "about 600" and
    "around 1,000" cannot; a vague "thousands" fits any figure of thousands or more."""
    if a.value == b.value:
        return True

    def interval(figure: Figure) -> tuple[float, float]:
        if figure.bound == "low":
            return figure.value, float("inf")
        if figure.bound == "high":
            return 0.0, figure.value
        if figure.bound == "near":
            return figure.value * (1 - 1.5 * tolerance), figure.value
        # "About" allows `tolerance` either way; a plain figure, only its rounding.
        spread = tolerance if figure.bound == "about" else tolerance / 4
        return figure.value * (1 - spread), figure.value * (1 + spread)

    (low_a, high_a), (low_b, high_b) = interval(a), interval(b)
    return low_a <= high_b and low_b <= high_a


def figure_units(text: str) -> set[tuple[str, str]]:
    """("#", what is counted) for each count or sum of money in `text`, whatever its value: sources that disagree on
    a number still agree that the number matters. A small number in words counts only for a known family ("three
    people were killed"), not in "the two nations"."""
    units = set()
    for figure in figures(text):
        if figure.kind not in ("count", "money") or not figure.counted:
            continue
        if figure.value < 10 and figure.counted not in FAMILIES and not text[figure.start:figure.end][-1].isdigit():
            continue
        units.add(("#", figure.counted))
    return units
