"""Relevance of each candidate sentence: closeness to the cluster (or query), support across articles, lead position."""

from __future__ import annotations

import numpy as np

from .config import Settings
from .index import Neighbours


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def cluster_centroid(vectors: np.ndarray, documents: np.ndarray) -> np.ndarray:
    """Mean of the articles' own centroids, so a long article does not outweigh the rest."""
    means = [_unit(vectors[documents == document].mean(axis=0)) for document in np.unique(documents)]
    return _unit(np.mean(means, axis=0))


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
    centrality = vectors @ cluster_centroid(vectors, documents)
    score = (
        settings.centroid_weight * centrality
        + settings.support_weight * cross_article_support(neighbours, documents, settings.support_threshold)
        + settings.position_weight * position_prior(positions, settings.position_scale)
    )
    if query_vector is not None:
        focus = vectors @ query_vector
        total = settings.centroid_weight + settings.support_weight + settings.position_weight
        score = (1 - settings.query_weight) * score / total + settings.query_weight * focus
    return score.astype(np.float32)
