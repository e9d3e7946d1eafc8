"""What an operator can watch: GET /metrics in Prometheus' text format, by prometheus_client.

Requests by route, method and status; request latency per route and the time of each engine stage per route
(histograms); whether the model is loaded; refusals by the rate limiter, by admission ("busy") and failed links.
Under the server (several worker processes) every worker writes its numbers to PROMETHEUS_MULTIPROC_DIR, which
`python -m api` sets up, and /metrics sums them whichever worker answers; an app on its own counts in memory.
prometheus_client is imported when the app is built, in the worker: it chooses where values live at import.
"""

from __future__ import annotations

import os

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
STAGE_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


def _shared() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class Metrics:
    """The service's metrics, in a registry of their own (or the workers' shared files under the server)."""

    def __init__(self):
        from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

        # In shared mode the values live in the files; the registry only keeps these objects apart from other apps.
        self.registry = CollectorRegistry()
        registry = self.registry
        self.requests = Counter("news_brief_requests", "Requests answered, by route, method and status",
                                ["route", "method", "status"], registry=registry)
        self.latency = Histogram("news_brief_request_seconds", "Time to answer a request, by route", ["route"],
                                 buckets=LATENCY_BUCKETS, registry=registry)
        self.stages = Histogram("news_brief_stage_seconds", "Time of each engine stage, by route and stage",
                                ["route", "stage"], buckets=STAGE_BUCKETS, registry=registry)
        self.model_ready = Gauge("news_brief_model_ready", "1 when the embedding model is loaded in the process",
                                 registry=registry, multiprocess_mode="livemin")
        self.refusals = Counter("news_brief_refusals", "Requests refused before any work: rate limit (429), busy "
                                                       "worker (503 busy)", ["reason"], registry=registry)
        self.fetch_failures = Counter("news_brief_fetch_failures", "Requests whose links could not be fetched",
                                      registry=registry)

    def exposition(self) -> tuple[bytes, str]:
        """The body and content type of /metrics."""
        from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest, multiprocess

        if _shared():
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            return generate_latest(registry), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


def worker_exited(pid: int) -> None:
    """Gunicorn's child_exit hook: a dead worker's live gauges leave the sums."""
    if _shared():
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)
