"""Export the packaged sentence-transformers model to ONNX (mean pooling and normalization inside the graph),
optionally quantized to int8, once, into the on-disk cache. Needs torch only when no export is cached yet."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
import warnings
from pathlib import Path

from .model_files import cache_dir, offline_environment

EXPORT_VERSION = "1"
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _fingerprint(model_path: str, quantized: bool) -> str:
    digest = hashlib.sha256(f"{EXPORT_VERSION}|{os.path.abspath(model_path)}|{quantized}".encode())
    for file in sorted(Path(model_path).glob("*")):
        if file.is_file():
            stat = file.stat()
            digest.update(f"{file.name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:16]


def _export(model_path: str, target: Path) -> None:
    offline_environment()
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        """Transformer, then mean over real tokens, then unit length: what sentence-transformers computes."""

        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=1)

    model = Pooled(AutoModel.from_pretrained(model_path).eval())
    ids = torch.tensor([[101, 7592, 2088, 2003, 2182, 102], [101, 7592, 102, 0, 0, 0]])
    # A padded row, so the traced graph keeps the attention mask (an all-ones example lets it be dropped).
    example = (ids, (ids > 0).to(torch.int64), torch.zeros_like(ids))
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS} | {"embedding": {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, example, str(target), input_names=list(INPUTS), output_names=["embedding"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)


def _quantize(source: Path, target: Path) -> None:
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))
    # Only weight matrices: quantizing the attention products (activation x activation) costs accuracy.
    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"MatMulConstBOnly": True})


def exported_model(model_path: str, quantized: bool = True) -> Path:
    """Path of the cached ONNX model for `model_path`, exporting it first if needed (safe across processes)."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"minilm-{_fingerprint(model_path, quantized)}-{'int8' if quantized else 'fp32'}.onnx"
    if target.exists():
        return target
    with open(folder / f"{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            return target
        with tempfile.TemporaryDirectory(dir=folder) as scratch:
            plain = Path(scratch) / "model.onnx"
            _export(model_path, plain)
            final = plain
            if quantized:
                final = Path(scratch) / "model-int8.onnx"
                _quantize(plain, final)
            os.replace(final, target)
        with contextlib.suppress(OSError):
            os.unlink(folder / f"{target.name}.lock")
    return target
