"""The engine's settings: one home for every default, chosen on the development set (see docs/quality.md).

What tunes the brief is a field of `Settings`. The caps that only bound a stage's work on hostile input (each
linear, tested in tests/test_hardening.py) stay beside the code they bound, named in capitals:
- reading/sentences.py: the last word read for an abbreviation (64 chars); reading/boilerplate.py CAPTION_LINE_CHARS
  (400); reading/cleaning.py WRAPPED_LINE_LENGTH (the line lengths, 40 to 100 chars, that can be hard-wrapped text);
- content/concepts.py ANALYSED_CHARS (2,000 chars of a sentence read for content and facts); content/figures.py
  MAX_NUMBERS (64); content/words.py LONGEST_WORD (30: longer "words" are not stemmed); selection/candidates.py
  MODEL_CHARS (4,000 chars to the model); sources/facts.py STORY_CHARS (20,000 chars of an article read for names);
- reading/standalone.py MIN_USABLE_WORDS / LONGEST_WORD (what the fallback takes when nothing stands alone);
- selection/select.py IMPROVEMENT_ROUNDS (8 rounds of local search); model/vector_cache.py ENTRY_OVERHEAD;
- stories/grouping.py MAX_ARTICLES (2,000 articles per digest: grouping compares every pair);
- batch.py RAY_CHUNK (clusters per Ray dataset). The service's limits are api/config.py's DEFAULTS.
"""

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
    # A figure with what it counts ("#", "troops") or a place ("in Kursk") that at least `consensus_articles`
    # articles report is worth this much wherever they report it (as if each stated it first).
    figure_weight: float = 1.0
    place_weight: float = 1.0
    consensus_articles: int = 3
    # Each chosen sentence's own worth: this weight times its position prior.
    relevance_weight: float = 2.0

    # Only this many candidates (plus one per 10 words of budget), the best by concepts per word, are embedded.
    shortlist_size: int = 16

    # With a query: concepts that touch its terms are worth (1 + query_boost) times more; each sentence adds
    # query_weight x its similarity to the query x its concepts' worth; and answers may come from deeper in each
    # article (query_depth times more candidates each, and as many more embedded).
    query_boost: float = 1.0
    query_weight: float = 2.0
    query_depth: int = 3

    # 0..1: how strongly to avoid repetition; a candidate this close in meaning to a chosen sentence
    # (cosine >= 1 - diversity / 2) is not taken.
    diversity: float = 0.5
    # Two sentences of the same article count as this much closer (it restates its own lede).
    same_article_redundancy: float = 0.05

    # Attribution: a sentence of another article this similar (and not in conflict, see facts.py) reports the same
    # fact. Only sentences sharing this many content words with a brief sentence are searched (and embedded); the
    # same rule decides which statements of a figure are about the brief's story.
    source_threshold: float = 0.75
    source_shared_words: int = 2
    # An article whose TF-IDF similarity to every other article is below this (with at least two related articles
    # left) is about another story: it is left out of the brief, with a warning. 0 turns the check off.
    unrelated_similarity: float = 0.05
    # ... or below this share of how close the other articles typically are to theirs (the median of their closest
    # similarities): articles of one story that are all close make a loose outsider stand out. 0: the floor alone.
    unrelated_share: float = 0.3

    # An update brief (`seen`: articles the reader knows): what they state is worth this fraction of its worth (0:
    # known, nothing to add); a figure the new articles give at a value not seen is worth this many times the figure.
    seen_weight: float = 0.0
    changed_figure_weight: float = 1.0
    # ... and a new sentence at least this close in meaning to a seen one that shares its words says it again and is
    # not chosen (None: the redundancy threshold, as close as two sentences one brief would not both take).
    said_before_similarity: float | None = None

    # A timeline: this many dated entries at most, each of one or two sentences within this many words.
    timeline_entries: int = 8
    timeline_entry_words: int = 50

    # Disagreements: figures for the same thing are compared only between sentences at least this similar.
    disagreement_threshold: float = 0.4

    # Embedding: the model's folder (None: the packaged all-MiniLM-L6-v2), and "onnx-int8" (fast, the default),
    # "onnx-int8-rows" (int8 scaled per token, run in batches), "onnx" (fp32, in batches) or "torch" (the
    # reference). The command line and the service read them from the environment (`from_environment`).
    model_path: str | None = None
    backend: str = "onnx-int8"
    # Sentences embedded at once: one per core (None: as many cores as there are, up to 8).
    embedding_threads: int | None = None
    # Sentences handed to a core at a time; small chunks let concurrent requests interleave and the cores finish
    # together (one at a time, longest first: 7 % less embedding time in a brief than four); a long call goes in
    # larger chunks, up to `embedding.LARGEST_CHUNK`. A backend that runs sentences in batches is handed at least a
    # batch (`onnx_backend.BATCH`).
    embedding_chunk: int = 1
    # Vectors kept across requests, bounded in memory.
    cache_megabytes: int = 64

    @property
    def redundancy_threshold(self) -> float:
        return 1.0 - self.diversity / 2

    @classmethod
    def from_environment(cls, environ=os.environ) -> "Settings":
        """The defaults, with the model's folder (SUMMARIZER_MODEL_PATH) and backend (SUMMARIZER_BACKEND) as the
        environment sets them: read when called, never at import."""
        return cls(model_path=environ.get("SUMMARIZER_MODEL_PATH") or None,
                   backend=environ.get("SUMMARIZER_BACKEND") or cls.backend)

    def replace(self, **changes) -> "Settings":
        """A copy with some fields changed; unknown names raise TypeError."""
        return dataclasses.replace(self, **changes)


DEFAULT_SETTINGS = Settings()
