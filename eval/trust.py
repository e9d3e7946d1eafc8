"""The trust checks a reader relies on, measured on constructed clusters (`trust_cases.jsonl`) and on briefs of real
clusters: are the "Reports differ" and update notes right, are the listed sources right, and can every brief
sentence stand alone?

A case is a small cluster of invented articles labelled by reading them: the complete list of notes an editor would
attach (`differ` or `update`, with the values), and key facts with the articles that state them (`stated_by`) and
those that must not be listed (`not_by`). See `trust_cases.jsonl`'s first line for the shape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

CASES = Path(__file__).resolve().parent / "trust_cases.jsonl"
# Two values are the same value when within this share of each other (rounding, unit conversions).
SAME_VALUE = 0.005


def load_cases(path: str | Path = CASES) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE * max(abs(a), abs(b), 1e-9)


def _within(values: list[float], allowed: list[float]) -> bool:
    return all(any(_same(value, other) for other in allowed) for value in values)


def note_matches(kind: str, values: list[float], expected: dict) -> bool:
    """A note is right when it is of the expected kind and states two or more of the expected values and no other."""
    distinct = []
    for value in values:
        if not any(_same(value, seen) for seen in distinct):
            distinct.append(value)
    return kind == expected["kind"] and len(distinct) >= 2 and _within(distinct, expected["values"])


@dataclass
class Tally:
    """Counts behind one precision and recall."""

    right: int = 0  # produced and right
    wrong: int = 0  # produced and wrong
    missed: int = 0  # expected and not produced
    examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else float("nan")

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else float("nan")

    def line(self, name: str, recall_name: str = "recall") -> str:
        return (f"{name}: precision {self.precision:.2f} ({self.right} of {self.right + self.wrong}), {recall_name} "
                f"{self.recall:.2f} ({self.right} of {self.right + self.missed})")


@dataclass
class CaseReport:
    differ: Tally = field(default_factory=Tally)
    update: Tally = field(default_factory=Tally)
    sources: Tally = field(default_factory=Tally)
    contradicting: int = 0  # sources listed that the case says give another figure or deny it
    both: int = 0  # articles listed as a source of a sentence and as giving another value in its note
    facts_in_brief: int = 0
    facts: int = 0


def _notes(brief) -> list[tuple[str, list[float], object]]:
    return [(getattr(note, "kind", "differ"), [claim.value for claim in note.claims], note)
            for note in brief.disagreements]


def score_case(case: dict, brief, report: CaseReport) -> None:
    """Add one case's brief to `report`."""
    name = case["id"]
    produced = _notes(brief)
    expected = case.get("notes", [])
    for kind, values, note in produced:
        tally = report.update if kind == "update" else report.differ
        if any(note_matches(kind, values, wanted) for wanted in expected):
            tally.right += 1
        else:
            tally.wrong += 1
            tally.examples.append(f"{name}: false {kind} note {values}")
    for wanted in expected:
        tally = report.update if wanted["kind"] == "update" else report.differ
        if not any(note_matches(kind, values, wanted) for kind, values, _ in produced):
            tally.missed += 1
            tally.examples.append(f"{name}: missed {wanted['kind']} {wanted['values']}")
    for position, sentence in enumerate(brief.sentences):
        own = sentence.document_id
        for note in brief.disagreements:
            if note.sentence != position or getattr(note, "kind", "differ") != "differ":
                continue
            own_values = [claim.value for claim in note.claims if claim.document_id == own] + (
                [note.value] if getattr(note, "value", None) is not None else [])  # the sentence's own value
            for claim in note.claims:
                if (claim.document_id != own and claim.document_id in sentence.sources and own_values
                        and not any(_same(claim.value, value) for value in own_values)):
                    report.both += 1
                    report.sources.examples.append(f"{name}: {claim.document_id} both a source and a dissenter")
    for fact in case.get("facts", []):
        report.facts += 1
        anchors = [anchor.lower() for anchor in fact["anchors"]]
        hits = [s for s in brief.sentences if any(anchor in s.text.lower() for anchor in anchors)]
        if not hits:
            continue
        report.facts_in_brief += 1
        stated_by, not_by = set(fact["stated_by"]), set(fact.get("not_by", ()))
        for sentence in hits[:1]:
            listed = set(sentence.sources) - {sentence.document_id}
            wanted = stated_by - {sentence.document_id}
            report.sources.right += len(listed & wanted)
            report.sources.wrong += len(listed - wanted)
            report.sources.missed += len(wanted - listed)
            report.contradicting += len(listed & not_by)
            if listed - wanted:
                report.sources.examples.append(f"{name}: {sorted(listed - wanted)} listed for {fact['anchors'][0]!r}")
            if wanted - listed:
                report.sources.examples.append(f"{name}: {sorted(wanted - listed)} not listed for "
                                               f"{fact['anchors'][0]!r}")


def case_documents(case: dict) -> list[dict]:
    keys = ("id", "text", "title", "source", "url", "published")
    return [{key: article[key] for key in keys if article.get(key)} for article in case["articles"]]


def evaluate_cases(cases: list[dict], summarize: Callable, only_set: str | None = None) -> CaseReport:
    report = CaseReport()
    for case in cases:
        if only_set and case.get("set") != only_set:
            continue
        brief = summarize(case_documents(case), max_words=case.get("max_words", 300))
        score_case(case, brief, report)
    return report


# A sentence that cannot stand alone, by its form: cut at an abbreviation, a quotation's inner or last sentence or
# its unclosed first one, a dateline or a section label left on. Abbreviations that end sentences as often as not
# ("in the U.S.", "at 11 p.m.", "500 B.C.") are not counted.
TITLE_END = re.compile(r"\b(?:Adm|Atty|Brig|Capt|Cmdr|Col|Cpl|Det|Dr|Fr|Gen|Gov|Insp|Lt|Maj|Mr|Mrs|Ms|Msgr|Mt|Pres|Prof|"
                       r"Pvt|Rep|Rev|Sen|Sgt|St|Supt)\.[\"”’')]*$")
NUMBER_END = re.compile(r"\b(?:No|Nos)\.[\"”’')]*$")
INITIAL_END = re.compile(r"(?:^|[\s(])((?:[A-Z]\.){1,3})[\"”’')]*$")
ENDING_ABBREVIATIONS = frozenset("U.S. U.K. U.N. E.U. D.C. A.M. P.M. B.C. A.D. C.E. L.A. N.Y.".split())
AMOUNT_CUT = re.compile(r"\b(?:worth|of|at|to|for|about|from|by|paid|cost|costs|costing|raised|totall?ing|valued at|"
                        r"nearly|some|over|than)\s+U\.S\.[\"”’')]*$")
LOWER_START = re.compile(r"^[\"“‘'(]*[a-z](?![A-Z])")
DATELINE = re.compile(r"^[\"“]?[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+[A-Z][a-z]*\.?)?)?"
                      r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\([A-Z][\w.&' -]{0,24}\)\s*(?:--?|—|–|_)"
                      r"|^\((?:CNN|AP|Reuters|AFP|UPI)\)"
                      r"|^[A-Z][A-Za-z.' -]{1,40}(?:,\s*[A-Z][A-Za-z. ]*)?\((?:CNN|AP|Reuters|AFP|UPI)\)\s+[A-Z]"
                      r"|^[A-Z]{3,}[A-Z .'-]*(?:,\s*[A-Z][A-Za-z.]*\.?)?\s*(?:--?|—|–)[A-Z]"
                      r"|^[A-Z]{3,}[A-Z .'-]*\s*>>\s")
# Where someone stands in a photo: a caption ("Shane Bauer (2nd L), Sarah Shourd (3rd L) and ...").
PHOTO_POSITION = re.compile(r"\((?:(?:\d(?:st|nd|rd|th)|far) )?[LRC]\)|\((?:L-R|R-L)\)")
CAPS_LABEL = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z&]{2,})*\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:The|A|An|In|On|At|For|With|"
                        r"After|Before|When|As|It|He|She|They)\b")

# A label in capitals before a sentence that is not a name ("CLOSE Kevin Spacey was ...", "CORRECTS DAY OF DANCE TO
# SATURDAY Police cars ...", "WASHINGTON Obesity is ..."), and a sentence that opens with a time zone ("ET Saturday").
GLUED_LABEL = re.compile(r"^(?:CLOSE|CORRECTS|FOR MOVEMENT|FILE\s*[-—–])\s+\S|^[A-Z]{6,}\s+[A-Z][a-z]+\s+[a-z]")
ZONE_START = re.compile(r"^(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC)\b")


def cannot_stand_alone(text: str) -> str | None:
    """Why a brief sentence cannot stand alone by its form, or None."""
    initial = INITIAL_END.search(text)
    if TITLE_END.search(text):
        return "cut after a title"
    if NUMBER_END.search(text):
        return "cut after No."
    if initial and initial.group(1) not in ENDING_ABBREVIATIONS:
        return "cut after an initial"
    if AMOUNT_CUT.search(text):
        return "cut after U.S. before an amount"
    if LOWER_START.match(text):
        return "starts in lower case"
    if DATELINE.match(text):
        return "dateline left on"
    if PHOTO_POSITION.search(text):
        return "a photo caption"
    if CAPS_LABEL.match(text) or GLUED_LABEL.match(text):
        return "section label glued on"
    if ZONE_START.match(text):
        return "cut after a time, before its time zone"
    cased = [char for char in text if char.isupper() or char.islower()]
    if len(cased) >= 20 and not any(char.islower() for char in cased):
        return "written in capitals"
    opening = text.count("``") + text.count("“")
    closing = text.count("''") + text.count("”")
    if closing > opening:
        return "closes a quotation it did not open"
    if opening > closing or text.replace("''", "").count('"') % 2:
        return "opens a quotation it does not close"
    return None
