"""python -m eval.facts --data FILE.jsonl [--labels eval/facts_labels.jsonl] [--candidates K]

Precision and recall of the engine's fact checks against pairs labelled by reading both sentences:
- disagreement: two sentences of different articles that give values of the same kind; is it a real disagreement
  (same quantity, same time, values that cannot both be true), and does the engine flag it?
- corroboration: a brief sentence and a sentence of another article; does the other really state the same fact, and
  does the engine list it as a source?
The labels hold cluster ids, article numbers, character offsets, the label and a one-line reason, never the
articles' text. With --candidates K it prints K candidate pairs of each kind (with their keys) for labelling.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from summarizer import DEFAULT_SETTINGS, summarize
from summarizer.attribution import corroborates
from summarizer.disagreements import disagree
from summarizer.documents import normalize_documents
from summarizer.embedding import get_encoder
from summarizer.engine import split_articles
from summarizer.facts import facts
from summarizer.sentences import readable
from summarizer.standalone import is_statement
from summarizer.words import content_units

from .data import load_clusters

LABELS = Path(__file__).resolve().parent / "facts_labels.jsonl"
KINDS = ("count", "money", "percent", "age", "duration")


def words_of(text: str) -> frozenset[str]:
    return content_units(readable(text))[2]


def engine_disagrees(text_a: str, text_b: str, span_a: tuple[int, int], span_b: tuple[int, int],
                     similarity: float) -> bool:
    """What the engine decides for two figures (at `span_a` in `text_a`, `span_b` in `text_b`): sentences close in
    meaning, each figure the only one of its quantity there, the same quantity, the same time, values that cannot
    both hold."""
    if similarity < DEFAULT_SETTINGS.disagreement_threshold:
        return False
    facts_a, facts_b = facts(text_a), facts(text_b)
    a = [(f, scope) for f, scope in facts_a.unambiguous() if (f.start, f.end) == span_a]
    b = [(f, scope) for f, scope in facts_b.unambiguous() if (f.start, f.end) == span_b]
    return bool(a and b) and disagree(a[0][0], b[0][0], a[0][1], b[0][1], facts_a.speaker, facts_b.speaker, similarity)


def engine_corroborates(text_a: str, text_b: str, similarity: float) -> bool:
    """What the engine decides for a brief sentence and a sentence of another article."""
    settings = DEFAULT_SETTINGS
    sentence_b = split_articles(normalize_documents([text_b]))
    return (len(words_of(text_a) & words_of(text_b)) >= settings.source_shared_words
            and bool(sentence_b) and is_statement(sentence_b[-1])
            and corroborates(similarity, facts(text_a), facts(text_b), settings.source_threshold))


def disagreement_candidates(clusters) -> list[dict]:
    """Pairs of related sentences in different articles giving different values of the same kind."""
    found = []
    for cluster in clusters:
        documents = [d for d in cluster.documents if d.strip()]
        sentences = split_articles(normalize_documents(documents))
        profiled = [(s, facts(s.text), words_of(s.text)) for s in sentences]
        profiled = [entry for entry in profiled if any(f.kind in KINDS for f in entry[1].figures)]
        for n, (a, facts_a, words_a) in enumerate(profiled):
            for b, facts_b, words_b in profiled[n + 1:]:
                if a.document == b.document or len(words_a & words_b) < 2:
                    continue
                for x in facts_a.figures:
                    for y in facts_b.figures:
                        if x.kind == y.kind and x.kind in KINDS and x.value != y.value:
                            found.append({"kind": "disagreement", "cluster": cluster.id,
                                          "a": [a.document, a.start, a.end, a.start + x.start, a.start + x.end],
                                          "b": [b.document, b.start, b.end, b.start + y.start, b.start + y.end]})
    return found


def corroboration_candidates(clusters, floor: float = 0.6) -> list[dict]:
    """Brief sentences (100 words) and the sentences of other articles at least `floor` similar to them."""
    encoder = get_encoder()
    found = []
    for cluster in clusters:
        documents = [d for d in cluster.documents if d.strip()]
        if len(documents) < 2:
            continue
        brief = summarize(documents, max_words=100)
        sentences = [s for s in split_articles(normalize_documents(documents)) if s.words >= 5]
        if not sentences:
            continue
        vectors = encoder.encode([readable(s.text) for s in sentences])
        for chosen in brief.sentences:
            own = int(chosen.document_id)
            own_vector = encoder.encode([readable(chosen.text)])[0]
            listed = {(int(m.document_id), m.start) for m in chosen.matches[1:]}
            for sentence, vector in zip(sentences, vectors):
                similarity = float(vector @ own_vector)
                if sentence.document != own and similarity >= floor:
                    found.append({"kind": "corroboration", "cluster": cluster.id, "similarity": round(similarity, 4),
                                  "listed": (sentence.document, sentence.start) in listed,
                                  "a": [own, chosen.start, chosen.end], "b": [sentence.document, sentence.start, sentence.end]})
    return found


def text_of(cluster, part) -> str:
    documents = [d for d in cluster.documents if d.strip()]
    return documents[part[0]][part[1]:part[2]]


def evaluate(clusters, labels: list[dict]) -> dict:
    by_id = {cluster.id: cluster for cluster in clusters}
    encoder = get_encoder()
    counts = {kind: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for kind in ("disagreement", "corroboration")}
    mistakes = []
    for label in labels:
        cluster = by_id.get(label["cluster"])
        if cluster is None:
            continue
        a, b = text_of(cluster, label["a"]), text_of(cluster, label["b"])
        vectors = encoder.encode([readable(a), readable(b)])
        similarity = float(vectors[0] @ vectors[1])
        if label["kind"] == "disagreement":
            spans = [(part[3] - part[1], part[4] - part[1]) for part in (label["a"], label["b"])]
            predicted = engine_disagrees(a, b, spans[0], spans[1], similarity)
        else:
            predicted = engine_corroborates(a, b, similarity)
        actual = bool(label["label"])
        cell = ("tp" if actual else "fp") if predicted else ("fn" if actual else "tn")
        counts[label["kind"]][cell] += 1
        if cell in ("fp", "fn"):
            mistakes.append((label["kind"], cell, label["reason"], label["cluster"][:8], label["a"][:1], label["b"][:1]))
    report = {}
    for kind, c in counts.items():
        flagged, real = c["tp"] + c["fp"], c["tp"] + c["fn"]
        report[kind] = {**c, "pairs": sum(c.values()),
                        "precision": c["tp"] / flagged if flagged else float("nan"),
                        "recall": c["tp"] / real if real else float("nan")}
    report["mistakes"] = mistakes
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.facts", description=__doc__.splitlines()[2])
    parser.add_argument("--data", required=True)
    parser.add_argument("--labels", default=str(LABELS))
    parser.add_argument("--candidates", type=int, default=0, help="print this many candidate pairs of each kind")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    clusters = load_clusters(args.data)
    if args.candidates:
        by_id = {cluster.id: cluster for cluster in clusters}
        rng = random.Random(args.seed)
        for found in (disagreement_candidates(clusters), corroboration_candidates(clusters)):
            rng.shuffle(found)
            for pair in found[:args.candidates]:
                cluster = by_id[pair["cluster"]]
                print(json.dumps(pair))
                print("   A:", text_of(cluster, pair["a"]).replace("\n", " "))
                print("   B:", text_of(cluster, pair["b"]).replace("\n", " "))
        return 0
    labels = [json.loads(line) for line in Path(args.labels).read_text().splitlines() if line.strip()]
    report = evaluate(clusters, labels)
    for kind in ("disagreement", "corroboration"):
        r = report[kind]
        print(f"{kind}: {r['pairs']} labelled pairs; flagged {r['tp'] + r['fp']}, really so {r['tp'] + r['fn']}; "
              f"precision {r['precision']:.2f}, recall {r['recall']:.2f} (tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, "
              f"tn {r['tn']})")
    for mistake in report["mistakes"]:
        print("  ", *mistake)
    return 0


if __name__ == "__main__":
    sys.exit(main())
