"""A FAISS index over a cluster's sentence vectors, answering "which sentences say nearly the same thing"."""

from __future__ import annotations

from dataclasses import dataclass

import faiss
import numpy as np

# Past this many sentences the exact index gives way to HNSW, so neighbour search stays about linear.
EXACT_SEARCH_LIMIT = 4_000


@dataclass(frozen=True)
class Neighbours:
    """For sentence i, `ids[offsets[i]:offsets[i + 1]]` are its neighbours and `similarities` their cosines."""

    offsets: np.ndarray
    ids: np.ndarray
    similarities: np.ndarray

    def of(self, sentence: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = self.offsets[sentence], self.offsets[sentence + 1]
        return self.ids[start:end], self.similarities[start:end]


class SentenceIndex:
    """Inner-product search over unit vectors (cosine similarity)."""

    def __init__(self, vectors: np.ndarray):
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        count, dimension = self.vectors.shape
        if count > EXACT_SEARCH_LIMIT:
            self.index = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
            self.index.hnsw.efSearch = 128
        else:
            self.index = faiss.IndexFlatIP(dimension)
        self.index.add(self.vectors)

    def __len__(self) -> int:
        return self.index.ntotal

    def neighbours(self, threshold: float, limit: int) -> Neighbours:
        """Each sentence's neighbours (itself excluded) with cosine >= threshold, at most `limit` of them."""
        count = len(self)
        k = min(limit + 1, count)
        if count == 0:
            return Neighbours(np.zeros(1, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))
        similarities, ids = self.index.search(self.vectors, k)
        own = ids == np.arange(count)[:, None]
        keep = (similarities >= threshold) & ~own & (ids >= 0)
        offsets = np.concatenate([[0], np.cumsum(keep.sum(axis=1))]).astype(np.int64)
        return Neighbours(offsets, ids[keep].astype(np.int64), similarities[keep])
