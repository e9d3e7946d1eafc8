"""The routes: parse and check the request, call the engine, serialize the answer."""

from __future__ import annotations

import os
import time
from pathlib import Path

from flask import Blueprint, current_app, g, jsonify, request, send_from_directory

from summarizer import __version__
from summarizer.reading.samples import sample_documents

from .errors import ApiError
from .links import with_fetched_links
from .model import model_status, resident_memory_mb
from .openapi import openapi_document
from .requests import read_json, request_arguments

routes = Blueprint("routes", __name__)
STATIC = Path(__file__).resolve().parent / "static"


def _request_arguments(kind: str) -> tuple[dict, set[int]]:
    """The request's arguments for the engine (`kind`: summarize, digest or timeline), its links fetched, and the
    places of the articles fetched (in documents, then seen); 503 at once when the model failed to load."""
    status, reason = model_status()
    if status == "failed":
        raise ApiError(503, "model_unavailable", f"the embedding model failed to load: {reason}")
    arguments = request_arguments(read_json(request), current_app.config, kind)
    arguments["documents"], fetched = with_fetched_links(arguments["documents"], current_app.config)
    if arguments.get("seen"):
        arguments["seen"], more = with_fetched_links(arguments["seen"], current_app.config, "seen")
        fetched |= {len(arguments["documents"]) + index for index in more}
    return arguments, fetched


def _answer(body: dict, timings: dict, began: float):
    """The answer with the timing of each stage (milliseconds), the version and the request id."""
    body["timing"] = {stage: round(seconds * 1000, 2) for stage, seconds in timings.items()}
    body["timing"]["total"] = round((time.perf_counter() - began) * 1000, 2)
    body["version"] = __version__
    body["request_id"] = g.request_id
    return jsonify(body)


def _with_fetched_texts(body: dict, documents, fetched: set[int]) -> dict:
    """The caller sent links: the texts the offsets refer to come back."""
    for index in fetched:
        body["documents"][index]["text"] = documents[index].text
    return body


@routes.post("/v1/summarize")
def summarize_view():
    began = time.perf_counter()
    arguments, fetched = _request_arguments("summarize")
    brief = current_app.extensions["summarizer"].summarize(**arguments,
                                                           time_limit=current_app.config["REQUEST_TIME_LIMIT"])
    body = _with_fetched_texts(brief.to_dict(), brief.documents, fetched)
    body["options"] = {"max_words": brief.max_words, "max_sentences": brief.max_sentences, "query": brief.query,
                       "diversity": brief.diversity}
    return _answer(body, brief.timings, began)


@routes.post("/v1/timeline")
def timeline_view():
    began = time.perf_counter()
    arguments, fetched = _request_arguments("timeline")
    result = current_app.extensions["summarizer"].timeline(**arguments,
                                                           time_limit=current_app.config["REQUEST_TIME_LIMIT"])
    return _answer(_with_fetched_texts(result.to_dict(), result.documents, fetched), result.timings, began)


@routes.post("/v1/digest")
def digest_view():
    began = time.perf_counter()
    arguments, _ = _request_arguments("digest")
    result = current_app.extensions["summarizer"].digest(**arguments,
                                                         time_limit=current_app.config["REQUEST_TIME_LIMIT"])
    return _answer(result.to_dict(), result.timings, began)


@routes.get("/healthz")
def health():
    status, reason = model_status()
    ready = status == "ready"
    body = {"status": "ok" if ready else status, "model_loaded": ready, "version": __version__,
            "rss_mb": resident_memory_mb(), "pid": os.getpid(), "fetch_urls": current_app.config["FETCH_URLS"]}
    if reason:
        body["reason"] = reason
    return jsonify(body), 200 if ready else 503


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
