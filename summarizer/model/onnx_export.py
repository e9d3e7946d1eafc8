"""Export the packaged sentence-transformers model to ONNX (its pooling and unit length inside the graph), in one of
`VARIANTS`, once, into the on-disk cache. Needs torch only when no export is cached yet.

Apart from the activation scale of dynamic int8, every operation of the exported graph computes one sentence's
numbers from that sentence alone, in the same order whatever the batch: the pooling sums tokens with a batched matrix
product (a sum over one axis of a batch is vectorised differently for different batch sizes)."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
import warnings
from importlib import metadata
from pathlib import Path

from ..errors import ModelLoadError
from .model_files import ModelFiles, cache_dir, content_digest, offline_environment
from .row_quantization import quantize_rows

# Bump when the export itself changes, so older cached files are not reused.
EXPORT_VERSION = "5"
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# fp32: the model as it is. int8: weight products in int8, activations scaled per run (dynamic quantization), so a
# sentence must run alone (and its graph takes token ids only). int8-rows: activations scaled per token
# (row_quantization), so sentences can be batched.
VARIANTS = ("fp32", "int8", "int8-rows")
LIBRARIES = ("torch", "transformers", "onnx", "onnxruntime")


def library_versions() -> dict[str, str]:
    """Versions of the libraries that shape the exported file (read from metadata: nothing is imported)."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def fingerprint(model: ModelFiles, variant: str, versions: dict[str, str] | None = None) -> str:
    """Changes whenever the model's files, its pooling, the export code or a library that shapes it changes."""
    identity = {
        "export": EXPORT_VERSION,
        "variant": variant,
        "model": content_digest(model.path),
        "config": model.describe(),
        "versions": versions if versions is not None else library_versions(),
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:16]


def _export(model: ModelFiles, target: Path, alone: bool = False) -> None:
    """`alone`: for a model that embeds each sentence alone, at its own length, so every token is a real one: the
    graph takes the token ids only, with no attention mask to build and apply (about a tenth of the work)."""
    offline_environment()
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        """Transformer, then the model's pooling over real tokens, then unit length: what sentence-transformers computes."""

        def __init__(self, transformer, pooling):
            super().__init__()
            self.transformer = transformer
            self.pooling = pooling

        def forward(self, input_ids, attention_mask=None, token_type_ids=None):
            if attention_mask is None:  # one sentence, no padding: every token counts
                hidden = self.transformer(input_ids=input_ids,
                                          token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
                mask = torch.ones_like(hidden[:, :, :1])
            else:
                hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                          token_type_ids=token_type_ids).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            tokens = mask.sum(1).clamp(min=1e-9)
            summed = torch.matmul(mask.transpose(1, 2), hidden).squeeze(1)  # per sentence, whatever the batch
            parts = []
            for mode in self.pooling:
                if mode == "cls_token":
                    parts.append(hidden[:, 0])
                elif mode == "max_tokens":
                    parts.append(torch.where(mask > 0, hidden, torch.full_like(hidden, -1e9)).max(1).values)
                elif mode == "mean_tokens":
                    parts.append(summed / tokens)
                else:  # mean_sqrt_len_tokens
                    parts.append(summed / tokens.sqrt())
            return torch.nn.functional.normalize(torch.cat(parts, dim=1), dim=1)

    module = Pooled(AutoModel.from_pretrained(model.path).eval(), model.pooling)
    ids = torch.tensor([[101, 7592, 2088, 2003, 2182, 102], [101, 7592, 102, 0, 0, 0]])
    # A padded row, so the traced graph keeps the attention mask (an all-ones example lets it be dropped).
    example = (ids, (ids > 0).to(torch.int64), torch.zeros_like(ids))
    inputs = INPUTS
    if alone:
        example, inputs = (ids[:1],), INPUTS[:1]
    axes = {name: {0: "batch", 1: "tokens"} for name in inputs} | {"embedding": {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, example, str(target), input_names=list(inputs), output_names=["embedding"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)


def _quantize_per_run(source: Path, target: Path) -> None:
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))
    # Only weight matrices: quantizing the attention products (activation x activation) costs accuracy.
    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"MatMulConstBOnly": True})


def export_path(model: ModelFiles, variant: str) -> Path:
    return cache_dir() / f"minilm-{fingerprint(model, variant)}-{variant}.onnx"


def exported_model(model: ModelFiles, variant: str = "int8") -> Path:
    """Path of the cached ONNX model, exporting it first if needed (safe across processes)."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown export {variant!r}; choose from {', '.join(VARIANTS)}")
    target = export_path(model, variant)
    if target.exists():
        return target
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / f"{target.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if target.exists():
                return target
            with tempfile.TemporaryDirectory(dir=folder) as scratch:
                plain = Path(scratch) / "model.onnx"
                _export(model, plain, alone=variant == "int8")
                final = plain
                if variant != "fp32":
                    final = Path(scratch) / f"model-{variant}.onnx"
                    (quantize_rows if variant == "int8-rows" else _quantize_per_run)(plain, final)
                os.replace(final, target)
            with contextlib.suppress(OSError):
                os.unlink(folder / f"{target.name}.lock")
    except OSError as error:
        raise ModelLoadError(
            f"cannot write the model export to {folder} ({error.strerror or error}); "
            "make it writable or point SUMMARIZER_CACHE_DIR at a writable folder"
        ) from error
    return target
