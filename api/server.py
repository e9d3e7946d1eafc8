"""python -m api --host 127.0.0.1 --port 8000: the service under gunicorn, ready for real traffic."""

from __future__ import annotations

import argparse
import logging
import os

from gunicorn.app.base import BaseApplication

from .app import create_app


class Server(BaseApplication):
    """Gunicorn running the app; each worker builds the app (and loads the model) once after it starts."""

    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app()


def options(args: argparse.Namespace) -> dict:
    return {
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers,
        "threads": args.threads,
        "worker_class": "gthread",
        "timeout": args.timeout,
        "graceful_timeout": 10,
        "keepalive": 5,
        "limit_request_line": 8190,
        "accesslog": "-" if args.access_log else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "news-brief",
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m api", description="Serve the summarization API.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "1")),
                        help="processes; each loads the model once (about 300 MB each)")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "8")),
                        help="concurrent requests per worker")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("TIMEOUT", "120")),
                        help="seconds before a stuck worker is restarted")
    parser.add_argument("--access-log", action="store_true", help="also log every request in access-log form")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    Server(options(args)).run()
