"""One request, one reading of it: the library, the batch job and the service agree on what an option or a field
means and on the error each mistake gets."""

import json

import pytest

from api import create_app
from summarizer import InputError, summarize
from summarizer.cli import main

ARTICLE = "The council approved the budget on Monday after a long debate over school funding and road repairs."


def test_an_unknown_field_is_the_same_error_everywhere(tmp_path):
    with pytest.raises(InputError) as caught:
        summarize([{"txt": ARTICLE}])
    assert (caught.value.code, caught.value.field) == ("unknown_field", "documents[0].txt")
    client = create_app({"TESTING": True}).test_client()
    answer = client.post("/v1/summarize", json={"documents": [{"txt": ARTICLE}]})
    assert answer.status_code == 400 and answer.get_json()["error"]["code"] == "unknown_field"
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "a", "documents": [{"txt": ARTICLE}]}) + "\n")
    main(["batch", str(source), str(output), "--no-progress"])
    assert json.loads(output.read_text())["error"]["code"] == "unknown_field"


def test_a_date_the_contract_refuses_the_library_refuses_too():
    with pytest.raises(InputError) as caught:
        summarize([{"text": ARTICLE, "published": "20241012"}])
    assert caught.value.field == "documents[0].published"
    assert summarize([{"text": ARTICLE, "published": "2024-10-12"}]).documents[0].published.year == 2024


def test_a_null_budget_means_the_default_over_http_and_in_the_library():
    client = create_app({"TESTING": True}).test_client()
    answer = client.post("/v1/summarize", json={"documents": [ARTICLE], "max_words": None})
    assert answer.status_code == 200 and answer.get_json()["options"]["max_words"] == 100
    assert summarize([ARTICLE], max_words=None).max_words == 100


def test_a_batch_where_every_line_failed_exits_non_zero(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("not json\n" + json.dumps({"id": "b", "documents": []}) + "\n")
    assert main(["batch", str(source), str(output), "--no-progress"]) == 1


def test_an_html_page_in_a_digest_is_read_as_a_page():
    from summarizer import digest

    page = ("<html><head><title>Council approves budget</title></head><body><article><p>" + ARTICLE +
            "</p><p>The mayor said the vote showed the city could still agree on the things that matter most to its "
            "residents, and work on the roads will begin in the spring.</p></article></body></html>")
    result = digest([page, ARTICLE.replace("Monday", "Tuesday")])
    documents = [document for story in result.stories if story.brief for document in story.brief.documents]
    html = [document for document in documents if document.format == "html"]
    assert html and "<p>" not in html[0].text
    for story in result.stories:
        for sentence in (story.brief.sentences if story.brief else ()):
            text = next(d.text for d in story.brief.documents if d.id == sentence.document_id)
            assert text[sentence.start:sentence.end] == sentence.text
