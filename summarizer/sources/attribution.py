"""Attribution: which articles report what a chosen sentence says, and where each of them says it.

A sentence of another article corroborates a chosen sentence when it is a statement (not a headline), carries the
sentence's fact and nothing that carries it conflicts (a denial, another value for one of its counts, someone else
doing it: see facts.py). It carries the fact when it gives every count the sentence is about (same predicate, the
same value as far as rounding goes), close in meaning (FACT_SIMILARITY), using some of its words
or giving its count exactly (a large one, DISTINCTIVE_COUNT); or, for a sentence without counts, when it is very
close in meaning (the source threshold) and says it largely in the same words (SHARED_SHARE); or when it is a
paraphrase: half the words, fairly close in meaning (PARAPHRASE_SIMILARITY) and on the same day, or the same
distinctive figures (DISTINCTIVE), some of the words and no other day. An article that gives another value for one
of the sentence's counts anywhere is never a source of it, nor one its "Reports differ" note cites for another
value. Candidates are found by FAISS range search with no cap on how many among the sentences that share at least
two content words with some chosen sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Container, Sequence

import faiss
import numpy as np

from .facts import SAME_FACT, SAYS, Facts, carries_counts, conflict, contradicts, coverage, main_counts, shared_share
from .frames import ANYONE, WEEKDAYS, Story, same_quantity
from ..content.words import content_units
from ..content.figures import MONTH_NAME, Figure, alike, compatible, may_hold_figures
from ..reading.sentences import Sentence
from ..reading.standalone import is_statement

# A sentence this short does not state a fact another can be credited for.
MIN_SOURCE_WORDS = 5


@dataclass(frozen=True)
class Match:
    """The sentence of one article that reports the fact: `article.text[start:end]`, with its similarity."""

    document_id: str
    start: int
    end: int
    similarity: float

    def to_dict(self) -> dict:
        return {"document_id": self.document_id, "start": self.start, "end": self.end,
                "similarity": round(self.similarity, 4)}


def plain_words(words: frozenset[str]) -> frozenset[str]:
    """A sentence's words with "66%" read as "66", as another article may write "66 percent"."""
    if not any(word.endswith("%") for word in words):
        return words
    return frozenset(word[:-1] if word.endswith("%") and len(word) > 1 else word for word in words)


def may_compare(chosen: Sequence[Facts], other: Facts) -> bool:
    """Could a figure of `other` give or contradict one of the chosen sentences' figures: one of the same kind and
    value, or a frame of the same kind with the same predicate (or one told as one fact with it, or a count of
    casualties), or the same thing counted?"""
    values = {(figure.kind, figure.value) for facts in chosen for figure in facts.figures}
    if any((figure.kind, figure.value) in values for figure in other.figures):
        return True
    for facts in chosen:
        for mine in facts.frames:
            for theirs in other.frames:
                if mine.kind != theirs.kind:
                    continue
                predicates = {mine.predicate, theirs.predicate}
                if mine.predicate and theirs.predicate and (len(predicates) == 1 or predicates in SAME_FACT
                                                            or "casualties" in predicates):
                    return True
                if mine.head and theirs.head and (mine.head == theirs.head or ANYONE in (mine.head, theirs.head)):
                    return True
    return False


def may_cover(own: Facts, other: Facts, story: Story = Story()) -> bool:
    """Does `other` use enough of `own`'s words for any way `corroborates` can vouch for it: two counts or more, or
    a fifth of the words (a large count given alike), the words of counts given alike counted as used?"""
    return len(main_counts(own)) >= 2 or coverage(own, other, story.places, counts=True) >= LARGE_COUNT_COVERAGE


def plausible_sources(chosen: Sequence[int], sentences: Sequence[Sentence], words: Sequence[frozenset[str]],
                      shared_words: int, counted: frozenset[str] = frozenset(), seen_from: int | None = None,
                      embedded: Container[int] = (), figures_of: Callable[[int], Facts] | None = None,
                      story: Story = Story()) -> list[int]:
    """Statements (not headlines or fragments) of other articles that share at least `shared_words` content words
    with some chosen sentence; and statements of any article that may give a figure of what the chosen sentences
    count (`counted`: the stems that say it, "missing", "killed"), for the notes. Sentences from index `seen_from`
    on (an update brief's seen articles) are taken by their words only when `embedded` already: a seen sentence
    close enough to be a source was compared already, and one that said the same kept the candidate out. With
    `figures_of` (a sentence's facts), a sentence taken for its figures alone must hold one that can be compared
    with a figure of the chosen sentences (`may_compare`): most sentences of wire copy hold some figure; and one taken
    for its words must use enough of them to pass `corroborates` (`may_cover`)."""
    words = [plain_words(found) for found in words]
    mine = [figures_of(index) for index in chosen] if figures_of is not None else []

    def comparable(other: int) -> bool:
        return figures_of is None or may_compare(mine, figures_of(other))

    def covers(own: int, other: int) -> bool:
        return figures_of is None or may_cover(figures_of(own), figures_of(other), story)

    by_word: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        if is_statement(sentence):
            for word in words[index]:
                by_word.setdefault(word, []).append(index)
    found: set[int] = set()
    for own in chosen:
        counts: dict[int, int] = {}
        for word in words[own]:
            for other in by_word.get(word, ()):
                counts[other] = counts.get(other, 0) + 1
        for other, shared in counts.items():
            if (shared < shared_words or sentences[other].document == sentences[own].document
                    or sentences[other].words < MIN_SOURCE_WORDS
                    or (seen_from is not None and other >= seen_from and other not in embedded)):
                continue
            # Only a sentence that shares enough words can be a source (see `corroborates`); any other is kept only
            # if it may hold a figure the brief's sentence gives differently.
            if shared / max(min(len(words[own]), len(words[other])), 1) >= SHARED_SHARE and covers(own, other) \
                    or may_hold_figures(sentences[other].text) and comparable(other):
                found.add(other)
    for word in counted:
        for other in by_word.get(word, ()):
            if other not in found and may_hold_figures(sentences[other].text) and comparable(other):
                found.add(other)
    return sorted(found)


# Close in meaning is not enough: a sentence on the same topic may state another fact ("the lion escaped" and "the
# lion was shot"). A source also says it largely in the same words: at least this share of the shorter sentence's
# content words (names and figures included).
SHARED_SHARE = 0.4


# A source uses at least this share of the sentence's words (those every article uses aside): one that states only a
# part of it does not ("As soon as he paid the $100, he was arrested" is not vouched for by "he handed over the $100").
COVERAGE = 0.5
# ... a third of them, when it gives the sentence's counts (the counts carry most of the fact).
FACT_COVERAGE = 0.3
# Paraphrases with the same counts sit lower in meaning than the same words do ("The fire broke out early Monday
# afternoon beside Highway 46" and "Flames were first reported on Monday afternoon along Highway 46"): a sentence
# that gives every count the chosen one gives needs this similarity, and a little of its words.
FACT_SIMILARITY = 0.45
FACT_SHARE = 0.1


# A figure of at least this value, or written with decimals ("2.9 percent"), given exactly alike by two sentences, is
# seldom a coincidence.
DISTINCTIVE = 20
# A paraphrase without counts ("The fire broke out early Monday afternoon beside Highway 46" for "The Cedar Ridge Fire
# started Monday afternoon near Highway 46"): this close in meaning and seven tenths of its words (sentences of real
# news this close that used half to two thirds of them stated only a part of the sentence's fact about as often as
# all of it), or half when both name the fact's day; or this close, with the same distinctive figures and this share of its words ("drew
# 71,400 spectators" for "A crowd of 71,400 watched").
PARAPHRASE_SIMILARITY = 0.55
PARAPHRASE_SHARE = 0.5
PARAPHRASE_COVERAGE = 0.7
FIGURE_SIMILARITY = 0.5
FIGURE_SHARE = 0.3


def distinctive_figures(facts: Facts) -> list[Figure]:
    """The figures of a sentence that single out its fact: exact enough and large enough that another sentence
    giving the same value is not a coincidence ("71,400", "212 seats", "$150 million", "2.9 percent"; not "two", not
    "thousands")."""
    return [figure for figure in facts.figures
            if figure.kind in ("count", "money", "area", "weight", "percent") and not figure.vague
            and (not figure.attributive or figure.kind in ("area", "weight"))
            and (figure.value >= DISTINCTIVE or figure.step < 1)]


def gives_value(own: Facts, other: Facts, story: Story = Story()) -> bool:
    """Does `other` give one of `own`'s counts at the very value `own` gives it?"""
    return any(same_quantity(mine, theirs, story, days=False)
               and (mine.figure.value, mine.figure.top) == (theirs.figure.value, theirs.figure.top)
               for mine in own.totals if not mine.reference for theirs in other.totals)


def same_figure(figure: Figure, theirs: Figure) -> bool:
    """The same kind, unit and value; a measure written in another unit, the same value as far as rounding goes
    ("the 1,200-kilogram satellite", "weighing about 2,650 pounds", "1.2 tonnes")."""
    if theirs.kind != figure.kind or theirs.unit != figure.unit:
        return False
    if theirs.scale != figure.scale:
        return alike(figure, theirs)
    return (theirs.value, theirs.top) == (figure.value, figure.top)


def gives_figures(own: Facts, other: Facts) -> bool:
    """Does `other` give every distinctive figure `own` gives, alike (`same_figure`)?"""
    mine = distinctive_figures(own)
    return bool(mine) and all(any(same_figure(figure, theirs) for theirs in other.figures) for figure in mine)


# A sentence that leads with a distinctive figure ("will recruit 2,000 nurses ... under a $310-million plan") is
# vouched for by one this close in meaning that gives that figure alike, with this share of its words and no other
# day, though it leaves the details after it out ("plans to add 2,000 nurses over three years"): the figure carries
# the main fact.
MAIN_FIGURE_SIMILARITY = 0.65
MAIN_FIGURE_SHARE = 0.3


def gives_first_figure(own: Facts, other: Facts) -> str | None:
    """The kind of the first distinctive figure of `own` when `other` gives it alike (`same_figure`), else None."""
    mine = distinctive_figures(own)
    if not mine:
        return None
    # Not a value the other gives as the one a figure changed from ("raised its offer to 42.50 kora a share from 38").
    earlier = {id(frame.figure) for frame in other.frames if frame.role == "from"}
    given = [any(same_figure(figure, theirs) for theirs in other.figures if number or id(theirs) not in earlier)
             for number, figure in enumerate(mine)]
    # ... and at least half of them: "priced its sale of a 24 pct stake at 14,800 hwan a share after investors placed
    # orders worth 5.9 trillion hwan" is about more than the stake "The government is selling ..., a 24 percent stake".
    return mine[0].kind if given[0] and 2 * sum(given) >= len(mine) else None


def other_measure(own: Facts, other: Facts) -> bool:
    """Does `other` give another value where `own` gives a figure with decimals, of the same kind and unit, and not
    `own`'s value ("measured 6.9 on the Richter scale" against "measured 6.7 on the Richter scale"), another
    temperature ("fell to minus 38 degrees" against "minus 41 degrees Celsius"), or another length
    of time in the same unit ("ending a 16-day walkout" against "ending an 11-day strike"), or, where `own` gives one
    percentage, sum in a currency, weight or area, only others of its kind ("a 28 pct premium" against "a premium of 31
    percent"; "a trade surplus of 2.2 bln dlrs" against "widened to 2.6 billion dollars")?"""
    own_frames = {id(frame.figure): frame for frame in own.frames}
    for figure in own.figures:
        if figure.vague:
            continue
        if figure.kind in ONE_EACH and not (figure.kind == "percent" and figure.step < 1):
            frame = own_frames.get(id(figure))
            if frame is None or frame.reference or frame.period - set(WEEKDAYS) - RATE_SPANS:
                continue  # "against 74 pct in the 1992 referendum": a value compared with, not the sentence's own
            mine = [other_figure for other_figure in own.figures
                    if other_figure.kind == figure.kind and other_figure.unit == figure.unit]
            same = [theirs for theirs in other.figures if theirs.kind == figure.kind and theirs.unit == figure.unit]
            if len(mine) == 1 and same and not any(compatible(figure, theirs) for theirs in same):
                return True  # not "more than 40 percent" for 42; not "an additional 60,000 tonnes, raising the
                # total to 300,000 tonnes" for "bought 240,000 tonnes"
            continue
        if figure.kind == "temperature":
            same = [theirs for theirs in other.figures if theirs.kind == "temperature"
                    and (theirs.unit == figure.unit or "deg" in (theirs.unit, figure.unit))]
        elif figure.kind == "duration":
            same = [theirs for theirs in other.figures if theirs.kind == "duration" and theirs.counted == figure.counted]
        elif figure.step < 1:
            same = [theirs for theirs in other.figures
                    if theirs.kind == figure.kind and theirs.unit == figure.unit and theirs.step < 1]
        else:
            continue
        if figure.kind == "temperature":
            if same and not any(compatible(figure, theirs) for theirs in same):
                return True  # "above 44 degrees Celsius" and "reached 44.6 degrees" can both be so
        elif same and all((theirs.value, theirs.top) != (figure.value, figure.top) for theirs in same):
            return True
    return False


# A sentence that passes a sentence: the term is its main fact ("sentenced ... to 12 years in prison for embezzling
# 14.2 mln pesos" is not vouched for by "was found guilty Friday of diverting 14.2 million pesos").
SENTENCED = re.compile(r"\b(?:sentenced|sentencing|jailed|imprisoned|imprisonment|in prison|in jail|behind bars)\b")


# Why a figure moved, said after the move: "profit fell 23 pct as price competition from Asian rivals squeezed
# margins", "output fell 6 pct, hurt by lower ore grades".
CAUSE = re.compile(r"\b(?:rose|fell|dropped|slumped|jumped|climbed|declined|increased|decreased|plunged|soared|surged|"
                   r"eased|tumbled|slipped|gained|lost|shrank|grew)\b[^;.]{0,80}?\b(?:as|because(?: of)?|due to|owing to|"
                   r"hurt by|hit by|driven by|dragged down by|weighed down by|blamed on)\s+(?P<cause>[^,;.]{5,100})")


def other_cause(own: str, other: str) -> bool:
    """Do both sentences say why a figure moved, for causes that share no word ("as price competition from Asian
    rivals squeezed margins" against "as the global economic slowdown hurt demand")? Then they tell different facts."""
    mine, theirs = CAUSE.search(own), CAUSE.search(other)
    if not (mine and theirs):
        return False
    return not (content_units(mine.group("cause"))[2] & content_units(theirs.group("cause"))[2])


def leaves_out_term(own: Facts, other: Facts, text: str) -> bool:
    """Does `own` give a prison term that `other` does not give?"""
    terms = [figure for figure in own.figures if figure.kind == "duration" and figure.counted in ("year", "month")]
    return bool(terms) and SENTENCED.search(text) is not None and not any(
        theirs.kind == "duration" and theirs.counted == figure.counted and theirs.value == figure.value
        for figure in terms for theirs in other.figures)


# Spans that make a figure a rate, not one of another time: "about 420,000 tonnes of copper a year".
RATE_SPANS = frozenset({"a year", "per year", "each year", "every year", "a day", "per day", "each day", "every day",
                        "a week", "per week", "a month", "per month", "daily", "weekly", "monthly", "annually"})
# Kinds of figure a sentence gives mostly one of, so another value in a paraphrase is another fact ("produces about
# 420,000 tonnes of copper a year" against "about 380,000 tonnes").
ONE_EACH = ("percent", "money", "weight", "area")


# A count this large, given exactly by both with the same predicate, is seldom a coincidence within one story; with
# a fifth of the sentence's other words it carries the fact ("By 4 p.m. police said 312 people had been detained"
# gives the count, not "Dutch police detained 312 climate activists who blocked the A12 to protest ...").
DISTINCTIVE_COUNT = 10
LARGE_COUNT_COVERAGE = 0.2


def same_large_count(own: Facts, other: Facts) -> bool:
    """Does `other` give the first count `own` is about exactly as it does (value and predicate), a count of at least
    DISTINCTIVE_COUNT ("killing 40 people", "Forty people died"; not "three dead", not "about 40")?"""
    first = main_counts(own)[0]
    if first.figure.bound != "exact" or first.figure.vague or first.figure.value < DISTINCTIVE_COUNT:
        return False
    return any(theirs.figure.bound == "exact" and not theirs.figure.vague and theirs.figure.value == first.figure.value
               and theirs.predicate == first.predicate for theirs in other.frames)


# A count in a clause that describes a noun ("the blasts that killed three people", "the bombing, which killed
# three"): what the sentence tells of something else, not its own fact ("... was sentenced to death").
DESCRIBING = re.compile(r"\b(?:that|which)\s+[a-z][^,;:.\"“”]{0,60}$")


def describes_only(facts: Facts, text: str) -> bool:
    """Are all the sentence's main counts inside clauses that describe a noun?"""
    return all(DESCRIBING.search(text[max(0, frame.figure.start - 80):frame.figure.start])
               for frame in main_counts(facts))


DAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\b(?:January|February|March|April|May|June|July|August|"
                 r"September|October|November|December)\b")


def same_days(own: str, other: str) -> bool:
    """When a sentence names the day or month of its fact, a paraphrase of it names one of them too."""
    days = set(DAY.findall(own))
    return not days or bool(days & set(DAY.findall(other)))


# A day of a month: "Oct. 30", "October 30", "30 October".
DATE = re.compile(r"\b(?P<month>" + MONTH_NAME + r")\s+(?P<day>\d{1,2})\b(?!,\d)"
                  r"|\b(?P<day2>\d{1,2})\s+(?P<month2>" + MONTH_NAME + ")")


def _dates(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for match in DATE.finditer(text):
        month = (match.group("month") or match.group("month2"))[:3]
        found.setdefault(month, set()).add(match.group("day") or match.group("day2"))
    return found


def other_date(own: str, other: str) -> bool:
    """Do the sentences give the same month different days ("posted Oct. 30", "in an interview on Oct. 29")?"""
    mine, theirs = _dates(own), _dates(other)
    return any(not mine[month] & theirs[month] for month in mine.keys() & theirs.keys())


def both_date(own: str, other: str) -> bool:
    """Do both sentences name the same day or month of their fact (not the day it was said)?"""
    return bool(set(DAY.findall(SAID_ON.sub(" ", own))) & set(DAY.findall(SAID_ON.sub(" ", other))))


# The day something was said ("officials said on Sunday", "the ministry announced Monday") is not the day of the fact
# (but "Flames were first reported on Monday" is).
SAID_ON = re.compile(r"(?<!were )(?<!was )(?<!first )\b" + SAYS + r"\b(?:\s+[\w'’]+){0,2}?\s+(?:on\s+|late\s+|early\s+)?"
                     r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def no_other_day(own: str, other: str) -> bool:
    """Unless both sentences name a day or month of their fact (not the day it was said), and no one of them alike."""
    days, theirs = (set(DAY.findall(SAID_ON.sub(" ", text))) for text in (own, other))
    return not days or not theirs or bool(days & theirs)


def corroborates(similarity: float, own: Facts, other: Facts, threshold: float, story: Story = Story(),
                 texts: tuple[str, str] = ("", "")) -> bool:
    """Does a sentence this similar, with these facts, state the same fact: it carries it (counts; else names and
    words) and nothing that carries the fact conflicts?"""
    if conflict(own, other, story) is not None or other_date(*texts) or other_measure(own, other) \
            or leaves_out_term(own, other, texts[0]) or gives_only_earlier(own, other) or other_cause(*texts):
        return False
    if not carries_counts(own, other, story=story):
        # A sum or a count of another kind after the one the sentence leads with is a detail of its fact.
        lead = leads_alike(similarity, own, other, texts)
        return lead is not None and carries_counts(own, other, lead, story)
    covered = coverage(own, other, story.places)
    share = shared_share(own, other)
    if main_counts(own):
        # Who did it is part of the fact: "the Sahel Liberation Front attacked ..., killing six officers" is not
        # vouched for by "gunmen killed six officers".
        # Names, not a common noun opening the sentence ("Gunmen stormed ..."), nor who says it ("the ministry said").
        named = (own.agents - own.frame) & own.names
        # Two counts or more, each given by the sentence itself, carry the fact whatever the other words, on the
        # same day when both name one (two shootings, each with "three dead" and "three wounded", on two days).
        # So does a large count both give exactly, with the same predicate ("killing 40 people", "Forty people died")
        # and some of the other words; not counts that only describe something else ("was sentenced ... for the
        # blasts that killed three").
        counted = ((len(main_counts(own)) >= 2
                    or same_large_count(own, other) and covered >= LARGE_COUNT_COVERAGE)
                   and no_other_day(*texts) and not describes_only(own, texts[0]))
        if not describes_only(own, texts[0]):
            covered = coverage(own, other, story.places, counts=True)
        return (similarity >= FACT_SIMILARITY and share >= FACT_SHARE and (covered >= FACT_COVERAGE or counted)
                and (not named or bool(named & (other.names | other.agents))))
    if similarity >= threshold and share >= SHARED_SHARE and covered >= COVERAGE:
        return True
    # Lower in meaning, a paraphrase still carries the fact when it says it mostly in the same words, on the same day
    # when the sentence names one; or gives the same distinctive figures, and names no other day ("About 45,000
    # claims had been filed by Tuesday morning" and "some 45,000 claims had been lodged so far"); or, closer in
    # meaning, the figure the sentence leads with.
    if own.denies:
        return False
    return (similarity >= PARAPHRASE_SIMILARITY and share >= PARAPHRASE_SHARE and same_days(*texts)
            and (covered >= PARAPHRASE_COVERAGE or covered >= COVERAGE and both_date(*texts))
            or similarity >= FIGURE_SIMILARITY and share >= FIGURE_SHARE and covered >= FIGURE_SHARE
            and gives_figures(own, other) and no_other_day(*texts)
            or leads_alike(similarity, own, other, texts) is not None)


def gives_only_earlier(own: Facts, other: Facts) -> bool:
    """Are the other's counts only values `own` says its count changed from ("Ground stations had made contact with
    nine of them by Friday" for "... with 13 of the cubesats ..., up from nine on Friday")?"""
    earlier = {frame.figure.value for frame in own.frames if frame.role == "from"}
    later = {frame.figure.value for frame in own.frames if frame.role != "from"}
    theirs = {figure.value for figure in other.figures if figure.kind in ("count", "money", "percent", "area", "weight")}
    # (of what its own counts count, when the other gives those: not "the 150 transfer positions" beside "60 workers
    # had signed up" for "118 workers ... had applied for transfers, up from 60")
    heads = {frame.head for frame in own.frames} | {"", ANYONE}
    theirs = theirs - {frame.figure.value for frame in other.frames if frame.head not in heads} or theirs
    return bool(earlier) and bool(later) and bool(theirs) and theirs <= earlier and not theirs & later


def leads_alike(similarity: float, own: Facts, other: Facts, texts: tuple[str, str]) -> str | None:
    """The kind of the figure `own` leads with when `other`, close in meaning, gives it alike, with some of its
    words and no other day; else None."""
    if similarity < MAIN_FIGURE_SIMILARITY or shared_share(own, other) < MAIN_FIGURE_SHARE or not no_other_day(*texts):
        return None
    return gives_first_figure(own, other)


def attribute(chosen: Sequence[int], pool: Sequence[int], vectors: dict[int, np.ndarray],
              sentences: Sequence[Sentence], facts_of: Callable[[int], Facts], threshold: float,
              names: Sequence[str], story: Story = Story()) -> list[tuple[Match, ...]]:
    """For each chosen sentence: itself, then per other article its closest corroborating sentence in `pool`; no
    article that gives another value for one of the sentence's counts."""
    if not chosen:
        return []
    own_vectors = np.stack([vectors[i] for i in chosen]).astype(np.float32)
    results = []
    neighbours: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0, np.int64), np.zeros(0, np.float32))] * len(chosen)
    radius = min(threshold, FACT_SIMILARITY)
    if pool:
        index = faiss.IndexFlatIP(own_vectors.shape[1])
        index.add(np.stack([vectors[i] for i in pool]).astype(np.float32))
        # FAISS keeps inner products above the radius; the radius itself counts as close enough.
        limits, similarities, ids = index.range_search(own_vectors, radius - 1e-6)
        neighbours = [(ids[limits[row]:limits[row + 1]], similarities[limits[row]:limits[row + 1]])
                      for row in range(len(chosen))]
    with_counts = [other for other in pool if facts_of(other).totals]
    for row, own in enumerate(chosen):
        own_facts = facts_of(own)
        dissenting = {sentences[other].document for other in with_counts
                      if own_facts.totals and contradicts(own_facts, facts_of(other), story)}
        # An article that gives the sentence's value too reports the other one as earlier or as someone else's (a
        # note then says which); it is not against the sentence as a whole ("had put the toll at 27", "has risen
        # to 31").
        dissenting -= {sentences[other].document for other in with_counts
                       if sentences[other].document in dissenting and gives_value(own_facts, facts_of(other), story)}
        best: dict[int, tuple[float, Sentence]] = {}
        found_ids, found_similarities = neighbours[row]
        order = np.lexsort((found_ids, -found_similarities))
        for position in order:
            other = pool[int(found_ids[position])]
            sentence, similarity = sentences[other], float(found_similarities[position])
            if sentence.document == sentences[own].document or sentence.document in best \
                    or sentence.document in dissenting or sentence.words < MIN_SOURCE_WORDS:
                continue
            if corroborates(similarity, own_facts, facts_of(other), threshold, story,
                            (sentences[own].text, sentence.text)):
                best[sentence.document] = (min(similarity, 1.0), sentence)
        own_sentence = sentences[own]
        others = [Match(names[document], s.start, s.end, similarity) for document, (similarity, s) in sorted(best.items())]
        results.append((Match(names[own_sentence.document], own_sentence.start, own_sentence.end, 1.0), *others))
    return results


def without_dissenters(found: Sequence[tuple[Match, ...]], disagreements: Sequence) -> list[tuple[Match, ...]]:
    """Each sentence's matches without the articles its "Reports differ" notes cite for another value than the
    sentence's own article gives: no article is both a source and a dissenter of one sentence."""
    result = []
    for position, matches in enumerate(found):
        own = matches[0].document_id
        dissenting = set()
        for note in disagreements:
            if note.sentence != position or note.kind != "differ":
                continue
            own_values = {claim.value for claim in note.claims if claim.document_id == own} | {note.value}
            dissenting |= {claim.document_id for claim in note.claims
                           if claim.document_id != own and claim.value not in own_values}
        result.append(tuple(match for match in matches if match.document_id not in dissenting))
    return result
