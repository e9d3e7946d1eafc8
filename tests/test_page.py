"""The web page in a real headless Chromium against the real service."""

import contextlib
import json
import http.server
import os
import re
import shutil
import socket
import threading

import pytest

from server import running_server

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

# Starts a server process or a browser: outside the fast loop (pytest -m "not slow").
pytestmark = pytest.mark.slow

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def base_url():
    with running_server("--threads", "4") as (port, _):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url)
    yield page
    context.close()


def test_sample_is_summarized_with_sources(page):
    page.get_by_role("button", name="Try the sample").click()
    expect(page.locator("#articles textarea")).to_have_count(5)
    page.get_by_role("button", name="Summarize").click()
    sentences = page.locator("#brief .sentence")
    expect(sentences.first).to_be_visible(timeout=60_000)
    assert "North Korea" in page.locator("#brief").inner_text()
    counts = page.locator("#brief .count").all_inner_texts()
    assert any(text != "1 article" for text in counts)
    words = page.locator("#brief .meta").inner_text()
    assert int(words.split()[0]) <= 100

    note = page.locator("#brief .disagreement")
    expect(note.first).to_contain_text("Reports differ on deaths")
    seoul = re.search(r"about 600 \(Seoul\) \[(\d+)\]", note.first.inner_text())
    # Sources are numbered 1, 2, 3 ... without gaps, markers and notes alike, and listed by those numbers.
    numbers = {int(text.strip("[]")) for text in page.locator("#brief .marker").all_inner_texts()}
    listed = page.locator("#sources li")
    assert numbers == set(range(1, listed.count() + 1)) and int(seoul.group(1)) in numbers
    # each by its headline (three of the sample's texts open with one, all are dated) or, failing that, its box
    assert all(re.fullmatch(r"Article [1-5]|North Korea Acknowledges .+|U\.S\. Cites Indications .+", text)
               for text in listed.all_inner_texts())
    other_sources = page.locator("#brief .marker[title*='reports the same fact']")
    assert other_sources.count() >= 1  # said for readers; no similarity score shown or read out
    assert "similarity" not in page.locator("#brief").inner_text() + (other_sources.first.get_attribute("aria-label"))
    assert float(other_sources.first.get_attribute("data-similarity")) >= 0.45

    first = sentences.first
    sentence_text = first.evaluate("node => node.firstChild.textContent")
    first.locator(".marker").first.click()
    expect(page.locator("#viewer")).to_be_visible()
    highlighted = page.locator("#viewer-text mark").inner_text()
    assert " ".join(highlighted.split()) == " ".join(sentence_text.split())
    expect(first.locator(".marker").first).to_have_attribute("aria-pressed", "true")


def test_an_article_with_script_is_shown_as_text(page):
    hostile = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">\n\n'
               "The city council approved the new budget on Monday after a long debate over school funding.")
    areas = page.locator("#articles textarea")
    areas.nth(0).fill(hostile)
    areas.nth(1).fill("The council's budget vote on Monday ended a long debate about how much to spend on schools.")
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#brief .sentence").first).to_be_visible(timeout=60_000)
    page.locator('#brief .marker[data-source="1"]').first.click()
    # Read as the page it looks like: the article's text is shown, its markup neither run nor shown.
    assert "approved the new budget" in page.locator("#viewer-text").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#viewer-text script, #viewer-text img, #brief script").count() == 0


def test_errors_appear_beside_the_field_at_fault(page):
    areas = page.locator("#articles textarea")
    areas.nth(0).fill("The council approved the budget on Monday after a long debate.")
    areas.nth(1).fill("Council members said the vote on the budget was close.")
    page.locator(".article").nth(1).locator("summary").click()
    title = page.locator(".article").nth(1).locator('[data-field="title"]')
    title.fill("T" * 2001)
    page.get_by_role("button", name="Summarize").click()
    error = page.locator(".article").nth(1).locator(".field-error")
    expect(error).to_contain_text("Article 2 (title)")
    expect(title).to_have_attribute("aria-invalid", "true")
    title.fill("")

    areas.nth(1).fill("Council members said the vote on the budget was close.")
    page.locator("#max-words").fill("0")
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#max-words-error")).to_contain_text("must be from 1")


def test_keyboard_and_narrow_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="Try the sample").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#articles textarea")).to_have_count(5)
    page.get_by_role("button", name="Summarize").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#brief .sentence").first).to_be_visible(timeout=60_000)
    marker = page.locator("#brief .marker").first
    marker.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#viewer mark")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


# --- what a new user ran into --------------------------------------------------------------------------------------

COUNCIL = ("The city council approved the new budget on Monday after a long debate over school funding. "
           "The budget adds money for teachers and repairs, officials said.")
COUNCIL_TOO = ("Council members voted on Monday to approve the budget after hours of debate about school funding. "
               "Teachers and school repairs get more money under the plan, according to officials.")


def summarize_and_wait(page):
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#brief .sentence").first).to_be_visible(timeout=60_000)


def test_one_article_with_the_second_box_left_empty(page):
    expect(page.locator("#copy-bar")).to_be_hidden()  # nothing to copy before a brief
    page.locator("#articles textarea").nth(0).fill(COUNCIL)
    summarize_and_wait(page)
    assert page.locator(".field-error:not(:empty)").count() == 0
    expect(page.locator("#copy-bar")).to_be_visible()
    expect(page.locator("#brief .meta")).to_contain_text("from 1 of 1 articles")


def test_copy_as_text_keeps_the_sources_and_labels_come_from_the_source_fields(browser, base_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto(base_url)
    boxes = page.locator(".article")
    for index, (text, outlet, date, link) in enumerate([(COUNCIL, "Reuters", "2024-08-18", "https://example.com/a"),
                                                         (COUNCIL_TOO, "AP", "2024-08-19", "")]):
        boxes.nth(index).locator("textarea").fill(text)
        boxes.nth(index).locator("summary").click()
        boxes.nth(index).locator('[data-field="source"]').fill(outlet)
        boxes.nth(index).locator('[data-field="published"]').fill(date)
        if link:
            boxes.nth(index).locator('[data-field="url"]').fill(link)
    summarize_and_wait(page)
    assert "Reuters, 18 Aug 2024" in page.locator("#sources").inner_text()
    assert any("Reuters, 18 Aug 2024" in title for title in
               page.locator("#brief .marker").evaluate_all("nodes => nodes.map(node => node.title)"))
    page.get_by_role("button", name="Copy as text").click()
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Sources:" in copied and "[1] " in copied and "https://example.com/a" in copied
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save markdown").click()
    markdown = open(saved.value.path(), encoding="utf-8").read()
    assert "[Reuters, 18 Aug 2024](https://example.com/a)" in markdown
    context.close()


def test_markers_follow_their_article_after_a_box_is_removed_and_the_brief_is_marked_stale(page):
    areas = page.locator("#articles textarea")
    areas.nth(0).fill(COUNCIL)
    areas.nth(1).fill(COUNCIL_TOO)
    summarize_and_wait(page)
    marker = page.locator('#brief .marker[data-source="1"]').first
    expect(page.locator("#stale")).to_be_hidden()
    page.locator(".article").nth(0).get_by_role("button", name="Remove").click()
    expect(page.locator("#stale")).to_be_visible()
    expect(page.locator("#brief")).to_have_class(re.compile("stale"))
    marker.click()  # still opens the article it was made from, not the box now numbered 1
    assert page.locator("#viewer-text").inner_text() == COUNCIL


def test_the_highlight_is_the_sentence_on_screen_after_an_emoji_on_a_narrow_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url)
    emoji = "🚨🚨 Breaking 🏛️\n\n" + "🌧️ 🚗 🚕 🚙 🚌\n\n" * 40  # code points before the sentence, no sentences
    page.locator("#articles textarea").nth(0).fill(emoji + COUNCIL)
    summarize_and_wait(page)
    marker = page.locator("#brief .marker").first
    target = marker.evaluate("node => [getComputedStyle(node, '::after').width, getComputedStyle(node, '::after').height]")
    assert target == ["44px", "44px"]  # a tap target, around a marker as tall as the text
    sentence = marker.evaluate("node => node.closest('.sentence').firstChild.textContent")
    marker.click()
    mark = page.locator("#viewer-text mark")
    expect(mark).to_be_visible()
    assert " ".join(mark.inner_text().split()) == " ".join(sentence.split())
    top, bottom = mark.evaluate("node => [node.getBoundingClientRect().top, node.getBoundingClientRect().bottom]")
    assert 0 <= top and bottom <= 740  # on screen, not below it
    context.close()


def test_length_is_checked_and_one_request_goes_at_a_time(page):
    page.locator("#articles textarea").nth(0).fill(COUNCIL)
    length = page.locator("#max-words")
    length.fill("")
    length.press_sequentially("1.5")
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#max-words-error")).to_contain_text("whole number")
    length.fill("2001")
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#max-words-error")).to_contain_text("from 1 to 2,000, not 2,001")
    length.fill("60")
    requests = []
    page.on("request", lambda request: requests.append(request.url) if "v1/summarize" in request.url else None)
    # Three Ctrl+Enter at once: the first sends, the others find a request under way.
    page.evaluate("""() => { for (let i = 0; i < 3; i++)
        document.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", ctrlKey: true})); }""")
    expect(page.locator("#brief .sentence").first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(300)
    assert len(requests) == 1


def test_junk_gives_a_note_not_a_brief(page):
    page.locator("#articles textarea").nth(0).fill("Read More\nAdvertisement\nShare")
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#brief .warning")).to_contain_text("no sentences")
    assert page.locator("#brief .sentence").count() == 0


def test_favicon_and_dark_mode(browser, base_url):
    missing = []
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert missing == []
    assert page.request.get(base_url + "favicon.ico").ok
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(part) for part in re.findall(r"\d+", background)[:3])
    assert red + green + blue < 150, background
    context.close()
    light = browser.new_context(color_scheme="light").new_page()
    light.goto(base_url)
    assert sum(int(part) for part in re.findall(r"\d+", light.evaluate("getComputedStyle(document.body).backgroundColor"))[:3]) > 600
    light.context.close()


@contextlib.contextmanager
def another_site():
    """A page of another origin (another port of 127.0.0.1), without the service's Content-Security-Policy."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<!doctype html><title>A news site</title><p>A news site"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/"
    finally:
        site.shutdown()


def test_a_page_on_another_site_can_post_json(browser):
    from server import without_rate_limit

    with running_server(env=without_rate_limit(SUMMARIZER_API_CORS_ORIGINS="*")) as (port, _), another_site() as site:
        page = browser.new_context().new_page()
        page.goto(site)
        answer = page.evaluate("""async ([url, text]) => {
            const response = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
                                               body: JSON.stringify({documents: [text]})});
            return [response.status, response.headers.get("X-Request-ID") !== null, (await response.json()).word_count];
        }""", [f"http://127.0.0.1:{port}/v1/summarize", COUNCIL])
        assert answer[0] == 200 and answer[1] and answer[2] > 0
        page.context.close()


def test_a_pasted_web_page_is_read_for_its_article_and_fills_the_source_fields(page):
    from test_html import as_page

    areas = page.locator("#articles textarea")
    areas.nth(0).fill(as_page(COUNCIL.replace(". ", ".\n"), title="Budget passes", outlet="City News",
                              published="2024-08-18T07:00:00Z"))
    areas.nth(1).fill(COUNCIL_TOO)
    summarize_and_wait(page)
    assert "<" not in page.locator("#brief .sentence").first.inner_text()
    box = page.locator(".article").nth(0)
    expect(box.locator('[data-field="source"]')).to_have_value("City News")
    expect(box.locator('[data-field="published"]')).to_have_value("2024-08-18")
    assert "City News, 18 Aug 2024" in page.locator("#sources").inner_text()
    page.locator('#brief .marker[data-source="1"]').first.click()
    viewer = page.locator("#viewer-text").inner_text()
    assert "Advertisement" not in viewer and "<p>" not in viewer
    expect(page.locator("#viewer-text mark")).to_be_visible()


def test_links_are_offered_and_fetched_when_the_service_fetches(browser):
    from server import without_rate_limit
    from test_fetch import PAGE, site

    env = without_rate_limit(SUMMARIZER_API_FETCH_URLS="1", SUMMARIZER_API_FETCH_ALLOW_ADDRESSES="127.0.0.2")
    routes = {"/article": (200, {"Content-Type": "text/html"}, PAGE)}
    with running_server(env=env) as (port, _), site("127.0.0.2", routes) as news:
        page = browser.new_context().new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        expect(page.locator("#links-hint")).to_be_visible()
        box = page.locator(".article").nth(0)
        box.locator("summary").click()
        box.locator('[data-field="url"]').fill(f"{news}/article")
        page.locator("#articles textarea").nth(1).fill(COUNCIL_TOO)
        summarize_and_wait(page)
        expect(box.locator('[data-field="source"]')).to_have_value("City News")
        page.locator('#brief .marker[data-source="1"]').first.click()
        assert "approved the new budget" in page.locator("#viewer-text").inner_text()
        # a dead link in the third box: the message is for people and focus lands on that box's link
        page.get_by_role("button", name="Add article").click()
        dead = page.locator(".article").nth(2)
        dead.locator("summary").click()
        with socket.socket() as closed:
            closed.bind(("127.0.0.2", 0))
            dead_port = closed.getsockname()[1]
        dead.locator('[data-field="url"]').fill(f"http://127.0.0.2:{dead_port}/gone")
        dead.locator("summary").click()  # closed again: the error must open it
        page.get_by_role("button", name="Summarize").click()
        expect(dead.locator(".field-error")).to_contain_text("Article 3 (url)")
        message = dead.locator(".field-error").inner_text()
        assert "refused" in message and "Errno" not in message
        expect(dead.locator('[data-field="url"]')).to_be_focused()
        page.context.close()


def test_the_page_takes_its_word_limit_from_the_service(browser):
    from server import without_rate_limit

    with running_server("--workers", "1", env=without_rate_limit(SUMMARIZER_API_MAX_WORDS_LIMIT="300")) as (port, _):
        page = browser.new_context().new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        expect(page.locator("#max-words")).to_have_attribute("max", "300")
        page.locator("#articles textarea").nth(0).fill(COUNCIL_TOO)
        page.locator("#articles textarea").nth(1).fill(COUNCIL_TOO)
        page.locator("#max-words").fill("500")
        page.get_by_role("button", name="Summarize").click()
        expect(page.locator("#max-words-error")).to_contain_text("must be from 1 to 300, not 500")
        page.context.close()


def test_links_are_not_offered_when_the_service_does_not_fetch(page):
    page.wait_for_load_state("networkidle")
    expect(page.locator("#links-hint")).to_be_hidden()


def test_digest_mode_gives_a_brief_per_story_and_one_brief_warns_about_the_odd_one_out(page):
    from test_digest import EARNINGS, NOT_AN_ARTICLE

    page.get_by_role("button", name="Try the sample").click()
    expect(page.locator("#articles textarea")).to_have_count(5)
    page.get_by_role("button", name="Add article").click()
    page.locator("#articles textarea").nth(5).fill(EARNINGS)
    summarize_and_wait(page)
    expect(page.locator("#brief .warning")).to_have_text(
        "Note: Article 6 seems to be about another story: it was left out of the brief")  # named as on the page
    expect(page.locator("#brief .meta").last).to_contain_text("of 6 articles")

    page.get_by_label("A brief per story").check()
    expect(page.locator("#stale")).to_be_visible()
    # Undated, as pasted articles often are: the samples' dates, ten months apart, would make them several events.
    for field in page.locator('[data-field="published"]').all()[:5]:  # the samples' (the added article has none)
        field.fill("")
    page.get_by_role("button", name="Add article").click()
    page.locator("#articles textarea").nth(6).fill(NOT_AN_ARTICLE)
    page.get_by_role("button", name="Make digest").click()
    stories = page.locator("#brief .story")
    expect(stories).to_have_count(3, timeout=60_000)
    expect(stories.nth(0).locator(".meta").first).to_contain_text("5 articles")
    expect(stories.nth(1).locator(".meta").first).to_contain_text("1 article")
    assert "Acme" in stories.nth(1).inner_text()
    expect(stories.nth(2)).to_contain_text("No brief: the page holds no article text, only site furniture.")
    stories.nth(0).locator(".marker").first.click()
    expect(page.locator("#viewer mark")).to_be_visible()


def test_timeline_mode_puts_the_sample_in_date_order_with_markers_and_exports(page):
    page.get_by_role("button", name="Try the sample").click()
    expect(page.locator("#articles textarea")).to_have_count(5)
    assert page.locator('[data-field="published"]').first.input_value()  # the samples come with their dates
    page.get_by_label("A timeline").check()
    page.get_by_role("button", name="Make timeline").click()
    entries = page.locator("#brief .timeline .entry")
    expect(entries.first).to_be_visible(timeout=60_000)
    dates = page.locator("#brief .timeline time").evaluate_all("nodes => nodes.map(node => node.dateTime)")
    assert len(dates) >= 3 and dates == sorted(dates) and dates[-1].startswith("2025-08")
    assert any(date.startswith("2024-10") for date in dates)
    last = entries.last.locator(".sentence").first
    sentence_text = last.evaluate("node => node.firstChild.textContent")
    last.locator(".marker").first.click()
    expect(page.locator("#viewer")).to_be_visible()
    assert " ".join(page.locator("#viewer-text mark").inner_text().split()) == " ".join(sentence_text.split())
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save markdown").click()
    assert saved.value.suggested_filename == "timeline.md"
    markdown = open(saved.value.path(), encoding="utf-8").read()
    assert markdown.startswith("- **") and "Sources:" in markdown
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save JSON").click()
    exported = json.loads(open(saved.value.path(), encoding="utf-8").read())
    assert [entry["date"] for entry in exported["entries"]] == dates


def test_articles_already_read_make_a_brief_of_what_the_others_add(page):
    page.get_by_role("button", name="Try the sample").click()
    expect(page.locator("#articles textarea")).to_have_count(5)
    for number in (1, 2, 3):
        page.get_by_label(f"Article {number} already read").check()
    summarize_and_wait(page)
    expect(page.locator("#brief .meta").last).to_contain_text("what 2 articles add to 3 already read")
    read = set(page.locator(".article.seen").evaluate_all("nodes => nodes.map(node => node.dataset.id)"))
    owners = page.locator("#brief .sentence").evaluate_all(
        "nodes => nodes.map(node => node.querySelector('.marker').dataset.source)")
    assert len(read) == 3 and owners and not read & set(owners)  # every sentence comes from a new article


def test_the_api_reference_renders_at_docs_without_any_other_site(browser, base_url):
    context = browser.new_context()
    elsewhere = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                  else (elsewhere.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(base_url + "docs")
    expect(page.locator(".opblock-summary-path", has_text="/v1/summarize")).to_be_visible(timeout=30_000)
    expect(page.locator(".opblock-summary-path", has_text="/v1/timeline")).to_be_visible()
    assert elsewhere == []
    context.close()


def test_a_draft_survives_a_reload_until_the_reader_starts_over(page):
    expect(page.locator("#start-over")).to_be_hidden()
    page.locator("#articles textarea").nth(0).fill(COUNCIL_TOO)
    page.locator(".article summary").first.click()
    page.locator('[data-field="source"]').first.fill("City News")
    page.locator(".seen-toggle input").first.check()
    page.locator("#query").fill("How close was the vote?")
    page.wait_for_timeout(600)  # the draft is written 0.3 s after the last change
    page.reload()
    expect(page.locator("#articles textarea").nth(0)).to_have_value(COUNCIL_TOO)
    expect(page.locator('[data-field="source"]').first).to_have_value("City News")
    expect(page.locator(".seen-toggle input").first).to_be_checked()
    expect(page.locator("#query")).to_have_value("How close was the vote?")
    page.get_by_role("button", name="Start over").click()
    expect(page.locator("#articles textarea")).to_have_count(2)
    expect(page.locator("#articles textarea").nth(0)).to_have_value("")
    expect(page.locator("#articles textarea").nth(0)).to_be_focused()
    page.reload()
    expect(page.locator("#articles textarea").nth(0)).to_have_value("")
    expect(page.locator("#start-over")).to_be_hidden()


def test_the_brief_is_scrolled_into_view_after_summarize_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url)
    page.get_by_role("button", name="Try the sample").click()
    expect(page.locator("#articles textarea")).to_have_count(5)
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#brief .sentence").first).to_be_visible(timeout=60_000)
    top = page.locator("#brief-heading").evaluate("node => node.getBoundingClientRect().top")
    assert 0 <= top < 740 / 3, top  # the heading near the top of the screen, the brief below it
    expect(page.locator("#brief-heading")).to_be_focused()
    context.close()


def test_a_notes_numbers_open_the_article_where_it_gives_its_figure(page):
    page.get_by_role("button", name="Try the sample").click()
    expect(page.locator("#articles textarea")).to_have_count(5)
    summarize_and_wait(page)
    note = page.locator("#brief .disagreement").first
    expect(note).to_contain_text("Reports differ on deaths")
    seoul = note.locator(".marker").first
    assert seoul.get_attribute("aria-label").endswith("where it gives About 600")
    seoul.click()
    expect(page.locator("#viewer mark")).to_contain_text("600")
    expect(page.locator("#viewer-title")).to_contain_text("gives About 600")
    note.locator(".marker").nth(1).click()
    expect(page.locator("#viewer mark")).to_contain_text("1,000")


CONTRAST = """([fore, back]) => {
  const rgb = (color) => color.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (color) => {
    const [r, g, b] = rgb(color).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_borders_and_focus_rings_stand_out_three_to_one(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url)
    area = page.locator("#articles textarea").first
    panel = page.locator("section").first.evaluate("node => getComputedStyle(node).backgroundColor")
    border = area.evaluate("node => getComputedStyle(node).borderTopColor")
    area.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focus by keyboard, so :focus-visible applies
    ring = area.evaluate("node => getComputedStyle(node).outlineColor")
    assert page.evaluate(CONTRAST, [border, panel]) >= 3, (border, panel)
    assert page.evaluate(CONTRAST, [ring, panel]) >= 3, (ring, panel)
    context.close()


def test_markers_keep_lines_even_with_44px_targets_and_the_count_stays_with_them(page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("button", name="Try the sample").click()
    expect(page.locator("#articles textarea")).to_have_count(5)
    summarize_and_wait(page)
    marker = page.locator("#brief .sentence .marker").first
    box = marker.bounding_box()
    assert box["height"] < 30, box  # no taller than the text around it
    hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.marker') !== null",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2 + 17])
    assert hit  # 17 px below its centre is still the marker: a 44 px target
    for sentence in page.locator("#brief .sentence").all():
        count = sentence.locator(".count").bounding_box()
        last = sentence.locator(".refs-end .marker").bounding_box()
        assert abs(count["y"] + count["height"] / 2 - (last["y"] + last["height"] / 2)) < 8  # one line
    assert sentence.locator(".sr-only").first.text_content().startswith(".")


def test_source_details_look_like_a_control_and_focus_stays_in_the_boxes_after_remove(page):
    summary = page.locator(".article summary").first
    assert summary.evaluate("node => getComputedStyle(node, '::before').content") == '"\u25b8"'
    assert summary.evaluate("node => getComputedStyle(node).borderTopStyle") == "solid"
    summary.click()
    assert summary.evaluate("node => getComputedStyle(node, '::before').content") == '"\u25be"'
    page.locator("#articles textarea").nth(1).fill("The second box.")
    page.locator(".article .remove").first.click()
    expect(page.locator("#articles textarea")).to_have_count(1)
    expect(page.locator("#articles textarea").first).to_be_focused()
    expect(page.locator("#articles textarea").first).to_have_value("The second box.")
    page.locator(".article .remove").first.click()
    expect(page.get_by_role("button", name="Add article")).to_be_focused()


COUNCIL_THIRD = ("After a long debate about school funding, the city council passed the budget on Monday. "
                 "Parents had packed the chamber for the vote.")


def test_sources_go_by_headline_then_file_name_then_the_box_as_the_boxes_are_now(page, tmp_path):
    page.get_by_role("button", name="Try the sample").click()
    summarize_and_wait(page)
    sources = page.locator("#sources").inner_text()
    # the sample's texts open with their headlines
    assert "North Korea Acknowledges Deployment of Troops" in sources or "U.S. Cites Indications" in sources
    page.get_by_role("button", name="Start over").click()
    files = []
    for name, text in (("council-vote.txt", COUNCIL), ("budget-night.txt", COUNCIL_TOO)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    page.locator("#files").set_input_files(files)
    expect(page.locator("#articles textarea").nth(1)).to_have_value(COUNCIL_TOO)
    assert page.locator('[data-field="title"]').first.input_value() == ""  # a file name is not a title
    page.get_by_role("button", name="Summarize").click()
    expect(page.locator("#sources")).to_contain_text("council-vote", timeout=60_000)
    listed = page.locator("#sources").inner_text()
    assert "budget-night" in listed and ".txt" not in listed
    with page.expect_download() as saved:  # the export is the service's rendering, with the same names
        page.get_by_role("button", name="Save markdown").click()
    markdown = open(saved.value.path(), encoding="utf-8").read()
    assert "council-vote" in markdown and "budget-night" in markdown


def test_an_article_named_by_its_box_is_renumbered_when_a_box_above_is_removed(page):
    page.get_by_role("button", name="Add article").click()
    areas = page.locator("#articles textarea")
    for index, text in enumerate((COUNCIL, COUNCIL_TOO, COUNCIL_THIRD)):
        areas.nth(index).fill(text)
    summarize_and_wait(page)
    before = page.locator("#sources").inner_text()
    assert "Article 3" in before or "Article 2" in before
    page.locator(".article").nth(0).get_by_role("button", name="Remove").click()
    after = page.locator("#sources li").all_inner_texts()
    # the first box's article is gone from the boxes; the others are now boxes 1 and 2, and the brief says so
    assert "Article 3" not in " ".join(after)
    titles = page.locator("#brief .marker").evaluate_all("nodes => nodes.map(node => node.title)")
    assert not any("Article 3" in title for title in titles)


@pytest.mark.parametrize("width", [1440, 360])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation_at_either_width_in_either_scheme(browser, base_url, width, scheme):
    from axe_playwright_python.sync_playwright import Axe  # axe-core, run in the page

    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url)
    found = {}

    def check(state):
        violations = Axe().run(page).response["violations"]
        found[state] = [(v["id"], [node["target"] for node in v["nodes"]]) for v in violations
                        if v["impact"] in ("serious", "critical")]

    check("empty page")
    page.get_by_role("button", name="Summarize").click()  # nothing pasted: an error beside the box
    expect(page.locator(".field-error").first).not_to_be_empty()
    check("error")
    page.get_by_role("button", name="Try the sample").click()
    summarize_and_wait(page)
    page.locator("#brief .marker").first.click()
    expect(page.locator("#viewer")).to_be_visible()
    check("brief with an article open")
    context.close()
    assert found == {"empty page": [], "error": [], "brief with an article open": []}
