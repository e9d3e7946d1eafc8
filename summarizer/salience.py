"""Relevance of each candidate sentence: closeness to the cluster (or query), support across articles, lead position."""

from __future__ import annotations

import numpy as np

from .config import Settings
from .index import Neighbours


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def article_weights(article_means: np.ndarray, enabled: bool = True) -> np.ndarray:
    """How much each article is about the cluster's event: its mean similarity to the other articles, scaled to a
    maximum of 1. An off-topic article (a scraping failure, an unrelated page) gets little say."""
    count = len(article_means)
    if count < 3 or not enabled:
        return np.ones(count, dtype=np.float32)
    similarities = article_means @ article_means.T
    weights = np.clip((similarities.sum(axis=1) - np.diag(similarities)) / (count - 1), 0, None)
    top = float(weights.max())
    return (weights / top).astype(np.float32) if top > 0 else np.ones(count, dtype=np.float32)


def cross_article_support(neighbours: Neighbours, documents: np.ndarray, threshold: float) -> np.ndarray:
    """Share of the other articles that carry a sentence at least `threshold` similar to each sentence."""
    others = len(np.unique(documents)) - 1
    support = np.zeros(len(documents), dtype=np.float32)
    if others == 0:
        return support
    for sentence in range(len(documents)):
        ids, similarities = neighbours.of(sentence)
        reporting = set(documents[ids[similarities >= threshold]].tolist())
        reporting.discard(int(documents[sentence]))
        support[sentence] = len(reporting) / others
    return support


def position_prior(positions: np.ndarray, scale: float) -> np.ndarray:
    """1 for an article's first sentence, falling off with position: news puts the key facts first."""
    return scale / (scale + positions.astype(np.float32))


def relevance(
    vectors: np.ndarray,
    documents: np.ndarray,
    positions: np.ndarray,
    neighbours: Neighbours,
    settings: Settings,
    query_vector: np.ndarray | None = None,
) -> np.ndarray:
    """One relevance score per sentence; higher is more worth telling."""
    articles, owner = np.unique(documents, return_inverse=True)
    means = np.stack([_unit(vectors[owner == a].mean(axis=0)) for a in range(len(articles))])
    weights = article_weights(means, settings.article_weighting)
    # The centroid is a mean of article means, so a long article does not outweigh the rest.
    centroid = _unit((weights[:, None] * means).sum(axis=0))
    score = (
        settings.centroid_weight * (vectors @ centroid)
        + settings.support_weight * cross_article_support(neighbours, documents, settings.support_threshold)
        + settings.position_weight * position_prior(positions, settings.position_scale) * weights[owner]
    )
    if query_vector is not None:
        focus = vectors @ query_vector
        total = settings.centroid_weight + settings.support_weight + settings.position_weight
        score = (1 - settings.query_weight) * score / total + settings.query_weight * focus
    return score.astype(np.float32)
