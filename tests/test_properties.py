"""Property-based tests: whatever the engine or the API is sent, the answer is a brief within budget or a clear error."""

import json
import os
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api import create_app
from summarizer import InputError, summarize

# PROPERTY_EXAMPLES=3000 for a long run; CI uses the default.
SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Pieces of hostile text: emoji, right-to-left, combining marks, zero-width, NUL, markup, numbers, long words.
PIECES = st.sampled_from([
    "😀", "👩‍👩‍👧", "مرحبا بالعالم.", "שלום עולם.", "e\u0301\u0301\u0301", "\u200b", "\u200d", "\ufeff", "\x00",
    "<script>alert(1)</script>", "<p>Para.</p>", "**bold**", "# Heading\n", "> quote\n", "- item\n", "[a](http://x.y)",
    "12,345.67", "3.14159", "U.S.", "Dr.", "...", "\n\n", "\n", " ", ".", "?", "!", "\"", "“", "”",
    "The minister said the talks would resume on Monday.", "Officials confirmed the figures.",
    "x" * 500, "word " * 300,
])
HOSTILE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=12).map("".join)
SURROGATES = st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3)


def check_brief(brief, documents, max_words):
    assert brief.word_count <= max_words
    # Offsets refer to the article's text as read (a page given as HTML is read for its article text first).
    texts = {document.id: document.text for document in brief.documents}
    given = {str(i): (d if isinstance(d, str) else d["text"]) for i, d in enumerate(documents)}
    assert all(document.format == "html" or document.text == given[document.id] for document in brief.documents)
    for sentence in brief.sentences:
        assert texts[sentence.document_id][sentence.start:sentence.end] == sentence.text
        assert sentence.document_id in sentence.sources
    json.dumps(brief.to_dict())


@SETTINGS
@given(documents=st.lists(HOSTILE_TEXT, min_size=1, max_size=8), max_words=st.integers(-5, 400))
def test_engine_never_crashes(documents, max_words):
    try:
        brief = summarize(documents, max_words=max_words)
    except InputError as error:
        assert error.message and error.field
        return
    assert max_words >= 1
    check_brief(brief, documents, max_words)


@SETTINGS
@given(document=HOSTILE_TEXT, bad=SURROGATES)
def test_lone_surrogates_are_refused_clearly(document, bad):
    try:
        summarize([document + bad])
    except InputError as error:
        assert error.field == "documents[0].text"
    else:
        raise AssertionError("a lone surrogate was accepted")


@settings(max_examples=5, deadline=None)
@given(copies=st.integers(2, 300), budget=st.sampled_from([1, 10, 100, 1000]))
def test_many_tiny_or_identical_documents(copies, budget):
    documents = ["Officials confirmed the new figures on Monday."] * copies
    brief = summarize(documents, max_words=budget)
    check_brief(brief, documents, budget)
    tiny = [f"{n}." for n in range(copies)]
    check_brief(summarize(tiny, max_words=budget), tiny, budget)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
BODIES = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries({"documents": st.lists(st.one_of(HOSTILE_TEXT, JSON_VALUES), max_size=5)},
                          optional={"max_words": JSON_VALUES | st.integers(-10, 10**6), "max_sentences": JSON_VALUES,
                                    "query": JSON_VALUES | HOSTILE_TEXT, "diversity": JSON_VALUES}),
    st.fixed_dictionaries({"documents": st.lists(st.fixed_dictionaries(
        {"text": HOSTILE_TEXT}, optional={"id": JSON_VALUES, "title": JSON_VALUES, "published": JSON_VALUES}), max_size=4)}),
)

_client = create_app({"RATE_LIMIT": "", "PRELOAD_MODEL": False, "MAX_CONTENT_LENGTH": 100_000}).test_client()


@SETTINGS
@given(body=BODIES)
def test_api_answers_every_json_body_with_a_brief_or_a_4xx(body):
    response = _client.post("/v1/summarize", data=json.dumps(body), content_type="application/json")
    answer = response.get_json()
    assert response.status_code in (200, 400, 413), answer
    if response.status_code == 200:
        assert answer["word_count"] <= answer["max_words"] if answer["max_words"] else True
        if answer["max_sentences"]:
            assert len(answer["sentences"]) <= answer["max_sentences"]
    else:
        assert answer["error"]["code"] and answer["error"]["message"]


@SETTINGS
@given(raw=st.binary(max_size=300) | st.text(alphabet=string.printable, max_size=300),
       content_type=st.sampled_from(["application/json", "text/plain", "application/json; charset=utf-8", "", "multipart/form-data"]))
def test_api_answers_any_bytes_with_json(raw, content_type):
    response = _client.post("/v1/summarize", data=raw, content_type=content_type)
    assert 200 <= response.status_code < 500
    assert response.get_json() is not None
