"""The routes: parse and check the request, call the engine, serialize the answer."""

from __future__ import annotations

import time
from pathlib import Path

from flask import Blueprint, current_app, g, jsonify, request, send_from_directory

from summarizer import TimeLimitError, __version__
from summarizer.reading.samples import sample_documents

from .errors import ApiError
from .links import with_fetched_links
from .model import health_document, model_status
from .openapi import openapi_document
from .requests import read_json, request_arguments

routes = Blueprint("routes", __name__)
STATIC = Path(__file__).resolve().parent / "static"
SWAGGER_FILES = {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png"}


def _request_arguments(kind: str) -> tuple[dict, set[int]]:
    """The request's arguments for the engine (`kind`: summarize, digest or timeline), its links fetched, and the
    places of the articles fetched (in documents, then seen); 503 at once when the model failed to load."""
    status, reason = model_status()
    if status == "failed":
        raise ApiError(503, "model_unavailable", f"the embedding model failed to load: {reason}")
    arguments = request_arguments(read_json(request), current_app.config, kind)
    links = {**current_app.config, "FETCH_TIMEOUT": min(current_app.config["FETCH_TIMEOUT"], time_left())}
    arguments["documents"], fetched = with_fetched_links(arguments["documents"], links)
    if arguments.get("seen"):
        links["FETCH_TIMEOUT"] = min(links["FETCH_TIMEOUT"], time_left())
        arguments["seen"], more = with_fetched_links(arguments["seen"], links, "seen")
        fetched |= {len(arguments["documents"]) + index for index in more}
    arguments["time_limit"] = time_left()
    return arguments, fetched


def time_left() -> float:
    """Seconds left of the request's time limit, counted from its arrival (time spent waiting for a thread and
    fetching links included); TimeLimitError when none are."""
    left = current_app.config["REQUEST_TIME_LIMIT"] - (time.monotonic() - g.arrival)
    if left <= 0:
        raise TimeLimitError("the request waited longer than its time limit")
    return left


def _answer(body: dict, timings: dict, began: float):
    """The answer with the timing of each stage (milliseconds), the version and the request id."""
    g.stages = timings  # for /metrics
    body["timing"] = {stage: round(seconds * 1000, 2) for stage, seconds in timings.items()}
    body["timing"]["total"] = round((time.perf_counter() - began) * 1000, 2)
    body["version"] = __version__
    body["request_id"] = g.request_id
    return jsonify(body)


def _exported(body: dict, result) -> dict:
    """The answer as a reader copies it: the library's text and markdown (one rendering for every client)."""
    body["exports"] = {"text": result.to_text(), "markdown": result.to_markdown()}
    return body


def _with_fetched_texts(body: dict, documents, fetched: set[int]) -> dict:
    """The caller sent links: the texts the offsets refer to come back."""
    for index in fetched:
        body["documents"][index]["text"] = documents[index].text
    return body


@routes.post("/v1/summarize")
def summarize_view():
    began = time.perf_counter()
    arguments, fetched = _request_arguments("summarize")
    brief = current_app.extensions["summarizer"].summarize(**arguments)
    body = _exported(_with_fetched_texts(brief.to_dict(), brief.documents, fetched), brief)
    body["options"] = {"max_words": brief.max_words, "max_sentences": brief.max_sentences, "query": brief.query,
                       "diversity": brief.diversity}
    return _answer(body, brief.timings, began)


@routes.post("/v1/timeline")
def timeline_view():
    began = time.perf_counter()
    arguments, fetched = _request_arguments("timeline")
    result = current_app.extensions["summarizer"].timeline(**arguments)
    return _answer(_exported(_with_fetched_texts(result.to_dict(), result.documents, fetched), result),
                   result.timings, began)


@routes.post("/v1/digest")
def digest_view():
    began = time.perf_counter()
    arguments, _ = _request_arguments("digest")
    result = current_app.extensions["summarizer"].digest(**arguments)
    return _answer(_exported(result.to_dict(), result), result.timings, began)


@routes.get("/healthz")
def health():
    # As served, the layer in front (api/asgi.py) answers /healthz itself, from its event loop; this is the same answer
    # for the app on its own.
    body, status = health_document(current_app.config)
    return jsonify(body), status


@routes.get("/metrics")
def metrics():
    body, content_type = current_app.extensions["metrics"].exposition()
    return body, 200, {"Content-Type": content_type, "Cache-Control": "no-store"}


@routes.get("/docs")
def docs():
    """The API's description, read in Swagger UI (served from the swagger-ui-py package, no CDN)."""
    return send_from_directory(STATIC, "docs.html", max_age=0)


@routes.get("/docs/<path:name>")
def docs_files(name: str):
    if name == "docs.js":
        return send_from_directory(STATIC, "docs.js", max_age=0)
    if name not in SWAGGER_FILES:
        raise ApiError(404, "not_found", "no such endpoint; see /openapi.json")
    from importlib.resources import files

    return send_from_directory(str(files("swagger_ui") / "static"), name, max_age=86400)


@routes.get("/")
def page():
    return send_from_directory(STATIC, "index.html", max_age=0)


@routes.get("/app.js")
def page_script():
    return send_from_directory(STATIC, "app.js", max_age=0)


@routes.get("/favicon.svg")
@routes.get("/favicon.ico")
def favicon():
    return send_from_directory(STATIC, "favicon.svg", mimetype="image/svg+xml", max_age=86400)


@routes.get("/v1/sample")
def sample():
    documents = sample_documents()
    if not documents:
        raise ApiError(404, "not_found", "no sample articles are installed with this service")
    return jsonify({"documents": documents})


@routes.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(current_app.config))
