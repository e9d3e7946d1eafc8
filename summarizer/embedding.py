"""Sentence embeddings: the model loads once per process; each distinct text is embedded once."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Sequence

import numpy as np

from .config import DEFAULT_SETTINGS, Settings
from .errors import InputError, TimeLimitError
from .model_files import resolve_model_path

BACKENDS = ("onnx-int8", "onnx", "torch")
# Texts sent to the model under one hold of its lock.
CHUNK = 128


def load_backend(name: str, model_path: str, batch_size: int):
    """The model behind `name`: 'torch' (the reference), 'onnx' (fp32) or 'onnx-int8'."""
    if name == "torch":
        from .torch_backend import TorchBackend

        return TorchBackend(model_path, batch_size)
    if name in ("onnx", "onnx-int8"):
        from .onnx_backend import OnnxBackend

        return OnnxBackend(model_path, quantized=name == "onnx-int8", batch_size=batch_size)
    raise InputError(f"unknown embedding backend {name!r}; choose from {', '.join(BACKENDS)}", "backend")


class Encoder:
    """Embeds sentences as unit vectors, with a bounded cache shared by all callers (thread-safe)."""

    def __init__(self, model_path: str | None = DEFAULT_SETTINGS.model_path, backend: str = DEFAULT_SETTINGS.backend,
                 batch_size: int = DEFAULT_SETTINGS.batch_size, cache_size: int = DEFAULT_SETTINGS.cache_size):
        self.model_path = resolve_model_path(model_path)
        self.backend = load_backend(backend, self.model_path, batch_size)
        self.dimension = self.backend.dimension
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._model_lock = threading.Lock()

    def encode(self, texts: Sequence[str], deadline: float | None = None) -> np.ndarray:
        """Unit vectors for `texts`, one row each; only texts never seen before reach the model.

        The model is taken a chunk at a time, so concurrent callers interleave and one large call cannot hold
        it for long; past `deadline` (a `time.monotonic()` value) the call gives up with `TimeLimitError`.
        """
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._cache_lock:
            for row, text in enumerate(texts):
                vector = self._cache.get(text)
                if vector is None:
                    missing.setdefault(text, []).append(row)
                else:
                    self._cache.move_to_end(text)
                    result[row] = vector
        fresh = sorted(missing, key=len)
        for start in range(0, len(fresh), CHUNK):
            if deadline is not None and time.monotonic() > deadline:
                raise TimeLimitError("embedding did not finish within the time limit")
            chunk = fresh[start:start + CHUNK]
            # One chunk at a time: both runtimes already use every core for one batch.
            with self._model_lock:
                vectors = self.backend.embed(chunk)
            with self._cache_lock:
                for text, vector in zip(chunk, vectors):
                    result[missing[text]] = vector
                    self._cache[text] = vector
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return result

    @property
    def cached(self) -> int:
        return len(self._cache)

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()


_encoders: dict[tuple, Encoder] = {}
_encoders_lock = threading.Lock()


def get_encoder(settings: Settings = DEFAULT_SETTINGS) -> Encoder:
    """The process-wide encoder for these settings, loaded on first use."""
    key = (settings.model_path, settings.backend, settings.batch_size, settings.cache_size)
    with _encoders_lock:
        encoder = _encoders.get(key)
        if encoder is None:
            encoder = _encoders[key] = Encoder(*key)
        return encoder


def is_loaded() -> bool:
    """Has any encoder finished loading in this process?"""
    return bool(_encoders)
