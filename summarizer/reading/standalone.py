"""Which sentences can stand alone in a brief: no headlines, fragments, questions, exclamations, broken quotes,
posts, asides or markup; and which lean on the sentence before them."""

from __future__ import annotations

import re

from .boilerplate import is_caption
from .sentences import Sentence, readable
from ..content.words import STOPWORDS, UNSPACED_RUN

# A statement ends with a period (。 in Chinese and Japanese); "!" ends teasers, slogans and posts more often than
# reporting.
ENDS_SENTENCE = re.compile(r"[.。][\"”’')\]」』]*$")
TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"”’')\]]*$")
MARKUP = re.compile(r"\*\*|__|<[A-Za-z/!][^<>]*>|\[[^\[\]]*\]\([^()]*\)|https?://|www\.|\{|\}|\|")
# Words run together across a period that splitting could not mend ("Gen.Pat Ryder", "a U.S.official").
STILL_GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]|\b[A-Z]\.[a-z]{3,}")
# A capital or a figure; in a script without capitals, any of its characters.
STARTS_WELL = re.compile(r"[\"“‘'(「『]?(?:[A-Z0-9]|" + UNSPACED_RUN.pattern.rstrip("+") + ")")
# A sentence that is nothing but a quotation leaves the reader asking who said it.
BARE_QUOTE = re.compile(r"^(?:[\"“]|``)[^\"“”`]*(?:[\"”]|'')$")
# A sentence that points at the page around it, which a brief does not carry: "Here's a map of where you can see the
# eclipse.", "(see video below)", "The whole list can be read here", "Add Harvey Weinstein as an interest to stay
# up to date on the latest news" (a site's follow button).
POINTS_AT_PAGE = re.compile(
    r"^[\"“‘']?Here(?:['’]s| is| are)\b|\((?:see|watch|read|listen)\b[^()]{0,40}\)"
    r"|\b(?:below|above)\s*[.:]?[\"”’')]*$"
    r"|\b(?:can|may) be (?:read|seen|found|watched|viewed|heard) (?:here|below|above|online)\b"
    r"|\bas an interest to stay up to date\b")
# The request for tips that closes a crime story ("Anyone with information is asked to call the TIPS Hotline at
# 816-474-8477.", "... you may call Crime Stoppers"): the article's appeal to its readers, no news.
TIP_LINE = re.compile(r"\b(?:[Aa]nyone (?:with|who has)|[Ii]f you have) (?:any |more )?information\b.{0,80}"
                      r"\b(?:call|contact)"
                      r"|\b[Cc]rime ?[Ss]toppers\b", re.DOTALL)
# A warning to the page's readers: "Contains spoilers for Game of Thrones Season 6."
SPOILERS = re.compile(r"^(?:This (?:article|story|post|review) )?(?:[Cc]ontains|[Ww]arning:?) "
                      r"(?:major |some )?spoilers\b")
# Where someone stands in a photo, in a caption left in the text: "Shane Bauer (2nd L), Sarah Shourd (3rd L) and ...
# sit with their mothers". (A sentence, not its paragraph: "(left)" may sit in a paragraph of prose.)
PHOTO_POSITION = re.compile(r"\((?:(?:\d(?:st|nd|rd|th)|far) )?[LRC]\)|\((?:L-R|R-L|left|right|center|centre)\)")
# Social posts ("#newsnotnoise", "@realDonaldTrump") and asides wholly in parentheses.
POST = re.compile(r"(?:^|\s)[#@]\w")
ASIDE = re.compile(r"^\(.*\)\.?$")


def _quotes_balanced(text: str) -> bool:
    """Every quotation opened is closed: straight, curly and wire-style (``...'') double quotes."""
    return (text.count('"') % 2 == 0 and text.count("“") == text.count("”")
            and text.count("``") == text.count("''"))


# A sentence in capitals throughout (a broadcast transcript, a shouted caption) is not how a brief reads; scripts
# without case are not affected.
SHOUTED_LETTERS = 20


def _shouted(text: str) -> bool:
    if any(map(str.islower, text)):  # most sentences: the first lower-case letter settles it
        return False
    return sum(map(str.isupper, text)) >= SHOUTED_LETTERS


def _has_letters(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return letters >= 0.5 * len(text.replace(" ", ""))


def can_stand_alone(sentence: Sentence, min_words: int, max_words: int) -> bool:
    """True for a complete, clean sentence of reasonable length, not the inner or last sentence of a quotation nor
    the first of an answer (its question is no brief sentence)."""
    text = sentence.text
    return (
        not sentence.quoted
        and not sentence.answer
        and min_words <= sentence.words <= max_words
        and ENDS_SENTENCE.search(text) is not None
        and TRUNCATED.search(text) is None
        and STARTS_WELL.match(text) is not None
        and MARKUP.search(text) is None
        and STILL_GLUED.search(readable(text)) is None
        and not is_caption(text)
        and _quotes_balanced(text)
        and BARE_QUOTE.match(text) is None
        and not (("#" in text or "@" in text) and POST.search(text))
        and ASIDE.match(text) is None
        and POINTS_AT_PAGE.search(text) is None
        and not (")" in text and PHOTO_POSITION.search(text))
        and not (("nformation" in text or "toppers" in text) and TIP_LINE.search(text))
        and SPOILERS.match(text) is None
        and _has_letters(text)
        and not _shouted(text)
    )


STATEMENT_END = re.compile(r"[.!?。！？][\"”’')\]」』]*$")


def is_statement(sentence: Sentence) -> bool:
    """Ends like a sentence: not a headline, label or fragment, so it can vouch for a fact."""
    return STATEMENT_END.search(sentence.text) is not None and _has_letters(sentence.text)


# The fallback's floor: a short statement, not a lone label ("Share", "Read More") or a run of one token.
MIN_USABLE_WORDS = 3
LONGEST_WORD = 40


def can_be_used(sentence: Sentence) -> bool:
    """The fallback when no sentence stands alone: a sentence with words in it, at least three of them (or a
    sentence of a script without spaces), none of them tens of characters long."""
    text = sentence.text
    if not _has_letters(text) or "**" in text:
        return False
    if UNSPACED_RUN.search(text):
        return True
    tokens = [token for token in text.split() if any(map(str.isalpha, token))]
    return len(tokens) >= MIN_USABLE_WORDS and max(map(len, tokens)) <= LONGEST_WORD


# "He hailed ...", "This news comes after ...", "That forced NASA to ...", "His hands ...", "But the eviction had not
# happened ...": the sentence needs the one before it to be understood. ("It" often stands for nothing: "It is unclear
# whether ...".)
LEANS_ON_CONTEXT = re.compile(r"[\"“‘']?(?:He|She|They|This|That|These|Those|His|Her|Its|Their|But|However|And|Yet|"
                              r"Still|Also|Instead|Meanwhile|Then|So|Otherwise)\b")


def leans_on_context(sentence: Sentence) -> bool:
    return LEANS_ON_CONTEXT.match(sentence.text) is not None


# "Medlin said it was hard to understand her.", "Gonzalez was charged with ...", "Boyle's attorney says ...": a sentence
# that opens with one name and a verb (of saying, an auxiliary, "allegedly"), a comma or a possessive names someone the
# article may have introduced in full before ("Shift Supervisor Tim Medlin").
NAME_OPENING = re.compile(r"[\"“‘']?([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?:,\s|['’]s\s|\s+(?:said|says|told|tells|added|adds|"
                          r"wrote|writes|noted|explained|recalled|argued|warned|testified|insisted|was|is|has|had|"
                          r"will|would|could|can|did|does|allegedly|also|then|later|reportedly)\b)")


# Groups and roles, which open sentences the same way ("Police said ...") and are not someone introduced by name.
GROUPS = frozenset("""police officials authorities prosecutors investigators officers doctors residents witnesses
experts analysts critics researchers scientists sources others some many both everyone nobody spokesmen
organizers organisers lawyers attorneys relatives neighbors neighbours friends family parents students""".split())


def opening_name(sentence: Sentence) -> str | None:
    """The single name a sentence opens with, when it opens "Medlin said ..." or "Medlin, 52, ..."; None otherwise."""
    match = NAME_OPENING.match(sentence.text)
    if match is None or match.group(1).lower() in STOPWORDS or match.group(1).lower() in GROUPS:
        return None
    return match.group(1)


def introduces(sentence: Sentence, name: str) -> bool:
    """Does the sentence name `name` with a first name or title before it ("Tim Medlin", "Sgt. Medlin")?"""
    return re.search(r"\b[A-Z][\w.'’-]*\s+(?:[A-Z]\.\s+)?" + re.escape(name) + r"\b", sentence.text) is not None
