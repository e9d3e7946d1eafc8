"""python -m eval.timeline [--sets eval/timeline_sets.jsonl] [--max-entries 8]

Dated sets for timelines: each article with the day it was published and, for its sentences that report something
dated otherwise, that date (a day "2025-09-07", a month "2024-10" or a year); every other sentence is dated by its
article. Prints, per set, the timeline and how many of its entries' sentences carry the right date, and how many of
all the labelled sentences the engine dates right (whether chosen or not).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from summarizer import Summarizer
from summarizer.reading.dates import When, event_date
from summarizer.reading.documents import normalize_documents
from summarizer.reading.samples import sample_documents
from summarizer.reading.sentences import normalize_space, split_articles

SETS = Path(__file__).resolve().parent / "timeline_sets.jsonl"


@dataclass(frozen=True)
class DatedSet:
    id: str
    documents: list[dict]
    labels: list[list[tuple[str, str]]]  # per article: (sentence start, ISO date)

    def expected(self, document: int, text: str) -> str:
        """The date a sentence of article `document` should be placed at."""
        sentence = normalize_space(text)
        for start, date in self.labels[document]:
            if sentence.startswith(normalize_space(start)):
                return date
        return self.documents[document]["published"][:10]


def load_sets(path: str | Path = SETS) -> list[DatedSet]:
    sets = []
    samples = {document["id"]: document["text"] for document in sample_documents()}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        documents, labels = [], []
        for article in record["articles"]:
            text = samples[article["seed"].removesuffix(".txt")] if "seed" in article else article["text"]
            documents.append({"text": text, "published": article["published"],
                              **{key: article[key] for key in ("id", "title", "source") if key in article}})
            labels.append([tuple(pair) for pair in article["dates"]])
        sets.append(DatedSet(record["id"], documents, labels))
    return sets


def entry_dates(dated: DatedSet, timeline) -> list[tuple[str, str, str]]:
    """(entry date, expected date, sentence) for every sentence of the timeline."""
    index = {document.id: number for number, document in enumerate(timeline.documents)}
    return [(entry.date, dated.expected(index[sentence.document_id], sentence.text), sentence.display)
            for entry in timeline.entries for sentence in entry.sentences]


def sentence_dates(dated: DatedSet) -> list[tuple[str, str, str]]:
    """(engine's date, expected date, sentence) for every sentence of the set's articles."""
    articles = normalize_documents(dated.documents)
    rows = []
    for sentence in split_articles(articles):
        published = articles[sentence.document].date
        when = event_date(sentence.text, published) or When(published, "day")
        rows.append((when.iso, dated.expected(sentence.document, sentence.text), normalize_space(sentence.text)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.timeline", description=__doc__.splitlines()[2])
    parser.add_argument("--sets", default=str(SETS))
    parser.add_argument("--max-entries", type=int, default=8)
    args = parser.parse_args(argv)
    try:
        sets = load_sets(args.sets)
    except (OSError, ValueError, KeyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    summarizer = Summarizer()
    for dated in sets:
        timeline = summarizer.timeline(dated.documents, max_entries=args.max_entries)
        print(f"## {dated.id}\n\n{timeline.to_text()}\n")
        rows = entry_dates(dated, timeline)
        wrong = [row for row in rows if row[0] != row[1]]
        print(f"entries: {len(timeline.entries)}; sentences dated right: {len(rows) - len(wrong)} of {len(rows)}")
        for got, expected, text in wrong:
            print(f"  placed at {got}, expected {expected}: {text[:100]}")
        every = sentence_dates(dated)
        missed = [row for row in every if row[0] != row[1]]
        print(f"all sentences dated right: {len(every) - len(missed)} of {len(every)}")
        for got, expected, text in missed:
            print(f"  dated {got}, expected {expected}: {text[:100]}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
