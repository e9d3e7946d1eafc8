"""The ONNX paths against the torch reference, on real sentences of different lengths (so batches are padded)."""

import numpy as np
import pytest

from summarizer.embedding import Encoder
from summarizer.onnx_export import exported_model

SENTENCES = [
    "North Korea has confirmed sending troops to assist Russian forces in Ukraine.",
    "Kim praised the soldiers.",
    "Western officials previously suggested that out of the approximately 11,000 North Korean troops dispatched, "
    "around 1,000 had been killed within three months of deployment, a figure Ukraine disputes.",
    "The Pentagon said North Korean soldiers had entered combat in the Kursk region last week.",
    "Das ist ein Satz auf Deutsch.",
    "Prices rose 3.5% in October, the fastest pace since 2023.",
]


@pytest.fixture(scope="module")
def reference():
    return Encoder(backend="torch").encode(SENTENCES)


@pytest.mark.parametrize("backend, floor", [("onnx", 0.9999), ("onnx-int8", 0.98)])
def test_onnx_vectors_match_torch(reference, backend, floor):
    encoder = Encoder(backend=backend)
    vectors = encoder.encode(SENTENCES)
    cosines = (vectors * reference).sum(axis=1)
    assert cosines.min() >= floor, cosines
    # Alone or in a padded batch, a sentence gets the same vector (int8: activations are scaled per batch).
    alone = encoder.backend.embed([SENTENCES[1]])[0]
    assert float(alone @ vectors[1]) >= floor


def test_export_is_cached_on_disk():
    encoder = Encoder(backend="onnx-int8")
    path = exported_model(encoder.model_path, quantized=True)
    assert path.exists() and path.stat().st_size < 40_000_000
    assert exported_model(encoder.model_path, quantized=True) == path


def test_unknown_backend_is_an_input_error():
    from summarizer import InputError

    with pytest.raises(InputError):
        Encoder(backend="gpu")
