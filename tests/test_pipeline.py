"""The whole pipeline with the real model, punkt parameters and FAISS; its logic alone (`fast`) with a stand-in."""

import itertools
import re

import numpy as np
import pytest

from summarizer import Brief, InputError, Settings, Summarizer, summarize

BOILERPLATE = ("Read More", "Disclaimer", "Recent Articles", "Publisher:", "What Happened:", "Why It Matters:",
               "date 2024", "PaprClips", "**")
GLUED = re.compile(r"[a-z]{2}[.!?][\"”’]?[A-Z]")


def check_traceable(brief: Brief, documents: list[dict]):
    texts = {document["id"]: document["text"] for document in documents}
    for sentence in brief.sentences:
        assert texts[sentence.document_id][sentence.start:sentence.end] == sentence.text
        assert sentence.sources[0] == sentence.document_id
        assert len(set(sentence.sources)) == len(sentence.sources)
        # Each source article's own sentence for the fact, by offsets into that article.
        assert [match.document_id for match in sentence.matches] == list(sentence.sources)
        for match in sentence.matches:
            assert 0 <= match.start < match.end <= len(texts[match.document_id])
            assert texts[match.document_id][match.start:match.end].strip()


@pytest.fixture(scope="module")
def seed_brief(seed_documents):
    return summarize(seed_documents)


def test_seed_brief_is_within_budget_and_clean(seed_brief, seed_documents):
    assert 60 <= seed_brief.word_count <= 100
    assert len(seed_brief.sentences) >= 3
    for marker in BOILERPLATE:
        assert marker not in seed_brief.text
    assert not GLUED.search(seed_brief.text)
    check_traceable(seed_brief, seed_documents)


def test_seed_brief_does_not_repeat_itself(seed_brief, encoder):
    vectors = encoder.encode([sentence.text for sentence in seed_brief.sentences])
    for a, b in itertools.combinations(range(len(vectors)), 2):
        assert vectors[a] @ vectors[b] < 0.8, (seed_brief.sentences[a].text, seed_brief.sentences[b].text)


def test_seed_brief_credits_every_article_reporting_a_fact(seed_brief):
    most = max(seed_brief.sentences, key=lambda sentence: len(sentence.sources))
    assert len(most.sources) >= 2
    # The two near-copies of one story (000 and 001) report the same lede.
    assert any({"000_dbda9d4a54aced61", "001_f6ef21f92c72e7d1"} <= set(s.sources) for s in seed_brief.sentences)


def test_sentence_budget_and_word_budget(seed_documents):
    assert len(summarize(seed_documents, max_sentences=2).sentences) == 2
    brief = summarize(seed_documents, max_words=40, max_sentences=5)
    assert brief.word_count <= 40 and len(brief.sentences) <= 5
    long = summarize(seed_documents, max_words=250)
    assert 200 <= long.word_count <= 250


def test_the_settings_budget_is_the_default(seed_documents, fast):
    two = Summarizer(Settings(max_sentences=2), fast.encoder)
    brief = two.summarize(seed_documents)
    assert len(brief.sentences) == 2 and brief.max_sentences == 2 and brief.max_words == 100
    assert len(two.summarize(seed_documents, max_sentences=3).sentences) == 3


def test_the_encoder_given_is_the_one_used(seed_documents, fast):
    model = fast.encoder.backend
    before = model.calls
    brief = fast.summarize(seed_documents)
    assert model.calls > before and brief.sentences
    check_traceable(brief, seed_documents)


def test_query_focuses_the_brief(seed_documents):
    brief = summarize(seed_documents, max_words=60, query="How many North Korean soldiers were killed?")
    assert re.search(r"killed|casualt|deaths", brief.text)
    assert brief.query == "How many North Korean soldiers were killed?"


def test_dates_order_the_articles(seed_documents):
    dated = [dict(d, published=f"2024-0{9 - n}-01") for n, d in enumerate(seed_documents)]
    brief = summarize(dated, max_words=150)
    order = [dated_index for s in brief.sentences for dated_index, d in enumerate(dated) if d["id"] == s.document_id]
    assert order == sorted(order, reverse=True)


def test_serialization(seed_brief):
    data = seed_brief.to_dict()
    assert data["text"] == seed_brief.text and data["word_count"] == seed_brief.word_count
    assert {"text", "document_id", "start", "end", "sources"} <= set(data["sentences"][0])
    markdown = seed_brief.to_markdown()
    assert "[1]" in markdown and "Sources:" in markdown
    assert str(seed_brief) == seed_brief.text


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"documents": []}, "documents"),
        ({"documents": ["  ", "text"]}, "documents[0].text"),
        ({"documents": [{"text": 3}]}, "documents[0].text"),
        ({"documents": ["Some text here."], "max_words": 0}, "max_words"),
        ({"documents": ["Some text here."], "max_words": -5}, "max_words"),
        ({"documents": ["Some text here."], "max_words": 1.5}, "max_words"),
        ({"documents": ["Some text here."], "max_sentences": 0}, "max_sentences"),
        ({"documents": ["Some text here."], "query": "  "}, "query"),
        ({"documents": ["Some text here."], "query": 5}, "query"),
        ({"documents": ["Some text here."], "diversity": 2}, "diversity"),
    ],
)
def test_bad_input_is_a_clear_error(kwargs, field, fast):
    with pytest.raises(InputError) as caught:
        fast.summarize(**kwargs)
    assert caught.value.field == field


def test_a_null_option_is_an_option_left_out(fast):
    text = ["The council approved the budget on Monday after a long debate over school funding and roads."]
    left_out = fast.summarize(text)
    assert fast.summarize(text, max_words=None) == left_out and left_out.max_words == 100
    assert fast.summarize(text, max_words=None, max_sentences=1).max_words is None


def test_one_article(seed_documents):
    brief = summarize(seed_documents[:1])
    assert 0 < brief.word_count <= 100
    assert all(s.sources == ("000_dbda9d4a54aced61",) for s in brief.sentences)


def test_identical_articles_give_one_copy_of_each_fact(seed_documents):
    copies = [{"id": f"copy{n}", "text": seed_documents[2]["text"]} for n in range(4)]
    brief = summarize(copies)
    assert len({s.text for s in brief.sentences}) == len(brief.sentences)
    assert all(len(s.sources) == 4 for s in brief.sentences)


def test_other_languages_do_not_break_it():
    german = ("Die Regierung hat am Montag neue Maßnahmen beschlossen. Die Opposition kritisierte den Plan scharf. "
              "Nach Angaben des Ministeriums sollen die Regeln ab Januar gelten. Viele Bürger sind skeptisch.")
    chinese = "政府周一宣布了新的措施。反对派强烈批评了这一计划。据该部称，新规定将于一月生效。"
    brief = summarize([german, chinese, "Ceci est un article en français. Le gouvernement a annoncé des mesures."])
    assert brief.sentences and brief.word_count <= 100


def test_one_five_thousand_word_paragraph(seed_documents):
    sentences = " ".join(" ".join(d["text"].split()) for d in seed_documents).split(". ")
    paragraph = ". ".join(itertools.islice(itertools.cycle(sentences), 400))
    assert len(paragraph.split()) >= 5000
    brief = summarize([paragraph, seed_documents[0]["text"]])
    assert brief.sentences and brief.word_count <= 100
    assert all(paragraph[s.start:s.end] == s.text for s in brief.sentences if s.document_id == "0")


def test_two_hundred_articles(seed_documents):
    articles = [{"id": f"a{n}", "text": seed_documents[n % 5]["text"] + f"\nReporter number {n} filed this story from the scene today."}
                for n in range(200)]
    brief = summarize(articles)
    assert brief.sentences and brief.word_count <= 100
    for sentence in brief.sentences:  # every copy of the article a sentence comes from states it
        own = int(sentence.document_id[1:]) % 5
        assert {f"a{n}" for n in range(own, 200, 5)} <= set(sentence.sources)


def test_text_without_sentences_gives_an_empty_brief_with_a_warning(fast):
    brief = fast.summarize(["12345 67890", "!!! ???"])
    assert brief.sentences == () and brief.warnings


def test_a_budget_smaller_than_any_sentence_says_so(seed_documents, fast):
    brief = fast.summarize(seed_documents, max_words=3)
    assert brief.sentences == ()
    assert brief.warnings == ("no sentence is short enough for a budget of 3 words",)


def test_junk_alone_gives_an_empty_brief_with_a_warning(fast):
    for junk in (["Read More\nAdvertisement\nShare"], ["Bcd", "a" * 5000], ["A-" * 3000 + "\nOK"]):
        brief = fast.summarize(junk)
        assert brief.sentences == () and brief.warnings == ("no sentences with words were found in the documents",)


def test_a_short_statement_is_used_when_nothing_stands_alone(fast):
    brief = fast.summarize(["Read More", "The bridge is closed now.", "政府周一宣布了新的措施。"])
    assert sorted(sentence.text for sentence in brief.sentences) == ["The bridge is closed now.", "政府周一宣布了新的措施。"]


def test_timings_cover_each_stage(seed_brief):
    assert set(seed_brief.timings) == {"read", "split", "related", "concepts", "embed", "furniture", "select", "order", "attribute"}
    assert all(np.isfinite(v) and v >= 0 for v in seed_brief.timings.values())


def test_the_budget_counts_words_as_the_brief_prints_them():
    # "V.Putin" prints as "V. Putin": one more word than the article's own span.
    glued = ("In June, President Vladimir V.Putin of Russia and Kim Jung-un, North Korea's leader, revived a mutual "
             "defense pledge. The pledge deepened ties between the two countries that stretch beyond the Cold War.")
    for budget in range(10, 40):
        brief = summarize([glued, glued.replace("June", "July")], max_words=budget)
        assert brief.word_count <= budget
        assert brief.word_count == sum(len(s.display.split()) for s in brief.sentences)


def test_a_budget_and_sources_hold_for_a_script_without_spaces():
    from summarizer.reading.sentences import count_words
    from test_digest import JAPANESE

    for budget in range(5, 40, 5):
        brief = summarize(JAPANESE, max_words=budget)
        assert brief.word_count <= budget
        assert brief.word_count == sum(count_words(s.display) for s in brief.sentences)
        assert all(s.display.endswith("。") for s in brief.sentences)  # whole sentences, not whole articles
    assert len(summarize(JAPANESE, max_words=30).sentences) >= 2
    # The fact all three report (the government set up a task force) is traced to all three.
    assert max(len(s.sources) for s in summarize(JAPANESE).sentences) == 3


def test_the_seed_brief_states_the_figures_and_the_place(seed_brief):
    text = seed_brief.text
    assert re.search(r"(?:\d[\d,]*|thousands)\s+(?:of\s+)?(?:North Korean\s+)?(?:troops|soldiers)", text), text
    assert re.search(r"\d[\d,]*[^.]{0,60}\b(?:killed|wounded|casualties|dead)|casualties exceeding [\d,]+", text), text
    assert "Kursk" in text


def test_the_seed_brief_says_where_the_articles_disagree(seed_brief, seed_documents):
    texts = {d["id"]: d["text"] for d in seed_documents}
    deaths = [d for d in seed_brief.disagreements if d.subject == "deaths"]
    assert len(deaths) == 1
    claims = {(claim.document_id, claim.value) for claim in deaths[0].claims}
    assert ("004_009268604145ada5", 600) in claims and ("000_dbda9d4a54aced61", 1000) in claims
    for claim in deaths[0].claims:
        assert texts[claim.document_id][claim.start:claim.end].lower().startswith(("about", "around", "approximately"))
    assert {claim.speaker for claim in deaths[0].claims} >= {"Seoul", "Western officials"}
    note = deaths[0].note(seed_brief.source_numbers())
    assert note.startswith("Reports differ on deaths: about 600 (Seoul) [")
    assert note in seed_brief.to_markdown() and note in seed_brief.to_text()
    assert seed_brief.to_dict()["disagreements"][0]["note"] == note


def test_no_source_contradicts_its_sentence(seed_documents):
    from summarizer.sources.facts import conflict, facts

    from summarizer.sources.attribution import FACT_SIMILARITY
    from summarizer.sources.facts import carries_counts, main_counts

    brief = summarize(seed_documents, max_words=600)
    texts = {d["id"]: d["text"] for d in seed_documents}
    for sentence in brief.sentences:
        for match in sentence.matches[1:]:
            source = texts[match.document_id][match.start:match.end]
            own, theirs = facts(sentence.text), facts(source)
            # Close in meaning; below the source threshold only when it gives the sentence's counts.
            assert FACT_SIMILARITY <= match.similarity <= 1.0
            assert match.similarity >= 0.75 or main_counts(own) and carries_counts(own, theirs), (sentence.text, source)
            assert conflict(own, theirs) is None, (sentence.text, source)
            assert not source.rstrip()[-1].isalnum(), source  # a statement, not a headline


def test_sources_are_numbered_without_gaps(seed_brief):
    numbers = seed_brief.source_numbers()
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    assert [source["number"] for source in seed_brief.to_dict()["sources"]] == list(range(1, len(numbers) + 1))


def test_an_article_stating_the_fact_in_one_long_sentence_is_credited():
    fact = "The city council approved a budget of 45 million dollars for new schools on Tuesday evening."
    others = [f"{fact} The vote followed a long public debate about taxes and teachers' pay.",
              f"Officials said on Tuesday that {fact[0].lower() + fact[1:-1]}, ending months of talks. Parents cheered."]
    long_sentence = ("After months of argument in packed public meetings, repeated delays over the tax rate and a "
                     "bitter fight about teachers' pay that drew hundreds of parents, students and retired teachers to "
                     "City Hall on three separate evenings in the autumn, the city council approved a budget of 45 "
                     "million dollars for new schools on Tuesday evening, according to the mayor's office, which said "
                     "construction on the first of the buildings would begin in the spring if the weather and the "
                     "state's own review of the plans allowed it.")
    assert len(long_sentence.split()) >= 80
    documents = others + [long_sentence + " Nobody else spoke."]
    brief = summarize(documents, max_words=40)
    first = next(s for s in brief.sentences if "45 million" in s.text)
    assert "2" in first.sources, first.sources


def test_identical_articles_are_each_a_source(seed_documents):
    copies = [{"id": f"copy{n}", "text": seed_documents[2]["text"]} for n in range(120)]
    brief = summarize(copies)
    assert brief.sentences
    assert all(len(s.sources) == 120 and len(s.matches) == 120 for s in brief.sentences)
