"""python -m eval.compare BEFORE/summaries.jsonl AFTER/summaries.jsonl [--system brief]

Paired comparison of two runs of `eval.rouge` on the same clusters (say, the default before and after a change):
the mean per-cluster difference of each measure and its 95% bootstrap interval. A change whose interval holds zero
is within noise.
"""

from __future__ import annotations

import argparse
import json
import sys

from .scoring import paired_interval

MEASURES = ("rouge1_f", "rouge2_f", "rougeLsum_f", "rouge1_r", "rouge2_r")


def read_scores(path: str, system: str) -> dict[str, dict]:
    scores = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("system") == system and "scores" in row:
                scores[row["id"]] = row["scores"]
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.compare", description=__doc__.splitlines()[2])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--system", default="brief")
    args = parser.parse_args(argv)
    try:
        before, after = read_scores(args.before, args.system), read_scores(args.after, args.system)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    ids = sorted(set(before) & set(after))
    if not ids:
        print(f"error: no clusters of system {args.system!r} in both files", file=sys.stderr)
        return 2
    print(f"{len(ids)} clusters; after minus before, mean and paired 95% interval")
    for measure in MEASURES:
        mean, low, high = paired_interval([after[i][measure] for i in ids], [before[i][measure] for i in ids])
        verdict = "gain" if low > 0 else "loss" if high < 0 else "within noise"
        print(f"{measure:12s} {mean:+.2f} ({low:+.2f} to {high:+.2f})  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
