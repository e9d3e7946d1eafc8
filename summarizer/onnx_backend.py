"""The fast embedding path: the model exported to ONNX (int8 by default) run by ONNX Runtime, with the
model's own fast tokenizer. No torch is imported once the export is cached."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from .errors import ResourceMissingError
from .onnx_export import INPUTS, exported_model


class OnnxBackend:
    def __init__(self, model_path: str, quantized: bool = True, batch_size: int = 16, threads: int | None = None):
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ResourceMissingError(f"The ONNX path needs onnxruntime and tokenizers: pip install onnxruntime tokenizers ({error})") from error
        self.name = "onnx-int8" if quantized else "onnx"
        self.batch_size = batch_size
        folder = Path(model_path)
        config = json.loads((folder / "sentence_bert_config.json").read_text()) if (folder / "sentence_bert_config.json").exists() else {}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(config.get("max_seq_length", 256)))
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = onnxruntime.InferenceSession(
            str(exported_model(model_path, quantized)), options, providers=["CPUExecutionProvider"]
        )
        self.dimension = int(self.embed(["probe"]).shape[1])

    def embed(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        result = np.empty((len(texts), 0), dtype=np.float32)
        # Batches of similar length waste little on padding.
        order = np.argsort([len(encoding.ids) for encoding in encodings], kind="stable")
        for start in range(0, len(order), self.batch_size):
            rows = order[start:start + self.batch_size]
            width = max(len(encodings[row].ids) for row in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for line, row in enumerate(rows):
                tokens = encodings[row].ids
                ids[line, :len(tokens)] = tokens
                mask[line, :len(tokens)] = 1
            feeds = dict(zip(INPUTS, (ids, mask, np.zeros_like(ids))))
            vectors = self.session.run(None, feeds)[0]
            if result.shape[1] == 0:
                result = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            result[rows] = vectors
        return result
