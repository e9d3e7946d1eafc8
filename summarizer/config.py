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

    # Which sentences may be picked at all: standalone sentences of this length, from the start of each article.
    min_sentence_words: int = 8
    max_sentence_words: int = 60
    max_candidates_per_document: int = 20
    # Sentences this similar to a prototype of site furniture (newsletter prompts, ...) are left out.
    furniture_threshold: float = 0.4

    # What a concept (a pair of content words) is worth: the articles that state it, plus this weight times how
    # early each states it (position prior scale / (scale + sentence position)).
    concept_position_weight: float = 3.0
    position_scale: float = 4.0
    # A single content word is a concept too, worth this fraction of a pair.
    unigram_weight: float = 0.3
    # A figure with what it counts ("#", "troop") is a concept worth this fraction of a pair.
    figure_weight: float = 2.0
    # Each chosen sentence's own worth: this weight times its position prior.
    relevance_weight: float = 2.0

    # Only this many candidates (plus one per 10 words of budget), the best by concepts per word, are embedded.
    shortlist_size: int = 32

    # 0..1: how strongly to avoid repetition; a candidate this close in meaning to a chosen sentence
    # (cosine >= 1 - diversity / 2) is not taken.
    diversity: float = 0.5

    # Attribution: a sentence in another article this similar reports the same fact.
    source_threshold: float = 0.7

    # Embedding.
    model_path: str | None = os.environ.get("SUMMARIZER_MODEL_PATH") or None
    # "onnx-int8" (fast, the default), "onnx" (fp32) or "torch" (the reference).
    backend: str = os.environ.get("SUMMARIZER_BACKEND") or "onnx-int8"
    # Sentences embedded at once: one per core (None: as many cores as there are, up to 8).
    embedding_threads: int | None = None
    # Sentences handed to a core at a time; small chunks let concurrent requests interleave.
    embedding_chunk: int = 8
    # Vectors kept across requests, bounded in memory.
    cache_megabytes: int = 64

    @property
    def redundancy_threshold(self) -> float:
        return 1.0 - self.diversity / 2

    def replace(self, **changes) -> "Settings":
        """A copy with some fields changed; unknown names raise TypeError."""
        return dataclasses.replace(self, **changes)


DEFAULT_SETTINGS = Settings()
