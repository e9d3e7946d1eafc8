"""Boilerplate by its wording: site furniture lines, link-list tails, captions, labels, date stamps and datelines.

Every rule is anchored and bounded by whole words, so a line of reporting that merely starts with the same word
("Subscribers to the service ...", "Sponsored by Sen. ...", "Getty Images sued ...") is kept. Furniture worded in
other ways is recognized by meaning in furniture.py.
"""

from __future__ import annotations

import re

_END = r"\s*[:.!»›>|-]*\s*$"

# A line that is nothing but furniture: "Advertisement", "Share this:", "Sponsored Content", "Read More".
FURNITURE_LINE = re.compile(
    r"(?:advertisement|advertising|sponsored(?: content| links?)?|story continues below(?: advertisement)?|"
    r"continue reading(?: the main story| below)?|read more|read full (?:story|article)|share(?: this(?: article| story)?)?|"
    r"related(?: articles| stories| coverage| content)?|recent articles|more stories|most popular|trending(?: now)?|"
    r"recommended|comments?|print|email|tweet|listen|close|subscribe|sign up|log ?in|skip to (?:main )?content)" + _END,
    re.IGNORECASE,
)
# A line that starts as furniture and carries only a link title or a credit after it.
FURNITURE_PREFIX = re.compile(
    r"(?:read more|related|see also|more from [^:]{1,40}|watch|video|listen|recommended|also read|"
    r"disclaimer|publisher|this story is auto-aggregated)\s*:"
    r"|(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|e-?mails?|inbox|alerts?|here|now|today)\b"
    r"|read (?:more|full)\b|(?:click here|tap here)\b"
    r"|(?:follow|like) .{1,60} on (?:twitter|facebook|instagram|x|threads|bluesky)\b"
    r"|(?:share (?:this|on)|share via)\b"
    r"|copyright\b.{0,40}(?:\d{4}|©|all rights)|©|all rights reserved",
    re.IGNORECASE,
)
# Once a line like this appears (after some prose), the rest of the article is a list of links and notices.
TAIL_HEADING = re.compile(
    r"(?:read more|recent articles|related articles|related stories|more stories|more from [\w .'’-]{1,40}|"
    r"you may also like|recommended for you|most popular)" + _END,
    re.IGNORECASE,
)

# Photo captions and credits, as a line or as a sentence: "Image caption ...", "Photo: ...", "(AP Photo/...)",
# "In this May 4, 2001, file photo, ...", "... Via Getty Images".
CAPTION = re.compile(
    r"^(?:image copyright|image caption)\b|^(?:photos?|images?|pictures?|captions?|credits?|photograph)\s*:"
    r"|\bin this\b.{0,60}\b(?:photo|image|picture|video|frame grab)\b",
    re.IGNORECASE,
)
# The same, by the capitals agencies and video players write them in: a video caption under its "CLOSE" button, a
# photo's slug ("FILE - This June, 2013 photo ...", "CORRECTS DAY OF DANCE TO SATURDAY ...", "FOR MOVEMENT FRIDAY"),
# a caption cut short before its credit ("... was shot... (Associated Press)").
CAPTION_MARK = re.compile(
    r"^(?:CLOSE\s+(?=[\"“]?[A-Z][a-z])|CORRECTS\s+[A-Z]|FOR (?:MOVEMENT|RELEASE|USE)\s+[A-Z]"
    r"|(?:[A-Z0-9.,'’]+\s+){0,6}FILE\s*[-—–]+\s)"
    r"|(?:\.\.\.|…)\s*\((?:Associated Press|AP|Reuters|AFP)\)\s*$"
)
CREDIT = re.compile(
    r"\bAP Photo\b|\b(?:[Vv]ia|/)\s*(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock)\b"
    r"|\b(?:Getty Images|Reuters|AFP|EPA|AP)\s*[/|]\s*[A-Z]|^(?:[\w.'’-]+ ){0,3}(?:Getty Images|Shutterstock)\s*$"
)

# Who reported, wrote and edited the story: "(Reporting by Jane Doe; Editing by Will Dunham)", "Associated Press
# writer John Roe contributed to this report.", "Additional reporting by ...".
BYLINE_CREDIT = re.compile(
    r"\bcontributed (?:to this (?:report|story|article)|(?:additional )?reporting)\b[^.;]{0,60}[.)]?\s*$"
    r"|^\W{0,2}(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by (?:[A-Z][\w'’.-]*\s?){1,4}"
    r"(?:[;,)]|and\b|in\b|from\b|$)"
)

MARKDOWN_PREFIX = re.compile(r"(?:#{1,6}\s+|>\s*|[-*+•]\s+|\*\*|__)+")
MARKDOWN_SUFFIX = re.compile(r"(?:\*\*|__)+$")
DATE_PREFIX = re.compile(
    r"(?:(?:date|published|updated|posted)\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?\s*[-—–|:]?\s*",
    re.IGNORECASE,
)
# "What Happened: ...", "Why It Matters: ..." — a short Title Case label before the sentence.
LABEL_PREFIX = re.compile(r"(?:[A-Z][\w'’]*\s+){0,3}[A-Z][\w'’]*\s*:\s+(?=[\"“‘'A-Z0-9])")
# "Update, 22 April: The court hearing ...", "UPDATED Oct. 5, 2:30 p.m.: ...": a note of when the story changed.
UPDATE_PREFIX = re.compile(r"(?:Update|UPDATE|Updated|UPDATED)(?:,?\s(?:[^:\n]|:(?=\d)){1,30})?\s*:\s+(?=[\"“A-Z0-9])")
# "Q. What options does the Senate have?" / "A. The Senate is not scheduled to ...": a question-and-answer label.
QA_PREFIX = re.compile(r"[QA]\.\s+(?=[\"“]|[A-Z][a-z])")
# "WASHINGTON (AP) — ", "AUSTIN, Texas (AP) — ", "MOSCOW, Oct. 5 (Reuters) - ", "PORT ARLEN, United States, April
# 17, 2022 (AFP) - ", "LONDON _ ", "WOODLAND HILLS >> ": a
# place in capitals (at least one word of three capital letters, so "U.S. - China talks" is not a dateline), then a
# dash.
DATELINE_PREFIX = re.compile(
    r"(?=[A-Z.'\- ]*[A-Z]{3})[A-Z][A-Z.'-]+(?:[ ]+[A-Z][A-Z.'-]+)*"
    r"(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([^)\n]{1,30}\))?\s*(?:[—–_-]{1,2}|>>)(?:\s+|(?=[A-Z\"“]))"  # "SYCAMORE, Ill. --A 76-year-old man"
)
# "WASHINGTON Obesity is ...": a dateline in capitals with no dash, one long word (not an acronym such as "CTV News"
# or "NASA Administrator"), before a sentence that opens with a capitalized word and goes on in lower case.
BARE_DATELINE_PREFIX = re.compile(r"[A-Z]{6,}\s+(?=[A-Z][a-z]+\s+[a-z])")
# "Washington (CNN) -- ", "Salahuddin, Libya (CNN) -- ", "Beijing, Dec. 1 (AFP) - ": a place in any case, then a
# news agency in brackets, then a dash.
AGENCY_DATELINE_PREFIX = re.compile(
    r"[A-Z][\w.'-]*(?:[ ][A-Z][\w.'-]*){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\([A-Z][\w.&' -]{0,24}\)\s*[—–_-]{1,2}(?:\s+|(?=[A-Z\"“]))"
)
# "(CNN) Greg Gianforte ...", "Seoul, South Korea (CNN) North Korea ...", "(Reuters) - The ...": a news agency or
# broadcaster in brackets, after a place or not, with or without a dash.
AGENCY_TAG_PREFIX = re.compile(
    r"(?:[A-Z][\w.'-]*(?:[ ][A-Z][\w.'-]*){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?\s*)?"
    r"\((?:CNN(?: [A-Z][a-z]+)?|AP|Reuters|AFP|UPI|Bloomberg|dpa|DPA|Xinhua|ANSA|EFE|Kyodo|Yonhap|PTI|IANS|BBC|NBC|"
    r"ABC|CBS|CNBC|Fox News|The Hill)\)\s*(?:[—–_-]{1,2}\s*)?(?=[A-Z0-9\"“‘'])"
)
# A newspaper's section in capitals glued to the story's first line ("SPORTS The starting pitcher ..."), with the
# kicker after it when one follows ("SPORTS Pitching The starting ...").
SECTIONS = ("WORLD|NATIONAL|INTERNATIONAL|LOCAL|METRO|REGION|POLITICS|BUSINESS|ECONOMY|MARKETS|FINANCE|MONEY|SPORTS?|"
            "HEALTH|SCIENCE|TECHNOLOGY|TECH|ENTERTAINMENT|ARTS|CULTURE|LIFESTYLE|TRAVEL|OPINION|EDITORIAL|WEATHER|"
            "EDUCATION|ENVIRONMENT|OBITUARIES|FEATURES|NEWS")
SECTION_PREFIX = re.compile(
    r"(?:" + SECTIONS + r")(?:\s+(?:" + SECTIONS + r"|&|AND))*\s+(?:(?:[A-Z][a-z]+\s+){1,2}(?=(?:The|A|An|In|On|At|"
    r"For|After|When|As|It|With|By|From|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d)\b))?(?=[A-Z0-9\"“])"
)
PREFIXES = (MARKDOWN_PREFIX, DATE_PREFIX, UPDATE_PREFIX, LABEL_PREFIX, QA_PREFIX, DATELINE_PREFIX,
            AGENCY_DATELINE_PREFIX, AGENCY_TAG_PREFIX, SECTION_PREFIX, BARE_DATELINE_PREFIX)
# A caption is a line of its own only when the line is caption-sized; in a longer line (an article pasted without
# line breaks) only the caption's sentences are dropped (standalone.py), not the whole article.
CAPTION_LINE_CHARS = 400


def is_furniture_line(line: str) -> bool:
    """A whole line of site furniture or a caption (`line` is stripped)."""
    return bool(FURNITURE_LINE.match(line) or FURNITURE_PREFIX.match(line)
                or (len(line) <= CAPTION_LINE_CHARS and is_caption(line)))


def is_tail_heading(line: str) -> bool:
    """A heading after which an article page lists other stories (`line` is stripped)."""
    return TAIL_HEADING.match(line) is not None


# Every credit names one of these: most sentences are cleared by a substring test before the pattern runs.
CREDITORS = ("AP", "Getty", "AFP", "Reuters", "EPA", "Shutterstock")


# What a caption by CAPTION opens with (or "in this" somewhere), and what one by CAPTION_MARK holds: the patterns run
# only on the sentences that have it.
CAPTION_OPENINGS = ("image", "photo", "picture", "caption", "credit")
MARK_OPENINGS = ("CLOSE", "CORRECTS", "FOR ")


def is_caption(text: str) -> bool:
    """A photo caption or credit, or the credit of the story's reporters and editors, as a line or a sentence."""
    return ((text[:12].lower().startswith(CAPTION_OPENINGS) or "in this" in text.lower())
            and CAPTION.search(text) is not None
            or any(name in text for name in CREDITORS) and CREDIT.search(text) is not None
            or ("FILE" in text or ")" in text or text.startswith(MARK_OPENINGS))
            and CAPTION_MARK.search(text) is not None
            or ("contributed" in text or " by " in text) and BYLINE_CREDIT.search(text) is not None)
