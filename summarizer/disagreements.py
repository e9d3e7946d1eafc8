"""Where the articles disagree: for a figure the brief states, the values other articles give for the same thing
when they cannot all be true ("about 600" dead against "around 1,000").

Figures are compared only with figures of the same kind counting the same thing (deaths with deaths, not with
casualties) of the same person or place, covering the same time (a weekend's toll is not a total), in sentences close
in meaning to the brief's sentence; a quantity that a sentence gives twice ("53 percent versus 48 percent") is not
compared at all. Compatible statements are not disagreements: "at least 10,000"
and "about 11,000", or "thousands" and "11,000" (see figures.compatible).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from .facts import Facts, same_thing
from .figures import Figure, compatible
from .sentences import Sentence

SUBJECTS = {("casualties", "death"): "deaths", ("casualties", "injury"): "injuries", ("casualties", ""): "casualties",
            ("troops", ""): "troop numbers", ("people", ""): "the number of people", ("arrests", ""): "arrests",
            ("evacuated", ""): "the number displaced"}
KINDS = {"money": "the amount", "percent": "the percentage", "age": "age", "duration": "how long"}


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
    """Articles give different values for the same thing the brief's sentence `sentence` (its index) reports."""

    sentence: int
    subject: str
    claims: tuple[Claim, ...]

    def note(self, numbers: dict[str, int] | None = None) -> str:
        """"Reports differ on deaths: about 600 (Seoul) [5]; around 1,000 (Western officials) [1]"."""
        parts = []
        for claim in self.claims:
            figure = claim.figure[:1].lower() + claim.figure[1:] if claim.figure[:2].istitle() else claim.figure
            who = f" ({claim.speaker})" if claim.speaker else ""
            marker = f" [{numbers[claim.document_id]}]" if numbers and claim.document_id in numbers else ""
            parts.append(f"{figure}{who}{marker}")
        return f"Reports differ on {self.subject}: " + "; ".join(parts)

    def to_dict(self, numbers: dict[str, int] | None = None) -> dict:
        return {"sentence": self.sentence, "subject": self.subject, "note": self.note(numbers),
                "claims": [claim.to_dict() for claim in self.claims]}


def subject_of(figure: Figure) -> str:
    if figure.kind in KINDS:
        return KINDS[figure.kind]
    return SUBJECTS.get((figure.counted, figure.detail)) or f"the number of {figure.noun or figure.counted}"


# Durations, sums of money and percentages are compared only between sentences this close: in one story most pairs
# of them measure different things ("served about three years" and "to serve 7 years"; the price of a case of one
# drink and the extra paid for another; two polls).
CLOSE_SIMILARITY = 0.75
CLOSE_KINDS = ("duration", "money", "percent")


def disagree(a: Figure, b: Figure, scope_a: frozenset[str], scope_b: frozenset[str],
             speaker_a: str | None = None, speaker_b: str | None = None, similarity: float = 1.0) -> bool:
    """Two figures for the same thing, covering the same time, that cannot both be true. Percentages that different
    sources give (two polls, two surveys) measure different things and are not compared."""
    if a.kind == "percent" and speaker_a and speaker_b and speaker_a != speaker_b:
        return False
    if a.kind in CLOSE_KINDS and similarity < CLOSE_SIMILARITY:
        return False
    return same_thing(a, b) and scope_a == scope_b and not compatible(a, b)


def find_disagreements(brief: Sequence[int], nearby: Sequence[int], sentences: Sequence[Sentence],
                       similarity: Callable[[int, int], float], facts_of: Callable[[int], Facts],
                       names: Sequence[str], texts: Sequence[str], threshold: float) -> tuple[Disagreement, ...]:
    """Disagreements about the figures of the brief's sentences (`brief`: their indices, in brief order), among the
    sentences of other articles (`nearby`) at least `threshold` similar in meaning to the brief's sentence."""
    found: list[Disagreement] = []
    reported: set[tuple] = set()
    with_figures = [index for index in sorted(set(brief) | set(nearby)) if facts_of(index).figures]
    for position, own in enumerate(brief):
        own_facts = facts_of(own)
        for figure, scope in own_facts.unambiguous():
            if figure.kind not in ("count", "money", "percent", "age", "duration") or not figure.counted and figure.kind != "age":
                continue
            related = [index for index in with_figures if index == own or similarity(own, index) >= threshold]
            # Every value for this quantity among related sentences, grouped by the finer thing counted.
            groups: dict[tuple, list[tuple[int, Figure]]] = {}
            for index in related:
                for other, other_scope in facts_of(index).unambiguous():
                    if (other.kind == figure.kind and other.counted == figure.counted and other_scope == scope
                            and (not other.holder or not figure.holder or other.holder == figure.holder)):
                        groups.setdefault((other.kind, other.counted, other.detail), []).append((index, other))
            for key, members in groups.items():
                if key in reported:
                    continue
                articles = {sentences[index].document for index, _ in members}
                clash = any(sentences[i].document != sentences[j].document
                            and disagree(x, y, scope, scope, facts_of(i).speaker, facts_of(j).speaker, similarity(i, j))
                            for n, (i, x) in enumerate(members) for j, y in members[n + 1:])
                if len(articles) < 2 or not clash:
                    continue
                reported.add(key)
                found.append(Disagreement(position, subject_of(members[0][1]),
                                          _claims(members, sentences, facts_of, names, texts)))
    return tuple(found)


def _claims(members, sentences, facts_of, names, texts) -> tuple[Claim, ...]:
    """One claim per article and value, smallest value first."""
    claims: dict[tuple[int, float], Claim] = {}
    for index, figure in members:
        sentence = sentences[index]
        key = (sentence.document, figure.value)
        if key in claims:
            continue
        start, end = sentence.start + figure.start, sentence.start + figure.end
        claims[key] = Claim(names[sentence.document], start, end, sentence.start, sentence.end, figure.value,
                            texts[sentence.document][start:end], facts_of(index).speaker)
    return tuple(sorted(claims.values(), key=lambda claim: (claim.value, claim.document_id)))
