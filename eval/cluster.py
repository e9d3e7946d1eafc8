"""python -m eval.cluster --data FILE.jsonl [--seed 0] [--limit N] [--out DIR] [--ceiling] [--stability]

How well `digest()` groups articles into stories: every article of an evaluation file, shuffled, in one call; the
grouping scored against the file's clusters (B-cubed precision, recall and F1, adjusted Rand index, V-measure, the
number of stories), beside a TF-IDF baseline through the same clustering (plain TF-IDF of the whole text, the same
average-link threshold, without the furniture check or the attaching of lone articles), and per size of story.

--ceiling: what the text allows. The file's stories rebuilt from only the links a text method could see: two
articles of one story are linked when their TF-IDF similarity (as the grouping computes it) is at least x, pages
without an article stay alone, nothing is merged wrongly. No grouping from the same evidence can score above it.

--stability: whether the thresholds hold when the pile changes. The grouping with each (merge distance, attach)
pair of a grid on parts of the file (stories of 1-3 articles, of 4 or more, two random halves of the stories), each
part grouped on its own (so TF-IDF is fitted on it), against the thresholds `digest()` uses.
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
from summarizer.config import DEFAULT_SETTINGS
from summarizer.reading.documents import normalize_documents
from summarizer.model.embedding import get_encoder
from summarizer.stories.grouping import (ATTACH_SIMILARITY, MERGE_DISTANCE, cluster, read_for_grouping, story_labels,
                                tfidf_similarity)

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


SIZE_BANDS = ((1, 1), (2, 3), (4, 5), (6, 10**9))
CEILING_LINKS = (0.0, 0.05, 0.10, 0.15)
PAIR_BANDS = (0.05, 0.10, 0.15, 0.18, 0.25, 1.01)
GRID_MERGE = (0.76, 0.80, 0.82, 0.84, 0.86, 0.90)
GRID_ATTACH = (0.05, 0.10, 0.15)


def by_story_size(predicted: np.ndarray, gold: np.ndarray) -> list[dict]:
    """B-cubed precision and recall of the articles of stories of each size band."""
    sizes = np.bincount(gold)[gold]
    rows = []
    for low, high in SIZE_BANDS:
        members = np.flatnonzero((sizes >= low) & (sizes <= high))
        if not len(members):
            continue
        precision = np.mean([((predicted == predicted[i]) & (gold == gold[i])).sum() / (predicted == predicted[i]).sum()
                             for i in members])
        recall = np.mean([((predicted == predicted[i]) & (gold == gold[i])).sum() / (gold == gold[i]).sum()
                          for i in members])
        band = str(low) if low == high else f"{low}+" if high > 10**8 else f"{low}-{high}"
        rows.append({"story_size": band, "stories": int(len(set(gold[members].tolist()))),
                     "articles": int(len(members)), "bcubed_precision": round(float(precision), 4),
                     "bcubed_recall": round(float(recall), 4)})
    return rows


def ceiling(junk: np.ndarray, bodies: list[str], gold: np.ndarray) -> tuple[list[dict], list[dict]]:
    """Scores of the gold stories rebuilt from the same-story links at each TF-IDF similarity floor; and how many
    pairs of articles (pages without an article aside) in each band of similarity are of one story or of two."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    kept = np.flatnonzero(~junk)
    similarity = np.full((len(gold), len(gold)), -1.0)
    similarity[np.ix_(kept, kept)] = tfidf_similarity([bodies[i] for i in kept])
    same = gold[:, None] == gold[None, :]
    rows = []
    for floor in CEILING_LINKS:
        links = same & (similarity >= floor)
        np.fill_diagonal(links, True)
        labels = connected_components(csr_matrix(links), directed=False)[1]
        rows.append({"link_at_least": floor, **scores(labels, gold)})
    upper = np.triu_indices(len(gold), 1)
    pair_similarity, pair_same = similarity[upper], same[upper]
    bands = [{"similarity_from": low, "similarity_below": high,
              "same_story": int((pair_same & (pair_similarity >= low) & (pair_similarity < high)).sum()),
              "different_stories": int((~pair_same & (pair_similarity >= low) & (pair_similarity < high)).sum())}
             for low, high in zip(PAIR_BANDS, PAIR_BANDS[1:])]
    return rows, bands


def stability(junk: np.ndarray, bodies: list[str], gold: np.ndarray, seed: int) -> list[dict]:
    """For each part of the file: B-cubed F1 / ARI at digest()'s thresholds and at the part's best grid point."""
    sizes = np.bincount(gold)[gold]
    stories = np.unique(gold)
    half = np.random.default_rng(seed).permutation(stories)[: len(stories) // 2]
    parts = {"all": np.arange(len(gold)), "stories of 1-3": np.flatnonzero(sizes <= 3),
             "stories of 4+": np.flatnonzero(sizes >= 4), "half A": np.flatnonzero(np.isin(gold, half)),
             "half B": np.flatnonzero(~np.isin(gold, half))}
    rows = []
    for name, members in parts.items():
        if len(members) < 2:
            continue
        grid = {}
        for merge in GRID_MERGE:
            for attach in GRID_ATTACH:
                labels = story_labels([bodies[i] for i in members], junk[members], merge, attach)
                grid[(merge, attach)] = scores(labels, gold[members])
        used = grid.get((MERGE_DISTANCE, ATTACH_SIMILARITY)) or scores(
            story_labels([bodies[i] for i in members], junk[members]), gold[members])
        best = max(grid, key=lambda key: grid[key]["bcubed_f1"])
        rows.append({"part": name, "articles": int(len(members)), "stories": int(len(set(gold[members].tolist()))),
                     "used_f1": used["bcubed_f1"], "used_ari": used["ari"], "best_f1": grid[best]["bcubed_f1"],
                     "best_ari": grid[best]["ari"], "best_merge_distance": best[0], "best_attach": best[1]})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed (default 0)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--out", default=None, help="write results.json here")
    parser.add_argument("--ceiling", action="store_true", help="also the best any grouping of the text could score")
    parser.add_argument("--stability", action="store_true", help="also the thresholds on parts of the file")
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
              "digest": scores(predicted, gold), "tfidf": scores(baseline, gold),
              "by_story_size": by_story_size(predicted, gold)}
    print(f"{Path(args.data).name}: {len(articles)} articles of {len(clusters)} clusters, shuffled (seed {args.seed}); "
          f"digest() in {seconds:.1f} s")
    print("| system | B-cubed P | B-cubed R | B-cubed F1 | ARI | V-measure | stories |")
    print("|---|---|---|---|---|---|---|")
    for name in ("digest", "tfidf"):
        row = report[name]
        print(f"| {name} | {row['bcubed_precision']:.3f} | {row['bcubed_recall']:.3f} | {row['bcubed_f1']:.3f} | "
              f"{row['ari']:.3f} | {row['v_measure']:.3f} | {row['stories']} (of {row['true_stories']}) |")
    print()
    print("| story size | stories | articles | B-cubed P | B-cubed R |")
    print("|---|---|---|---|---|")
    for row in report["by_story_size"]:
        print(f"| {row['story_size']} | {row['stories']} | {row['articles']} | {row['bcubed_precision']:.3f} | "
              f"{row['bcubed_recall']:.3f} |")
    if args.ceiling or args.stability:
        settings = DEFAULT_SETTINGS
        junk, bodies = read_for_grouping(normalize_documents(documents), get_encoder(settings),
                                         settings.furniture_threshold)
    if args.ceiling:
        report["ceiling"], report["pairs_by_similarity"] = ceiling(junk, bodies, gold)
        print()
        print("| ceiling: same-story links with TF-IDF similarity at least | B-cubed R | B-cubed F1 | ARI | stories |")
        print("|---|---|---|---|---|")
        for row in report["ceiling"]:
            print(f"| {row['link_at_least']:.2f} | {row['bcubed_recall']:.3f} | {row['bcubed_f1']:.3f} | "
                  f"{row['ari']:.3f} | {row['stories']} |")
        print()
        print("| pairs with TF-IDF similarity | of one story | of two stories |")
        print("|---|---|---|")
        for band in report["pairs_by_similarity"]:
            print(f"| {band['similarity_from']:.2f} to {min(band['similarity_below'], 1.0):.2f} | {band['same_story']} | "
                  f"{band['different_stories']} |")
    if args.stability:
        report["stability"] = stability(junk, bodies, gold, args.seed)
        print()
        print(f"| part | articles | stories | F1 / ARI at {MERGE_DISTANCE} / {ATTACH_SIMILARITY} | best F1 / ARI "
              "| best merge distance / attach |")
        print("|---|---|---|---|---|---|")
        for row in report["stability"]:
            print(f"| {row['part']} | {row['articles']} | {row['stories']} | {row['used_f1']:.3f} / "
                  f"{row['used_ari']:.3f} | {row['best_f1']:.3f} / {row['best_ari']:.3f} | "
                  f"{row['best_merge_distance']} / {row['best_attach']} |")
    if args.out:
        Path(args.out).mkdir(parents=True, exist_ok=True)
        (Path(args.out) / "results.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
