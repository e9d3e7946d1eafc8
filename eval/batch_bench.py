"""python -m eval.batch_bench --data FILE.jsonl [--limit N] [--runs local:1 local:2 ray:2]

Throughput of `python -m summarizer batch` on the clusters of an evaluation file (its lines are batch input as they
are; `references` is ignored): each run is a fresh process from start to last line written, model load and worker
start included, into a fresh OUTPUT. Reports clusters per second per run and whether every run wrote the same briefs
as the first.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUMMARY = re.compile(r"in ([\d.]+) s \(")


def briefs(path: Path) -> dict:
    return {record["id"]: record.get("brief") or record.get("error")
            for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def run(source: Path, output: Path, engine: str, workers: int) -> dict:
    command = [sys.executable, "-m", "summarizer", "batch", str(source), str(output), "--engine", engine,
               "--workers", str(workers), "--no-progress"]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip().splitlines()[-1]}")
    inside = float(SUMMARY.search(done.stderr).group(1))
    return {"engine": engine, "workers": workers, "wall_seconds": round(wall, 2), "job_seconds": round(inside, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.batch_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="an evaluation file (JSON lines with id and documents)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--runs", nargs="+", default=["local:1", "local:2", "ray:2"], help="ENGINE:WORKERS ...")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "input.jsonl"
        lines = Path(args.data).read_text(encoding="utf-8").splitlines()[: args.limit]
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        results, first = [], None
        for spec in args.runs:
            engine, _, workers = spec.partition(":")
            output = Path(folder) / f"{engine}-{workers}.jsonl"
            result = run(source, output, engine, int(workers or 1))
            result["clusters"] = len(lines)
            result["clusters_per_second"] = round(len(lines) / result["wall_seconds"], 2)
            written = briefs(output)
            first = first if first is not None else written
            result["same_briefs_as_first_run"] = written == first
            results.append(result)
            print(f"{engine:5} x{workers}: {len(lines)} clusters in {result['wall_seconds']:6.1f} s wall "
                  f"({result['clusters_per_second']:.2f}/s; {result['job_seconds']:.1f} s inside the job), "
                  f"same briefs as the first run: {result['same_briefs_as_first_run']}", flush=True)
    print(json.dumps(results, indent=2))
    return 0 if all(result["same_briefs_as_first_run"] for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
