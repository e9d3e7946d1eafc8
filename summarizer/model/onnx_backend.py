"""The fast embedding path: the model exported to ONNX (int8 weights by default) run by ONNX Runtime, with the
model's own fast tokenizer. No torch is imported once the export is cached.

Each sentence runs alone, at its own length, on one thread. With int8 the activations are scaled per run, so a
sentence batched with others (or padded) would get a vector that depends on them; alone it gets the same vector
whatever else is being embedded, in any order, in any process on the same kind of machine.
"""

from __future__ import annotations

import numpy as np

from ..errors import ModelLoadError, ResourceMissingError
from .model_files import ModelFiles
from .onnx_export import INPUTS, exported_model


class OnnxBackend:
    def __init__(self, model: ModelFiles, quantized: bool = True):
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ResourceMissingError(
                f"The ONNX path needs onnxruntime and tokenizers: pip install onnxruntime tokenizers ({error})"
            ) from error
        self.name = "onnx-int8" if quantized else "onnx"
        try:
            self.tokenizer = Tokenizer.from_file(f"{model.path}/tokenizer.json")
        except Exception as error:  # the tokenizers library raises its own exception type
            raise ModelLoadError(f"the model's tokenizer.json could not be read ({error})") from error
        self.tokenizer.enable_truncation(model.max_tokens)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        # One thread per run; the encoder runs as many sentences at once as there are cores.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        path = exported_model(model, quantized)
        try:
            self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises its own exception types for unreadable models
            raise ModelLoadError(f"the exported model {path} could not be loaded ({error}); delete it to export again") from error
        self.dimension = int(self.embed(["probe"]).shape[1])

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text, each computed alone."""
        result = np.empty((len(texts), 0), dtype=np.float32)
        for row, encoding in enumerate(self.tokenizer.encode_batch(texts)):
            ids = np.asarray([encoding.ids], dtype=np.int64)
            feeds = dict(zip(INPUTS, (ids, np.ones_like(ids), np.zeros_like(ids))))
            vector = self.session.run(None, feeds)[0][0]
            if result.shape[1] == 0:
                result = np.empty((len(texts), vector.shape[0]), dtype=np.float32)
            result[row] = vector
        return result
