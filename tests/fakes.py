"""Stand-ins for the model in unit tests of what surrounds it: fast, deterministic, and countable."""

import re
import threading
import zlib

import numpy as np

from summarizer.model.embedding import Encoder

WORD = re.compile(r"\w+")


class HashedWords:
    """A `Backend`: each word of a text adds ±1 to one of `dimension` coordinates (by a hash of the word), then
    the vector is scaled to unit length. Texts sharing words are close; unrelated texts are nearly orthogonal."""

    name = "hashed-words"

    def __init__(self, dimension: int = 384):
        self.dimension = dimension
        self.calls = 0
        self.texts: list[str] = []
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            self.calls += 1
            self.texts.extend(texts)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in WORD.findall(text.lower()):
                code = zlib.crc32(word.encode("utf-8"))
                vectors[row, code % self.dimension] += 1.0 if code & 1 << 31 else -1.0
            norm = np.linalg.norm(vectors[row])
            if norm:
                vectors[row] /= norm
            else:
                vectors[row, 0] = 1.0
        return vectors


def fake_encoder(**options) -> Encoder:
    """An `Encoder` (the real cache, chunks and threads) around `HashedWords` instead of the model."""
    return Encoder(backend=HashedWords(), **options)
