"""The routes: parse and check the request, call the engine, serialize the answer."""

from __future__ import annotations

import time

from flask import Blueprint, current_app, g, jsonify, request

from summarizer import __version__, summarize

from .model import model_ready
from .openapi import openapi_document
from .requests import read_json, summarize_arguments

routes = Blueprint("routes", __name__)


@routes.post("/v1/summarize")
def summarize_view():
    began = time.perf_counter()
    arguments = summarize_arguments(read_json(request), current_app.config)
    brief = summarize(**arguments)
    body = brief.to_dict()
    body["options"] = {
        "max_words": brief.max_words,
        "max_sentences": brief.max_sentences,
        "query": brief.query,
        "diversity": arguments["diversity"],
    }
    body["timing"] = {stage: round(seconds * 1000, 2) for stage, seconds in brief.timings.items()}
    body["timing"]["total"] = round((time.perf_counter() - began) * 1000, 2)
    body["version"] = __version__
    body["request_id"] = g.request_id
    return jsonify(body)


@routes.get("/healthz")
def health():
    ready = model_ready()
    body = {"status": "ok" if ready else "loading", "model_loaded": ready, "version": __version__}
    return jsonify(body), 200 if ready else 503


@routes.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(current_app.config))
