"""The engine's settings: one home for every default, chosen on the development set (see README)."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Tunable parts of the pipeline. Every field has a default that works on news clusters."""

    # Length budget of a brief.
    max_words: int | None = 100
    max_sentences: int | None = None

    # Which sentences may be picked at all.
    min_sentence_words: int = 8
    max_sentence_words: int = 60
    max_candidates_per_document: int = 40
    # Sentences this similar to a prototype of site furniture (newsletter prompts, ...) are left out.
    furniture_threshold: float = 0.4

    # Relevance: similarity to the cluster (or query), support across articles, a lead-position prior.
    centroid_weight: float = 1.0
    support_weight: float = 0.5
    support_threshold: float = 0.65
    position_weight: float = 1.0
    position_scale: float = 4.0
    query_weight: float = 0.7
    article_weighting: bool = True

    # MMR: weight of the similarity to sentences already chosen, and a hard cap on it.
    diversity: float = 0.5
    redundancy_threshold: float = 0.75

    # Attribution: a sentence in another article this similar reports the same fact.
    source_threshold: float = 0.7
    max_neighbours: int = 64

    # Embedding.
    model_path: str | None = os.environ.get("SUMMARIZER_MODEL_PATH") or None
    # "onnx-int8" (fast, the default), "onnx" (fp32) or "torch" (the reference).
    backend: str = os.environ.get("SUMMARIZER_BACKEND") or "onnx-int8"
    batch_size: int = 16
    cache_size: int = 50_000

    def replace(self, **changes) -> "Settings":
        """A copy with some fields changed; unknown names raise TypeError."""
        return dataclasses.replace(self, **changes)


DEFAULT_SETTINGS = Settings()
