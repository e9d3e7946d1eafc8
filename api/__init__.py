"""The HTTP face of the engine: POST /v1/summarize, GET /healthz, GET /openapi.json."""

from .app import create_app

__all__ = ["create_app"]
