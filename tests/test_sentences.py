import pytest

from summarizer.reading.sentences import count_words, punkt_parameters, split_sentences


def texts(text):
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    return [s.text for s in sentences]


def stands_alone(text):
    """Can the first sentence of `text` stand alone in a brief (5 to 60 words)?"""
    from summarizer.reading.standalone import can_stand_alone

    return can_stand_alone(split_sentences(text)[0], 5, 60)


def test_punkt_parameters_come_from_the_package():
    parameters = punkt_parameters()
    assert {"mr", "u.s", "gen"} <= parameters.abbrev_types


def test_abbreviations_do_not_end_sentences():
    assert texts("Mr. Smith met Dr. Jones in the U.S. capital. They talked.") == [
        "Mr. Smith met Dr. Jones in the U.S. capital.",
        "They talked.",
    ]


def test_glued_sentences_are_split():
    assert texts("He spoke to a U.S.official.Air Force officers listened.") == [
        "He spoke to a U.S.official.",
        "Air Force officers listened.",
    ]
    assert texts("Troops were wounded.”On Monday, more came.") == ["Troops were wounded.”", "On Monday, more came."]
    assert texts("The claims were not verified.The war went on.") == [
        "The claims were not verified.",
        "The war went on.",
    ]


def test_initials_and_titles_are_not_glue():
    assert texts("In June, President Vladimir V.Putin of Russia met Kim.") == [
        "In June, President Vladimir V.Putin of Russia met Kim."
    ]
    assert texts("Maj. Gen.Pat Ryder spoke on Monday.") == ["Maj. Gen.Pat Ryder spoke on Monday."]


def test_a_paragraph_break_inside_a_sentence_is_mended():
    text = "Russia brought troops into the war, U.S.\n\nofficials said.In June, talks began."
    assert texts(text) == ["Russia brought troops into the war, U.S.\n\nofficials said.", "In June, talks began."]


def test_headlines_are_their_own_sentences():
    assert texts("North Korea Confirms Troops\nPyongyang said on Friday that troops fought.") == [
        "North Korea Confirms Troops",
        "Pyongyang said on Friday that troops fought.",
    ]


def test_seed_offsets_are_exact(seed_documents):
    for number, document in enumerate(seed_documents):
        sentences = split_sentences(document["text"], number)
        assert len(sentences) > 5
        for position, sentence in enumerate(sentences):
            assert document["text"][sentence.start:sentence.end] == sentence.text
            assert (sentence.document, sentence.position) == (number, position)


@pytest.mark.parametrize("text", ["", "   ", "\x00\x00", "😀😀😀", "....", "a" * 10_000, "\u202eabc\u202c. def."])
def test_odd_text_never_breaks_the_splitter(text):
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text


def test_captions_are_left_out_as_lines_and_as_sentences():
    from summarizer.reading.sentences import Sentence
    from summarizer.reading.standalone import can_stand_alone

    for caption in ["In this May 4, 2001, file photo, a man looks at a battery of photographers at the airport.",
                    "The senator speaks at a rally in Ohio on Monday (AP Photo/John Smith).",
                    "Right: Craig Sjodin/ABC Via Getty Images and several others at the event."]:
        assert split_sentences(caption) == [], caption
        assert not can_stand_alone(Sentence(0, 0, 0, len(caption), caption), 5, 60), caption
    ordinary = split_sentences("The senator spoke at a rally in Ohio on Monday about the new tax plan.")[0]
    assert can_stand_alone(ordinary, 5, 60)
    reporting = "Images of the crash site showed debris scattered across two fields near the runway."
    assert stands_alone(reporting)


def test_a_sentence_pointing_at_the_page_around_it_does_not_stand_alone():
    from summarizer import summarize

    for pointer in ["Here's a map of where you can see the eclipse on Monday afternoon.",
                    "The crowd cheered as the rocket rose over the launch pad (see video below).",
                    "The full list of the 120 nominees can be read here, and includes three first-time winners.",
                    "Add Harvey Weinstein as an interest to stay up to date on the latest news, video and analysis."]:
        assert not stands_alone(pointer), pointer
    for plain in ["Police say he landed on a catwalk several levels below and died at the scene.",
                  "Temperatures rose above 40 degrees in the capital on Sunday, the weather service said."]:
        assert stands_alone(plain), plain
    article = ("The rocket lifted off from the coast at dawn on Monday, carrying two weather satellites. Here's a map of "
               "where the rocket's second stage fell into the sea off the coast on Monday. The launch was delayed "
               "twice last week by strong winds over the launch site.")
    brief = summarize([article, article.replace("at dawn", "shortly after sunrise")], max_words=200)
    assert brief.sentences and not any(s.text.startswith("Here's") for s in brief.sentences)


def test_the_request_for_tips_that_closes_a_crime_story_is_no_brief_sentence():
    for appeal in ["Anyone with information is asked to call the TIPS Hotline at 816-474-8477.",
                   "If you have any information, you can call Odessa Crimestoppers at 432-333-TIPS.",
                   "If you have information about the whereabouts of either man, call 1-800-TBI-FIND.",
                   "Contains spoilers for Game of Thrones Season 6 and the finale of the show."]:
        assert not stands_alone(appeal), appeal
    news = "Police said nobody with information about the robbery had come forward by Friday."
    assert stands_alone(news)


def test_scripts_without_spaces_are_split_at_their_own_full_stops_and_counted_by_characters():
    text = "東京で地震が発生した。政府は対策本部を設置した！被害は「まだ分からない」？ 詳細は不明だ。"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["東京で地震が発生した。", "政府は対策本部を設置した！", "被害は「まだ分からない」？",
                                           "詳細は不明だ。"]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert count_words("東京で地震が発生した。") == 5  # ten characters, one word per two
    assert count_words("東京 Tokyo, 地震。") == 3
    english = "The council, meeting on Monday — late — approved 3.5% more."
    assert count_words(english) == len(english.split())
