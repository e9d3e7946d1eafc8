"""Which articles tell the same story: average-link agglomerative clustering (scikit-learn) of TF-IDF vectors.

Pages that hold no article (a failed scrape, an archive notice, a social-media widget's help text: most of their
opening sentences are site furniture by meaning) stand alone: grouped by their shared boilerplate they would join
unrelated stories. Then articles whose average TF-IDF similarity to a group is at least 1 - MERGE_DISTANCE join it;
an article left alone joins the group it is closest to on average if that is at least ATTACH_SIMILARITY.
When two articles both say when they were published, and more than SAME_DAYS apart, their similarity is halved for
every HALF_LIFE_DAYS beyond: a story is an event, and the same words a month later are usually another one (next
year's marathon, the next quarter's earnings).
The thresholds were chosen on the development set (docs/digest.md); nothing is fitted at run time.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from ..reading.documents import Document, published_instant
from ..selection.furniture import PROTOTYPES, furniture_mask
from ..reading.sentences import Sentence, readable, split_sentences
from ..content.words import UNSPACED_RUN, character_pairs
from ..notices import Notice

MERGE_DISTANCE = 0.82
ATTACH_SIMILARITY = 0.10
# An article is a page without article text when at least this share of its opening sentences is furniture.
JUNK_SHARE = 0.5
OPENING_SENTENCES = 8
OPENING_MIN_WORDS = 5
# TF-IDF reads each article's first sentences (its lede and body), not endless comment threads.
READ_SENTENCES = 60
# The bar for an unrelated article set by the others' closeness never rises above this similarity.
RELATIVE_CAP = 0.08
# Publication times (set by hand: the development set carries none): no change within SAME_DAYS, then halved per
# HALF_LIFE_DAYS.
SAME_DAYS = 3.0
HALF_LIFE_DAYS = 7.0
# Grouping compares every pair of articles (quadratic): one call takes at most this many (12 s for 1,000 here).
MAX_ARTICLES = 2000


def opening(document: Document) -> tuple[list[str], str]:
    """An article's first sentences (for the furniture check) and its text as read for TF-IDF."""
    sentences = split_sentences(document.text, 0)
    first = [readable(s.text[:2000]) for s in sentences if s.words >= OPENING_MIN_WORDS][:OPENING_SENTENCES]
    body = " ".join(s.text[:2000] for s in sentences[:READ_SENTENCES])
    return first or [document.text[:500]], body


def without_article(openings: Sequence[list[str]], encoder, threshold: float) -> np.ndarray:
    """True for each document whose opening sentences are mostly site furniture."""
    prototypes = encoder.encode_fixed(PROTOTYPES)
    flat = [sentence for sentences in openings for sentence in sentences]
    vectors = encoder.encode(flat) if flat else np.zeros((0, prototypes.shape[1]), dtype=np.float32)
    junk, start = [], 0
    for sentences in openings:
        mask = furniture_mask(vectors[start:start + len(sentences)], prototypes, threshold)
        junk.append(bool(len(mask)) and mask.mean() >= JUNK_SHARE)
        start += len(sentences)
    return np.array(junk, dtype=bool)


def _terms():
    """scikit-learn's word analyzer (lowercase, English stop words out), with each run of a script written without
    spaces (Chinese, Japanese, Thai, ...) cut into overlapping character pairs, the usual terms for such text: a run
    is otherwise a whole clause, shared by no other article."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(stop_words="english").build_analyzer()

    def terms(text: str) -> list[str]:
        found = []
        for word in words(text):
            if UNSPACED_RUN.search(word):
                found.extend(character_pairs(word))
            else:
                found.append(word)
        return found

    return terms


def tfidf_similarity(texts: Sequence[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        vectors = TfidfVectorizer(sublinear_tf=True, analyzer=_terms()).fit_transform(texts)
    except ValueError:  # no word at all in any text
        return np.eye(len(texts))
    return (vectors @ vectors.T).toarray()


def publication_days(documents: Sequence[Document]) -> np.ndarray:
    """Each document's publication time in days (NaN when it gives none)."""
    instants = [published_instant(document) for document in documents]
    return np.array([instant.timestamp() / 86400.0 if instant else np.nan for instant in instants])


def time_discount(days: np.ndarray) -> np.ndarray:
    """The factor on each pair's similarity for the time between their publication (1 when either is unknown)."""
    gap = np.abs(days[:, None] - days[None, :])
    factor = 0.5 ** (np.clip(np.nan_to_num(gap) - SAME_DAYS, 0.0, None) / HALF_LIFE_DAYS)
    return np.where(np.isnan(gap), 1.0, factor)


def cluster(similarity: np.ndarray, merge_distance: float = MERGE_DISTANCE,
            attach: float | None = ATTACH_SIMILARITY) -> np.ndarray:
    """Group labels: average-link clustering on 1 - similarity, then lone members attached where close enough."""
    count = len(similarity)
    if count < 2:
        return np.zeros(count, dtype=int)
    from sklearn.cluster import AgglomerativeClustering

    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=merge_distance).fit(distance).labels_
    if attach is None:
        return labels
    groups = len(np.bincount(labels))
    for index in np.flatnonzero(np.bincount(labels)[labels] == 1):
        # Its mean similarity to each group as the groups stand now (earlier lone articles may have joined one):
        # one pass over the articles, whatever the number of groups.
        members = np.bincount(labels, minlength=groups)
        closeness = np.bincount(labels, weights=similarity[index], minlength=groups) / np.maximum(members, 1)
        closeness[(members == 0) | (np.arange(groups) == labels[index])] = -np.inf
        best = groups - 1 - int(np.argmax(closeness[::-1]))  # the last of equals
        if closeness[best] >= attach:
            labels[index] = best
    return labels


def read_for_grouping(documents: Sequence[Document], encoder, furniture_threshold: float,
                      check: Callable[[], None] = lambda: None) -> tuple[np.ndarray, list[str]]:
    """Which documents hold no article (True) and each document's text as TF-IDF reads it."""
    if len(documents) > MAX_ARTICLES:
        from ..errors import InputError

        raise InputError(f"{len(documents)} articles; a digest groups at most {MAX_ARTICLES} at once: split the feed "
                         "(by day or source)", "documents")
    read = []
    for document in documents:
        check()
        read.append(opening(document))
    junk = without_article([first for first, _ in read], encoder, furniture_threshold)
    check()
    return junk, [body for _, body in read]


def story_labels(bodies: Sequence[str], junk: np.ndarray, merge_distance: float = MERGE_DISTANCE,
                 attach: float | None = ATTACH_SIMILARITY, days: np.ndarray | None = None) -> np.ndarray:
    """A story number for each document: pages without an article alone, the rest clustered (`days`: publication
    times, NaN where unknown)."""
    kept = np.flatnonzero(~junk)
    labels = np.full(len(bodies), -1)
    if len(kept):
        similarity = tfidf_similarity([bodies[i] for i in kept])
        if days is not None:
            similarity = similarity * time_discount(days[kept])
        labels[kept] = cluster(similarity, merge_distance, attach)
    alone = np.flatnonzero(labels < 0)
    labels[alone] = labels.max(initial=-1) + 1 + np.arange(len(alone))
    return labels


def group_articles(documents: Sequence[Document], encoder, furniture_threshold: float,
                   check: Callable[[], None] = lambda: None) -> tuple[list[list[int]], set[int]]:
    """Indices of the documents of each story (each in input order), stories in order of their first article; and
    the documents that hold no article (each a story of its own)."""
    junk, bodies = read_for_grouping(documents, encoder, furniture_threshold, check)
    stories: dict[int, list[int]] = {}
    for index, label in enumerate(story_labels(bodies, junk, days=publication_days(documents))):
        stories.setdefault(int(label), []).append(index)
    return sorted(stories.values(), key=lambda members: members[0]), set(np.flatnonzero(junk).tolist())


def unrelated_articles(sentences: Sequence, articles: int, threshold: float, share: float = 0.0
                       ) -> tuple[list[int], list[list[int]]]:
    """Articles (by index) about another story than the rest, and, when the articles look like different stories
    altogether, the stories (the articles of each, largest first). Three articles or more.

    A lone article is far from the rest when its closest TF-IDF similarity to any other is below `threshold`, or
    below `share` of how close the other articles typically are to theirs (the median of their closest similarities;
    this part at most RELATIVE_CAP). Articles that make a story of their own (grouped as a digest groups them) are
    far from the rest when each of them is below `threshold` to every article of the largest story. Far articles
    are left out, unless fewer than two others would be left, or a far story is as large as the largest: then
    nothing is left out and the articles look like different stories."""
    if threshold <= 0 or articles < 3:
        return [], []
    parts: list[list[str]] = [[] for _ in range(articles)]
    for sentence in sentences:
        if len(parts[sentence.document]) < READ_SENTENCES:
            parts[sentence.document].append(sentence.text[:2000])
    texts = [" ".join(read) for read in parts]
    similarity = tfidf_similarity(texts)
    labels = cluster(similarity)
    np.fill_diagonal(similarity, -1.0)
    closest = similarity.max(axis=1)
    far = np.array([closest[index] < max(threshold, min(RELATIVE_CAP, share * float(np.median(
        np.delete(closest, index))))) for index in range(articles)])
    # A story's size is its number of distinct texts: copies of one page (a widget's help text pasted three times)
    # are one voice, not a story several articles tell.
    distinct: dict[int, set[str]] = {}
    for label, text in zip(labels.tolist(), texts):
        distinct.setdefault(label, set()).add(text)
    sizes = np.array([len(distinct.get(label, ())) for label in range(labels.max() + 1)])
    largest = int(np.argmax(sizes))
    if sizes[largest] >= 2:
        to_largest = similarity[:, labels == largest].max(axis=1)
        for label in np.flatnonzero(np.bincount(labels) >= 2):
            if label != largest and (to_largest[labels == label] < threshold).all():
                if sizes[label] == sizes[largest]:
                    return [], _stories(labels)
                far[labels == label] = True
    lonely = np.flatnonzero(far).tolist()
    if articles - len(lonely) < 2:
        return [], _stories(labels)
    return lonely, []


def _stories(labels: np.ndarray) -> list[list[int]]:
    """The articles of each group, largest group first (ties by first article)."""
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(index)
    return sorted(groups.values(), key=lambda members: (-len(members), members[0]))


def story_name(members: list[int], articles: Sequence[Document], sentences: Sequence[Sentence]) -> str:
    """How a reader knows a group of articles: its first article's headline (title, else the one its text opens
    with), else its first sentence, cut short."""
    first = members[0]
    text = articles[first].title or articles[first].headline or next((s.text for s in sentences if s.document == first), articles[first].id)
    words = readable(text).split()
    return "“" + " ".join(words[:8]) + ("…" if len(words) > 8 else "") + "”"


def story_warnings(unrelated: list[int], stories: list[list[int]], articles: Sequence[Document],
                   sentences: Sequence[Sentence]) -> list[str]:
    """What a brief says of articles about another story: the ones left out, or the stories it mixes (named)."""
    warnings = [Notice("unrelated_article", f"article {articles[index].id!r} seems to be about another story: it was "
                       "left out of the brief", document_id=articles[index].id) for index in unrelated]
    if stories:
        named = "; ".join(f"{story_name(members, articles, sentences)} "
                          f"({', '.join(repr(articles[index].id) for index in members)})" for members in stories[:3])
        warnings.append(Notice("mixed_stories", f"the articles seem to be about different stories: {named}; a digest "
                               "groups them by story", stories=[
                                   {"name": story_name(members, articles, sentences).strip("“”"),
                                    "document_ids": [articles[index].id for index in members]}
                                   for members in stories[:3]]))
    return warnings
