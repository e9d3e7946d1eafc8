"""Articles given as HTML pages: the article's own text and what the page says about it, by trafilatura.

Offsets in a brief then refer to the extracted text, which the brief's documents carry (`Document.text`), so every
sentence stays an exact span of a text the caller can see.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass

from .boilerplate import is_furniture_line

# Tags that only markup has; two of them early in the text, or a document type, make it a page.
MARKUP_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|p|span|section|nav|header|footer|"
                        r"figure|figcaption|aside|ul|ol|li|h[1-6]|a\s|img|br|script|style|meta|title)\b", re.I)
SNIFF_CHARS = 4000


@dataclass(frozen=True)
class Extracted:
    """The article's text (paragraphs separated by blank lines) and the page's title, outlet and date, if any."""

    text: str
    title: str | None
    source: str | None
    published: str | None


def looks_like_html(text: str) -> bool:
    """A page rather than plain text: it opens with markup, or markup tags are frequent in its start."""
    head = text[:SNIFF_CHARS]
    tags = len(MARKUP_TAG.findall(head))
    return tags >= 2 if head.lstrip().startswith("<") else tags >= 4


# trafilatura's precise mode keeps paragraphs apart but sometimes drops most of an article; its default keeps the
# article but, on short pages, runs captions and ads into the paragraphs. The precise text is taken unless it holds
# less than this share of the default's.
PRECISE_SHARE = 0.6


def _extract(page: str, **mode) -> dict | None:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                               include_tables=False, include_images=False, include_links=False,
                                               **mode)
    except Exception:  # a page the extractor cannot parse has no article text to give
        return None
    if document is None:
        return None
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def extract(page: str) -> Extracted:
    """The article in an HTML page, without navigation, ads, captions, related links or footers."""
    if importlib.util.find_spec("trafilatura") is None:  # a dependency of the package; only a broken install lacks it
        from ..errors import ResourceMissingError

        raise ResourceMissingError("reading HTML needs trafilatura: pip install trafilatura")
    full = _extract(page)
    precise = _extract(page, favor_precision=True)
    found = full or precise
    if found is None:
        return Extracted("", None, None, None)
    if precise and len(precise.get("text") or "") >= PRECISE_SHARE * len((full or {}).get("text") or ""):
        found = precise
    lines = [line.strip() for line in (found.get("text") or "").splitlines() if line.strip()]
    lines = [line for line in lines if not is_furniture_line(line)]  # "Advertisement", "Share", ...
    title = found.get("title") or None
    if lines and title and lines[0] == title.strip():  # the headline is the title, not the article's first line
        lines = lines[1:]
    return Extracted("\n\n".join(lines), title, found.get("sitename") or None, found.get("date") or None)
