"""Does one sentence vouch for another, as the engine decides it: the real model's similarity and the real rules."""

from summarizer.model.embedding import get_encoder
from summarizer.sources.attribution import corroborates
from summarizer.sources.facts import facts


def vouches(own: str, other: str, threshold: float = 0.75) -> bool:
    """Would `other` be listed as a source of `own` (no story, no article around it)?"""
    vectors = get_encoder().encode([own, other])
    return corroborates(float(vectors[0] @ vectors[1]), facts(own), facts(other), threshold, texts=(own, other))
