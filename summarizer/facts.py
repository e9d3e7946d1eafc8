"""What a sentence asserts, in the parts that carry a fact: its figures (and the time each covers), the names it
uses, whether it denies, and who it quotes. Two sentences close in meaning state the same fact only when none of
these parts conflict (de Marneffe, Rafferty & Manning 2008: mismatched numbers and negation are the contradictions
that can be found with fair precision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import FAMILIES, Figure, compatible, figures
from .sentences import readable
from .words import content_units, stem, tokens

# A denial or negation anywhere in the sentence: "dismissing the allegations as a hoax", "did not confirm".
DENIAL = re.compile(
    r"\b(?:not|never|no|n[o']t|deni(?:ed|es|al)|deny(?:ing)?|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:ed|es|ing)|"
    r"hoax|false(?:ly)?|fake|baseless|unfounded|untrue|disput(?:ed|es|ing)|rebuff(?:ed)?)\b|n['’]t\b",
    re.IGNORECASE,
)
# The part of the story a figure covers, when it is not the whole: "over the weekend", "in the past 24 hours",
# "on Sunday alone", "daily". (A reporting day, "On Monday, officials said ...", is not a scope.)
SCOPE = re.compile(
    r"\b(?:(?:over|during|on|at|this|last|past) (?:the )?weekend|(?:in|over|during)(?: just)? the (?:past|last) "
    r"(?:\d+ |24 |48 |72 |few |two |three |several )?(?:hours|days|weeks|months|years)|overnight|yesterday alone|"
    r"(?:on|since) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) alone|(?:this|last|past) "
    r"(?:week|night|month|year)|daily|a day|per day|each day|every day|a week|per week|so far(?: this \w+)?|"
    r"as of [\w ,]{3,20}?\d{4}|as of (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today)|"
    r"since \w+|(?:in|by|during|through|over|for) (?:\w+ )?(?:1[89]|20)\d\d|new|"
    r"as of (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? \d{1,2}|over (?:\d+|two|three|four|five|several|"
    r"the (?:past|last) \w+) (?:hours|days|weeks)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: morning| afternoon| evening| night)?)\b",
    re.IGNORECASE,
)
# A sentence that opens with a pronoun: who it is about is in another sentence.
ANAPHORIC = re.compile(r"[\"“‘']?(?:He|She|It|They|His|Her|Its|Their|Him|Them|This|These|Those|That)\b")
# A sentence that states the alternative to the one before it: "Otherwise, the jackpot would be paid over 30 years."
CONTRARY = re.compile(r"[\"“‘']?(?:Otherwise|Instead|Alternatively|Conversely|Or)\b")
# Counts of people that a source must give too before it vouches for a sentence that gives them (besides the
# families of figures.FAMILIES, which are compared as families): "viewed by over 3 million households" is not
# vouched for by "viewed by the agency".
PERSONS = frozenset(stem(word) for word in """
households families viewers voters passengers students pupils workers employees staff patients children adults
women men members customers users subscribers visitors spectators fans tourists migrants immigrants
""".split())
# Who says it: "according to KCNA", "Seoul has said", "Western officials previously suggested".
SAYS = r"(?:said|says|has said|have said|had said|told|reported|reports|estimated|estimates|claimed|claims|suggested|" \
       r"indicated|stated|announced|confirmed|added|believes|believe|warned)"
# What someone does in a sentence that another source may credit to someone else: "Putin has praised",
# "Gerasimov, who lauded".
ACTS = r"(?:" + SAYS[3:-1] + r"|praised|praises|lauded|lauds|hailed|hails|thanked|commended|condemned|criticized|" \
       r"criticised|accused|denied|ordered|signed|met|visited|called)"
# A name: capitalized words of bounded length, taken whole (possessive), starting at a word's start, so that a
# search costs a bounded amount per position whatever the text ("A.A.A.A..." or a run of capitalized words).
NAME_WORD = r"[A-Z][\w'’.-]{0,40}+"
AGENT = re.compile(
    r"(?<![\w'’.-])(" + NAME_WORD + r"(?:[ -]" + NAME_WORD + r"){0,7})(?:,? who)?\s+"
    r"(?:(?:has|have|had|also|then|later|previously) ){0,3}" + ACTS + r"\b"
)
ACCORDING_TO = re.compile(r"\baccording to ((?:the )?[A-Z][\w'’.-]*(?:[ ,]+(?:[A-Za-z][\w'’.-]*)){0,5})")
SPEAKER_BEFORE = re.compile(
    r"(?<![\w'’.-])((?:" + NAME_WORD + r"|the|a|an|its|his|her|their)(?:\s+[\w'’.-]{1,40}+){0,5}?)"
    r"\s+(?:(?:previously|also|later|now|had|have|has|then) ){0,3}" + SAYS + r"\b"
)
SPEAKER_AFTER = re.compile(r",?[\"”]?\s+" + SAYS + r"\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3})")


@dataclass(frozen=True)
class Facts:
    """The fact-carrying parts of one sentence."""

    figures: tuple[Figure, ...]
    scopes: tuple[frozenset[str], ...]  # one per figure: the time words around it
    names: frozenset[str]
    denies: bool
    speaker: str | None
    agents: frozenset[str]  # last-word stems of the names that say or do what the sentence reports
    anaphoric: bool = False  # opens with a pronoun ("His bond ...", "They said ..."): whose figures is unclear
    words: frozenset[str] = frozenset()  # content stems, names included
    contrary: bool = False  # opens with "Otherwise" or "Instead": it states the alternative to another sentence
    frame: frozenset[str] = frozenset()  # the content stems of who says it ("spokesman Paul Udoto said")

    def unambiguous(self) -> list[tuple[Figure, frozenset[str]]]:
        """The figures (with their scopes) that are the only one of their quantity in the sentence: in "53 percent
        versus 48 percent" or "two counts of arson and five counts of conspiracy" it is unclear which is which; in
        "His bond was set at $100,000" it is unclear whose."""
        if self.anaphoric:
            return []
        def slot(figure: Figure) -> tuple:
            return figure.kind, figure.counted.split(" of ")[0], figure.detail

        slots: dict[tuple, int] = {}
        for figure in self.figures:
            slots[slot(figure)] = slots.get(slot(figure), 0) + 1
        return [(figure, scope) for figure, scope in zip(self.figures, self.scopes) if slots[slot(figure)] == 1]


def _scope(text: str, figure: Figure) -> frozenset[str]:
    window = text[max(0, figure.start - 40):figure.end + 100]
    return frozenset(" ".join(match.group(0).lower().split()) for match in SCOPE.finditer(window))


def speaker(text: str) -> str | None:
    """Who the sentence attributes its claim to, when it says so."""
    match = ACCORDING_TO.search(text)
    if match:
        return match.group(1).strip(" ,.")
    match = SPEAKER_AFTER.search(text)
    if match:
        return match.group(1).strip(" ,.")
    candidates = list(SPEAKER_BEFORE.finditer(text))
    if candidates:
        phrase = candidates[-1].group(1).strip(" ,.")
        # The words before "said" back to the start of their clause.
        phrase = re.split(r"[,;:]|\b(?:and|that|which|who|as)\b", phrase)[-1].strip(" ,.")
        return phrase or None
    return None


def names_of(text: str) -> frozenset[str]:
    """Stems of the capitalized words after the first (the people, places and organisations named)."""
    return frozenset(word for index, (word, stop, capital) in enumerate(tokens(text)) if capital and index > 0)


def agents_of(text: str) -> frozenset[str]:
    found = set()
    for match in AGENT.finditer(text):
        last = tokens(match.group(1))
        if last and last[-1][2]:
            found.add(last[-1][0])
    return frozenset(found)


def facts(text: str) -> Facts:
    found = tuple(figures(text))
    said_by = speaker(text)
    return Facts(found, tuple(_scope(text, figure) for figure in found), names_of(text),
                 DENIAL.search(text) is not None, said_by, agents_of(text), ANAPHORIC.match(text) is not None,
                 content_units(readable(text))[2], CONTRARY.match(text) is not None,
                 content_units(said_by)[2] if said_by else frozenset())


def same_thing(a: Figure, b: Figure) -> bool:
    """Do two figures give a value for the same quantity: same kind, same thing counted (deaths with deaths), and
    the same person or place it belongs to when both sentences say ("Hunt, 23" is not "Caulder, 19"; an age is only
    compared when both name whose it is)?"""
    if a.kind != b.kind or a.kind not in ("count", "money", "percent", "age", "duration") or a.detail != b.detail:
        return False
    if a.kind == "age":
        return bool(a.holder) and a.holder == b.holder
    return a.counted == b.counted and a.counted != "" and (not a.holder or not b.holder or a.holder == b.holder)


def conflict(a: Facts, b: Facts) -> str | None:
    """Why two sentences close in meaning do not state the same fact, or None when nothing conflicts."""
    if a.denies != b.denies:
        return "one of them denies or negates"
    if a.contrary or b.contrary:
        return "one of them states the alternative to what came before it"
    for figure_a, scope_a in zip(a.figures, a.scopes):
        for figure_b, scope_b in zip(b.figures, b.scopes):
            if figure_a.kind != figure_b.kind or figure_a.counted != figure_b.counted:
                continue
            if scope_a != scope_b:
                return "their figures cover different times"
            if figure_a.detail != figure_b.detail:
                return "their figures count different things"
            if not compatible(figure_a, figure_b):
                return "their figures differ"
    if a.agents and b.agents and not a.agents & b.agents and not a.agents & b.names and not b.agents & a.names:
        return "different people say or do it"
    return None


def gives_counts_of(own: Facts, other: Facts) -> bool:
    """Does `other` give a compatible count for each family `own` counts (casualties, troops, people, arrests,
    displaced)? "They suffered casualties" does not vouch for "about 600 soldiers were killed". Other figures are
    worded too variously to demand the same of them."""
    for figure, scope in zip(own.figures, own.scopes):
        if figure.kind != "count" or (figure.counted not in FAMILIES and figure.counted not in PERSONS) or figure.vague:
            continue
        if not any(same_thing(figure, theirs) and scope == their_scope and compatible(figure, theirs)
                   for theirs, their_scope in zip(other.figures, other.scopes)):
            return False
    return True


def shared_share(a: Facts, b: Facts) -> float:
    """The share of the shorter sentence's content words that the other one uses too, leaving out the words that say
    who says it: two statements by the same spokesman about different events share his name and title, not the
    fact."""
    frame = a.frame | b.frame
    words_a, words_b = a.words - frame, b.words - frame
    return len(words_a & words_b) / max(min(len(words_a), len(words_b)), 1)
