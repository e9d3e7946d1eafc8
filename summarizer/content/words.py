"""Words as content selection counts them: lower-cased, stemmed, figures kept whole ("11,000", "3.5%")."""

from __future__ import annotations

import functools
import re

from nltk.stem.porter import PorterStemmer

# A figure with its separators, or a run of letters with inner apostrophes ("Korea's").
TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*")
# Scripts written without spaces between words (Chinese; Japanese kana and kanji; Thai): a run of them is read as its
# overlapping pairs of characters, the usual terms for such text. (Korean is written with spaces.)
UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]+")
# Longer "words" are not words (URLs, glued junk): they are left out rather than stemmed and cached.
LONGEST_WORD = 30

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each even few for from further get got had has have having he her
here hers herself him himself his how i if in into is it its itself just last like many may me might more most much
mr mrs ms my myself new no nor not now of off on once one only or other our ours ourselves out over own said same
say says she should so some still such than that the their theirs them themselves then there these they this those
through to told too two under until up us very was we well were what when where which while who whom why will with
would year years yet you your yours yourself yourselves
""".split())

_stemmer = PorterStemmer()


@functools.lru_cache(maxsize=65_536)
def _cached_stem(word: str) -> str:
    return _stemmer.stem(word)


def stem(word: str) -> str:
    """Porter's stem of `word`; a "word" longer than LONGEST_WORD is returned as it is, never cached, so the cache
    holds at most 65,536 entries of at most LONGEST_WORD characters (a few MB)."""
    return _cached_stem(word) if len(word) <= LONGEST_WORD else word


def character_pairs(word: str) -> list[str]:
    """Overlapping pairs of characters ("東京都" -> "東京", "京都"); a single character as it is."""
    return [word[start:start + 2] for start in range(max(1, len(word) - 1))]


def tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(stem, is a stopword, is capitalized) for each word and figure of `text`, in order."""
    found = []
    for original in TOKEN.findall(text):
        read = _read_word(original) if len(original) <= LONGEST_WORD + 2 else None
        if read is not None:
            found.append(read)
        elif UNSPACED_RUN.search(original):
            found.extend((pair, False, False) for pair in character_pairs(original.lower()))
    return found


@functools.lru_cache(maxsize=65_536)
def _read_word(original: str) -> tuple[str, bool, bool] | None:
    """`tokens` for one word as written (at most LONGEST_WORD + 2 characters, so the cache stays a few MB); None
    for a run of unspaced script (read as pairs of characters) or a word too long to be one."""
    if UNSPACED_RUN.search(original):
        return None
    word = original.lower().removesuffix("'s").removesuffix("’s")
    if len(word) > LONGEST_WORD:
        return None
    stop = word in STOPWORDS
    return (stem(word) if word[0].isalpha() else word, stop, original[0].isupper() and not stop)


def _name_runs(words: list[tuple[str, bool, bool]]) -> list[int]:
    """For each word, the number of the run of capitalized words it belongs to ("Russian President Vladimir
    Putin"), or -1. A run is two words or more, or one word that does not open the sentence."""
    runs = [-1] * len(words)
    start = None
    for index in range(len(words) + 1):
        capital = index < len(words) and words[index][2]
        if capital and start is None:
            start = index
        elif not capital and start is not None:
            if index - start >= 2 or start > 0:
                for member in range(start, index):
                    runs[member] = start
            start = None
    return runs


def content_units(text: str) -> tuple[set[tuple[str, ...]], set[str], frozenset[str]]:
    """The pairs and single words that carry a sentence's content, and all its content stems (names included).

    Pairs are adjacent stems that are not both stopwords; a name ("Russian President Vladimir Putin") is one unit,
    ("@", its last word), not the several pairs and words it is made of, so a sentence is not worth more for
    spelling out a name every article repeats. Single words are the content stems outside names.
    """
    words = tokens(text)
    runs = _name_runs(words)
    pairs: set[tuple[str, ...]] = set()
    singles: set[str] = set()
    content: set[str] = set()
    # Each word with its run and the next word's (the last word has none: no run, no pair after it).
    for (word, stop, _), run, next_run, following in zip(words, runs, runs[1:] + [-2], words[1:] + [None]):
        if not stop and len(word) > 1:
            content.add(word)
            if run < 0:
                singles.add(word)
        if run >= 0 and next_run != run:
            pairs.add(("@", word))
        if following is not None and not (stop and following[1]) and not (run >= 0 and run == next_run):
            pairs.add((word, following[0]))
    return pairs, singles, frozenset(content)


# A name after a word of place ("in Kursk", "to the Kursk region", "from eastern Russia"), or before one
# ("the Kursk region"): where something happened.
# Each name word is taken whole and bounded (possessive {1,40}+) and starts at a word's start, so a search costs a
# bounded amount per position whatever the text ("A-A-A-A..." in one word).
PLACE_NAME = r"(?<![\w'’-])((?:[A-Z][\w'’-]{1,40}+\s+){0,2}[A-Z][\w'’-]{1,40}+)"
PLACE = re.compile(
    r"\b(?:in|to|from|near|into|across|at|outside|inside|toward|towards)\s+(?:the\s+|eastern\s+|western\s+|"
    r"northern\s+|southern\s+|central\s+)?" + PLACE_NAME +
    r"|" + PLACE_NAME + r"\s+(?:region|province|state|city|county|oblast|district|valley)\b"
)


def place_units(text: str) -> set[tuple[str, str]]:
    """("@where", stem of the place's last word) for each place a sentence names."""
    found = set()
    for match in PLACE.finditer(text):
        last = (match.group(1) or match.group(2)).split()[-1].lower().removesuffix("'s").removesuffix("’s")
        if last not in STOPWORDS and len(last) <= LONGEST_WORD:
            found.add(("@where", stem(last)))
    return found
