"""A developing story: the update brief (what the new articles add to those the reader has seen) and the timeline,
through the library, the service, the command line and the batch job, with the real model."""

import datetime as dt
import json
import re

import numpy as np
import pytest

from api import create_app
from api.schema import SummarizeResponse, TimelineResponse
from eval.timeline import entry_dates, load_sets, sentence_dates
from eval.update import content_units
from summarizer import InputError, Summarizer, summarize, timeline
from summarizer.batch import run_batch
from summarizer.model.embedding import get_encoder
from summarizer.reading.dates import event_date, text_date
from summarizer.reading.samples import sample_documents

SEEN = [{"id": "monday", "published": "2025-03-03", "text": (
    "A powerful storm struck the coast of Bayport on Monday, killing 12 people and leaving thousands of homes without "
    "power, officials said. The storm brought winds of up to 150 km/h and flooded the harbour district. Emergency "
    "crews worked through the night to clear fallen trees from the main roads.")}]
NEW = [{"id": "wed-1", "published": "2025-03-05", "text": (
    "The storm that struck the coast of Bayport has now killed 31 people, officials said on Wednesday, as rescuers "
    "searched flattened homes in the harbour district. Power has been restored to most of the city, the utility "
    "said. The mayor asked the national government for emergency funds to rebuild the harbour.")},
    {"id": "wed-2", "published": "2025-03-05", "text": (
        "Rescuers in Bayport pulled more bodies from the rubble of the harbour district on Wednesday, and officials "
        "said the storm had killed 31 people. Most homes in the city have their power back. The mayor said the "
        "harbour would need months of repairs and asked for national funds.")}]


@pytest.fixture(scope="module")
def samples():
    """The sample articles with the days they were published, oldest first."""
    return sorted(sample_documents(), key=lambda document: (document["published"], document["id"]))


# --- the update brief ----------------------------------------------------------------------------------------------

def test_an_update_brief_takes_nothing_from_the_seen_articles_and_says_little_they_said(samples):
    seen, new = samples[:3], samples[3:]
    update = summarize(new, seen=seen, max_words=100)
    plain = summarize(new, max_words=100)
    new_ids, seen_ids = {d["id"] for d in new}, [d["id"] for d in seen]
    assert update.sentences and all(sentence.document_id in new_ids for sentence in update.sentences)
    assert list(update.seen) == seen_ids and [d.id for d in update.documents][-3:] == seen_ids
    known = set().union(*(content_units(document["text"]) for document in seen))

    def seen_share(brief):
        units = content_units(brief.text)
        return len(units & known) / len(units)

    assert seen_share(update) < seen_share(plain)


def test_a_sentence_saying_again_what_a_seen_article_said_is_not_chosen():
    again = "The storm brought winds of up to 150 km/h and flooded the whole harbour district, officials said."
    new = [dict(NEW[0], text=NEW[0]["text"] + " " + again), NEW[1]]
    assert again in summarize(new, max_words=300).text  # room for everything: a plain brief takes it
    update = summarize(new, seen=SEEN, max_words=300)
    assert update.sentences and again not in update.text


def test_a_changed_figure_is_chosen_and_told_as_the_change_from_what_the_reader_saw():
    brief = summarize(NEW, seen=SEEN, max_sentences=1)
    (sentence,) = brief.sentences
    assert "31" in sentence.text and sentence.document_id in {"wed-1", "wed-2"}
    (note,) = brief.disagreements
    assert note.kind == "update" and [claim.value for claim in note.claims] == [12, 31]
    assert note.claims[0].document_id == "monday"
    listed = {source["document_id"]: source for source in brief.sources()}
    assert listed["monday"]["seen"] is True and listed["monday"]["label"] == "monday"  # the name the caller gave it
    assert all(not listed[identifier]["seen"] for identifier in sentence.sources)
    assert "(seen before)" in brief.to_text() and "Deaths rose from 12" in brief.to_text()


def test_only_the_picked_sentences_are_compared_with_what_the_reader_saw():
    from summarizer.config import DEFAULT_SETTINGS
    from summarizer.content.words import content_units as words_of
    from summarizer.reading.documents import normalize_documents
    from summarizer.reading.sentences import split_articles
    from summarizer.selection.candidates import SaidBefore, model_text

    sentences = split_articles(normalize_documents(NEW + SEEN))
    words = [words_of(sentence.text)[2] for sentence in sentences]
    new = [i for i, sentence in enumerate(sentences) if sentence.document < 2]
    encoder, embedded = get_encoder(), []

    def embed(rows):
        embedded.extend(rows)
        return encoder.encode([model_text(sentences[row]) for row in rows])

    said = SaidBefore(new, sentences, words, 2, DEFAULT_SETTINGS, embed)
    compared = [i for i in new if said.neighbour[i] is not None]
    assert len(compared) >= 2 and embedded == []  # nothing is embedded until a sentence is picked
    first = compared[0]
    said.among([first], encoder.encode([model_text(sentences[first])]))
    assert embedded == [said.neighbour[first]] and all(sentences[row].document == 2 for row in embedded)
    said.among([first], encoder.encode([model_text(sentences[first])]))
    assert embedded == [said.neighbour[first]]  # each seen sentence embedded once


def test_articles_the_reader_has_seen_again_are_no_news(samples):
    brief = summarize([dict(samples[0], id="again")], seen=samples[:1])
    assert not brief.sentences
    assert any("nothing new" in warning for warning in brief.warnings)


def test_no_seen_articles_is_the_plain_brief(samples):
    assert summarize(samples, seen=[]).text == summarize(samples).text


@pytest.mark.parametrize("seen, field, code", [
    ("an article", "seen", "invalid_input"),
    ([{"txt": "An article."}], "seen[0].txt", "unknown_field"),
    ([{"id": "0", "text": "An article about something."}], "seen[0].id", "invalid_input"),
    ([{"text": "   "}], "seen[0].text", "invalid_input"),
])
def test_bad_seen_articles_are_refused_by_name(seen, field, code):
    with pytest.raises(InputError) as refused:
        summarize(["First article about the storm.", "Second article about the storm."], seen=seen)
    assert (refused.value.field, refused.value.code) == (field, code)


# --- dates and the timeline ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("head, day", [
    (" date 2024-10-12 According to officials, troops arrived.", dt.date(2024, 10, 12)),
    ("SEOUL, Oct. 12, 2024 (Reuters) - North Korea said on Saturday ...", dt.date(2024, 10, 12)),
    ("Published: 12 October 2024\n\nThe council met.", dt.date(2024, 10, 12)),
    ("SEOUL, Oct. 12 (Reuters) - no year, so no date", None),
    ("The council met on Monday.", None),
])
def test_an_article_is_dated_by_the_head_of_its_text(head, day):
    assert text_date(head) == day


@pytest.mark.parametrize("sentence, expected", [
    ("Officials may meet again to discuss the plan.", None),
    ("The plan was approved in May.", "2025-05"),
    ("The bridge reopened last Thursday.", "2025-09-25"),
    ("The inquiry will report in November.", "2025-11"),
    ("The fund has grown since June.", None),
    ("Police said on Monday that the man had been arrested on Saturday.", "2025-09-27"),
])
def test_a_sentence_is_dated_by_what_it_reports(sentence, expected):
    when = event_date(sentence, dt.date(2025, 9, 30))
    assert (when.iso if when else None) == expected


@pytest.mark.parametrize("dated", load_sets(), ids=lambda dated: dated.id)
def test_every_entry_of_the_dated_sets_is_dated_right(dated):
    for entries in (8, 14):
        result = timeline(dated.documents, max_entries=entries)
        rows = entry_dates(dated, result)
        assert rows and [row for row in rows if row[0] != row[1]] == []
        starts = [entry.when.start for entry in result.entries]
        assert starts == sorted(starts) and len(result.entries) <= entries
    assert [row for row in sentence_dates(dated) if row[0] != row[1]] == []


def test_the_dated_samples_run_from_october_2024_to_august_2025(samples):
    result = timeline(samples)
    dates = [entry.date for entry in result.entries]
    assert len(dates) >= 3 and dates[-1] == "2025-08-15"
    assert "2024-10" in dates and dates.index("2024-10") < dates.index("2025-04-28") < len(dates) - 1
    # Nothing said twice: no two sentences of the timeline as close as two the brief would not both take.
    sentences = [sentence for entry in result.entries for sentence in entry.sentences]
    vectors = get_encoder().encode([sentence.text for sentence in sentences])
    similarity = vectors @ vectors.T - 2 * np.eye(len(sentences))
    assert float(similarity.max()) < Summarizer().settings.redundancy_threshold
    assert all(len(entry.sentences) <= 2 and sum(s.display.count(" ") + 1 for s in entry.sentences) <= 50
               for entry in result.entries)
    # Sources as in a brief: every sentence's own article first, each listed with its number.
    numbers = result.brief.source_numbers()
    assert all(s.sources[0] == s.document_id and set(s.sources) <= set(numbers) for s in sentences)


def test_undated_articles_are_named_and_placed_only_by_the_full_dates_they_give():
    flood = next(dated for dated in load_sets() if dated.id == "flood")
    documents = [dict(document) for document in flood.documents]
    documents[0].pop("published")
    documents.append({"id": "undated", "text": "On Sept. 30, 2025, the county opened a new flood barrier at the "
                                               "Old Mill bridge. Officials said it would protect 200 homes."})
    result = timeline(documents, max_entries=20)
    assert result.undated == ("flood-1", "undated")
    assert any("'flood-1', 'undated'" in warning for warning in result.warnings)
    placed = [(entry, s) for entry in result.entries for s in entry.sentences if s.document_id in result.undated]
    assert placed and all(entry.date == "2025-09-30" and "Sept. 30, 2025" in s.text for entry, s in placed)


def test_a_timeline_of_undated_articles_says_so(samples):
    result = timeline([{"text": document["text"]} for document in samples[1:]])
    assert len(result.undated) == 4 and result.warnings
    assert all(entry.sentences for entry in result.entries)


@pytest.mark.parametrize("options, field", [
    ({"max_entries": 0}, "max_entries"), ({"max_words_per_entry": "50"}, "max_words_per_entry"),
])
def test_bad_timeline_options_are_refused_by_name(samples, options, field):
    with pytest.raises(InputError) as refused:
        timeline(samples, **options)
    assert refused.value.field == field


# --- the service, the command line and the batch job ---------------------------------------------------------------

@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True, "PRELOAD_MODEL": False, "MAX_DOCUMENTS": 4}).test_client()


def test_the_service_makes_update_briefs_and_timelines_by_the_contract(client, samples):
    answer = client.post("/v1/summarize", json={"documents": NEW, "seen": SEEN, "max_sentences": 1})
    assert answer.status_code == 200, answer.get_json()
    body = SummarizeResponse.model_validate(answer.get_json())
    assert body.seen == ["monday"] and body.documents[-1].id == "monday"
    assert [s.seen for s in body.sources if s.document_id == "monday"] == [True]
    answer = client.post("/v1/timeline", json={"documents": samples[1:], "max_entries": 5})
    assert answer.status_code == 200, answer.get_json()
    body = TimelineResponse.model_validate(answer.get_json())
    assert 3 <= len(body.entries) <= 5 and body.max_entries == 5
    assert all(entry.precision in ("day", "month", "year") for entry in body.entries)


@pytest.mark.parametrize("route, body, field, code", [
    ("/v1/summarize", {"documents": ["a b c"] * 2, "seen": ["d e f"] * 3}, "seen", "limit_exceeded"),
    ("/v1/summarize", {"documents": ["a b c"], "seen": [{"text": ""}]}, "seen[0].text", "invalid_input"),
    ("/v1/summarize", {"documents": ["a b c"], "seen": "d e f"}, "seen", "invalid_input"),
    ("/v1/timeline", {"documents": ["a b c"], "max_entries": 0}, "max_entries", "invalid_input"),
    ("/v1/timeline", {"documents": ["a b c"], "seen": ["d e f"]}, "seen", "unknown_field"),
    ("/v1/digest", {"documents": ["a b c"], "seen": ["d e f"]}, "seen", "unknown_field"),
])
def test_the_service_refuses_bad_input_by_name(client, route, body, field, code):
    answer = client.post(route, json=body)
    assert answer.status_code == 400
    error = answer.get_json()["error"]
    assert (error["field"], error["code"]) == (field, code)


def test_the_command_line_makes_both(tmp_path, capsys, samples):
    from summarizer.cli import main

    for document in samples:
        folder = tmp_path / ("seen" if document in samples[:3] else "new")
        folder.mkdir(exist_ok=True)
        (folder / f"{document['id']}.txt").write_text(document["text"], encoding="utf-8")
    assert main([str(tmp_path / "new"), "--seen", str(tmp_path / "seen"), "--format", "json"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["seen"] == sorted(d["id"] for d in samples[:3]) and brief["sentences"]  # a folder, by name
    assert main(["timeline", "--max-entries", "4"]) == 0  # the samples, with their dates
    out = capsys.readouterr().out
    assert re.match(r"(\d{1,2} [A-Z][a-z]{2} |[A-Z][a-z]+ )?20\d\d: ", out.splitlines()[0]) and "Sources:" in out
    assert main(["timeline", "--max-entries", "0"]) == 2
    assert capsys.readouterr().err.startswith("error: max_entries")


def test_the_batch_job_makes_both(tmp_path, samples):
    source, briefs, timelines = tmp_path / "in.jsonl", tmp_path / "briefs.jsonl", tmp_path / "timelines.jsonl"
    source.write_text(json.dumps({"id": "storm", "documents": NEW, "seen": SEEN, "max_sentences": 1}) + "\n" +
                      json.dumps({"id": "samples", "documents": samples}) + "\n", encoding="utf-8")
    assert run_batch(source, briefs, progress=False).briefs == 2
    records = {record["id"]: record for record in map(json.loads, briefs.read_text().splitlines())}
    assert records["storm"]["brief"]["seen"] == ["monday"]
    done = run_batch(source, timelines, progress=False, mode="timeline")
    records = {record["id"]: record for record in map(json.loads, timelines.read_text().splitlines())}
    assert done.errors == 1 and records["storm"]["error"]["code"] == "unknown_field"  # no seen, no max_sentences
    assert records["samples"]["timeline"]["entries"][-1]["date"] == "2025-08-15"
