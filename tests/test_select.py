import numpy as np

from summarizer.select import Budget, mmr_select


def test_budget_in_words_is_never_exceeded_and_filled_with_what_fits():
    vectors = np.eye(4, dtype=np.float32)
    relevance = np.array([1.0, 0.9, 0.8, 0.1], np.float32)
    lengths = np.array([6, 5, 3, 2])
    chosen = mmr_select(vectors, relevance, lengths, Budget(10, None), diversity=0.3, redundancy_threshold=0.9)
    assert chosen == [0, 2]
    assert lengths[chosen].sum() <= 10


def test_sentence_budget():
    vectors = np.eye(5, dtype=np.float32)
    chosen = mmr_select(vectors, np.arange(5, dtype=np.float32), np.ones(5, int), Budget(None, 2), 0.3, 0.9)
    assert chosen == [4, 3]


def test_near_duplicates_are_not_both_chosen():
    vectors = np.array([[1, 0, 0], [0.999, 0.0447, 0], [0, 1, 0]], np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    chosen = mmr_select(vectors, np.array([1.0, 0.99, 0.2], np.float32), np.ones(3, int), Budget(None, 3), 0.0, 0.9)
    assert chosen == [0, 2]


def test_diversity_trades_relevance_for_novelty():
    vectors = np.array([[1, 0], [0.8, 0.6], [0, 1]], np.float32)
    relevance = np.array([1.0, 0.9, 0.5], np.float32)
    lengths = np.ones(3, int)
    assert mmr_select(vectors, relevance, lengths, Budget(None, 2), 0.0, 1.1) == [0, 1]
    assert mmr_select(vectors, relevance, lengths, Budget(None, 2), 0.7, 1.1) == [0, 2]


def test_nothing_fits():
    assert mmr_select(np.eye(2, dtype=np.float32), np.ones(2, np.float32), np.array([50, 60]), Budget(10, None), 0.3, 0.9) == []
