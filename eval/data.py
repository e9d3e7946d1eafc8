"""Evaluation clusters: JSON lines of {"id", "documents", "references"[, "query"]}."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Cluster:
    id: str
    documents: tuple[str, ...]
    references: tuple[str, ...]
    query: str | None = None


def load_clusters(path: str | Path, limit: int | None = None) -> list[Cluster]:
    """Read a JSONL file; a malformed line raises ValueError naming its line number."""
    clusters = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                cluster = Cluster(
                    id=str(record["id"]),
                    documents=tuple(record["documents"]),
                    references=tuple(record["references"]),
                    query=record.get("query") or None,
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: not a cluster record ({error})") from None
            clusters.append(cluster)
            if limit is not None and len(clusters) >= limit:
                break
    return clusters
