"""python -m eval.unrelated --data FILE.jsonl [--seed 0]

How well `summarize()` tells an article about another story from the rest (its "related" stage,
`summarizer.stories.grouping.unrelated_articles`): each cluster of two articles or more gets one article of another cluster
slipped in (drawn with the seed), and the check runs on the articles as `summarize()` splits them. Reported for the
settings in use and for the similarity floor alone (`unrelated_share=0`):
- intruders caught: the slipped-in article left out;
- real articles also left out: others left out of the same clusters;
- clean clusters: articles left out of the clusters as they are (three articles or more), which should be few;
- "different stories": clusters where no two articles looked related, so nothing was left out.
"""

from __future__ import annotations

import argparse
import random
import sys

from summarizer.config import DEFAULT_SETTINGS
from summarizer.reading.documents import normalize_documents
from summarizer.reading.sentences import split_articles
from summarizer.stories.grouping import unrelated_articles

from .data import load_clusters


def left_out(texts: list[str], floor: float, share: float) -> tuple[list[int], bool]:
    articles = normalize_documents(texts)
    return unrelated_articles(split_articles(articles), len(articles), floor, share)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.unrelated", description=__doc__.splitlines()[2])
    parser.add_argument("--data", required=True)
    parser.add_argument("--seed", type=int, default=0, help="which article of which other cluster is slipped in")
    args = parser.parse_args(argv)
    clusters = [list(cluster.documents) for cluster in load_clusters(args.data)]
    if len(clusters) < 2:
        parser.error("the file needs two clusters or more")
    draw = random.Random(args.seed)
    slipped = []
    for number in range(len(clusters)):
        other = draw.choice([k for k in range(len(clusters)) if k != number])
        slipped.append(draw.choice(clusters[other]))
    settings = DEFAULT_SETTINGS
    rows = [(f"in use ({settings.unrelated_similarity} or {settings.unrelated_share} of the others')",
             settings.unrelated_similarity, settings.unrelated_share),
            (f"floor alone ({settings.unrelated_similarity})", settings.unrelated_similarity, 0.0)]
    print("| check | intruders caught | real articles also left out | clean clusters: articles left out | "
          "different stories (with intruder / clean) |")
    print("|---|---|---|---|---|")
    for name, floor, share in rows:
        caught = also = tried = clean_out = clean_articles = scattered = clean_scattered = 0
        for texts, intruder in zip(clusters, slipped):
            if len(texts) < 2:
                continue
            tried += 1
            lonely, different = left_out(texts + [intruder], floor, share)
            caught += len(texts) in lonely
            also += sum(1 for index in lonely if index != len(texts))
            scattered += bool(different)
            if len(texts) >= 3:
                lonely, different = left_out(texts, floor, share)
                clean_out += len(lonely)
                clean_articles += len(texts)
                clean_scattered += bool(different)
        print(f"| {name} | {caught} of {tried} | {also} | {clean_out} of {clean_articles} | "
              f"{scattered} / {clean_scattered} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
