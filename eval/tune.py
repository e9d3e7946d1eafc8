"""python -m eval.tune --data FILE.jsonl --grid "diversity=0.3,0.5 relevance_weight=1,2" [--max-words 100,250]

Scores the brief under every combination of the given settings (fields of summarizer.Settings) at each length, two
combinations at a time; with --baseline, each row also gets its paired 95% interval against the defaults. Used to
choose the defaults; docs/quality.md says which choices were within noise.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from multiprocessing import get_context

import numpy as np

from summarizer import DEFAULT_SETTINGS, summarize

from .data import load_clusters
from .scoring import paired_interval, score_summary

_clusters = []


def _typed(value: str, default):
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if default is None:
        return None if value == "None" else float(value)
    return type(default)(value)


def parse_grid(text: str) -> list[dict]:
    axes = []
    for item in text.split():
        name, _, values = item.partition("=")
        if not hasattr(DEFAULT_SETTINGS, name):
            raise SystemExit(f"error: {name} is not a setting (see summarizer/config.py)")
        default = getattr(DEFAULT_SETTINGS, name)
        axes.append([(name, _typed(value, default)) for value in values.split(",")])
    return [dict(combination) for combination in itertools.product(*axes)]


def _load(path: str, limit: int | None) -> None:
    _clusters.extend(load_clusters(path, limit))


def run(job: tuple[dict, int]) -> tuple[dict, int, np.ndarray]:
    """Per-cluster (R-1 F1, R-2 F1, R-1 R, R-2 R) of the brief under these settings and length."""
    changes, max_words = job
    settings = DEFAULT_SETTINGS.replace(**changes)
    rows = []
    for cluster in _clusters:
        documents = [d for d in cluster.documents if d.strip()]
        text = summarize(documents, max_words=max_words, query=cluster.query, settings=settings).text if documents else ""
        score = score_summary(text, cluster.references, max_words)
        rows.append((score["rouge1"].fmeasure, score["rouge2"].fmeasure, score["rouge1"].recall, score["rouge2"].recall))
    return changes, max_words, np.array(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.tune", description=__doc__.splitlines()[2])
    parser.add_argument("--data", required=True)
    parser.add_argument("--grid", default="", help="space-separated name=v1,v2 pairs of Settings fields")
    parser.add_argument("--max-words", default="100,250", help="comma-separated lengths")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--baseline", action="store_true", help="also run the defaults and compare each row with them")
    args = parser.parse_args(argv)
    grid = parse_grid(args.grid) if args.grid else []
    if args.baseline or not grid:
        grid = [{}] + grid
    lengths = [int(value) for value in args.max_words.split(",")]
    jobs = [(changes, words) for changes in grid for words in lengths]
    with get_context("fork").Pool(args.processes, initializer=_load, initargs=(args.data, args.limit)) as pool:
        results = {(repr(changes), words): rows for changes, words, rows in pool.imap(run, jobs)}
    print("| settings | words | R-1 F1 | R-2 F1 | R-1 R | R-2 R | R-2 F1 vs defaults |")
    print("|---|---|---|---|---|---|---|")
    for changes in grid:
        for words in lengths:
            rows = results[(repr(changes), words)]
            mean = rows.mean(axis=0)
            versus = ""
            if (repr({}), words) in results and changes:
                difference, low, high = paired_interval(rows[:, 1], results[(repr({}), words)][:, 1])
                versus = f"{difference:+.2f} ({low:+.2f} to {high:+.2f})"
            label = " ".join(f"{k}={v}" for k, v in changes.items()) or "defaults"
            print(f"| {label} | {words} | {mean[0]:.2f} | {mean[1]:.2f} | {mean[2]:.2f} | {mean[3]:.2f} | {versus} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
