import numpy as np

from summarizer.index import EXACT_SEARCH_LIMIT, SentenceIndex


def unit_rows(count, dimension=16, seed=0):
    rows = np.random.default_rng(seed).normal(size=(count, dimension)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_neighbours_above_threshold_exclude_self():
    vectors = unit_rows(5)
    vectors[3] = vectors[0]
    neighbours = SentenceIndex(vectors).neighbours(threshold=0.99, limit=8)
    ids, similarities = neighbours.of(0)
    assert ids.tolist() == [3]
    assert similarities[0] > 0.999
    assert 0 not in neighbours.of(0)[0]
    assert neighbours.of(1)[0].tolist() == []


def test_neighbours_match_brute_force():
    vectors = unit_rows(200, dimension=8, seed=1)
    neighbours = SentenceIndex(vectors).neighbours(threshold=0.6, limit=500)
    exact = vectors @ vectors.T
    for i in range(len(vectors)):
        expected = {j for j in np.flatnonzero(exact[i] >= 0.6) if j != i}
        assert set(neighbours.of(i)[0].tolist()) == expected


def test_large_clusters_use_an_approximate_index_that_still_finds_copies():
    vectors = unit_rows(EXACT_SEARCH_LIMIT + 100, dimension=32, seed=2)
    vectors[-1] = vectors[5]
    index = SentenceIndex(vectors)
    assert "HNSW" in type(index.index).__name__
    assert len(vectors) - 1 in index.neighbours(threshold=0.95, limit=8).of(5)[0].tolist()


def test_empty_index():
    neighbours = SentenceIndex(np.zeros((0, 4), np.float32)).neighbours(0.5, 4)
    assert neighbours.ids.size == 0
