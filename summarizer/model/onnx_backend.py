"""The fast embedding path: the model exported to ONNX run by ONNX Runtime, with the model's own fast tokenizer. No
torch is imported once the export is cached.

With the default int8 export, activations are scaled per run, so a sentence batched with others would get a vector
that depends on them: each sentence runs alone, at its own length. The fp32 and int8-rows exports compute every
sentence row by row (onnx_export, row_quantization): sentences run in batches of equal padded length (their token
count rounded up to a multiple of `PAD_TO`, a function of the sentence alone). Either way a sentence gets the same
vector, bit for bit, whatever it is embedded with, in any order, on any thread or process of the same kind of machine.
"""

from __future__ import annotations

import numpy as np

from ..errors import ModelLoadError, ResourceMissingError
from .model_files import ModelFiles
from .onnx_export import INPUTS, exported_model

PAD_TO = 4  # wider steps fill batches better but pad each sentence more
# Graph fusions that make these small runs slower on CPU: ONNX Runtime's fused residual-add-and-normalize and GELU
# kernels take about twice the time of the plain LayerNormalization, Add and Gelu they replace (one sentence of ~35
# tokens: 388 -> 460 sentences/s on one core without them).
SLOW_FUSIONS = ["SkipLayerNormFusion", "GeluFusion"]
BATCH = 16  # sentences per run at most


class OnnxBackend:
    def __init__(self, model: ModelFiles, variant: str = "int8"):
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ResourceMissingError(
                f"The ONNX path needs onnxruntime and tokenizers: pip install onnxruntime tokenizers ({error})"
            ) from error
        self.name = "onnx" if variant == "fp32" else f"onnx-{variant}"
        self.batch_size = 1 if variant == "int8" else BATCH  # sentences that may share a run
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
        path = exported_model(model, variant)
        try:
            self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"],
                                                        disabled_optimizers=SLOW_FUSIONS)
        except Exception as error:  # onnxruntime raises its own exception types for unreadable models
            raise ModelLoadError(f"the exported model {path} could not be loaded ({error}); delete it to export again") from error
        self.inputs = [node.name for node in self.session.get_inputs()]  # the int8 export takes token ids only
        self.dimension = int(self.embed(["probe"]).shape[1])

    def batch_key(self, texts: list[str]) -> list[int] | None:
        """The padded length each text runs at (texts with the same key can share a run); None: each runs alone."""
        if self.batch_size == 1:
            return None
        return [padded_length(len(encoding.ids)) for encoding in self.tokenizer.encode_batch(texts)]

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text; texts of the same padded length run together where the export allows."""
        encodings = self.tokenizer.encode_batch(texts)
        if self.inputs == ["input_ids"]:  # each text alone, its token ids all the graph takes
            rows = [self.session.run(None, {"input_ids": np.array([encoding.ids], dtype=np.int64)})[0]
                    for encoding in encodings]
            return np.concatenate(rows) if rows else np.empty((0, self.dimension), np.float32)
        groups: dict[int, list[int]] = {}
        for row, encoding in enumerate(encodings):
            if self.batch_size > 1:
                groups.setdefault(padded_length(len(encoding.ids)), []).append(row)
            else:
                groups[-1 - row] = [row]  # alone, at its own length
        parts = []
        for length, rows in groups.items():
            for start in range(0, len(rows), self.batch_size):
                batch = rows[start:start + self.batch_size]
                width = length if length > 0 else len(encodings[batch[0]].ids)
                ids = np.zeros((len(batch), width), dtype=np.int64)
                mask = np.zeros_like(ids)
                for line, row in enumerate(batch):
                    tokens = encodings[row].ids
                    ids[line, :len(tokens)] = tokens
                    mask[line, :len(tokens)] = 1
                feeds = dict(zip(INPUTS, (ids, mask, np.zeros_like(ids))))
                parts.append((batch, self.session.run(None, {name: feeds[name] for name in self.inputs})[0]))
        result = np.empty((len(texts), parts[0][1].shape[1] if parts else 0), dtype=np.float32)
        for batch, vectors in parts:
            result[batch] = vectors
        return result


def padded_length(tokens: int) -> int:
    return -(-tokens // PAD_TO) * PAD_TO
