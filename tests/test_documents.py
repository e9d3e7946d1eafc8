import datetime

import pytest

from summarizer.brief import named_by_place, source_detail, source_label
from summarizer.reading.documents import normalize_documents
from summarizer.reading.headline import headline
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


@pytest.mark.parametrize("text, expected", [
    ("U.S. Cites Indications North Korean Soldiers Died Fighting for Russia\n\nThe Pentagon said ...",
     "U.S. Cites Indications North Korean Soldiers Died Fighting for Russia"),
    ("**A standfirst that runs as a full sentence, ending like one.**\n**Quake Kills 200 in Marvena**\nText.",
     "Quake Kills 200 in Marvena"),
    ("# Fire near Paso Loma forces thousands from homes\nThe fire ...", "Fire near Paso Loma forces thousands from homes"),
    ("Fire near Paso Loma forces thousands from homes\n\nThe fire began Monday.",
     "Fire near Paso Loma forces thousands from homes"),
    ("The fire began Monday near Highway 46, officials said. It grew overnight.", None),
    ("PASO LOMA, Calif. (AP) -- The fire grew\n\nMore.", None),
    ("SPORTS\nPitching The starting pitcher left early.", None),
    ("", None),
])
def test_the_headline_an_article_opens_with(text, expected):
    assert headline(text) == expected


def test_an_article_is_named_by_headline_then_outlet_then_its_own_name_then_its_place():
    text = "The council approved the budget on Monday after a long debate, officials said."
    headed, outlet, own, plain, titled = normalize_documents([
        {"id": "0", "text": "Council Passes Budget After Long Debate\n\n" + text, "source": "Reuters"},
        {"id": "1", "source": "Reuters", "published": "2024-08-18", "text": text},
        {"id": "council-notes", "text": text},
        {"id": "3", "text": text, "published": "2024-08-19"},
        {"id": "4", "text": text, "title": "Budget passes"},
    ])
    assert (source_label(headed, 1), source_detail(headed)) == ("Council Passes Budget After Long Debate", "Reuters")
    assert (source_label(outlet, 2), source_detail(outlet)) == ("Reuters, 18 Aug 2024", None)
    assert source_label(own, 3) == "council-notes" and not named_by_place(own)
    assert source_label(plain, 4) == "Article 4, 19 Aug 2024" and named_by_place(plain)
    assert source_label(plain, 2, seen=True) == "Seen article 2, 19 Aug 2024"
    assert source_label(titled, 5) == "Budget passes"
