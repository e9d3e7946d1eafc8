"""Figures in a sentence: the value, how it is qualified ("about", "at least"), what kind of quantity it is (a count,
money, a percentage, an age, a duration, a year) and what it counts ("troops", deaths, "hectares").

Two sentences give figures for the same thing when kind and counted thing agree; they disagree only when their
values cannot both be true (see `compatible`).
"""

from __future__ import annotations

import functools
import heapq
import re
from dataclasses import dataclass

from .words import STOPWORDS, stem

MAGNITUDES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
              "k": 1e3, "m": 1e6, "bn": 1e9, "mln": 1e6, "mn": 1e6, "bln": 1e9}
SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
# "thousands of troops", "dozens were hurt": a vague count, only a floor (as loosely as reporters use it).
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "tens of thousands": 1e4,
         "hundreds of thousands": 1e5, "millions": 1e6, "billions": 1e9}
# Qualifiers that make a figure a bound or an estimate; "nearly 2" is a little under 2.
QUALIFIER = re.compile(
    r"(?:(?P<low>at least|more than|over|upwards of|exceeding|in excess of|no fewer than|no less than|topped|passed|"
    r"surpassed|exceeded|(?:climbed|rose|risen|gone|went|moved|edged|jumped|crept) past)|"
    r"(?P<near>nearly|almost|close to|just under)|"
    r"(?P<high>at most|fewer than|less than|under|up to|no more than|within|as few as)|"
    r"(?P<about>about|around|approximately|roughly|some|an estimated|estimated|as many as|as much as))\s+$",
    re.IGNORECASE,
)
A_BEFORE = re.compile(r"\ba\s+$", re.IGNORECASE)
# A figure that is not an amount of its own: relative ("ten million years later", "seven times closer", "78 percent
# higher"), a threshold ("younger than 50"), a ratio ("one in seven") or one end of a range ("from 49,000 to 46,000").
RELATIVE_AFTER = re.compile(
    r"^\s*(?:%|percent|per cent|percentage points?)?\s*"
    r"(?!(?:a|one|the) (?:day|week|month|year|quarter) (?:earlier|later|before)\b)"  # "up from 910 a day earlier"
    r"(?:[a-z]+\s+){0,2}?(?:times|later|earlier|younger|older|"
    r"(?:more|less|fewer)\s+(?:[a-z]+\s+)?than|higher|lower|larger|smaller|bigger|faster|slower|longer|shorter|closer|"
    r"farther|further|greater|cheaper|heavier|lighter|deeper|wider)\b", re.IGNORECASE)
THRESHOLD_BEFORE = re.compile(r"\b(?:younger|older|bigger|smaller|larger|greater|higher|lower|longer|shorter|faster|"
                              r"slower|heavier|lighter)[\s-]+than[\s-]+$|\bone\s+in\s+(?:every\s+)?$|\bout of\s+$",
                              re.IGNORECASE)
RANGE_AFTER = re.compile(r"^\s*(?:%|percent)?\s*(?:to|and|or|versus|vs\.?)\s+(?:about\s+|possibly\s+)?[$£€]?\d",
                         re.IGNORECASE)
RANGE_BEFORE = re.compile(r"(?:\bbetween|\bfrom|\d[\d,.]*\s*(?:%|percent)?\s+(?:to|and|or|versus|vs\.?))\s+"
                          r"(?:about\s+|possibly\s+)?[$£€]?$", re.IGNORECASE)
# Averages and other statistics are not totals; "under 50 were" is a threshold, not an amount.
STATISTIC_BEFORE = re.compile(r"\b(?:an average of|on average|averaging|average of|a median of|median|mean|(?:percentage|"
                              r"proportion|share|rate|ratio)(?:\s+\w+){0,3}\s+(?:to|at|of|is|was|stood at))\s+$",
                              re.IGNORECASE)
THRESHOLD_AFTER = re.compile(r"^\s*(?:were|are|was|is|who|,|[.;]|$)", re.IGNORECASE)
THRESHOLD_WORD = re.compile(r"\b(?:under|over|above|below)\s+$", re.IGNORECASE)
# A temperature: its unit ("C", "F", or "deg" for bare degrees) and its sign ("minus 38 degrees", "-38C").
TEMPERATURE = re.compile(r"^\s?(?:degrees?(?:\s+(?P<unit>Celsius|centigrade|Fahrenheit|C\b|F\b))?|°\s?(?P<sign>[CF])?|"
                         r"(?P<word>Celsius|centigrade|Fahrenheit)\b|(?P<letter>[CF])\b(?![-.]\w))", re.IGNORECASE)
MINUS_BEFORE = re.compile(r"(?:\bminus\s+|(?<![\w.,])-)$", re.IGNORECASE)
# Measures whose value depends on where it is taken from (distances, speeds, heights): not compared.
RELATIVE_UNITS = re.compile(r"^\s*(?:-?\s?)(?:(?:nautical )?miles?|kilometres?|kilometers?|km|feet|foot|ft|metres?|meters?|m\b|yards?|"
                            r"inches?|mph|km/h|kph|knots?|degrees?|°)", re.IGNORECASE)
AGO = re.compile(r"^\s*(?:-?\s?)(?:years?|months?|weeks?|days?|decades?|centuries)\s+(?:ago|earlier|later|before)\b",
                 re.IGNORECASE)
# A number: in digits, with its currency, magnitude and percent sign; in words ("twenty-two", "two million"); or
# vague ("thousands"). Digits and words are searched apart (the words only where one can be) and merged in order:
# both patterns have every group, those of the other kind never taking part.
NUMBER_IN_DIGITS = re.compile(
    r"(?=[$£€¥\dUACNH])"  # what a number or its currency can start with: the search skips every other position
    r"(?:(?P<currency>(?:US|A|C|NZ|HK)?[$£€¥])\s?)?(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:(?:\s|-(?=(?:thousand|million|billion|trillion|bn|mln|bln)\b))?"  # "$310-million plan"
    r"(?P<magnitude>hundred|thousand|million|billion|trillion|bn|mln|mn|bln|[km])\b)?"
    r"(?P<percent>\s?%|\s+per ?cent\b|\s+pct\b)?(?P<words>(?!))?(?P<vague>(?!))?",
    re.IGNORECASE,
)
# The lookahead lets the search skip every word that cannot start a number; the groups of the other kind come last
# (they never match), so no position pays for them.
# A number in words below a hundred: "twelve", "forty-two", "forty two".
_SPELLED = r"(?:(?:" + "|".join(SMALL) + r")[\s-])?(?:" + "|".join(SMALL) + r")"
# ... and with its magnitudes, the rest after each ("One hundred and twelve", "one thousand two hundred").
NUMBER_IN_WORDS = re.compile(
    r"\b(?=[" + "".join(sorted({word[0] for word in [*SMALL, "dozens", "scores", "hundreds", "thousands", "millions",
                                                      "billions", "tens"]})) + r"])"
    r"(?:(?P<words>" + _SPELLED + r"(?:\s(?:hundred|thousand|million|billion|mln|bln)(?:(?:\s+and)?\s+" + _SPELLED
    + r"(?=\s+(?:hundred|thousand|million|billion|mln|bln)\b|\b(?!\s+(?:hundred|thousand|million|billion))))?)*)\b(?!-)"
    r"|(?P<vague>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|billions)\b)"
    r"(?P<currency>(?!))?(?P<digits>(?!))?(?P<magnitude>(?!))?(?P<percent>(?!))?",
    re.IGNORECASE,
)
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)
# A day before its month, as British and wire copy write it ("from 6 May to 27 May", "on 14 October").
MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")  # a month as written, not "Marines"
MONTH_AFTER = re.compile(r"^\s+" + MONTH_NAME)
MONEY_WORDS = re.compile(r"^-?\s*(?:(?:US |U\.S\. |Canadian |Australian |NZ |Hong Kong )?(?:dollars?|dlrs?)|euros?|pounds?|"
                         r"sterling|stg|yuan|yen|rupees|francs|pesos|rubles|roubles|rand|naira|shillings|lira)\b",
                         re.IGNORECASE)
CURRENCIES = {"$": "dollar", "us$": "dollar", "a$": "dollar (A)", "c$": "dollar (C)", "nz$": "dollar (NZ)",
              "hk$": "dollar (HK)", "£": "pound", "€": "euro", "¥": "yen", "dollars": "dollar", "dlrs": "dollar",
              "dollar": "dollar", "dlr": "dollar", "euro": "euro", "pound": "pound", "-dollar": "dollar", "-euro": "euro", "-pound": "pound",
              "euros": "euro", "pounds": "pound", "sterling": "pound", "stg": "pound", "yuan": "yuan", "yen": "yen",
              "rupees": "rupee", "francs": "franc", "pesos": "peso", "rubles": "rouble", "roubles": "rouble",
              "rand": "rand", "naira": "naira", "shillings": "shilling", "lira": "lira"}
# Measures that are compared after conversion to one unit: areas in hectares, weights in kilograms.
MEASURES = [
    (re.compile(r"^\s*-?\s?(?:acres?)\b", re.IGNORECASE), "area", "ha", 0.404686),
    (re.compile(r"^\s*-?\s?(?:hectares?|ha)\b", re.IGNORECASE), "area", "ha", 1.0),
    (re.compile(r"^\s*-?\s?(?:square|sq\.?) (?:miles?|mi)\b", re.IGNORECASE), "area", "ha", 258.999),
    (re.compile(r"^\s*-?\s?(?:(?:square|sq\.?) (?:kilometres?|kilometers?|km)|km2|km²)", re.IGNORECASE), "area", "ha",
     100.0),
    (re.compile(r"^\s*-?\s?(?:metric )?(?:tonnes?|tons?)\b", re.IGNORECASE), "weight", "kg", 1000.0),
    (re.compile(r"^\s*-?\s?(?:kilograms?|kilos?|kg)\b", re.IGNORECASE), "weight", "kg", 1.0),
    (re.compile(r"^\s*-?\s?(?:pounds?|lbs?)\b", re.IGNORECASE), "weight", "kg", 0.453592),
]
WEIGHT_CUES = re.compile(r"\b(?:weigh\w*|carrying|carried|load(?:ed)?|cargo|haul\w*|heavy|lorry|truck)\s+(?:\w+\s+){0,2}$",
                         re.IGNORECASE)
MONEY_CUES = re.compile(r"£|\b(?:fined?|paid|pay|cost\w*|worth|salary|price|fee|compensation|damages|raised|bail|"
                        r"budget|loss(?:es)?|at|of)\s+(?:about |some |nearly |an? |estimated )*$", re.IGNORECASE)


def _weighs(text: str, start: int, end: int) -> bool:
    """Is "N pounds" a weight: said of a load ("carrying 38,000 pounds of steel") rather than of money ("fined 12,000
    pounds"), or in a sentence that speaks of no money at all?"""
    before, after = text[max(0, start - 40):start], text[end:end + 20]
    if re.match(r"^\s*-?\s?pounds? of\b", after, re.IGNORECASE) or WEIGHT_CUES.search(before):
        return True
    if re.match(r"^\s*-?\s?pounds? (?:sterling|fine)\b", after, re.IGNORECASE) or MONEY_CUES.search(before):
        return False
    return MONEY_CONTEXT.search(text) is None


# "pounds" is money where the sentence speaks of money; otherwise a weight.
MONEY_CONTEXT = re.compile(r"£|\bsterling\b|\b(?:cost|costs|paid|pay|worth|fine[sd]?|price[sd]?|salary|budget|fee|"
                           r"raised|damages?|loss(?:es)?|repairs?|compensation|bill|funds?|million|billion|bn|mln|"
                           r"estimated at|spend|spent|deal|bid|offer|transfer)\b", re.IGNORECASE)
# Two numbers that make one range ("between 2,000 and 3,000", "2 million to 3 million", "two or three"), or, after a
# verb of change, a value and the one it changed to ("rose from 60 to 65").
RANGE_JOIN = re.compile(r"^\s*(?:%|percent|per ?cent)?\s*(?:to|and|or|–|-)\s*(?:about\s+|possibly\s+|some\s+)?"
                        r"(?:US|A|C)?[$£€¥]?$", re.IGNORECASE)
RANGE_OPEN = re.compile(r"\b(?P<word>between|from)\s+(?:about\s+|some\s+)?(?:US|A|C)?[$£€¥]?$", re.IGNORECASE)
CHANGE_BEFORE = re.compile(r"\b(?:rose|risen|rising|rises|increased|increasing|climbed|climbing|jumped|grew|grown|growing|"
                           r"fell|fallen|falling|dropped|declined|decreased|went up|gone up|soared|swelled|up|down|"
                           r"revised|raised|lowered|raising|lowering)\s+(?:\w+\s+){0,6}?from\s+\S*$",
                           re.IGNORECASE)
DURATION_WORDS = re.compile(r"^\s*(?:-?\s?)(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
                            r"(?!\s*(?:-?\s?old|of age))", re.IGNORECASE)
AGE = re.compile(r"^\s*(?:-|\s)?years?(?:-|\s)old\b|^\s*(?:-|\s)?year-old\b", re.IGNORECASE)
AGE_BEFORE = re.compile(r"\b(?:aged|age|age (?:of|to|from|at)|(?:man|woman|boy|girl|men|women|mother|father|grandmother|grandfather|"
                        r"widow|widower|pensioner|person) of)\s+$"
                        # "raise the retirement age for men and women to 67 from 65"
                        r"|\bage\b[^,;.\d]{0,40}?\b(?:of|to|from|at)\s+(?:\d{1,3}\s+(?:from|to)\s+)?$", re.IGNORECASE)
# The last of several ages: "aged 29 and 41", "aged 19, 23 and 30", "aged six and nine".
AGES_BEFORE = re.compile(r"\baged\s+(?:\d{1,3}|" + _SPELLED + r")(?:\s*,\s*(?:\d{1,3}|" + _SPELLED + r"))*,?\s+"
                         r"(?:and|or|to)\s+$", re.IGNORECASE)
# "Lizandra Cosme, 32, of Chicago", "a teacher, Rosalinda Ocampo, 38; a janitor, ..."
AGE_AFTER_NAME = re.compile(r"[A-Z][\w'’.-]*(?: (?:Jr|Sr)\.?)?,\s*\d{1,3}[,;]$")
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
    kind: str  # "count", "money", "percent", "age", "duration", "year", "date", "temperature"
    counted: str  # a family ("casualties", "troops") or the stem of the counted word; "" when unknown
    detail: str  # for casualties: "death", "injury" or "" (both or unknown)
    noun: str = ""  # the counted word as written ("hectares")
    vague: bool = False  # "thousands", "dozens": only a floor
    holder: str = ""  # the nearest name before it in its clause, stemmed ("Austin Seth Hunt, 23": austin seth hunt)
    high: float | None = None  # the top of a range ("between 2,000 and 3,000"); `value` is its bottom
    unit: str = ""  # a currency ("dollar", "pound") or the unit a measure is compared in ("ha", "kg")
    scale: float = 1.0  # the value times this is in `unit` (acres to hectares)
    step: float = 1.0  # what the figure is rounded to as written ("12,000": 1,000; "2.3 million": 100,000)
    attributive: bool = False  # describes a thing rather than counting ("a 44-tonne lorry", "a 10-kilometre zone")
    role: str = ""  # "from" or "to" in "rose from 60 to 65"

    @property
    def top(self) -> float:
        return self.value if self.high is None else self.high

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
NOT_A_QUANTITY = re.compile(r"\d[-–:/]\d|\d\s?[ap]\.?m\b|\(\d{3}\)|\d-[A-Z](?![a-z])|\d-(?!(?:pounds?|dollars?|euros?|"
                            r"tonnes?|tons?|acres?|hectares?|kilograms?|kg|lbs?|thousand|million|billion|trillion|mln|bln|bn|"
                            r"hour|day|week|month|year)\b)[a-z]",
                            re.IGNORECASE)
NOT_A_QUANTITY_BEFORE = re.compile(r"(?:\b(?:No|no|Number|number|#|Route|route|Highway|I|Interstate|Flight|flight|"
                                   r"Room|room|Channel|channel|Game|game|Week|week|Chapter|chapter)\.?\s*|\d[-–])$")
# A number right after a name is part of it ("Haixun 01", "Flight 370", "Apollo 11"), unless the name opens the
# sentence.
PART_OF_A_NAME = re.compile(r"\S\s+[A-Z][\w'’-]*[A-Za-z]\s$")
# The name a figure belongs to: "Austin Seth Hunt, 23," or "Hunt, who is charged with six counts".
HOLDER = re.compile(r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+)(?:\s+(?:Jr|Sr|II|III)\.?)?,?\s*"
                    r"(?:who\s+(?:is|was|has been)\s+)?(?:[a-z][\w'’-]*,?\s+){0,6}$")  # "Lusitel won the largest share, paying"


# ", of Fairmont," after a name: where the person is from, not whom the figure is about.
HOMETOWN = re.compile(r",?\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?")


# Days and months are when, never whose ("estimated on Tuesday that 9,000 barrels ...").
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())


def _holder(text: str, start: int) -> str:
    """The stem of the name closest before the figure within its clause, or ""."""
    clause = re.split(r"[;:]|\.\s|\band\b|\bwhile\b|\bbut\b", text[max(0, start - 80):start])[-1]
    clause = HOMETOWN.sub(" ", re.sub(r",\s*\d{1,3},", ",", clause))  # "Jordan Hunt, 18, of Fairmont, is"
    match = HOLDER.search(clause)
    if not match or match.start(1) == 0 and clause.strip().startswith(match.group(1)) and len(clause.split()) > 8:
        return ""
    words = [word for word in match.group(1).split() if word.lower() not in STOPWORDS
             and word.lower().removesuffix("'s").removesuffix("’s") not in CALENDAR]
    return " ".join(stem(word.lower().strip(".").removesuffix("'s").removesuffix("’s")) for word in words)


# Most sentences hold no figure at all; this finds the ones that might, cheaply.
DIGIT = re.compile(r"\d")
# A number in words; the lookahead lets the search skip every word that cannot start one.
_NUMBER_WORDS = [*SMALL, "dozens", "scores", "hundreds", "thousands", "millions", "billions"]
NUMBER_WORD = re.compile(r"\b(?=[" + "".join(sorted({word[0] for word in _NUMBER_WORDS})) + r"])(?:"
                         + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def may_hold_figures(text: str) -> bool:
    """A cheap test: could `text` hold a figure at all?"""
    return DIGIT.search(text) is not None or NUMBER_WORD.search(text) is not None


# A sentence's figures are read from its first 64 numbers: no sentence a reader would want states more, and a
# "sentence" of 100,000 numbers must not cost 100,000 analyses.
MAX_NUMBERS = 64


def _step(match: re.Match, value: float) -> float:
    """What a written number is rounded to: "12,000" to 1,000, "13,500" to 100, "2.3 million" to 100,000, "forty"
    to 10."""
    digits = match.group("digits")
    if digits:
        magnitude = MAGNITUDES.get((match.group("magnitude") or "").lower(), 1)
        whole, _, decimals = digits.replace(",", "").partition(".")
        if decimals:
            return magnitude / 10 ** len(decimals)
        # Below a thousand a round number is as likely exact ("$100", "40 people") as rounded.
        zeros = len(whole) - len(whole.rstrip("0")) if whole.strip("0") and (len(whole) > 3 or magnitude > 1) else 0
        return magnitude * 10 ** zeros
    if match.group("vague"):
        return value
    zeros = 0
    while value and value % 10 ** (zeros + 1) == 0:
        zeros += 1
    return 10.0 ** zeros


WORD_END = re.compile(r"\w{0,20}")


def _readable_numbers(text: str) -> list[re.Match]:
    """The numbers of `text` that can be amounts (not phone numbers, times, "one", names like "Flight 370")."""
    found = []
    numbers = NUMBER_IN_DIGITS.finditer(text)
    if NUMBER_WORD.search(text) is not None:
        numbers = heapq.merge(numbers, NUMBER_IN_WORDS.finditer(text), key=lambda match: match.start())
    for count, match in enumerate(numbers):
        if count == MAX_NUMBERS:
            break
        start, end = match.span()
        before = text[max(0, start - 30):start]
        if match.group("words") and text[start:end].lower() in ("one",):
            continue  # "one" is mostly not a count ("one of the", "one day")
        # What follows is read to the end of the word six characters on ("900-kilogram", not "900-kilog").
        if NOT_A_QUANTITY.search(text[max(0, start - 2):WORD_END.match(text, end + 6).end()]) or (match.group("digits") and (
                NOT_A_QUANTITY_BEFORE.search(before) or PART_OF_A_NAME.search(before))):
            continue
        if re.search(r"[A-Za-z]-$", before):
            continue  # "magnitude-6.4", "Covid-19"
        found.append(match)
    return found


def _pieces(text: str, matches: list[re.Match]):
    """Each figure as (start of its first number, its last number's match, low, high or None, role), with ranges
    ("between 2,000 and 3,000") joined and changes ("rose from 60 to 65") split into their two values."""
    index = 0
    while index < len(matches):
        match = matches[index]
        following = matches[index + 1] if index + 1 < len(matches) else None
        low = _value(match)
        if following is not None and RANGE_JOIN.match(text[match.end():following.start()]) \
                and bool(match.group("percent")) == bool(following.group("percent")) \
                and not (following.group("currency") and not match.group("currency")):
            opening = RANGE_OPEN.search(text[max(0, match.start() - 30):match.start()])
            joiner = text[match.end():following.start()].strip().lower()
            if joiner.startswith("and") and not (opening and opening.group("word").lower() == "between"):
                yield match.start(), match, low, None, ""
                index += 1
                continue
            high = _value(following)
            if not match.group("magnitude") and following.group("magnitude") and match.group("digits"):
                low *= MAGNITUDES.get(following.group("magnitude").lower(), 1)
            elif match.group("words") and following.group("words") and low < 100 <= high:
                low *= high / _value_of_words(following.group("words").split()[0])
            if CHANGE_BEFORE.search(text[max(0, match.start() - 80):match.start()]):
                yield match.start(), match, low, None, "from"
                yield following.start(), following, high, None, "to"
            else:
                start = match.start() - (len(opening.group(0)) if opening else 0)
                yield start, following, min(low, high), max(low, high), ""
            index += 2
            continue
        yield match.start(), match, low, None, ""
        index += 1


def _value_of_words(word: str) -> float:
    return float(SMALL.get(word.lower(), 1))


# A sentence's figures are read by content selection, by an update brief and by attribution: each text is read once
# (a bounded cache; a figure is immutable).
CACHED_TEXTS = 4096
CACHED_CHARS = 4000


def figures(text: str) -> list[Figure]:
    """Every figure in `text` among its first MAX_NUMBERS numbers, in order."""
    return list(_cached_figures(text) if len(text) <= CACHED_CHARS else _read_figures(text))


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _cached_figures(text: str) -> tuple[Figure, ...]:
    return tuple(_read_figures(text))


def clear_figure_cache() -> None:
    """Forget the figures read so far (a benchmark times a brief from a cold start)."""
    _cached_figures.cache_clear()


# The first word of a unit as written after its figure, whatever follows it ("12,000 acres\"", "8,000 hectares!").
UNIT_WORD = re.compile(r"^\s*-?\s?([A-Za-z. ]+?)\b(?!\w)")


# What stands between a figure and the same one in another unit: its unit, then an opening parenthesis.
CONVERSION_BETWEEN = re.compile(r"^[\s\w.-]{0,20}\(\s*(?:about |some |nearly |roughly |around |approximately |almost )?"
                                r"(?:[A-Z]{0,3}[$£€])?$")


def is_conversion(text: str, figure: Figure, previous: Figure | None) -> bool:
    """Is `figure` the one before it in another unit ("18,500 acres (7,500 hectares)", "A$50,000 (about US$34,000)")?"""
    return (previous is not None and previous.kind == figure.kind and figure.kind in ("area", "weight", "money")
            and CONVERSION_BETWEEN.match(text[previous.end:figure.start]) is not None)


def _read_figures(text: str) -> list[Figure]:
    found: list[Figure] = []
    if not may_hold_figures(text):
        return found
    for start, match, value, high, role in _pieces(text, _readable_numbers(text)):
        end = match.end()
        before, after = text[max(0, start - 30):start], text[end:end + 30]
        temperature = TEMPERATURE.match(after) if high is None and not match.group("percent") else None
        if temperature:
            found.append(_temperature(text, start, match, value, temperature))
            continue
        if (RELATIVE_AFTER.match(after) or THRESHOLD_BEFORE.search(before) or STATISTIC_BEFORE.search(before)
                or RELATIVE_UNITS.match(after) or re.match(r"^\s*(?:%|percent)?\s*(?:versus|vs\.?)\s", after, re.I)
                or re.search(r"(?:versus|vs\.?)\s+$", before, re.I)
                or (THRESHOLD_WORD.search(before) and THRESHOLD_AFTER.match(after))):
            continue
        dozen = (match.group("words") or "").lower() == "dozen" and A_BEFORE.search(before)
        if dozen:  # "more than a dozen townships": the qualifier stands before "a"; "a dozen" alone is about 12
            start -= len(dozen.group(0))
            before = before[:dozen.start()]
        qualifier = QUALIFIER.search(before)
        bound = ("about" if dozen else "exact") if high is None else "range"
        if qualifier and high is None:
            bound = next(group for group in ("low", "near", "high", "about") if qualifier.group(group))
            start -= len(qualifier.group(0))
        vague = bool(match.group("vague")) or bool(re.search(r"\b(?:several|a few|few|many)\s+$", before, re.IGNORECASE))
        if vague:
            bound = "low" if bound == "exact" else bound
        digits = match.group("digits") or ""
        unit, scale = "", 1.0
        measure = next(((kind, base, factor) for pattern, kind, base, factor in MEASURES if pattern.match(after)), None)
        money_word = MONEY_WORDS.match(after)
        weight = money_word and money_word.group(0).strip(" -").lower() in ("pound", "pounds") and _weighs(
            text, start, end)
        if match.group("percent"):
            kind = "percent"
        elif match.group("currency") or (money_word and not weight):
            kind = "money"
            unit = CURRENCIES.get((match.group("currency") or money_word.group(0).split()[-1].strip("-")).lower(), "")
        elif AGE.match(after) or AGE_BEFORE.search(text[max(0, start - 60):start]) or AGES_BEFORE.search(before) \
                or AGE_AFTER_NAME.search(text[max(0, start - 30):end + 1]):
            kind = "age"
        elif MONTH.search(before) or re.match(r"^\s*(?:st|nd|rd|th)\b", after) or AGO.match(after) or (
                MONTH_AFTER.match(after) and digits.isdigit() and 1 <= int(digits) <= 31 and high is None):
            kind = "date"
        elif (digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100 and not match.group("magnitude")
              and high is None):
            kind = "year"
        elif DURATION_WORDS.match(after):
            kind = "duration"
        elif measure:
            kind, unit, scale = measure
        else:
            kind = "count"
        counted, detail, noun = (_counted(text, match.start(), end) if kind in ("count", "money", "percent")
                                 else ("", "", ""))
        if kind == "duration":
            noun = DURATION_WORDS.match(after).group(0).strip(" -").lower()
            counted = stem(noun)
        if kind in ("area", "weight"):
            written = UNIT_WORD.match(after)  # "acres", "sq" ... as written; the unit when it is not a word ("km2")
            noun = written.group(1).lower() if written else unit
            counted = unit
        attributive = after.startswith("-") and after[1:2].isalpha() and kind != "money"
        found.append(Figure(start, end, value, bound, kind, counted, detail, noun, vague, _holder(text, start),
                            high, unit, scale, _step(match, _value(match)), attributive, role))
    return found


def _temperature(text: str, start: int, match: re.Match, value: float, unit: re.Match) -> Figure:
    """A temperature with its sign and unit ("minus 38 degrees", "minus 41 degrees Celsius", "-35 C (-31 F)"): no
    amount of anything, compared only as a measure (a source giving another reading is none)."""
    written = (unit.group("unit") or unit.group("sign") or unit.group("word") or unit.group("letter") or "").lower()
    name = "F" if written.startswith("f") else "C" if written else "deg"
    minus = MINUS_BEFORE.search(text[max(0, start - 6):start])
    if minus:
        start -= len(minus.group(0))
        value = -value
    bound = "exact"
    qualifier = QUALIFIER.search(text[max(0, start - 30):start]) or BEYOND.search(text[max(0, start - 30):start])
    if qualifier:
        bound = next(group for group in ("low", "near", "high", "about") if qualifier.group(group))
        start -= len(qualifier.group(0))
    return Figure(start, match.end() + unit.end(), value, bound, "temperature", "", "", "degrees", unit=name,
                  step=_step(match, _value(match)))


# "above 44 degrees", "below minus 30": a temperature's bound.
BEYOND = re.compile(r"(?:(?P<low>\babove)|(?P<high>\bbelow))\s+$(?P<near>(?!))?(?P<about>(?!))?", re.IGNORECASE)
# How far a temperature said to be "about" or "nearly" one value may lie from it, in degrees.
TEMPERATURE_SLACK = 2.0


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, in its unit: a bound is open on one side; "about" allows 5% either way, "nearly" a
    little under; a plain figure, a quarter of what it is rounded to ("12,000" is 11,750 to 12,250)."""
    low, high = figure.value * figure.scale, figure.top * figure.scale
    if figure.kind == "temperature" and figure.bound in ("about", "near", "high"):
        return (float("-inf"), high) if figure.bound == "high" else (low - TEMPERATURE_SLACK, high + TEMPERATURE_SLACK)
    if figure.bound == "low":
        return low, float("inf")
    if figure.bound == "high":
        return 0.0, high
    if figure.bound == "near":
        return low * 0.925, high
    if figure.bound == "about":
        return low * 0.95, high * 1.05
    slack = 0.25 * figure.step * figure.scale
    return low - slack, high + slack


def compatible(a: Figure, b: Figure) -> bool:
    """Can both figures be true of the same thing? "at least 10,000" and "about 11,000" can; "about 600" and
    "around 1,000" cannot; a vague "thousands" fits any figure of thousands or more; "8,000 hectares" and "19,800
    acres" can."""
    if a.value == b.value and a.top == b.top and a.scale == b.scale:
        return True
    (low_a, high_a), (low_b, high_b) = interval(a), interval(b)
    return low_a < high_b and low_b < high_a  # intervals that only touch: two values ("about 380,000", "about 420,000")


def alike(a: Figure, b: Figure) -> bool:
    """Do two reports give the same figure: the same value, or values one rounding allows ("12,000" and "about
    12,100"; "more than 150" and 153). A bound is a report of its own number: "at least 205" and "at least 212" can
    both be true, yet they are two different reports, and "at least 47" is no report of 92."""
    if a.value == b.value and a.top == b.top and a.scale == b.scale:
        return True
    if "range" in (a.bound, b.bound):
        return False  # "$60 million to $80 million" and "70 mln to 80 mln dlrs": two estimates
    if a.vague or b.vague or not {a.bound, b.bound} & {"low", "high"}:
        return compatible(a, b)
    if a.bound in ("low", "high") and b.bound in ("low", "high"):
        return False
    bound, other = (a, b) if a.bound in ("low", "high") else (b, a)
    near = abs(other.value * other.scale - bound.value * bound.scale) <= BOUND_SLACK * bound.value * bound.scale
    return near and compatible(a, b)


# How far past its bound a value may lie and still be the bound's report ("more than 150" and 153).
BOUND_SLACK = 0.1


def figure_units(text: str) -> set[tuple[str, str]]:
    """("#", what is counted) for each count or sum of money in `text`, whatever its value: sources that disagree on
    a number still agree that the number matters. A small number in words counts only for a known family ("three
    people were killed"), not in "the two nations"."""
    units = set()
    for figure in figures(text):
        if figure.kind not in ("count", "money", "area", "weight") or not figure.counted:
            continue
        if figure.value < 10 and figure.counted not in FAMILIES and not text[figure.start:figure.end][-1].isdigit():
            continue
        units.add(("#", figure.counted))
    return units
