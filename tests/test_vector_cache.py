"""The cross-request vector cache: bounded in bytes, least recently used out first, entries that own their memory."""

import numpy as np

from summarizer.model.vector_cache import ENTRY_OVERHEAD, VectorCache, text_key


def vectors(count, dimension=384, seed=0):
    return np.random.default_rng(seed).normal(size=(count, dimension)).astype(np.float32)


def test_the_bound_is_in_bytes_and_never_exceeded():
    entry = 384 * 4 + ENTRY_OVERHEAD
    cache = VectorCache(max_bytes=10 * entry)
    keys = [text_key(f"sentence {n}") for n in range(25)]
    for start in range(0, 25, 5):
        cache.put_many(keys[start:start + 5], vectors(5, seed=start))
        assert cache.nbytes <= cache.max_bytes
    assert len(cache) == 10 and cache.nbytes == 10 * entry
    # The oldest went first; the newest are all there.
    assert cache.get_many(keys[:15]) == [None] * 15
    assert all(found is not None for found in cache.get_many(keys[15:]))


def test_a_huge_text_costs_what_a_short_one_costs():
    cache = VectorCache(max_bytes=2**20)
    cache.put_many([text_key("a" * 200_000)], vectors(1))
    cache.put_many([text_key("short")], vectors(1, seed=1))
    assert cache.nbytes == 2 * (384 * 4 + ENTRY_OVERHEAD)


def test_entries_are_copies_that_own_their_memory():
    chunk = vectors(128)
    cache = VectorCache(max_bytes=2**20)
    keys = [text_key(str(n)) for n in range(128)]
    cache.put_many(keys[:1], chunk[:1])
    (stored,) = cache.get_many(keys[:1])
    assert stored.base is None and stored.nbytes == 384 * 4
    chunk[0] = 0
    assert np.abs(stored).sum() > 0


def test_recently_used_entries_stay():
    entry = 384 * 4 + ENTRY_OVERHEAD
    cache = VectorCache(max_bytes=2 * entry)
    a, b, c = (text_key(t) for t in "abc")
    cache.put_many([a, b], vectors(2))
    cache.get_many([a])
    cache.put_many([c], vectors(1, seed=3))
    assert cache.get_many([b]) == [None]
    assert cache.get_many([a])[0] is not None


def test_zero_turns_it_off():
    cache = VectorCache(max_bytes=0)
    cache.put_many([text_key("x")], vectors(1))
    assert len(cache) == 0 and cache.nbytes == 0
