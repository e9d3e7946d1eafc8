"""The systems compared: the engine's brief and the classic baselines, each `(cluster, max_words) -> summary`."""

from __future__ import annotations

import random
import re
from typing import Callable

import numpy as np

from summarizer import summarize
from summarizer.reading.sentences import normalize_space, split_sentences

from .data import Cluster

WORD = re.compile(r"\w+(?:['’]\w+)*")


def _sentences(document: str) -> list[str]:
    return [normalize_space(sentence.text) for sentence in split_sentences(document)]


def _fill(ranked: list[str], max_words: int) -> str:
    """Take sentences in rank order until the budget is reached (the scorer cuts at max_words)."""
    taken, words = [], 0
    for sentence in ranked:
        if words >= max_words:
            break
        taken.append(sentence)
        words += len(sentence.split())
    return " ".join(taken)


def brief(cluster: Cluster, max_words: int) -> str:
    documents = [document for document in cluster.documents if document.strip()]
    return summarize(documents, max_words=max_words, query=cluster.query).text if documents else ""


def lead(cluster: Cluster, max_words: int) -> str:
    """Leading sentences, round-robin across the articles: every first sentence, then every second, ..."""
    per_article = [_sentences(document) for document in cluster.documents]
    depth = max((len(sentences) for sentences in per_article), default=0)
    ranked = [sentences[i] for i in range(depth) for sentences in per_article if i < len(sentences)]
    return _fill(ranked, max_words)


def random_sentences(cluster: Cluster, max_words: int) -> str:
    ranked = [s for document in cluster.documents for s in _sentences(document)]
    random.Random(cluster.id).shuffle(ranked)
    return _fill(ranked, max_words)


def centroid(cluster: Cluster, max_words: int) -> str:
    """Radev et al. (2004): closeness to the cluster's TF-IDF centroid, skipping near-repeats."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    sentences = [s for document in cluster.documents for s in _sentences(document)]
    if not sentences:
        return ""
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences)
    except ValueError:  # nothing but stop words
        return _fill(sentences, max_words)
    center = np.asarray(matrix.mean(axis=0)).ravel()
    scores = matrix @ center
    taken: list[int] = []
    for index in np.argsort(-scores, kind="stable"):
        if sum(len(sentences[i].split()) for i in taken) >= max_words:
            break
        if all((matrix[index] @ matrix[i].T).toarray()[0, 0] < 0.5 for i in taken):
            taken.append(int(index))
    return " ".join(sentences[i] for i in taken)


class OfflineTokenizer:
    """sumy's tokenizer interface, on the engine's punkt splitter (sumy's own would download NLTK data)."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return _sentences(text)

    def to_words(self, sentence: str) -> list[str]:
        return WORD.findall(sentence)


class _WordBudget:
    """sumy's `sentences_count` may be a callable over the rated sentences, best first."""

    def __init__(self, max_words: int):
        self.max_words = max_words

    def __call__(self, infos):
        taken, words = [], 0
        for info in infos:
            if words >= self.max_words:
                break
            taken.append(info)
            words += len(str(info.sentence).split())
        return taken


def _sumy(summarizer_class) -> Callable[[Cluster, int], str]:
    def run(cluster: Cluster, max_words: int) -> str:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words

        tokenizer = OfflineTokenizer()
        paragraphs = [
            Paragraph([Sentence(text, tokenizer) for text in _sentences(document)]) for document in cluster.documents
        ]
        document = ObjectDocumentModel([p for p in paragraphs if p.sentences])
        if not document.sentences:
            return ""
        summarizer = summarizer_class(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        ranked = summarizer(document, _WordBudget(max_words))
        return " ".join(str(sentence) for sentence in ranked)

    run.__doc__ = f"sumy's {summarizer_class.__name__}."
    return run


def _lexrank(cluster: Cluster, max_words: int) -> str:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return _sumy(LexRankSummarizer)(cluster, max_words)


def _textrank(cluster: Cluster, max_words: int) -> str:
    from sumy.summarizers.text_rank import TextRankSummarizer

    return _sumy(TextRankSummarizer)(cluster, max_words)


SYSTEMS: dict[str, Callable[[Cluster, int], str]] = {
    "brief": brief,
    "lead": lead,
    "random": random_sentences,
    "centroid": centroid,
    "lexrank": _lexrank,
    "textrank": _textrank,
}
