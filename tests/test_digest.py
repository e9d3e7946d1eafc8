"""digest(): a mixed pile of articles in, one sourced brief per story out; the library, the CLI, the route."""

import json

import pytest

from api import create_app
from api.schema import DigestResponse
from summarizer import DEFAULT_SETTINGS, Digest, InputError, Summarizer, digest, summarize
from summarizer.cli import main

EARNINGS = ("Acme Corp reported quarterly earnings on Tuesday that beat analyst expectations, sending its shares up "
            "8 percent. Revenue rose 12 percent to 4.1 billion dollars, driven by strong demand for its cloud "
            "software. The company raised its full-year forecast and announced a new share buyback program.")
WILDFIRE = ("A wildfire in northern California forced thousands of residents to evacuate on Sunday as strong winds "
            "pushed the flames toward several small towns. Firefighters said the blaze had burned more than 20,000 "
            "acres and was 10 percent contained. No deaths have been reported so far, officials said.")
NOT_AN_ARTICLE = ("Sign up for our daily newsletter to get the top stories in your inbox every morning. "
                  "Follow us on social media for breaking news alerts and updates. "
                  "We use cookies to give you the best experience on our website. "
                  "This page was saved by a web crawler and is kept in an online archive.")


@pytest.fixture(scope="module")
def pile(seed_documents):
    return [*seed_documents[:3], {"id": "earnings", "text": EARNINGS}, *seed_documents[3:],
            {"id": "fire", "text": WILDFIRE, "published": "2025-01-02"}]


def test_the_seeds_are_one_story_with_their_own_brief_and_the_others_stand_apart(pile, seed_documents):
    result = digest(pile)
    assert isinstance(result, Digest)
    first, *rest = result.stories
    assert set(first.document_ids) == {d["id"] for d in seed_documents}
    alone = summarize(seed_documents)
    assert first.brief == alone  # the same Brief, sentences, sources and disagreements
    assert first.brief.text == alone.text
    assert [s.sources for s in first.brief.sentences] == [s.sources for s in alone.sentences]
    # Alone, by recency: the dated wildfire report before the undated earnings report.
    assert [story.document_ids for story in rest] == [("fire",), ("earnings",)]
    assert sorted(i for story in result.stories for i in story.document_ids) == sorted(d["id"] for d in pile)
    assert first.label and len(first.label.split()) <= 15
    data = result.to_dict()
    assert [len(story["document_ids"]) for story in data["stories"]] == [5, 1, 1]
    assert "## 1." in result.to_markdown() and "Story 3:" in result.to_text()


def test_the_label_is_the_most_central_headline_else_the_most_relevant_sentence(seed_documents):
    generic = "Live updates: what we know so far"
    kursk = ["Russia sends troops to Kursk as Ukraine's incursion deepens", "Ukraine's Kursk incursion: Russia moves troops"]
    titled = [dict(seed_documents[0], title=generic), dict(seed_documents[1], title=kursk[0]),
              dict(seed_documents[2], title=kursk[1]), *seed_documents[3:]]
    story, = digest(titled).stories
    assert story.label in kursk  # not the first headline, which says nothing of the story
    headed, = digest(seed_documents).stories  # three of the samples open with their headline
    assert headed.label in {
        "North Korea Acknowledges Deployment of Troops to Support Russian Efforts in Ukraine",
        "North Korea Acknowledges Deployment of Troops to Support Russia in Ukraine Conflict",
        "U.S. Cites Indications North Korean Soldiers Died Fighting for Russia"}
    untitled, = digest([seed_documents[2], seed_documents[4]]).stories  # no headline in either
    central = max(untitled.brief.sentences, key=lambda sentence: sentence.score).display.split()
    assert untitled.label == " ".join(central[:14]) + (" …" if len(central) > 14 else "")


WIDGET = ("Add a location to your posts before you publish them. You can switch location sharing on or off at any "
          "time. You can always delete your location history in your settings.")
MARATHON_2024 = ("Thousands of runners crossed the finish line of the city marathon on Sunday under clear skies. "
                  "A Kenyan runner won the men's race in two hours and six minutes, while the women's title went to "
                  "an Ethiopian athlete. Organisers said 30,000 people took part and roads in the city centre reopened "
                  "by the evening.")
MARATHON_2025 = ("Thousands of runners took part in the city marathon on Sunday despite light rain. An Ethiopian "
                 "runner won the men's race in two hours and five minutes, and a Kenyan athlete took the women's "
                 "title. Organisers said 32,000 people finished and roads in the city centre reopened by the "
                 "evening.")


def test_articles_published_far_apart_need_more_than_shared_words_to_be_one_story(seed_documents):
    def stories(first_date, second_date):
        dated = [dict(document, published=f"2024-08-{12 + k}") for k, document in enumerate(seed_documents)]
        races = [{"id": "race-a", "text": MARATHON_2024, "published": first_date},
                 {"id": "race-b", "text": MARATHON_2025, "published": second_date}]
        return {story.document_ids for story in digest(dated + [{k: v for k, v in race.items() if v}
                                                                for race in races]).stories}

    seeds = tuple(document["id"] for document in seed_documents)
    assert stories(None, None) == {seeds, ("race-a", "race-b")}  # alike in words: one story without dates
    assert stories("2024-04-14", "2024-04-16") == {seeds, ("race-a", "race-b")}
    assert stories("2024-04-14", "2025-04-13") == {seeds, ("race-a",), ("race-b",)}  # a year apart: two races


def test_small_stories_are_listed_without_a_brief_and_pages_without_an_article_stand_alone(pile):
    result = digest(pile + [{"id": "junk-1", "text": NOT_AN_ARTICLE}, {"id": "junk-2", "text": NOT_AN_ARTICLE}],
                    min_story_size=2, max_words=60)
    stories = {story.document_ids: story for story in result.stories}
    assert ("junk-1",) in stories and ("junk-2",) in stories  # the same boilerplate does not make a story
    assert all(story.brief is None for ids, story in stories.items() if len(ids) < 2)
    assert stories[("fire",)].note == "fewer than 2 articles"
    assert result.stories[0].brief.word_count <= 60 and result.stories[0].note is None
    # A page without an article gets no brief even alone, and the digest says which pages those were.
    alone = digest(pile + [{"id": "junk-1", "text": NOT_AN_ARTICLE}])
    junk, = [story for story in alone.stories if story.document_ids == ("junk-1",)]
    assert junk.brief is None and "no article text" in junk.note
    assert stories[("junk-1",)].note == junk.note and junk.note in alone.to_text()
    assert alone.warnings == ("article 'junk-1' holds no article text, only site furniture: it is listed on its own, "
                              "without a brief",)
    assert all(story.brief is not None for story in alone.stories if story is not junk)


def test_a_video_page_and_a_social_widget_page_are_pages_without_an_article(seed_documents):
    video = ("The video could not be loaded right now. Please try again later or refresh the page. "
             "This video is not available in your country at the moment.")
    result = digest([*seed_documents, {"id": "video", "text": video}, {"id": "widget", "text": WIDGET}])
    assert [(story.document_ids, story.brief is None) for story in result.stories] == [
        (tuple(document["id"] for document in seed_documents), False), (("video",), True), (("widget",), True)]
    assert len(result.warnings) == 2


JAPANESE = ["東京で大きな地震があり、多くの建物が被害を受けました。政府は対策本部を設置しました。",
            "東京で地震が発生し、政府は対策本部を設置した。被害の全容はまだ分かっていない。",
            "東京都内で強い地震が観測され、政府は対策本部を設置した。けが人の情報はまだない。"]


def test_articles_in_a_script_without_spaces_are_compared_by_their_characters(seed_documents):
    japanese = [{"id": f"ja-{k}", "text": text} for k, text in enumerate(JAPANESE)]
    assert {story.document_ids for story in digest([*japanese, *seed_documents]).stories} == {
        ("ja-0", "ja-1", "ja-2"), tuple(document["id"] for document in seed_documents)}
    assert summarize(japanese).warnings == ()  # none of them is taken for another story


def test_a_story_names_its_sources_by_their_place_in_the_pile(seed_documents):
    # every seed one place later in the pile, with no name of its own: those without a headline go by their place
    pile = [EARNINGS, *(document["text"] for document in seed_documents)]
    sources = digest(pile).stories[0].brief.to_dict()["sources"]
    numbered = [source for source in sources if source["numbered"]]
    assert numbered and all(source["label"].startswith("Article ") for source in numbered)
    for source in numbered:
        assert int(source["label"].split()[1]) == int(source["document_id"]) + 1
    assert {source["label"] for source in sources if not source["numbered"]} <= {
        "North Korea Acknowledges Deployment of Troops to Support Russian Efforts in Ukraine",
        "North Korea Acknowledges Deployment of Troops to Support Russia in Ukraine Conflict",
        "U.S. Cites Indications North Korean Soldiers Died Fighting for Russia"}


@pytest.mark.parametrize("options, field", [({"min_story_size": 0}, "min_story_size"),
                                            ({"max_words": -1}, "max_words"), ({"query": " "}, "query")])
def test_bad_options_are_input_errors(pile, options, field):
    with pytest.raises(InputError) as error:
        digest(pile, **options)
    assert error.value.field == field


def test_the_pairwise_grouping_is_capped():
    from summarizer.stories.grouping import MAX_ARTICLES

    with pytest.raises(InputError) as error:
        digest(["An article about the council budget vote on Monday."] * (MAX_ARTICLES + 1))
    assert error.value.field == "documents" and "at most" in error.value.message


def test_the_command_line(tmp_path, capsys, seed_documents):
    for document in seed_documents:
        (tmp_path / f"{document['id']}.txt").write_text(document["text"], encoding="utf-8")
    (tmp_path / "earnings.txt").write_text(EARNINGS, encoding="utf-8")
    assert main(["digest", str(tmp_path), "--format", "json", "--max-words", "50"]) == 0
    stories = json.loads(capsys.readouterr().out)["stories"]
    assert [len(story["document_ids"]) for story in stories] == [5, 1]
    (tmp_path / "zz-archive.txt").write_text(NOT_AN_ARTICLE, encoding="utf-8")
    assert main(["digest", str(tmp_path), "--format", "markdown"]) == 0
    out, err = capsys.readouterr()
    assert "*(no brief: the page holds no article text, only site furniture)*" in out
    assert err == ("warning: article 'zz-archive' holds no article text, only site furniture: it is listed on its "
                   "own, without a brief\n")
    assert main(["digest", str(tmp_path), "--min-story-size", "0"]) == 2
    assert capsys.readouterr().err.startswith("error: min_story_size")


def test_the_route_answers_by_the_contract_and_refuses_like_summarize(pile):
    client = create_app({"PRELOAD_MODEL": False, "RATE_LIMIT": "", "MAX_DOCUMENTS": 20}).test_client()
    response = client.post("/v1/digest", json={"documents": pile, "max_words": 60})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    DigestResponse.model_validate(body)
    assert [len(story["document_ids"]) for story in body["stories"]] == [5, 1, 1]
    for body, code, field in [({"documents": pile, "min_story_size": 0}, "invalid_input", "min_story_size"),
                              ({"documents": pile, "min_size": 2}, "unknown_field", "min_size"),
                              ({"documents": ["a"] * 21}, "limit_exceeded", "documents"),
                              ({"documents": [{"txt": "x"}]}, "unknown_field", "documents[0].txt")]:
        error = client.post("/v1/digest", json=body).get_json()["error"]
        assert (error["code"], error["field"]) == (code, field)


def test_the_grouping_is_scored_against_the_file(tmp_path, capsys, seed_documents):
    from eval.cluster import main as cluster_main

    data = tmp_path / "clusters.jsonl"
    lines = [{"id": "seeds", "documents": [d["text"] for d in seed_documents], "references": ["x"]},
             {"id": "earnings", "documents": [EARNINGS], "references": ["x"]},
             {"id": "fire", "documents": [WILDFIRE], "references": ["x"]}]
    data.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert cluster_main(["--data", str(data), "--out", str(tmp_path / "out"), "--ceiling", "--stability"]) == 0
    out = capsys.readouterr().out
    assert "| digest |" in out and "| ceiling:" in out and "| stories of 4+ | 5 | 1 |" in out
    report = json.loads((tmp_path / "out" / "results.json").read_text())
    assert report["digest"]["bcubed_f1"] == 1.0 and report["digest"]["stories"] == 3
    assert set(report["tfidf"]) == set(report["digest"])
    assert [(row["story_size"], row["articles"], row["bcubed_recall"]) for row in report["by_story_size"]] == [
        ("1", 2, 1.0), ("4-5", 5, 1.0)]
    # The ceiling links only same-story articles: never a wrong merge, and fewer links never score higher.
    ceiling = report["ceiling"]
    assert ceiling[0]["link_at_least"] == 0.0 and ceiling[0]["bcubed_f1"] == 1.0
    assert all(row["bcubed_precision"] == 1.0 for row in ceiling)
    assert [row["bcubed_recall"] for row in ceiling] == sorted((row["bcubed_recall"] for row in ceiling), reverse=True)
    bands = report["pairs_by_similarity"]
    assert sum(band["same_story"] for band in bands) <= 10 and sum(band["different_stories"] for band in bands) <= 11
    assert bands[-1]["same_story"] > 0 and bands[-1]["different_stories"] == 0  # seeds alike, the others apart
    parts = {row["part"]: row for row in report["stability"]}
    assert parts["all"]["used_f1"] == report["digest"]["bcubed_f1"]
    assert all(row["used_f1"] <= row["best_f1"] for row in parts.values())


def test_summarize_leaves_out_an_article_about_another_story_and_says_so(seed_documents):
    brief = summarize([*seed_documents[:2], {"id": "earnings", "text": EARNINGS}, *seed_documents[2:]])
    assert brief.warnings == ("article 'earnings' seems to be about another story: it was left out of the brief",)
    assert all("earnings" not in sentence.sources for sentence in brief.sentences)
    assert brief.text == summarize(seed_documents).text
    assert summarize(seed_documents).warnings == ()


TOUR = ("A pop star announced on Friday that she will add six new dates to her world tour next year, including "
        "three concerts in London and three in Toronto. Tickets will go on sale next month through a verified fan "
        "system designed to limit resale. The singer thanked fans on social media for what she called an "
        "unforgettable year. The tour has already become the highest-grossing concert series of all time, earning "
        "more than one billion dollars, according to industry figures. Local officials in both cities said they "
        "were preparing for a surge of visitors.")


def test_an_article_far_looser_than_the_rest_is_left_out_though_it_shares_a_few_words(seed_documents):
    pile = [*seed_documents, {"id": "tour", "text": TOUR}]
    assert summarize(pile).warnings == (
        "article 'tour' seems to be about another story: it was left out of the brief",)
    # The similarity floor alone would keep it: it shares a few common words with the seeds.
    floor_alone = Summarizer(DEFAULT_SETTINGS.replace(unrelated_share=0.0)).summarize(pile)
    assert floor_alone.warnings == ()


EARNINGS_AGAIN = ("Shares of Acme Corp jumped 8 percent on Tuesday after the cloud software maker posted quarterly "
                  "revenue of 4.1 billion dollars, up 12 percent from a year earlier and above Wall Street forecasts. "
                  "The company lifted its outlook for the full year and said it would buy back more shares.")


def test_two_articles_of_another_story_are_left_out_and_two_stories_of_one_size_are_kept(seed_documents):
    earnings = [{"id": "e1", "text": EARNINGS}, {"id": "e2", "text": EARNINGS_AGAIN}]
    brief = summarize([*seed_documents, *earnings])
    assert brief.warnings == tuple(f"article {name!r} seems to be about another story: it was left out of the brief"
                                   for name in ("e1", "e2"))
    assert brief.text == summarize(seed_documents).text
    even = summarize([*seed_documents[:2], *earnings])
    (warning,) = even.warnings
    assert warning.startswith("the articles seem to be about different stories: “") and warning.endswith(
        "('e1', 'e2'); a digest groups them by story")


def test_copies_of_one_page_count_once_when_stories_are_weighed(seed_documents):
    copies = [{"id": f"copy-{k}", "text": WIDGET} for k in range(3)]
    brief = summarize([*seed_documents[:2], *copies])
    assert all("copy" not in source for sentence in brief.sentences for source in sentence.sources)
    assert [warning.split("'")[1] for warning in brief.warnings] == ["copy-0", "copy-1", "copy-2"]


def test_the_check_is_scored_with_articles_slipped_into_other_clusters(tmp_path, capsys, seed_documents):
    from eval.unrelated import main as unrelated_main

    data = tmp_path / "clusters.jsonl"
    lines = [{"id": "seeds", "documents": [d["text"] for d in seed_documents], "references": ["x"]},
             {"id": "tour", "documents": [TOUR], "references": ["x"]}]
    data.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert unrelated_main(["--data", str(data)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith(("| in use", "| floor"))]
    assert rows[0].split(" | ")[1:4] == ["1 of 1", "0", "0 of 5"]  # the tour article caught, no seed left out
    assert rows[1].split(" | ")[1] == "0 of 1"


def test_articles_all_about_different_stories_are_kept_with_a_warning():
    museum = ("The museum reopened its renovated east wing with a new exhibition of Dutch paintings, drawing long "
              "queues of visitors from across the region. Curators spent two years restoring the galleries.")
    snow = ("Heavy snow closed mountain passes across southern Norway, stranding dozens of drivers overnight in "
            "their cars. Road crews expect to reopen the routes once the storm moves east.")
    brief = summarize([EARNINGS, snow, museum])
    assert brief.sentences and len({sentence.document_id for sentence in brief.sentences}) >= 2
    (warning,) = brief.warnings
    assert warning.startswith("the articles seem to be about different stories: “Acme Corp") and "('1')" in warning
