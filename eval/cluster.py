"""python -m eval.cluster --data FILE.jsonl [--seed 0] [--limit N] [--out DIR]

How well `digest()` groups articles into stories: every article of an evaluation file, shuffled, in one call; the
grouping scored against the file's clusters (B-cubed precision, recall and F1, adjusted Rand index, V-measure, the
number of stories), beside a TF-IDF baseline through the same clustering (plain TF-IDF of the whole text, the same
average-link threshold, without the furniture check or the attaching of lone articles).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score, v_measure_score

from summarizer import digest
from summarizer.stories import cluster, tfidf_similarity

from .data import load_clusters


def bcubed(predicted: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    precision = recall = 0.0
    for index in range(len(gold)):
        same_predicted, same_gold = predicted == predicted[index], gold == gold[index]
        both = float((same_predicted & same_gold).sum())
        precision += both / same_predicted.sum()
        recall += both / same_gold.sum()
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def scores(predicted: np.ndarray, gold: np.ndarray) -> dict:
    precision, recall, f1 = bcubed(predicted, gold)
    return {"bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4), "bcubed_f1": round(f1, 4),
            "ari": round(adjusted_rand_score(gold, predicted), 4), "v_measure": round(v_measure_score(gold, predicted), 4),
            "stories": int(len(set(predicted.tolist()))), "true_stories": int(len(set(gold.tolist())))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed (default 0)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--out", default=None, help="write results.json here")
    args = parser.parse_args(argv)
    clusters = load_clusters(args.data)[: args.limit]
    articles = [(text, number) for number, found in enumerate(clusters) for text in found.documents]
    random.Random(args.seed).shuffle(articles)
    gold = np.array([number for _, number in articles])
    documents = [{"id": f"a{index}", "text": text} for index, (text, _) in enumerate(articles)]
    began = time.perf_counter()
    result = digest(documents)
    seconds = time.perf_counter() - began
    story_of = {document_id: number for number, story in enumerate(result.stories) for document_id in story.document_ids}
    predicted = np.array([story_of[document["id"]] for document in documents])
    baseline = cluster(tfidf_similarity([text for text, _ in articles]), attach=None)
    report = {"data": args.data, "articles": len(articles), "seconds": round(seconds, 1),
              "digest": scores(predicted, gold), "tfidf": scores(baseline, gold)}
    print(f"{Path(args.data).name}: {len(articles)} articles of {len(clusters)} clusters, shuffled (seed {args.seed}); "
          f"digest() in {seconds:.1f} s")
    print("| system | B-cubed P | B-cubed R | B-cubed F1 | ARI | V-measure | stories |")
    print("|---|---|---|---|---|---|---|")
    for name in ("digest", "tfidf"):
        row = report[name]
        print(f"| {name} | {row['bcubed_precision']:.3f} | {row['bcubed_recall']:.3f} | {row['bcubed_f1']:.3f} | "
              f"{row['ari']:.3f} | {row['v_measure']:.3f} | {row['stories']} (of {row['true_stories']}) |")
    if args.out:
        Path(args.out).mkdir(parents=True, exist_ok=True)
        (Path(args.out) / "results.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
