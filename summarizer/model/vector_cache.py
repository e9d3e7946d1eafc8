"""A least-recently-used cache from text to its vector, bounded in bytes.

Keys are 16-byte digests of the text, so a 200,000-character article costs what a short sentence costs; values are
copies that own their memory, so an entry never keeps a larger array alive.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Sequence

import numpy as np

# What one entry costs beyond its vector's data: the digest, the array object, the dictionary slot.
ENTRY_OVERHEAD = 256


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class VectorCache:
    """Thread-safe; `nbytes` never exceeds `max_bytes` (0 turns the cache off)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max(0, int(max_bytes))
        self.nbytes = 0
        self._entries: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def entry_bytes(vector: np.ndarray) -> int:
        return vector.nbytes + ENTRY_OVERHEAD

    def get_many(self, keys: Sequence[bytes]) -> list[np.ndarray | None]:
        found: list[np.ndarray | None] = []
        with self._lock:
            for key in keys:
                vector = self._entries.get(key)
                if vector is not None:
                    self._entries.move_to_end(key)
                found.append(vector)
        return found

    def put_many(self, keys: Sequence[bytes], vectors: np.ndarray) -> None:
        if self.max_bytes == 0:
            return
        with self._lock:
            for key, vector in zip(keys, vectors):
                own = np.array(vector, dtype=np.float32, copy=True)
                size = self.entry_bytes(own)
                if size > self.max_bytes:
                    continue
                previous = self._entries.pop(key, None)
                if previous is not None:
                    self.nbytes -= self.entry_bytes(previous)
                self._entries[key] = own
                self.nbytes += size
                while self.nbytes > self.max_bytes:
                    _, evicted = self._entries.popitem(last=False)
                    self.nbytes -= self.entry_bytes(evicted)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.nbytes = 0
