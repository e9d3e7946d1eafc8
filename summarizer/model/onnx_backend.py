"""The fast embedding path: the model exported to ONNX (int8 products by default) run by ONNX Runtime, with the
model's own fast tokenizer. No torch is imported once the export is cached.

Sentences run in batches of equal padded length (their token count rounded up to a multiple of `PAD_TO`: a function
of the sentence alone). Every operation of the exported graph works row by row (row_quantization, onnx_export), so a
sentence gets the same vector, bit for bit, alone or in any batch, in any order, on any thread or process of the
same kind of machine.
"""

from __future__ import annotations

import numpy as np

from ..errors import ModelLoadError, ResourceMissingError
from .model_files import ModelFiles
from .onnx_export import INPUTS, exported_model

PAD_TO = 4  # wider steps fill batches better but pad each sentence more
BATCH = 16  # sentences per run at most


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

    def batch_key(self, texts: list[str]) -> list[int]:
        """The padded length each text runs at: texts with the same key can share a run."""
        return [padded_length(len(encoding.ids)) for encoding in self.tokenizer.encode_batch(texts)]

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text; texts of the same padded length run together."""
        encodings = self.tokenizer.encode_batch(texts)
        groups: dict[int, list[int]] = {}
        for row, encoding in enumerate(encodings):
            groups.setdefault(padded_length(len(encoding.ids)), []).append(row)
        parts = []
        for length, rows in groups.items():
            for start in range(0, len(rows), BATCH):
                batch = rows[start:start + BATCH]
                ids = np.zeros((len(batch), length), dtype=np.int64)
                mask = np.zeros_like(ids)
                for line, row in enumerate(batch):
                    tokens = encodings[row].ids
                    ids[line, :len(tokens)] = tokens
                    mask[line, :len(tokens)] = 1
                parts.append((batch, self.session.run(None, dict(zip(INPUTS, (ids, mask, np.zeros_like(ids)))))[0]))
        result = np.empty((len(texts), parts[0][1].shape[1] if parts else 0), dtype=np.float32)
        for batch, vectors in parts:
            result[batch] = vectors
        return result


def padded_length(tokens: int) -> int:
    return -(-tokens // PAD_TO) * PAD_TO
