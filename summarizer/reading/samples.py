"""The sample articles (the five of `seeds/`): installed with the package as `summarizer.sample_articles`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT_FOLDER = Path(__file__).resolve().parents[2] / "seeds"


def _files() -> list:
    try:
        folder = resources.files("summarizer.sample_articles")
        files = [item for item in folder.iterdir() if item.name.endswith(".txt")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        files = []
    if not files and CHECKOUT_FOLDER.is_dir():  # an editable install reads them from the checkout
        files = list(CHECKOUT_FOLDER.glob("*.txt"))
    return sorted(files, key=lambda item: item.name)


def sample_documents() -> list[dict]:
    """The sample articles as documents ({"id", "text"}), in file-name order; [] when none are installed."""
    return [{"id": item.name.removesuffix(".txt"), "text": item.read_text(encoding="utf-8")} for item in _files()]
