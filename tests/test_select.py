"""The selector on hand-built concepts: the most content within the budget, nothing said twice."""

import numpy as np

from summarizer.reading.documents import normalize_documents
from summarizer.reading.sentences import split_articles
from summarizer.selection.candidates import context_requirements
from summarizer.selection.select import Budget, select_sentences


def article_sentences(article):
    """The sentences of one article, as the engine splits them."""
    return split_articles(normalize_documents([article]))


def run(members, weights, lengths, budget, relevance=None, similarity=None, threshold=0.75, requires=None):
    count = len(members)
    return select_sentences(
        [np.array(m, dtype=np.int64) for m in members], np.array(weights, dtype=float),
        np.zeros(count) if relevance is None else np.array(relevance, dtype=float), np.array(lengths),
        np.eye(count) if similarity is None else np.array(similarity, dtype=float), budget, threshold, requires,
    )


def test_the_word_budget_is_never_exceeded_and_is_filled_with_what_fits():
    lengths = np.array([6, 5, 3, 2])
    chosen = run([[0], [1], [2], [3]], [10, 9, 8, 1], lengths, Budget(10, None))
    # 9 + 8 + 1 in exactly 10 words; 10 + 8 would leave a word unused for the same worth.
    assert sorted(chosen) == [1, 2, 3] and lengths[chosen].sum() == 10


def test_a_concept_counts_once():
    # Sentences 0 and 1 say the same thing; 2 says something else of less worth.
    chosen = run([[0, 1], [0, 1], [2]], [5, 5, 3], [5, 5, 5], Budget(10, None))
    assert sorted(chosen) == [0, 2]


def test_a_sentence_too_close_in_meaning_to_a_chosen_one_is_not_taken():
    similarity = [[1, 0.9, 0.1], [0.9, 1, 0.1], [0.1, 0.1, 1]]
    chosen = run([[0], [1], [2]], [5, 4, 1], [3, 3, 3], Budget(9, None), similarity=similarity, threshold=0.75)
    assert sorted(chosen) == [0, 2]


def test_the_sentence_budget():
    assert len(run([[0], [1], [2]], [3, 2, 1], [1, 1, 1], Budget(None, 2))) == 2


def test_nothing_fits():
    assert run([[0], [1]], [1, 1], [50, 60], Budget(10, None)) == []


def test_the_local_search_beats_a_greedy_first_pick():
    # The best ratio (10 in 6 words) leaves no room; two 5-word sentences (7 each) are worth more together.
    chosen = run([[0], [1], [2]], [10, 7, 7], [6, 5, 5], Budget(10, None))
    assert sorted(chosen) == [1, 2]


def test_a_sentence_that_leans_on_its_predecessor_never_comes_without_it():
    # Sentence 1 ("He said ...") needs sentence 0; alone it would be the best pick.
    weights, lengths = [1, 50, 5], [5, 5, 5]
    assert 1 not in run([[0], [1], [2]], weights, lengths, Budget(5, None), requires=[None, 0, None])
    assert sorted(run([[0], [1], [2]], weights, lengths, Budget(10, None), requires=[None, 0, None])) == [0, 1]


def test_relevance_breaks_ties_between_equal_content():
    assert run([[0], [0]], [5], [5, 5], Budget(5, None), relevance=[0.1, 0.9]) == [1]


def test_a_sentence_leaning_on_one_that_cannot_be_chosen_is_not_embedded():
    from fakes import HashedWords
    from summarizer import Summarizer
    from summarizer.model.embedding import Encoder

    model = HashedWords()
    leaning = "He promised a decision before the harvest festival in October, according to aides."
    articles = [
        "Will the council act on school funding this week? " + leaning + " The budget adds money for teachers and "
        "repairs, officials said. Parents packed the chamber for the hearing on Tuesday night.",
        "Council members will vote on the school budget on Monday, officials said. The plan adds money for teachers "
        "and for repairs to older buildings. Some members want more money for buses.",
    ]
    brief = Summarizer(encoder=Encoder(backend=model)).summarize(articles, max_words=80)
    assert brief.sentences  # a brief was made
    assert leaning not in model.texts  # it follows a question, which a brief never takes: it could never be chosen


def test_a_surname_its_article_introduced_comes_only_with_the_introduction():
    article = ("Johnston County 911 shift supervisor Tim Medlin took the call at 4 a.m. on Saturday. The woman said "
               "she had been locked in the trunk of a moving car. Medlin said it was hard to understand her at first. "
               "Police said the car was stopped on Interstate 95 about half an hour later.")
    sentences = article_sentences(article)
    texts = [s.text for s in sentences]
    medlin = texts.index("Medlin said it was hard to understand her at first.")
    police = texts.index("Police said the car was stopped on Interstate 95 about half an hour later.")
    kept, needs = context_requirements([medlin, police], sentences)
    assert kept == [police]  # without its introduction, "Medlin said ..." is left out; "Police said ..." is not
    kept, needs = context_requirements([0, medlin, police], sentences)
    assert kept == [0, medlin, police] and needs == [None, 0, None]


def test_a_surname_opening_any_statement_needs_its_introduction():
    article = ("Two women were charged after five toddlers were hurt at a daycare in Logan Square, police said. "
               "Maria Gonzalez, 41, ran the daycare from her home on West Fullerton Avenue. "
               "Gonzalez was charged with five counts of endangering a child. "
               "Gonzalez's lawyer said she would plead not guilty. "
               "Chicago was the only city in the state to license home daycares.")
    sentences = article_sentences(article)
    texts = [s.text for s in sentences]
    charged = texts.index("Gonzalez was charged with five counts of endangering a child.")
    lawyer = texts.index("Gonzalez's lawyer said she would plead not guilty.")
    city = texts.index("Chicago was the only city in the state to license home daycares.")
    kept, _ = context_requirements([0, charged, lawyer, city], sentences)
    assert kept == [0, city]  # "Gonzalez was ...", "Gonzalez's ..." name someone introduced only in a sentence left out
    kept, needs = context_requirements([0, 1, charged, lawyer, city], sentences)
    assert kept == [0, 1, charged, lawyer, city] and needs == [None, None, 1, 1, None]


def test_a_sentence_opening_with_that_comes_only_after_the_one_it_points_back_to():
    article = ("A coolant pump failed on the space station's starboard truss on Saturday, NASA said. "
               "That forced flight controllers to shut down half of the station's cooling system. "
               "It is unclear when a spacewalk to replace the pump can be scheduled.")
    sentences = article_sentences(article)
    kept, _ = context_requirements([1, 2], sentences)
    assert kept == [2]  # "That forced ..." says nothing without the failure it points back to; "It is unclear" stays
    kept, needs = context_requirements([0, 1, 2], sentences)
    assert kept == [0, 1, 2] and needs == [None, 0, None]
