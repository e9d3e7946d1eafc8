"""The sample articles (the five of `seeds/`): installed with the package as `summarizer.sample_articles`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT_FOLDER = Path(__file__).resolve().parents[2] / "seeds"
# When each sample article was published (the texts carry one date line at most): a timeline of the samples needs them.
PUBLISHED = {
    "000_dbda9d4a54aced61": "2025-04-28",
    "001_f6ef21f92c72e7d1": "2025-04-28",
    "002_f0a2ea317c2ec4f5": "2024-10-12",
    "003_a876dd799010771c": "2024-12-16",
    "004_009268604145ada5": "2025-08-15",
}


def _files() -> list:
    try:
        folder = resources.files("summarizer.sample_articles")
        files = [item for item in folder.iterdir() if item.name.endswith(".txt")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        files = []
    if not files and CHECKOUT_FOLDER.is_dir():  # an editable install reads them from the checkout
        files = list(CHECKOUT_FOLDER.glob("*.txt"))
    return sorted(files, key=lambda item: item.name)


def with_sample_dates(document: dict) -> dict:
    """A sample article (by its id, the file's name) with the day it was published; any other as it is."""
    published = PUBLISHED.get(document.get("id", ""))
    return {**document, "published": published} if published and "published" not in document else document


def sample_documents() -> list[dict]:
    """The sample articles as documents ({"id", "text", "published"}), in file-name order; [] when none are
    installed."""
    return [with_sample_dates({"id": item.name.removesuffix(".txt"), "text": item.read_text(encoding="utf-8")})
            for item in _files()]
