import datetime

import pytest

from summarizer.reading.documents import normalize_documents
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
    assert document.published == datetime.datetime(2024, 10, 12, 8, tzinfo=datetime.timezone.utc)
    assert document.to_dict()["published"] == "2024-10-12T08:00:00+00:00"


def test_published_keeps_what_was_given_a_date_or_a_time_with_its_zone():
    dates = normalize_documents([{"text": "a", "published": "2024-10-12"},
                                 {"text": "b", "published": "2024-10-12 09:30+02:00"},
                                 {"text": "c", "published": "2024-10-12T07:00"}])
    assert [d.to_dict()["published"] for d in dates] == [
        "2024-10-12", "2024-10-12T09:30:00+02:00", "2024-10-12T07:00:00+00:00"]


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
        ([{"text": "ok", "published": "2024-10-12 in the morning"}], "documents[0].published"),
        ([{"txt": "misspelled", "text": "ok"}], "documents[0].txt"),
        ([{"text": "ok", "Title": "wrong case"}], "documents[0].Title"),
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
