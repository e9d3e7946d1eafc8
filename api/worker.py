"""The gunicorn worker class: uvicorn's event loop per process, speaking HTTP with `JsonErrorsH11Protocol`."""

from __future__ import annotations

from uvicorn_worker import UvicornWorker

from .protocol import JsonErrorsH11Protocol


class Worker(UvicornWorker):
    CONFIG_KWARGS = {"loop": "asyncio", "http": JsonErrorsH11Protocol, "lifespan": "off", "server_header": False,
                     # Headers and request line together; larger heads get 431.
                     "h11_max_incomplete_event_size": 16 * 1024}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Requests in flight at shutdown may finish within gunicorn's graceful timeout; connections still open a
        # second before it ends are closed, so the worker exits on its own rather than being killed.
        self.config.timeout_graceful_shutdown = max(self.cfg.graceful_timeout - 1, 1)
