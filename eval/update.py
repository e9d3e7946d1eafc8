"""python -m eval.update --data FILE.jsonl [--max-words 100,250] [--min-articles 4] [--set name=value ...]

Update briefs against plain briefs. Each cluster of at least --min-articles articles is split in two: its first half
is what the reader has seen, the rest is new. Side by side, per budget: `summarize(new)` (plain) and
`summarize(new, seen=first half)` (update), with
- seen share: of the brief's content units, the share the seen articles already state (lower is better);
- new-content recall: of the reference's content units that the new articles state and the seen ones do not, the
  share the brief covers (the update task's question: does the brief hold what is new?);
- ROUGE-1 and ROUGE-2 F1 against the reference (it summarizes the whole cluster, so it should not collapse);
- time: the update brief's time over the plain brief's, per cluster (median).
Every difference with its paired 95% bootstrap interval. A content unit is a pair of adjacent words, stemmed as
ROUGE stems them, neither of them a stopword (scikit-learn's English list): independent of the engine's own units.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from rouge_score.tokenizers import DefaultTokenizer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from summarizer import Settings, Summarizer

from .bench import forget_texts
from .data import Cluster, load_clusters
from .scoring import paired_interval, score_summary, truncate

_tokenizer = DefaultTokenizer(use_stemmer=True)
_plain_tokenizer = DefaultTokenizer(use_stemmer=False)


def content_units(text: str) -> set[tuple[str, str]]:
    """Adjacent word pairs, stemmed, neither a stopword."""
    words = _plain_tokenizer.tokenize(text)
    stems = _tokenizer.tokenize(text)
    if len(words) != len(stems):  # the stemmer drops nothing; kept safe all the same
        words = stems
    content = [None if word in ENGLISH_STOP_WORDS else stem for word, stem in zip(words, stems)]
    return {(a, b) for a, b in zip(content, content[1:]) if a is not None and b is not None}


def split(cluster: Cluster) -> tuple[list[str], list[str]]:
    """(seen, new): the first half of the cluster's non-empty articles, and the rest."""
    documents = [document for document in cluster.documents if document.strip()]
    half = len(documents) // 2
    return documents[:half], documents[half:]


def measure(cluster: Cluster, summarizer: Summarizer, max_words: int) -> dict:
    seen, new = split(cluster)
    forget_texts(summarizer.encoder)  # before each brief: neither is timed on what the other read or embedded
    began = time.perf_counter()
    plain = summarizer.summarize(new, max_words=max_words)
    forget_texts(summarizer.encoder)
    middle = time.perf_counter()
    update = summarizer.summarize(new, seen=seen, max_words=max_words)
    ended = time.perf_counter()
    known = set().union(*(content_units(document) for document in seen))
    stated = set().union(*(content_units(document) for document in new))
    reference = set().union(*(content_units(text) for text in cluster.references))
    novel = (reference & stated) - known
    row = {"id": cluster.id, "seconds": {"plain": middle - began, "update": ended - middle}}
    for name, brief in (("plain", plain), ("update", update)):
        units = content_units(truncate(brief.text, max_words))
        scores = score_summary(brief.text, cluster.references, max_words)
        row[name] = {
            "summary": brief.text,
            "seen_share": 100 * len(units & known) / len(units) if units else None,
            "new_recall": 100 * len(units & novel) / len(novel) if novel else None,
            "rouge1_f": scores["rouge1"].fmeasure,
            "rouge2_f": scores["rouge2"].fmeasure,
        }
    return row


def report(rows: list[dict], max_words: int) -> list[str]:
    lines = [f"### {max_words} words, {len(rows)} clusters",
             "| measure | plain | update | update minus plain (95% CI) |", "|---|---|---|---|"]
    for key, label in (("seen_share", "seen share, % (lower is better)"),
                       ("new_recall", "new-content recall, %"), ("rouge1_f", "ROUGE-1 F1"),
                       ("rouge2_f", "ROUGE-2 F1")):
        pairs = [(row["plain"][key], row["update"][key]) for row in rows
                 if row["plain"][key] is not None and row["update"][key] is not None]
        plain, update = [p for p, _ in pairs], [u for _, u in pairs]
        mean, low, high = paired_interval(update, plain)
        lines.append(f"| {label} | {np.mean(plain):.2f} | {np.mean(update):.2f} | "
                     f"{mean:+.2f} ({low:+.2f} to {high:+.2f}) |")
    ratio = [row["seconds"]["update"] / max(row["seconds"]["plain"], 1e-9) for row in rows]
    plain_ms = np.median([row["seconds"]["plain"] for row in rows]) * 1000
    update_ms = np.median([row["seconds"]["update"] for row in rows]) * 1000
    lines.append(f"| time, median ms | {plain_ms:.0f} | {update_ms:.0f} | "
                 f"update / plain per cluster: median {np.median(ratio):.2f} |")
    return lines


def parse_settings(pairs: list[str]) -> Settings:
    changes = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        default = getattr(Settings(), name)
        changes[name] = type(default)(value) if default is not None else float(value)
    return Settings().replace(**changes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.update", description=__doc__.splitlines()[2])
    parser.add_argument("--data", required=True, help="JSONL clusters with references")
    parser.add_argument("--max-words", default="100,250", help="budgets, comma-separated")
    parser.add_argument("--min-articles", type=int, default=4, help="clusters with at least this many articles")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="an engine setting to try (e.g. seen_weight=0.5)")
    parser.add_argument("--out", default=None, help="write every summary and score here (JSONL)")
    args = parser.parse_args(argv)
    try:
        budgets = [int(value) for value in args.max_words.split(",")]
        settings = parse_settings(args.set)
        clusters = [cluster for cluster in load_clusters(args.data)
                    if sum(1 for document in cluster.documents if document.strip()) >= args.min_articles]
    except (OSError, ValueError, AttributeError, TypeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not clusters:
        print(f"error: no cluster in {args.data} has {args.min_articles} or more articles", file=sys.stderr)
        return 2
    summarizer = Summarizer(settings)
    summarizer.summarize(list(clusters[0].documents))  # the model loaded before anything is timed
    output = open(args.out, "w", encoding="utf-8") if args.out else None
    print(f"{Path(args.data).name}: {len(clusters)} clusters of {args.min_articles}+ articles, first half seen")
    for max_words in budgets:
        rows = [measure(cluster, summarizer, max_words) for cluster in clusters]
        if output:
            for row in rows:
                output.write(json.dumps({"max_words": max_words, **row}, ensure_ascii=False) + "\n")
        print("\n".join(report(rows, max_words)))
    if output:
        output.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
