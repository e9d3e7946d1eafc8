"""python -m eval.rouge --data FILE.jsonl [--max-words N] [--systems a,b] [--out DIR] [--limit K]

Scores every system's summaries against the human references with ROUGE, side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

from .data import load_clusters
from .scoring import METRICS, bootstrap_interval, paired_interval, score_summary
from .systems import SYSTEMS

LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeLsum": "R-Lsum"}


def evaluate(clusters, systems: list[str], max_words: int, progress: bool = True) -> tuple[dict, list[dict]]:
    """Per-system mean scores (and the R-2 F1 interval and time), and every summary written with its scores."""
    results, summaries = {}, []
    for name in systems:
        system = SYSTEMS[name]
        rows, elapsed = [], 0.0
        for cluster in tqdm(clusters, desc=name, disable=not progress, leave=False, file=sys.stderr):
            began = time.perf_counter()
            summary = system(cluster, max_words)
            elapsed += time.perf_counter() - began
            row = score_summary(summary, cluster.references, max_words)
            rows.append(row)
            summaries.append({"id": cluster.id, "system": name, "summary": summary,
                              "scores": {f"{m}_{k}": round(getattr(row[m], field), 4) for m in METRICS
                                         for k, field in (("f", "fmeasure"), ("r", "recall"))}})
        result = {"clusters": len(rows), "seconds": round(elapsed, 2)}
        for metric in METRICS:
            result[f"{metric}_f"] = float(np.mean([row[metric].fmeasure for row in rows]))
            result[f"{metric}_r"] = float(np.mean([row[metric].recall for row in rows]))
        result["rouge2_f_ci"] = bootstrap_interval([row["rouge2"].fmeasure for row in rows])
        results[name] = result
    return results, summaries


def paired_table(summaries: list[dict], reference: str) -> str:
    """`reference` minus each other system, per cluster: the mean difference and its paired 95% interval."""
    by_system: dict[str, dict[str, dict]] = {}
    for row in summaries:
        by_system.setdefault(row["system"], {})[row["id"]] = row["scores"]
    ours = by_system[reference]
    lines = [f"| {reference} minus | R-1 F1 | R-2 F1 | R-1 R | R-2 R |", "|---|---|---|---|---|"]
    for name, theirs in by_system.items():
        if name == reference:
            continue
        ids = sorted(set(ours) & set(theirs))
        cells = []
        for key in ("rouge1_f", "rouge2_f", "rouge1_r", "rouge2_r"):
            mean, low, high = paired_interval([ours[i][key] for i in ids], [theirs[i][key] for i in ids])
            cells.append(f"{mean:+.2f} ({low:+.2f} to {high:+.2f})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table(results: dict) -> str:
    header = ["system"] + [f"{LABELS[m]} {kind}" for m in METRICS for kind in ("F1", "R")] + ["R-2 F1 95% CI", "seconds"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, result in results.items():
        cells = [name] + [f"{result[f'{m}_{k}']:.2f}" for m in METRICS for k in ("f", "r")]
        low, high = result["rouge2_f_ci"]
        cells += [f"{low:.2f}–{high:.2f}", f"{result['seconds']:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def chart(results: dict, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results)
    width = 0.8 / len(METRICS)
    figure, axes = plt.subplots(figsize=(1.6 * len(names) + 2, 4))
    for offset, metric in enumerate(METRICS):
        values = [results[name][f"{metric}_f"] for name in names]
        positions = np.arange(len(names)) + (offset - 1) * width
        bars = axes.bar(positions, values, width, label=f"{LABELS[metric]} F1")
        axes.bar_label(bars, fmt="%.1f", fontsize=7)
    axes.set_xticks(np.arange(len(names)), names)
    axes.set_ylabel("ROUGE F1 (%)")
    axes.set_title(title)
    axes.set_ylim(0, 1.25 * max(results[name][f"{m}_f"] for name in names for m in METRICS))
    axes.legend(loc="upper center", ncol=len(METRICS), fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.rouge", description=__doc__.splitlines()[2])
    parser.add_argument("--data", required=True, help="JSONL clusters with references")
    parser.add_argument("--max-words", type=int, default=250, help="summary length; summaries are cut here")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated, from {', '.join(SYSTEMS)}")
    parser.add_argument("--out", default="eval/out", help="folder for summaries.jsonl, results.json, rouge.png")
    parser.add_argument("--limit", type=int, default=None, help="only the first K clusters")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    systems = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = [name for name in systems if name not in SYSTEMS]
    if unknown or not systems:
        parser.error(f"unknown system(s): {', '.join(unknown) or '(none given)'}; choose from {', '.join(SYSTEMS)}")
    if args.max_words < 1:
        parser.error("--max-words must be at least 1")
    try:
        clusters = load_clusters(args.data, args.limit)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not clusters:
        print(f"error: {args.data} holds no clusters", file=sys.stderr)
        return 2

    results, summaries = evaluate(clusters, systems, args.max_words, progress=not args.quiet)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "summaries.jsonl", "w", encoding="utf-8") as file:
        for row in summaries:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
    report = {"data": str(args.data), "clusters": len(clusters), "max_words": args.max_words, "systems": results}
    (out / "results.json").write_text(json.dumps(report, indent=2))
    chart(results, out / "rouge.png", f"{Path(args.data).name}: {len(clusters)} clusters, {args.max_words} words")
    print(f"{Path(args.data).name}: {len(clusters)} clusters, summaries cut at {args.max_words} words")
    print(table(results))
    if len(systems) > 1:
        print()
        print(paired_table(summaries, systems[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
