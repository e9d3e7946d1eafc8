from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_documents() -> list[dict]:
    return [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def encoder():
    from summarizer.model.embedding import get_encoder

    return get_encoder()


@pytest.fixture(scope="session")
def fast():
    """A Summarizer with a stand-in for the model: for tests of the engine's logic, not of meaning."""
    from fakes import fake_encoder
    from summarizer import Summarizer

    return Summarizer(encoder=fake_encoder())
