from summarizer.reading.cleaning import content_blocks


def spans(text):
    return [text[b.start:b.end] for b in content_blocks(text)]


def test_markdown_markers_are_left_out_of_the_span():
    text = "**A bold lede sentence about the event.**\n## A heading\n- a bullet point here.\n"
    assert spans(text) == ["A bold lede sentence about the event.", "A heading", "a bullet point here."]


def test_repeated_headlines_appear_once():
    text = "Big Headline Here\n\nBig Headline Here\nThe story starts here."
    assert spans(text) == ["Big Headline Here", "The story starts here."]


def test_labels_and_date_stamps_are_dropped():
    text = " date 2024-10-12 Officials said troops moved.\n\nWhat Happened: A report said so.\nWhy It Matters: It escalates."
    assert spans(text) == ["Officials said troops moved.", "A report said so.", "It escalates."]


def test_newswire_dateline_is_dropped():
    assert spans("MOSCOW, Oct. 5 (Reuters) - Russia said on Friday it would respond.") == [
        "Russia said on Friday it would respond."
    ]
    assert spans("WASHINGTON _ The Senate voted on Tuesday.") == ["The Senate voted on Tuesday."]


def test_a_note_of_when_the_story_changed_is_dropped():
    assert spans("Update, 22 April: The court hearing has been moved back.") == ["The court hearing has been moved back."]
    assert spans("UPDATED Oct. 5, 2:30 p.m.: Police said the road reopened.") == ["Police said the road reopened."]
    assert spans("Updates to the law: none were made in March.") == ["Updates to the law: none were made in March."]


def test_question_and_answer_labels_are_dropped():
    text = "Q. What options does the Senate have?\n\nA. Senate leaders are not due back until Monday.\n\nA. J. Smith voted."
    assert spans(text) == ["What options does the Senate have?", "Senate leaders are not due back until Monday.",
                           "A. J. Smith voted."]


def test_aggregator_tail_is_cut():
    text = (
        "First paragraph of the story.\nSecond paragraph of the story.\nThird paragraph.\n\n"
        "Read More \nPaprClips\nDisclaimer: This story is auto-aggregated.\nPublisher: The Times\n\nRecent Articles\nOther story"
    )
    assert spans(text) == ["First paragraph of the story.", "Second paragraph of the story.", "Third paragraph."]


def test_boilerplate_lines_are_dropped_anywhere():
    text = "Advertisement\nThe story goes on.\nDisclaimer: not ours.\nPublisher: Someone"
    assert spans(text) == ["The story goes on."]


def test_hard_wrapped_paragraphs_are_kept_together():
    text = (
        "The president met with leaders of the two countries on\n"
        "Tuesday to discuss the border dispute, which has simmered\n"
        "for decades and flared again last month when troops\n"
        "exchanged fire near the river crossing at dawn.\n"
        "\n"
        "Officials from both sides said the talks were useful and\n"
        "that they would meet again in the spring to continue.\n"
    )
    blocks = spans(text)
    assert len(blocks) == 2
    assert blocks[0].startswith("The president") and blocks[0].endswith("at dawn.")


def test_empty_and_whitespace_text_has_no_blocks():
    assert spans("") == []
    assert spans(" \n\n\t ") == []


def test_datelines_with_places_and_agencies_are_dropped():
    assert spans("AUSTIN, Texas (AP) — Texas Democrat Wendy Davis discloses it.") == ["Texas Democrat Wendy Davis discloses it."]
    assert spans("CHRISTCHURCH, New Zealand (Reuters) - Clinton ruled it out.") == ["Clinton ruled it out."]
    assert spans("BROOKSVILLE, Ala. (AP) — Authorities say a driver was killed.") == ["Authorities say a driver was killed."]
    assert spans("NEW YORK — The market fell.") == ["The market fell."]
    assert spans("US troops left. NATO said so.") == ["US troops left. NATO said so."]


def test_reporting_that_starts_like_boilerplate_is_kept():
    text = ("Subscribers to the service complained on Monday.\nSponsored by Sen. Jones, the bill passed the Senate.\n"
            "Getty Images sued the company for $1 billion last year.\nFollow the money, investigators said.")
    assert spans(text) == text.split("\n")


def test_an_inline_read_more_line_does_not_end_the_article():
    text = ("First paragraph of the story.\nSecond paragraph of the story.\nThird paragraph.\n"
            "Read more about VX\nThe nerve agent is banned under a 1993 treaty.\n"
            "Read more: Nurse's death casts glare on shock jocks\nThe station apologized on Friday.")
    kept = spans(text)
    assert "The nerve agent is banned under a 1993 treaty." in kept
    assert "The station apologized on Friday." in kept
    assert not any(line.startswith("Read more") for line in kept)


def test_a_left_out_line_is_never_pulled_back_into_a_sentence():
    from summarizer.reading.sentences import split_sentences

    text = "The council approved the plan,\nAdvertisement\nwould raise taxes by 2% next year, officials said."
    sentences = [s.text for s in split_sentences(text)]
    assert not any("Advertisement" in sentence for sentence in sentences)


def test_a_country_abbreviation_is_not_a_dateline():
    assert spans("U.S. - China talks resumed on Monday in Geneva.") == ["U.S. - China talks resumed on Monday in Geneva."]
