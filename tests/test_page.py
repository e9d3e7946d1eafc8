"""The web page in a real headless Chromium against the real service."""

import os
import shutil

import pytest

from server import running_server

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

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
    assert "[5]" in note.first.inner_text() and "Seoul" in note.first.inner_text()
    other_sources = page.locator("#brief .marker[title*='similarity']")
    assert other_sources.count() >= 1
    assert float(other_sources.first.get_attribute("title").split("similarity ")[1]) >= 0.75

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
    page.locator("#brief .marker", has_text="[1]").first.click()
    assert "<script>" in page.locator("#viewer-text").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#viewer-text script, #viewer-text img, #brief script").count() == 0


def test_errors_appear_beside_the_field_at_fault(page):
    areas = page.locator("#articles textarea")
    areas.nth(0).fill("The council approved the budget on Monday after a long debate.")
    areas.nth(1).fill("   ")
    page.get_by_role("button", name="Summarize").click()
    error = page.locator(".article").nth(1).locator(".field-error")
    expect(error).to_contain_text("Article 2")
    expect(areas.nth(1)).to_have_attribute("aria-invalid", "true")

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
