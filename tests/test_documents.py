import datetime

import pytest

from summarizer.documents import normalize_documents
from summarizer.errors import InputError


def test_strings_get_their_index_as_id():
    documents = normalize_documents(["First article.", "Second article."])
    assert [d.id for d in documents] == ["0", "1"]
    assert documents[1].text == "Second article."


def test_objects_keep_their_metadata():
    (document,) = normalize_documents(
        [{"id": 7, "text": "Body.", "title": "T", "source": "S", "url": "http://x", "published": "2024-10-12T08:00:00Z"}]
    )
    assert document.id == "7"
    assert (document.title, document.source, document.url) == ("T", "S", "http://x")
    assert document.published == datetime.date(2024, 10, 12)


@pytest.mark.parametrize(
    "items, field",
    [
        ([], "documents"),
        ("just a string", "documents"),
        ({"text": "x"}, "documents"),
        (None, "documents"),
        (["ok", "   \n\t"], "documents[1].text"),
        (["ok", ""], "documents[1].text"),
        (["ok", 42], "documents[1]"),
        ([{"title": "no text"}], "documents[0]"),
        ([{"text": ["a list"]}], "documents[0].text"),
        ([{"text": "ok", "published": "yesterday"}], "documents[0].published"),
        ([{"text": "ok", "title": 5}], "documents[0].title"),
        ([{"text": "ok", "id": "a"}, {"text": "ok", "id": "a"}], "documents[1].id"),
        ([{"text": "ok", "id": True}], "documents[0].id"),
    ],
)
def test_bad_input_names_the_field(items, field):
    with pytest.raises(InputError) as caught:
        normalize_documents(items)
    assert caught.value.field == field
    assert caught.value.message
