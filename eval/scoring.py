"""ROUGE as the field reports it: rouge-score with stemming, summaries cut at N words, mean over references."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from rouge_score import rouge_scorer

from summarizer.reading.sentences import normalize_space, split_sentences

METRICS = ("rouge1", "rouge2", "rougeLsum")
_scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


@dataclass(frozen=True)
class Score:
    """F1 and recall of one metric, in percent."""

    fmeasure: float
    recall: float


def truncate(text: str, max_words: int) -> str:
    return " ".join(text.split()[:max_words])


def _lines(text: str) -> str:
    """One sentence a line: the form rougeLsum expects."""
    return "\n".join(normalize_space(sentence.text) for sentence in split_sentences(text)) or text


def score_summary(summary: str, references: Sequence[str], max_words: int) -> dict[str, Score]:
    """Each metric's F1 and recall for one summary, averaged over the references."""
    candidate = _lines(truncate(summary, max_words))
    totals = {metric: np.zeros(2) for metric in METRICS}
    for reference in references:
        result = _scorer.score(_lines(reference), candidate)
        for metric in METRICS:
            totals[metric] += (result[metric].fmeasure, result[metric].recall)
    return {metric: Score(*(100 * totals[metric] / len(references))) for metric in METRICS}


def bootstrap_interval(values: Sequence[float], samples: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95% bootstrap confidence interval of the mean."""
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(samples, len(values)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def paired_interval(ours: Sequence[float], theirs: Sequence[float], samples: int = 2000,
                    seed: int = 0) -> tuple[float, float, float]:
    """Mean of the per-cluster differences and its 95% bootstrap interval, resampling clusters (paired)."""
    differences = np.asarray(ours, dtype=float) - np.asarray(theirs, dtype=float)
    if len(differences) == 0:
        return (float("nan"),) * 3
    rng = np.random.default_rng(seed)
    means = differences[rng.integers(0, len(differences), size=(samples, len(differences)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(differences.mean()), float(low), float(high)
