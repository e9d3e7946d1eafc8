"""What a sentence asserts, in the parts that carry a fact: its figures with their frames (frames.py), the names it
uses, whether it denies, and who it quotes. A sentence of another article states the same fact when it carries the
fact's parts (every count the sentence gives, with its predicate; else its names and most of its words) and none of
them conflict (de Marneffe, Rafferty & Manning 2008: mismatched numbers and negation are the contradictions that can
be found with fair precision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.figures import Figure, alike, figures
from .frames import (ANYONE, MONTHS, PERSONS, PREDICATES, WEEKDAYS, Frame, Story, frames, predicate_words,
                     same_quantity, same_span, story_of, untimed, values_differ)
from ..reading.sentences import readable
from ..content.words import LONGEST_WORD, STOPWORDS, TOKEN, content_units, stem, tokens

# A denial or negation anywhere in the sentence: "dismissing the allegations as a hoax", "did not confirm".
DENIAL = re.compile(
    r"\b(?:deni(?:ed|es|al)|deny(?:ing)?|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:ed|es|ing)|"
    r"hoax|false(?:ly)?|fake|baseless|unfounded|untrue|disput(?:ed|es|ing)|rebuff(?:ed)?)\b",
    re.IGNORECASE,
)
# A plain negation counts in the sentence's main clause, not in an aside after it ("..., adding that crews had not
# yet searched the top floors").
NEGATION = re.compile(r"\b(?:not|never|no(?!\.\s?\d)|n[o']t)\b|n['’]t\b", re.IGNORECASE)  # not "the No. 2 official"
ASIDE = re.compile(r",\s+(?:adding|saying|noting|although|though|but|while|as|after|because|which|who)\b|\s+but\s",
                   re.IGNORECASE)


def denies(text: str) -> bool:
    """Does the sentence deny or negate what it reports?"""
    aside = ASIDE.search(text)
    return DENIAL.search(text) is not None or NEGATION.search(text[:aside.start()] if aside else text) is not None
# A sentence that opens with a pronoun: who it is about is in another sentence.
ANAPHORIC = re.compile(r"[\"“‘']?(?:He|She|It|They|His|Her|Its|Their|Him|Them|This|These|Those|That)\b")
# A sentence that states the alternative to the one before it: "Otherwise, the jackpot would be paid over 30 years."
CONTRARY = re.compile(r"[\"“‘']?(?:Otherwise|Instead|Alternatively|Conversely|Or)\b")
# Who says it: "according to KCNA", "Seoul has said", "Western officials previously suggested".
SAYS = r"(?:said|says|has said|have said|had said|told|reported|reports|estimated|estimates|claimed|claims|suggested|" \
       r"indicated|stated|announced|confirmed|added|believes|believe|warned|maintains|maintained|insists|insisted)"
# What someone does in a sentence that another source may credit to someone else: "Putin has praised",
# "Gerasimov, who lauded".
ACTS = r"(?:" + SAYS[3:-1] + r"|praised|praises|lauded|lauds|hailed|hails|thanked|commended|condemned|criticized|" \
       r"criticised|accused|denied|ordered|signed|met|visited|called|attacked|stormed|raided|bombed|shelled|" \
       r"ambushed|seized|kidnapped|abducted|bought|acquired|sold|sued|fined|banned|blocked|approved)"
# A name: capitalized words of bounded length, taken whole (possessive), starting at a word's start, so that a
# search costs a bounded amount per position whatever the text ("A.A.A.A..." or a run of capitalized words).
NAME_WORD = r"[A-Z][\w'’.-]{0,40}+"
AGENT = re.compile(
    r"(?<![\w'’.-])(" + NAME_WORD + r"(?:[ -]" + NAME_WORD + r"){0,7})(?:,? who)?\s+"
    r"(?:(?:has|have|had|also|then|later|previously) ){0,3}" + ACTS + r"\b"
)
ACCORDING_TO = re.compile(r"\baccording to ((?:the )?[A-Z][\w'’.-]*(?:[ ,]+(?:[A-Za-z][\w'’.-]*)){0,5}|the (?:[a-z][\w'’-]*\s+){0,4}"
                          r"(?:office|ministry|department|agency|service|authority|authorities|police|officials|"
                          r"committee|commission|council|board|directorate|administration|centre|center|institute)\b)")
SPEAKER_BEFORE = re.compile(
    r"(?<![\w'’.-])((?:" + NAME_WORD + r"|the|a|an|its|his|her|their)(?:\s+[\w'’.-]{1,40}+){0,5}?"
    r"(?:,\s+" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3},)?)"
    r"(?:\s+\([A-Z][A-Za-z]{1,8}\)(?:\s+(?:today|yesterday))?)?"  # "Medecins Sans Frontieres (MSF) said"
    r"\s+(?:(?:previously|also|later|now|had|have|has|then) ){0,3}" + SAYS + r"\b"
)
# A named body and what it is, then its saying: "Health Relief International (HRI), which runs two treatment centres in
# the district, said".
SPEAKER_DESCRIBED = re.compile(
    r"(?<![\w'’.-])((?:" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,5}|The\s+[a-z]{3,20})"
    r"(?:\s+\([A-Z][A-Za-z]{1,8}\))?),\s+"
    r"(?:which|who|based|headquartered|headed|led|owned|run)\s+"
    r"[^,;\"“”]{1,120},\s+(?:(?:also|now|has|have|had) ){0,2}" + SAYS + r"\b")
# Who puts a count at a value: "City spokeswoman Linda Ortiz put the number evacuated at about 3,000".
PUT_AT = re.compile(r"(?<![\w'’.-])(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,5})\s+(?:(?:has|have|had) )?"
                    r"put the (?:[a-z]+ ){0,3}?(?:number|toll|figure|count|total|tally|estimate)\b")
PASSIVE = frozenset("is are was were be been being".split())
WHEN_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"today", "tonight", "yesterday"}
WHEN_TAIL = WHEN_WORDS | {"on", "late", "early", "last", "night", "earlier"}  # "Minister Wakabi yesterday (told)"
SPEAKER_AFTER = re.compile(r",?[\"”]?\s+" + SAYS + r"\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3})")


# A body whose claim a relative clause gives: "the Meridia Cockpit and Cabin Union, which says the restructuring will
# eliminate 3,100 jobs".
WHICH_SAYS = re.compile(r"(?<![\w'’.-])((?:[Tt]he\s+)?" + NAME_WORD + r"(?:\s+(?:and\s+)?" + NAME_WORD + r"){0,6}),\s+"
                        r"(?:which|who)\s+(?:says|said|claims|estimates|maintains|insists)\b")
# An opening phrase before the one who says it: "To stem the losses the airline said".
OPENING = re.compile(r"^(?:To|In|After|With|For|On|At|By|From)\s+(?:[\w'’-]+\s+){1,6}(?=(?:the|a|an|its)\s)")
# What a speaker says, opened: "said on Thursday that", "has said that".
REPORTED_THAT = re.compile(r"(?:\s+(?:on|late|early|last|this)?\s*[A-Za-z]+){0,2}?\s+that\b")


@dataclass(frozen=True)
class Facts:
    """The fact-carrying parts of one sentence."""

    figures: tuple[Figure, ...]
    names: frozenset[str]
    denies: bool
    speaker: str | None
    agents: frozenset[str]  # last-word stems of the names that say or do what the sentence reports
    anaphoric: bool = False  # opens with a pronoun ("His bond ...", "They said ..."): whose figures is unclear
    words: frozenset[str] = frozenset()  # content stems, names included
    contrary: bool = False  # opens with "Otherwise" or "Instead": it states the alternative to another sentence
    frame: frozenset[str] = frozenset()  # the content stems of who says it ("spokesman Paul Udoto said")
    frames: tuple[Frame, ...] = ()  # what each figure is a figure of (frames.py)
    # per frame, the stems that say its count: the figure, what it counts and its predicate ("Thirty-one people died")
    count_words: tuple[frozenset[str], ...] = ()

    @property
    def totals(self) -> list[Frame]:
        """The figures another report can give differently: totals with what they count and a predicate."""
        return [frame for frame in self.frames if frame.comparable_at_all]

    @property
    def counts(self) -> list[Frame]:
        """The figures that carry the sentence's fact, parts included ("including 12 children"): what a source
        must give too."""
        return [frame for frame in self.frames if frame.head and (frame.predicate or frame.verb)
                and not frame.figure.attributive]


def speaker(text: str) -> str | None:
    """Who the sentence attributes its claim to, when it says so."""
    match = ACCORDING_TO.search(text)
    if match:
        # "according to Civic Watch, a non-governmental group which deployed ...": the name, not what it is
        return re.split(r",\s+(?:a|an|the|which|who|whose)\b", match.group(1))[0].strip(" ,.")
    match = SPEAKER_AFTER.search(text)
    if match and match.group(1).strip(" ,.").split()[0].lower() not in WHEN_WORDS \
            and not re.search(r"\btold\s", match.group(0)):  # not "the WHO said Friday", not "told Parliament"
        return match.group(1).strip(" ,.")
    match = SPEAKER_DESCRIBED.search(text)
    if match:
        return re.sub(r"^(?:But|And|Yet|However|Still)\s+", "", match.group(1))
    match = PUT_AT.search(text)
    if match:
        return match.group(1)
    match = WHICH_SAYS.search(text)
    if match:
        return match.group(1)
    # "118 people are now confirmed dead": a passive says what is known, not who says it.
    candidates = [match for match in SPEAKER_BEFORE.finditer(text)
                  if match.group(1).split()[-1].lower() not in PASSIVE
                  and not text.startswith(" by ", match.end())]  # not "the 240 million crowns estimated by the ministry"
    if candidates and REPORTED_THAT.match(text, candidates[0].end()):
        candidates = candidates[:1]  # "A consumer group said on Thursday that ... reported by the carmaker": its words
    if candidates:
        phrase = candidates[-1].group(1).strip(" ,.")
        # The words before "said" back to the start of their clause.
        phrase = re.split(r"[,;:]|\b(?:and|that|which|who|as)\b", phrase)[-1].strip(" ,.")
        phrase = OPENING.sub("", phrase)  # "To stem the losses the airline (said)": the airline
        words = phrase.split()
        while words and words[-1].lower() in WHEN_TAIL:
            words.pop()  # "Minister Charles Wakabi yesterday told Parliament": who, not when
        return " ".join(words) or None
    return None


CAPITALIZED = re.compile(r"(?<![\w'’])[A-Z][^\W\d_]*(?:['’][^\W\d_]+)*")


def names_of(text: str) -> frozenset[str]:
    """Stems of the capitalized words after the first (the people, places and organisations named); the same as
    `tokens` reads them, found without stemming every word."""
    first = TOKEN.search(text)
    found = set()
    for match in CAPITALIZED.finditer(text):
        if first is not None and match.start() == first.start():
            continue
        word = match.group(0).lower().removesuffix("'s").removesuffix("’s")
        if word not in STOPWORDS and len(word) <= LONGEST_WORD:
            found.add(stem(word))
    return frozenset(found)


# Names are read from each article's first 20,000 characters when the story's places are found: a linear, bounded
# pass whatever the article's length.
STORY_CHARS = 20_000


def story(texts: list[str], dates: list = ()) -> Story:
    """The names most of the articles use (the event's own places and actors), and the year most were published in."""
    years = [str(date.year) for date in dates if date]
    year = max(sorted(set(years)), key=years.count) if years else ""
    return story_of([names_of(text[:STORY_CHARS]) for text in texts], year)


# A day or month is when, never who ("detained 312 activists on Saturday who blocked the A12").
CALENDAR = frozenset(stem(word) for word in WEEKDAYS + MONTHS)


def agents_of(text: str) -> frozenset[str]:
    found = set()
    for match in AGENT.finditer(text):
        last = tokens(match.group(1))
        if last and last[-1][2] and last[-1][0] not in CALENDAR:
            found.add(last[-1][0])
    return frozenset(found)


# The clause that closes a sentence by saying where it comes from ("..., county fire officials said.", "..., dispatch
# records show.", "..., according to the provincial health directorate."): its words are not the fact, whoever says it.
ATTRIBUTION_TAIL = re.compile(
    r"[,;]\s+(?:according to\s+[^,;\"“”]{1,80}|(?:[^\s,;\"“”]{1,40}\s+){1,6}?(?:" + SAYS + r"|say|show|shows|"
    r"showed)(?:\s+(?:on|late|early|last)\s+\w+){0,2})\W*$")


def attribution_words(text: str, said_by: str | None) -> frozenset[str]:
    """The content stems of who says it: the speaker found, and a closing attribution clause."""
    found = set(content_units(said_by)[2]) if said_by else set()
    tail = ATTRIBUTION_TAIL.search(text)
    if tail:
        found |= content_units(tail.group(0))[2]
    return frozenset(found)


def facts(text: str) -> Facts:
    found = tuple(figures(text))
    said_by = speaker(text)
    read = tuple(frames(text, list(found)))
    words = _wire_words(content_units(_one_spelling(readable(text)))[2])
    return Facts(found, names_of(text), denies(text), said_by, agents_of(text),
                 ANAPHORIC.match(text) is not None, words, CONTRARY.match(text) is not None,
                 attribution_words(text, said_by), read, tuple(_count_words(text, frame, words) for frame in read))


# Wire and aggregator spellings of one word: "66%", "66 pct" and "66 per cent" are "66 percent"; "mln" is "million".
WIRE_SPELLINGS = {"pct": "percent", "mln": "million", "bln": "billion", "dlrs": "dollar", "dlr": "dollar"}


# ... and one name of a body or a measure, spelled out or short: "gross domestic product" is "GDP", "the U.N." and
# "the United Nations" are "the UN" ("US" is a stop word, as "U.S." and "United States" become).
# (The cue is in every spelled-out form: most sentences are passed over without a search.)
SHORT_NAMES = [(re.compile(pattern), short, cue) for pattern, short, cue in (
    (r"\b[Gg]ross [Dd]omestic [Pp]roduct\b", "GDP", "omestic"), (r"\bUnited Nations\b|\bU\.N\.", "UN", "U"),
    (r"\bEuropean Union\b|\bE\.U\.", "EU", "E"), (r"\bUnited States\b|\bU\.S\.", "US", "U"),
    (r"\bUnited Kingdom\b|\bU\.K\.", "UK", "U"))]


def _one_spelling(text: str) -> str:
    for pattern, short, cue in SHORT_NAMES:
        if cue in text:
            text = pattern.sub(short, text)
    return text


# ... and the words that say one outcome for people: "dead", "died" and "killed" say one thing, as "wounded" and
# "injured" do, and "detained" and "arrested".
SAME_OUTCOME = {stem(word): name for name in ("killed", "injured", "arrested")
                for word in PREDICATES[name].split() if word not in ("toll", "burns")}


def _wire_words(words: frozenset[str]) -> frozenset[str]:
    found = set()
    for word in words:
        if word.endswith("%") and len(word) > 1:
            found.update((word[:-1], "percent"))
        else:
            found.add(SAME_OUTCOME.get(word, WIRE_SPELLINGS.get(word, word)))
    if "cent" in found and "per" in found:
        found -= {"cent", "per"}
        found.add("percent")
    return frozenset(found)


def _count_words(text: str, frame: Frame, words: frozenset[str]) -> frozenset[str]:
    """The sentence's stems that say one count: its figure, its head and the words of its predicate."""
    said = {word for word, _, _ in tokens(text[frame.figure.start:frame.figure.end])} | {stem(frame.head)}
    said |= predicate_words(frame.predicate)
    return frozenset(SAME_OUTCOME.get(word, word) for word in said) & words


def contradicts(a: Facts, b: Facts, story: Story = Story()) -> bool:
    """Does `b` give another value for a count `a` gives (the same quantity, values that cannot both hold)? A value
    only compared with ("71 cases, up from 48 a week ago") is not one the sentence gives."""
    return any(same_quantity(mine, theirs, story, days=False) and values_differ(mine, theirs)
               for mine in a.totals if not mine.reference for theirs in b.totals if not theirs.reference)


def conflict(a: Facts, b: Facts, story: Story = Story()) -> str | None:
    """Why two sentences close in meaning do not state the same fact, or None when nothing conflicts."""
    if a.denies != b.denies:
        return "one of them denies or negates"
    if a.contrary or b.contrary:
        return "one of them states the alternative to what came before it"
    if contradicts(a, b, story):
        return "their figures differ"
    if a.agents and b.agents and not a.agents & b.agents and not a.agents & b.names and not b.agents & a.names:
        return "different people say or do it"
    return None


# Predicates that tell one fact in two ways when they give one value ("sickened 1,140" and "1,140 cases"; "recovered
# nine bodies" and "nine people died"), though their counts are not compared as one quantity.
SAME_FACT = [{"ill", "infected"}, {"killed", "recovered"}, {"culled", "destroyed"}]


# Sides of a conflict or a siege whose counts never stand for each other: police and hostages, troops and civilians.
SIDE = {head: side for side, heads in {
    "police": "police policemen policewomen officer officers constables",
    "troops": "troops",
    "militants": "militants militant rebels rebel gunmen gunman attackers attacker insurgents insurgent fighters",
    "civilians": "civilians civilian",
    "hostages": "hostages hostage",
    "prisoners": "prisoners",
}.items() for head in heads.split()}


def names_no_time(frame: Frame) -> bool:
    """Does the count name no time at all: no span, no start, no day?"""
    return untimed(frame) and not frame.as_of and not frame.period


def _same_count(mine: Frame, theirs: Frame, words: frozenset[str] | None = None, story: Story = Story()) -> bool:
    """Does `theirs` give the count `mine` gives: the same kind and unit, the same value as far as rounding goes
    (figures.alike: "at least 212" does not give "at least 205"; a vague "thousands" does not give "8,000"), and for a count of people or things the same predicate, or, where one of
    them says none, the same thing counted. A verb outside the known predicates is worded too variously to demand
    ("filed" and "lodged"); so is what a sum of money is for ("repairs would cost £2.3 million", "repairs estimated
    at 2.3 million pounds"). With `words` (the stems of `mine`'s sentence), a count of anyone that says what happened
    to them is given without a predicate only by a count of people the sentence names."""
    if mine.kind != theirs.kind or mine.figure.unit != theirs.figure.unit or not alike(mine.figure, theirs.figure):
        return False
    if not same_span(mine, theirs, story) and not untimed(theirs) and not (names_no_time(mine) and not theirs.period):
        # "97 rockets hit Israel on Friday" is not "97 rockets since midweek"; but a count that names no time is given
        # by the same count since a start ("Police have arrested 14 people", "Fourteen suspects have been detained
        # since Saturday's market bombing")
        return False
    if theirs.figure.vague and not mine.figure.vague:
        return False
    # "$100" paid is not "$100" in bail; "a $1.2 trillion package" may be "a $1.2 trillion spending bill"; what
    # something costs is what it is ("repairs would cost £2.3 million", "estimated repairs at 2.3 million pounds").
    if mine.kind == "money" and mine.predicate and theirs.predicate and mine.predicate != theirs.predicate \
            and "cost" not in (mine.predicate, theirs.predicate):
        return False
    if mine.kind != "count":
        return True
    if mine.predicate and theirs.predicate:
        sides = {SIDE.get(mine.head), SIDE.get(theirs.head)}
        if None not in sides and len(sides) == 2:
            return False  # "had killed two policemen" is not given by "two wounded hostages died"
        return mine.predicate == theirs.predicate or {mine.predicate, theirs.predicate} in SAME_FACT
    if mine.predicate and mine.head == ANYONE and words is not None and not {
            stem(word) for word in (theirs.head, *theirs.modifiers) if word not in ("", ANYONE, "people")} <= words:
        return False  # "Four of the dead were German tourists" is not given by "four Dutch citizens" among the guests
    if mine.head == theirs.head or ANYONE in (mine.head, theirs.head) and {mine.head, theirs.head} <= PERSONS:
        return True
    # A figure as exact as "71,400" or "166" given by both is the same count, whatever each calls what it counts.
    return (not mine.predicate and not theirs.predicate and mine.figure.value == theirs.figure.value
            and mine.figure.bound == "exact" and mine.figure.value >= 100 * mine.figure.step)


def required_counts(facts: Facts) -> list[Frame]:
    """Every count a source of the sentence must give too: not a part of another, not a value compared with, not
    the crowd it happened before ("knocked out Okafor in the 10th round ... before a crowd of 19,200")."""
    counts = [frame for frame in facts.counts if not frame.reference
              and not (frame.predicate == "attended" and frame.head == ANYONE)
              and not (frame.other and frame.figure.vague)]  # "and damaged thousands more": a detail
    # A part is a detail of a sentence that gives the whole ("..., including 12 children"), and the fact of one that
    # gives only the part ("The eastern region has been worst hit, with 640 deaths").
    # A part the sentence opens with is its subject: "Six Britons were among 14 people killed" is about the six.
    return [frame for frame in counts if not frame.part or frame.figure.start == 0] or counts


def main_counts(facts: Facts) -> list[Frame]:
    """The counts a sentence is about, when they say what happened: counts with a known predicate ("killed",
    "evacuated"; for a sum of money, what it is: a fine, losses), but not a part of another ("including 12
    children") nor a value compared with ("up from 48", "nearly double the 620 cases last year")."""
    return [frame for frame in required_counts(facts) if frame.predicate]


def carries_counts(own: Facts, other: Facts, kind: str | None = None, story: Story = Story()) -> bool:
    """Does `other` give every count `own` is about (of this `kind` only, when given)? "They suffered casualties"
    does not vouch for "about 600 soldiers were killed", nor "12 pilgrims were killed" for "killing 12 and injuring
    40" (even when its article gives the 40 injured in another sentence: a source is the sentence cited, and it must
    state the whole fact), nor "killed 23 and injured 17" for "Fourteen vehicles plunged into the river ..., killing 23
    people and injuring 17": a count without a known predicate is part of the fact too."""
    mine = required_counts(own)
    # (Not a value the other gives as the one a count changed from, unless it tells the sentence's change too: "raised
    # the number of planned job cuts to 2,900 from 2,400" does not vouch for "will eliminate 2,400 positions"; "fell
    # from €24.2m in 2014 to €5.58m last year" does for "pocketed 24.2 million euros in 2014, ... fell to 5.6 million".)
    tells_change = any(count.role == "to" and _same_count(count, theirs, own.words, story)
                       for count in own.frames for theirs in other.frames if theirs.role != "from")
    usable = [theirs for theirs in other.frames if theirs.role != "from" or tells_change]
    return all(any(_same_count(count, theirs, own.words, story) for theirs in usable)
               for count in mine if kind is None or count.figure.kind == kind)


# Words that place a thing near another ("near", "beside", "along" Highway 46): how a sentence words the place, not
# what it states.
PLACING = frozenset(stem(word) for word in """near nearby beside alongside along outside inside across around
amid amidst toward towards beyond within throughout past""".split())


def coverage(own: Facts, other: Facts, common: frozenset[str] = frozenset(), counts: bool = False) -> float:
    """The share of `own`'s content words that `other` uses too, leaving out who says it, how it places things and
    the `common` words every article uses (but a day or month both name: when it happened is part of the fact, "began
    Monday afternoon near Highway 46"): a sentence that states only part of `own` covers little of it. With
    `counts`, the words that say a count `other` gives with the same value count as used ("Thirty-one people died",
    "the toll stood at 31")."""
    frame = own.frame | other.frame | (common - (own.words & other.words & CALENDAR)) | PLACING
    words = own.words - frame
    said = frozenset().union(*(own.count_words[number] for number, mine in enumerate(own.frames)
                               if any(theirs.figure.value == mine.figure.value and _same_count(mine, theirs)
                                      for theirs in other.frames))) if counts else frozenset()
    return len(words & ((other.words - frame) | said)) / max(len(words), 1)


def shared_share(a: Facts, b: Facts, common: frozenset[str] = frozenset()) -> float:
    """The share of the shorter sentence's content words that the other one uses too, leaving out the words that say
    who says it (two statements by the same spokesman about different events share his name and title, not the
    fact), how it places things and the `common` words every article uses."""
    frame = a.frame | b.frame | common | PLACING
    words_a, words_b = a.words - frame, b.words - frame
    return len(words_a & words_b) / max(min(len(words_a), len(words_b)), 1)
