"""python -m eval.tune --data FILE.jsonl --grid "diversity=0.3,0.5 position_weight=0,0.5" [--max-words N] [--limit K]

Scores the brief under every combination of the given settings (see summarizer/config.py), in one process so
each sentence is embedded once; the table is sorted by ROUGE-2 F1. Used to choose the defaults.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time

import numpy as np
from tqdm import tqdm

from summarizer import DEFAULT_SETTINGS, summarize

from .data import load_clusters
from .scoring import score_summary


def _typed(value: str, default):
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return type(default)(value) if default is not None else float(value)


def parse_grid(text: str) -> list[dict]:
    axes = []
    for item in text.split():
        name, _, values = item.partition("=")
        default = getattr(DEFAULT_SETTINGS, name)
        axes.append([(name, _typed(value, default)) for value in values.split(",")])
    return [dict(combination) for combination in itertools.product(*axes)]


def run(clusters, settings, max_words: int) -> tuple[float, float, float, float]:
    scores = []
    began = time.perf_counter()
    for cluster in clusters:
        documents = [d for d in cluster.documents if d.strip()]
        text = summarize(documents, max_words=max_words, query=cluster.query, settings=settings).text if documents else ""
        result = score_summary(text, cluster.references, max_words)
        scores.append((result["rouge1"].fmeasure, result["rouge2"].fmeasure, result["rougeLsum"].fmeasure))
    return (*np.mean(scores, axis=0), time.perf_counter() - began)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.tune")
    parser.add_argument("--data", required=True)
    parser.add_argument("--grid", default="", help='space-separated name=v1,v2 pairs of Settings fields')
    parser.add_argument("--max-words", type=int, default=250)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    clusters = load_clusters(args.data, args.limit)
    grid = parse_grid(args.grid) if args.grid else [{}]
    rows = []
    for changes in tqdm(grid, file=sys.stderr):
        r1, r2, rl, seconds = run(clusters, DEFAULT_SETTINGS.replace(**changes), args.max_words)
        rows.append((r2, r1, rl, seconds, changes))
        print(f"R-1 {r1:.2f}  R-2 {r2:.2f}  R-Lsum {rl:.2f}  {seconds:.0f}s  {changes}", file=sys.stderr, flush=True)
    print("| R-1 F1 | R-2 F1 | R-Lsum F1 | settings |\n|---|---|---|---|")
    for r2, r1, rl, _, changes in sorted(rows, key=lambda row: -row[0]):
        print(f"| {r1:.2f} | {r2:.2f} | {rl:.2f} | {' '.join(f'{k}={v}' for k, v in changes.items()) or 'defaults'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
