"""python -m api --host 127.0.0.1 --port 8000: the service under gunicorn, ready for real traffic.

Gunicorn manages the worker processes (two by default, so one crash is not an outage; each loads the model once) and
their graceful shutdown; in each worker uvicorn's event loop reads requests whole before a thread takes them
(api/asgi.py), so slow or stalled clients cannot hold the threads that make briefs."""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import shutil
import tempfile

from gunicorn.app.base import BaseApplication

from .asgi import create_asgi_app
from .config import DEFAULTS, from_environment
from .metrics import worker_exited


class Server(BaseApplication):
    """Gunicorn running the app; each worker builds the app (and loads the model) once after it starts."""

    def __init__(self, options: dict, threads: int):
        self.options = options
        self.threads = threads
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_asgi_app(threads=self.threads)


def _child_exit(server, worker) -> None:
    worker_exited(worker.pid)


def options(args: argparse.Namespace) -> dict:
    request_limit = {**DEFAULTS, **from_environment()}["REQUEST_TIME_LIMIT"]
    return {
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers,
        "worker_class": f"{__package__}.worker.Worker",  # api.worker or news_brief.api.worker
        "timeout": max(args.timeout, request_limit + 30),
        # Long enough for a request that started just before a deploy to finish within its own limit.
        "graceful_timeout": request_limit + 15,
        "keepalive": 5,
        "accesslog": "-" if args.access_log else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "news-brief",
        "child_exit": _child_exit,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=f"python -m {__package__}", description="Serve the summarization API.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "2")),
                        help="processes; each loads the model once (about 300 MB each)")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "8")),
                        help="requests each worker works on at once (more wait, read whole, in its event loop)")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("TIMEOUT", "120")),
                        help="seconds before a stuck worker is restarted")
    parser.add_argument("--access-log", action="store_true", help="also log every request in access-log form")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # The workers' metrics, summed by /metrics whichever worker answers: a folder of this run's own.
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        folder = tempfile.mkdtemp(prefix="news-brief-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
        atexit.register(shutil.rmtree, folder, True)
    Server(options(args), args.threads).run()
