"""python -m eval.bench --data FILE.jsonl [--group 10] [--short 20] [--runs 3] [--backends ...] [--stress N] [--digest N]
                      [--timeline N] [--update]

Times the engine stage by stage on real clusters (embedding cache cleared before each, so every sentence it needs is
embedded), beside sumy's LexRank and TextRank on the same clusters, in the same run: the data's articles dealt into
clusters of N ("dev"), and the same clusters with each article cut to its first sentences ("short"). Also cold
start, memory, and optionally one request of many articles, one timeline of many dated articles, and the update
brief's cost against the plain brief (clusters of 4+ articles as given, the first half seen).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from typing import Any

import numpy as np
from tqdm import tqdm

from summarizer import DEFAULT_SETTINGS, Summarizer, digest, summarize, timeline
from summarizer.reading.dates import warm_up
from summarizer.model.embedding import get_encoder
from summarizer.content.figures import clear_figure_cache
from summarizer.reading.sentences import clear_readable_cache
from summarizer.reading.sentences import split_sentences

from .data import Cluster, load_clusters
from .systems import SYSTEMS

COLD_START = """
import resource, time
began = time.perf_counter()
from summarizer import summarize, DEFAULT_SETTINGS
from summarizer.model.embedding import get_encoder
get_encoder(DEFAULT_SETTINGS.replace(backend={backend!r}))
loaded = time.perf_counter() - began
summarize(["The council approved the budget on Monday after a long debate over school funding."])
print(loaded, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def forget_texts(encoder) -> None:
    """Empty every cache keyed by a text (vectors, figures, a sentence's readable form): the next brief starts cold."""
    encoder.clear_cache()
    clear_figure_cache()
    clear_readable_cache()


def regroup(clusters: list[Cluster], size: int) -> list[Cluster]:
    """All documents re-dealt into clusters of `size` articles (for speed only: topics get mixed)."""
    documents = [d for cluster in clusters for d in cluster.documents if d.strip()]
    return [Cluster(f"group{n}", tuple(documents[n:n + size]), ()) for n in range(0, len(documents) - size + 1, size)]


def first_sentences(text: str, count: int) -> str:
    """The article up to the end of its `count`-th sentence."""
    sentences = split_sentences(text)
    return text[:sentences[min(count, len(sentences)) - 1].end] if sentences else text


def shorten(clusters: list[Cluster], count: int) -> list[Cluster]:
    return [Cluster(c.id, tuple(first_sentences(d, count) for d in c.documents), c.references, c.query) for c in clusters]


def percentiles(values) -> dict:
    values = np.asarray(values, dtype=float)
    return {"total": float(values.sum()), "p50": float(np.percentile(values, 50)), "p95": float(np.percentile(values, 95))}


def cold_start(backend: str) -> dict:
    """Import plus model load in a fresh process (the ONNX export is cached by then), and its peak RSS."""
    began = time.perf_counter()
    output = subprocess.run([sys.executable, "-c", COLD_START.format(backend=backend)], capture_output=True,
                            text=True, check=True).stdout.split()
    return {"import_and_load_s": float(output[0]), "process_s": time.perf_counter() - began,
            "rss_mb_after_one_brief": int(output[1]) / 1024}


def bench_engine(clusters: list[Cluster], backend: str, max_words: int) -> dict:
    settings = DEFAULT_SETTINGS.replace(backend=backend)
    encoder = get_encoder(settings)
    summarize(["Warm-up sentence for the benchmark, long enough to be used."], settings=settings)
    stages: dict[str, list[float]] = {}
    totals, embedded = [], 0
    for cluster in tqdm(clusters, desc=f"brief ({backend})", leave=False, file=sys.stderr):
        forget_texts(encoder)
        began = time.perf_counter()
        brief = summarize(list(cluster.documents), max_words=max_words, settings=settings)
        totals.append(time.perf_counter() - began)
        embedded += encoder.cached
        for stage, seconds in brief.timings.items():
            stages.setdefault(stage, []).append(seconds)
    embed_seconds = sum(stages.get("embed", []))
    return {
        "total": percentiles(totals),
        "stages": {stage: percentiles(times) for stage, times in stages.items()},
        "sentences_embedded": embedded,
        "sentences_per_second": embedded / embed_seconds if embed_seconds else float("nan"),
    }


def bench_throughput(clusters: list[Cluster], backend: str, limit: int = 3000) -> dict:
    """Sentences per second of the embedding path alone: up to `limit` distinct sentences of the set in one call,
    the cache cleared first."""
    from summarizer.reading.sentences import readable

    texts = list(dict.fromkeys(readable(s.text) for c in clusters for d in c.documents for s in split_sentences(d)))[:limit]
    encoder = get_encoder(DEFAULT_SETTINGS.replace(backend=backend))
    encoder.clear_cache()
    began = time.perf_counter()
    encoder.encode(texts)
    seconds = time.perf_counter() - began
    encoder.clear_cache()
    return {"sentences": len(texts), "seconds": seconds, "sentences_per_second": len(texts) / seconds}


def bench_baseline(name: str, clusters: list[Cluster], max_words: int) -> dict:
    system, times = SYSTEMS[name], []
    for cluster in tqdm(clusters, desc=name, leave=False, file=sys.stderr):
        began = time.perf_counter()
        system(cluster, max_words)
        times.append(time.perf_counter() - began)
    return {"total": percentiles(times)}


def _one_call(clusters: list[Cluster], articles: int, backend: str, call) -> tuple[Any, dict]:
    """`call(documents, settings)` on `articles` articles (the data's articles, repeated as needed), with an empty
    embedding cache: its result, the seconds it took and how much the peak memory grew."""
    documents = [d for cluster in clusters for d in cluster.documents if d.strip()]
    request = [{"id": str(n), "text": documents[n % len(documents)]} for n in range(articles)]
    settings = DEFAULT_SETTINGS.replace(backend=backend)
    forget_texts(get_encoder(settings))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    result = call(request, settings)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return result, {"articles": articles, "seconds": time.perf_counter() - began,
                    "peak_rss_growth_mb": (peak - before) / 1024, "peak_rss_mb": peak / 1024,
                    "stages": {stage: round(seconds, 4) for stage, seconds in result.timings.items()}}


def bench_stress(clusters: list[Cluster], articles: int, backend: str) -> dict:
    """One request of `articles` articles, timed, with the memory it took."""
    brief, found = _one_call(clusters, articles, backend,
                             lambda request, settings: summarize(request, max_words=100, settings=settings))
    return {**found, "words": brief.word_count}


def bench_digest(clusters: list[Cluster], articles: int, backend: str) -> dict:
    """One digest() of `articles` articles, timed, with the memory it took."""
    result, found = _one_call(clusters, articles, backend,
                              lambda request, settings: digest(request, max_words=100, settings=settings))
    return {**found, "stories": len(result.stories)}


def bench_timeline(clusters: list[Cluster], articles: int, backend: str) -> dict:
    """One timeline() of `articles` articles, published a day apart (the date parser loaded before, as the service
    loads it at start)."""
    warm_up()

    def call(request, settings):
        for number, document in enumerate(request):
            document["published"] = f"2025-{1 + number // 28 % 12:02d}-{1 + number % 28:02d}"
        return timeline(request, settings=settings)

    result, found = _one_call(clusters, articles, backend, call)
    return {**found, "entries": len(result.entries)}


def bench_update(clusters: list[Cluster], backend: str, max_words: int) -> dict:
    """On every cluster of 4+ articles: the plain brief of its second half, then the update brief of it with the
    first half seen, each with an empty embedding cache."""
    summarizer = Summarizer(DEFAULT_SETTINGS.replace(backend=backend))
    plain, update = [], []
    for cluster in clusters:
        documents = [d for d in cluster.documents if d.strip()]
        if len(documents) < 4:
            continue
        seen, new = documents[: len(documents) // 2], documents[len(documents) // 2:]
        for times, options in ((plain, {}), (update, {"seen": seen})):
            forget_texts(summarizer.encoder)
            began = time.perf_counter()
            summarizer.summarize(new, max_words=max_words, **options)
            times.append(time.perf_counter() - began)
    ratio = np.asarray(update) / np.asarray(plain)
    return {"clusters": len(plain), "plain": percentiles(plain), "update": percentiles(update),
            "ratio_of_totals": float(np.sum(update) / np.sum(plain)), "ratio_p50": float(np.median(ratio))}


def bench_set(clusters: list[Cluster], backends: list[str], baselines: list[str], max_words: int) -> dict:
    return {
        "clusters": len(clusters),
        "articles": sum(len(c.documents) for c in clusters),
        "sentences": sum(len(split_sentences(d)) for c in clusters for d in c.documents),
        "engine": {backend: bench_engine(clusters, backend, max_words) for backend in backends},
        "baselines": {name: bench_baseline(name, clusters, max_words) for name in baselines},
    }


def report_set(name: str, result: dict) -> list[str]:
    lines = [f"## {name}: {result['clusters']} clusters, {result['articles']} articles, "
             f"{result['sentences']} sentences ({result['sentences'] / max(result['clusters'], 1):.0f} a cluster)",
             "", "| system | stage | total s | p50 ms | p95 ms |", "|---|---|---|---|---|"]
    for backend, engine in result["engine"].items():
        for stage, times in [("all", engine["total"])] + list(engine["stages"].items()):
            lines.append(f"| brief ({backend}) | {stage} | {times['total']:.2f} | {times['p50'] * 1000:.1f} | {times['p95'] * 1000:.1f} |")
    for baseline, timing in result["baselines"].items():
        times = timing["total"]
        lines.append(f"| sumy {baseline} | all | {times['total']:.2f} | {times['p50'] * 1000:.1f} | {times['p95'] * 1000:.1f} |")
    lines.append("")
    for backend, engine in result["engine"].items():
        ratios = ", ".join(f"{engine['total']['p50'] / b['total']['p50']:.2f}x {baseline}"
                           for baseline, b in result["baselines"].items())
        lines.append(f"brief ({backend}): {engine['sentences_embedded']} sentences embedded at "
                     f"{engine['sentences_per_second']:.0f}/s; p50 vs sumy: {ratios}")
    return lines + [""]


def report(results: dict) -> str:
    lines = []
    for number, run in enumerate(results["runs"], start=1):
        lines.append(f"# run {number}")
        for name, result in run.items():
            lines += report_set(name, result)
    if len(results["runs"]) > 1:
        lines.append("# spread over runs (p50 of the default backend)")
        backend = next(iter(results["runs"][0][next(iter(results["runs"][0]))]["engine"]))
        for name in results["runs"][0]:
            engine = [run[name]["engine"][backend] for run in results["runs"]]
            lexrank = [run[name]["baselines"].get("lexrank", {}).get("total", {}).get("p50") for run in results["runs"]]
            cells = [f"{e['total']['p50'] * 1000:.0f} ms" for e in engine]
            rates = [f"{e['sentences_per_second']:.0f}/s" for e in engine]
            ratios = [f"{e['total']['p50'] / l:.2f}x" for e, l in zip(engine, lexrank) if l]
            lines.append(f"{name}: p50 {', '.join(cells)}; embedding {', '.join(rates)}; vs LexRank {', '.join(ratios)}")
        lines.append("")
    for backend, rate in results["throughput"].items():
        lines.append(f"embedding ({backend}): {rate['sentences']} distinct sentences in one call at "
                     f"{rate['sentences_per_second']:.0f}/s")
    for backend, start in results["cold_start"].items():
        lines.append(f"cold start ({backend}): import and load {start['import_and_load_s']:.2f} s "
                     f"(process {start['process_s']:.2f} s), RSS {start['rss_mb_after_one_brief']:.0f} MB after one brief")
    if results.get("digest"):
        found = results["digest"]
        lines.append(f"one digest() of {found['articles']} articles: {found['seconds']:.1f} s, {found['stories']} "
                     f"stories, peak RSS {found['peak_rss_mb']:.0f} MB (grew {found['peak_rss_growth_mb']:.0f} MB); "
                     f"stages (s): {found['stages']}")
    if results.get("timeline"):
        found = results["timeline"]
        lines.append(f"one timeline() of {found['articles']} dated articles: {found['seconds']:.2f} s, "
                     f"{found['entries']} entries, peak RSS grew {found['peak_rss_growth_mb']:.0f} MB; stages (s): "
                     f"{found['stages']}")
    if results.get("update"):
        found = results["update"]
        lines.append(f"update brief vs plain brief on {found['clusters']} clusters of 4+ articles (first half seen): "
                     f"p50 {found['update']['p50'] * 1000:.0f} ms vs {found['plain']['p50'] * 1000:.0f} ms; "
                     f"total {found['update']['total']:.2f} s vs {found['plain']['total']:.2f} s "
                     f"({found['ratio_of_totals']:.2f}x; per cluster, median {found['ratio_p50']:.2f}x)")
    if results.get("stress"):
        stress = results["stress"]
        lines.append(f"one request of {stress['articles']} articles: {stress['seconds']:.1f} s, {stress['words']} words, "
                     f"peak RSS grew {stress['peak_rss_growth_mb']:.0f} MB")
    lines.append(f"peak RSS of this benchmark process: {results['peak_rss_mb']:.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__.splitlines()[2])
    parser.add_argument("--data", required=True)
    parser.add_argument("--limit", type=int, default=None, help="only the first K clusters (before --group)")
    parser.add_argument("--group", type=int, default=10, help="re-deal the articles into clusters of N (0: as given)")
    parser.add_argument("--short", type=int, default=20,
                        help="also time the clusters with each article cut to its first N sentences (0: skip)")
    parser.add_argument("--runs", type=int, default=1, help="repeat the timings this many times, for the spread")
    parser.add_argument("--backends", default=DEFAULT_SETTINGS.backend, help="comma-separated: onnx-int8, onnx-int8-rows, onnx, torch")
    parser.add_argument("--baselines", default="lexrank,textrank")
    parser.add_argument("--max-words", type=int, default=100)
    parser.add_argument("--stress", type=int, default=0, help="also time one request of this many articles")
    parser.add_argument("--digest", type=int, default=0, help="also time one digest() of this many articles")
    parser.add_argument("--timeline", type=int, default=0, help="also time one timeline() of this many articles")
    parser.add_argument("--update", action="store_true", help="also time update briefs against plain briefs")
    parser.add_argument("--out", default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    given = load_clusters(args.data, args.limit)

    clusters = load_clusters(args.data, args.limit)
    if args.group:
        clusters = regroup(clusters, args.group)
    sets = {"dev": clusters}
    if args.short:
        sets[f"short (first {args.short} sentences)"] = shorten(clusters, args.short)
    backends = [b for b in args.backends.split(",") if b]
    baselines = [b for b in args.baselines.split(",") if b]
    results = {
        "data": args.data,
        "cold_start": {backend: cold_start(backend) for backend in backends},
        "throughput": {backend: bench_throughput(clusters, backend) for backend in backends},
        "runs": [{name: bench_set(chosen, backends, baselines, args.max_words) for name, chosen in sets.items()}
                 for _ in range(max(1, args.runs))],
        "stress": bench_stress(clusters, args.stress, backends[0]) if args.stress else None,
        "digest": bench_digest(clusters, args.digest, backends[0]) if args.digest else None,
        "timeline": bench_timeline(clusters, args.timeline, backends[0]) if args.timeline else None,
        "update": bench_update(given, backends[0], args.max_words) if args.update else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(report(results))
    if args.out:
        with open(args.out, "w") as file:
            json.dump(results, file, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
