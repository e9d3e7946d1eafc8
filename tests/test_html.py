"""Articles given as web pages: the article is read out of the page, and the brief is the brief of its text."""

import html

import pytest

from summarizer import InputError, summarize
from summarizer.reading.documents import normalize_documents
from summarizer.reading.html import looks_like_html


def as_page(text: str, title: str = "North Korea confirms troops", outlet: str = "World News",
            published: str = "2025-04-28T09:30:00Z") -> str:
    """An article's paragraphs inside the furniture of a real news page: navigation, an ad, a photo caption,
    related links and a footer."""
    paragraphs = [html.escape(p.strip()) for p in text.split("\n") if p.strip()]
    half = len(paragraphs) // 2
    body = lambda part: "\n".join(f"<p>{p}</p>" for p in part)  # noqa: E731
    return f"""<!doctype html><html><head><title>{title} - {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="article:published_time" content="{published}">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>
{body(paragraphs[:half])}
<div class="ad">Advertisement</div>
<figure><img src="photo.jpg" alt=""><figcaption>Soldiers at a ceremony in Pyongyang. Photo: AFP</figcaption></figure>
{body(paragraphs[half:])}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Five things to know about the war</a></li>
<li><a href="/b">Markets fall for a third day</a></li></ul></aside>
<footer>&copy; 2025 {outlet}. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_pages_give_the_brief_of_their_articles(seed_documents):
    plain = summarize(seed_documents)
    pages = [{"id": d["id"], "text": as_page(d["text"])} for d in seed_documents]
    brief = summarize(pages)
    assert brief.text == plain.text
    assert [s.sources for s in brief.sentences] == [s.sources for s in plain.sentences]
    texts = {document.id: document.text for document in brief.documents}
    for sentence in brief.sentences:  # offsets refer to the extracted text, which the brief returns
        assert texts[sentence.document_id][sentence.start:sentence.end] == sentence.text
    for word in ("Advertisement", "Photo: AFP", "All rights reserved", "Five things", "<p>", "Home"):
        assert word not in brief.text and all(word not in text for text in texts.values())
    document = brief.to_dict()["documents"][0]
    assert document["format"] == "html" and document["text"] == texts[document["id"]]


def test_the_page_tells_title_outlet_and_date_unless_the_caller_did():
    page = as_page("The council approved the new budget on Monday after a long debate over school funding.\n\n"
                   "Officials said the budget adds money for teachers and for school repairs this year.")
    (found,) = normalize_documents([page])
    assert (found.title, found.source, found.published.isoformat()) == (
        "North Korea confirms troops", "World News", "2025-04-28")
    (given,) = normalize_documents([{"text": page, "source": "Reuters", "title": "Budget passes"}])
    assert (given.source, given.title) == ("Reuters", "Budget passes")


def test_the_fragment_a_user_pasted_keeps_no_markup_or_furniture():
    fragment = ("<p>The city council approved the new budget on Monday after a long debate over school funding.</p>"
                "<div class=\"ad\">Advertisement</div><figcaption>The council chamber. Photo: AFP</figcaption>"
                "<p>Officials said the budget adds money for teachers and repairs, and the vote was close.</p>"
                "<footer>&copy; 2025 City News</footer>")
    brief = summarize([fragment, "Council members approved the budget on Monday after hours of debate."])
    assert brief.sentences
    for junk in ("<", "Advertisement", "AFP", "©", "2025 City News"):
        assert junk not in brief.text


def test_plain_text_stays_text():
    text = "The index rose as 3 < 4 held, analysts said <sic> on Monday. Traders welcomed the rise in prices."
    assert not looks_like_html(text)
    (document,) = normalize_documents([text])
    assert document.text == text and document.format == "text"
    forced = "<p>Kept as typed, tags and all.</p><p>Second paragraph here.</p>"
    (kept,) = normalize_documents([{"text": forced, "format": "text"}])
    assert kept.text == forced


def test_a_page_of_furniture_alone_gives_an_empty_brief_with_a_warning():
    brief = summarize(["<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"])
    assert brief.sentences == () and brief.warnings


@pytest.mark.parametrize("item, field", [
    ({"text": "<html><head><title></title></head><body></body></html>"}, "documents[0].text"),
    ({"text": "Plain article text.", "format": "pdf"}, "documents[0].format"),
])
def test_a_page_without_an_article_or_an_unknown_format_is_an_input_error(item, field):
    with pytest.raises(InputError) as error:
        normalize_documents([item])
    assert error.value.field == field
