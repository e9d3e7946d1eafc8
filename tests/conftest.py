from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_documents() -> list[dict]:
    return [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def encoder():
    from summarizer.embedding import get_encoder

    return get_encoder()
