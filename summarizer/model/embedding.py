"""Sentence embeddings: the model loads once per process; each distinct text is embedded once; the work is spread
over the cores in small chunks, so concurrent callers interleave and one large call cannot hold the model."""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol, Sequence

import numpy as np

from ..config import DEFAULT_SETTINGS, Settings
from ..errors import InputError, ModelLoadError, SummarizerError, TimeLimitError
from .model_files import ModelFiles, read_model_files
from .vector_cache import VectorCache, text_key

BACKENDS = ("onnx-int8", "onnx-int8-rows", "onnx", "torch")
# Sentences a core takes at once at most (about 35 ms of int8 work): what other requests may wait behind.
LARGEST_CHUNK = 16


class Backend(Protocol):
    """A model that turns texts into unit vectors; several calls of `embed` may run at once. A backend may also
    have `batch_key(texts) -> list[int] | None`: texts with equal keys run best in one call (None: no batching)."""

    name: str
    dimension: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


def load_backend(name: str, model: ModelFiles) -> Backend:
    """The model behind `name`: 'onnx-int8' (the default), 'onnx-int8-rows' (int8 that runs in batches), 'onnx'
    (fp32, in batches) or 'torch' (the reference)."""
    if name == "torch":
        from .torch_backend import TorchBackend

        return TorchBackend(model)
    if name in ("onnx", "onnx-int8", "onnx-int8-rows"):
        from .onnx_backend import OnnxBackend

        return OnnxBackend(model, "fp32" if name == "onnx" else name.removeprefix("onnx-"))
    raise InputError(f"unknown embedding backend {name!r}; choose from {', '.join(BACKENDS)}", "backend")


def default_threads() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


class Encoder:
    """Embeds texts as unit vectors with a byte-bounded cache shared by all callers (thread-safe)."""

    def __init__(self, model_path: str | None = DEFAULT_SETTINGS.model_path,
                 backend: str | Backend = DEFAULT_SETTINGS.backend, threads: int | None = None,
                 cache_bytes: int = DEFAULT_SETTINGS.cache_megabytes * 2**20, chunk: int = DEFAULT_SETTINGS.embedding_chunk):
        """`backend` names a packaged model's runtime, or is any `Backend` object (e.g. a stand-in in tests)."""
        if isinstance(backend, str):
            self.model = read_model_files(model_path)
            self.model_path = self.model.path
            self.backend = load_backend(backend, self.model)
        else:
            self.model, self.model_path, self.backend = None, None, backend
        self.name = self.backend.name
        self.dimension = self.backend.dimension
        # torch spreads one call over every core itself; the ONNX runs are single-threaded.
        self.threads = 1 if backend == "torch" else (threads or default_threads())
        self.chunk = max(1, chunk)
        self.cache = VectorCache(cache_bytes)
        self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="embed")
        self._fixed: dict[tuple[str, ...], np.ndarray] = {}
        self._fixed_lock = threading.Lock()

    def encode(self, texts: Sequence[str], deadline: float | None = None) -> np.ndarray:
        """Unit vectors for `texts`, one row each; only texts not cached reach the model, each once.

        Past `deadline` (a `time.monotonic()` value) the call gives up with `TimeLimitError`.
        """
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        keys = [text_key(text) for text in texts]
        rows: dict[bytes, list[int]] = {}
        first: dict[bytes, str] = {}
        for row, (key, text) in enumerate(zip(keys, texts)):
            rows.setdefault(key, []).append(row)
            first.setdefault(key, text)
        unique = list(rows)
        missing = []
        for key, vector in zip(unique, self.cache.get_many(unique)):
            if vector is None:
                missing.append(key)
            else:
                result[rows[key]] = vector
        chunks = self._chunks(missing, first)
        # A few chunks in flight per call: calls that arrive meanwhile get their turn in the pool's queue.
        pending: deque = deque()
        position = 0
        try:
            while position < len(chunks) or pending:
                while position < len(chunks) and len(pending) < 2 * self.threads:
                    chunk = chunks[position]
                    pending.append((chunk, self._pool.submit(self.backend.embed, [first[key] for key in chunk])))
                    position += 1
                chunk, future = pending.popleft()
                timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
                try:
                    vectors = future.result(timeout=timeout)
                except TimeoutError:
                    raise TimeLimitError("embedding did not finish within the time limit") from None
                for key, vector in zip(chunk, vectors):
                    result[rows[key]] = vector
                self.cache.put_many(chunk, vectors)
        finally:
            for _, future in pending:
                future.cancel()
        return result

    def _chunks(self, keys: list[bytes], texts: dict[bytes, str]) -> list[list[bytes]]:
        """Texts handed to a core at a time. When the backend runs texts of one length together, they are sorted by
        it and dealt out in turn to a multiple of the threads, so each chunk holds runs of equal lengths and the
        chunks cost about the same."""
        batch_key = getattr(self.backend, "batch_key", None)
        lengths = None if batch_key is None or len(keys) < 2 else batch_key([texts[key] for key in keys])
        if lengths is None:
            # Longest first, so the cores finish together rather than one waiting on a long sentence dealt out last;
            # a long call in larger chunks (up to LARGEST_CHUNK), each core's share still dealt in some 32 of them.
            keys = sorted(keys, key=lambda key: -len(texts[key]))
            size = min(LARGEST_CHUNK, max(self.chunk, len(keys) // (32 * self.threads)))
            return [keys[start:start + size] for start in range(0, len(keys), size)]
        size = max(self.chunk, getattr(self.backend, "batch_size", self.chunk))
        count = min(len(keys), -(-len(keys) // (size * self.threads)) * self.threads)
        ordered = [keys[n] for n in sorted(range(len(keys)), key=lengths.__getitem__)]
        return [ordered[start::count] for start in range(count)]

    def encode_fixed(self, texts: tuple[str, ...]) -> np.ndarray:
        """Vectors of texts the engine itself brings (prototypes), computed once and kept outside the cache."""
        with self._fixed_lock:
            vectors = self._fixed.get(texts)
            if vectors is None:
                vectors = self._fixed[texts] = np.ascontiguousarray(self.backend.embed(list(texts)))
            return vectors

    @property
    def cached(self) -> int:
        return len(self.cache)

    def clear_cache(self) -> None:
        self.cache.clear()


_encoders: dict[tuple, Encoder] = {}
_encoders_lock = threading.Lock()


def get_encoder(settings: Settings = DEFAULT_SETTINGS) -> Encoder:
    """The process-wide encoder for these settings, loaded on first use."""
    key = (settings.model_path, settings.backend, settings.embedding_threads, settings.cache_megabytes,
           settings.embedding_chunk)
    with _encoders_lock:
        encoder = _encoders.get(key)
        if encoder is None:
            try:
                encoder = Encoder(settings.model_path, settings.backend, settings.embedding_threads,
                                  settings.cache_megabytes * 2**20, settings.embedding_chunk)
            except SummarizerError:
                raise
            except Exception as error:
                raise ModelLoadError(f"the embedding model could not be loaded: {error}") from error
            _encoders[key] = encoder
        return encoder


def is_loaded() -> bool:
    """Has any encoder finished loading in this process?"""
    return bool(_encoders)
