"""The contract declared once (api/schema.py): real responses match it and the OpenAPI document field for field."""

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api import create_app
from api.schema import ErrorResponse, Health, SummarizeResponse, request_model
from summarizer import DEFAULT_SETTINGS, InputError
from summarizer.reading.documents import FIELDS, normalize_documents

CONFIG = {"PRELOAD_MODEL": False, "RATE_LIMIT": ""}


@pytest.fixture(scope="module")
def client():
    return create_app(CONFIG).test_client()


@pytest.fixture(scope="module")
def openapi(client):
    return client.get("/openapi.json").get_json()


def validator(openapi: dict, name: str) -> jsonschema.Draft202012Validator:
    """A validator for one component of the service's own OpenAPI document, its references resolved there."""
    resource = Resource.from_contents(openapi, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:openapi", resource)
    schema = {"$ref": f"urn:openapi#/components/schemas/{name}"}
    return jsonschema.Draft202012Validator(schema, registry=registry)


def fields_of(value, prefix=""):
    """Every key path in a JSON value ("sentences[].matches[].similarity")."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{prefix}{key}"
            yield from fields_of(item, f"{prefix}{key}.")
    elif isinstance(value, list):
        for item in value:
            yield from fields_of(item, prefix[:-1] + "[].")


def declared(openapi: dict, schema: dict, prefix="") -> set:
    """Every key path the OpenAPI schema declares."""
    components = openapi["components"]["schemas"]
    while "$ref" in schema or "anyOf" in schema:
        if "$ref" in schema:
            schema = components[schema["$ref"].rsplit("/", 1)[1]]
        else:
            schema = next((option for option in schema["anyOf"] if option.get("type") != "null"), {})
    paths = set()
    if schema.get("type") == "array":
        paths |= declared(openapi, schema.get("items", {}), prefix[:-1] + "[].")
    for key, item in schema.get("properties", {}).items():
        paths.add(f"{prefix}{key}")
        paths |= declared(openapi, item, f"{prefix}{key}.")
    return paths


REQUESTS = [
    pytest.param("seeds", id="seeds"),
    pytest.param({"query": "How many soldiers were sent?", "max_sentences": 2, "diversity": 0.5}, id="query"),
    pytest.param({"documents": ["Read More. Share."]}, id="empty brief"),
]


@pytest.mark.parametrize("extra", REQUESTS)
def test_real_responses_match_the_contract_and_the_openapi_document_field_for_field(client, openapi, seed_documents,
                                                                                   extra):
    body = {"documents": [dict(document, source="Wire", published=f"2024-0{1 + n}-01T08:00:00Z")
                          for n, document in enumerate(seed_documents)]}
    if isinstance(extra, dict):
        body.update(extra)
    response = client.post("/v1/summarize", json=body)
    assert response.status_code == 200, response.get_json()
    data = response.get_json()
    SummarizeResponse.model_validate(data)  # strict: no field missing, none extra, every type right
    validator(openapi, "SummarizeResponse").validate(data)
    seen = set(fields_of(data)) - {f"timing.{stage}" for stage in data["timing"]}
    assert seen <= declared(openapi, {"$ref": "#/components/schemas/SummarizeResponse"})
    if extra == "seeds":
        assert data["disagreements"] and any(sentence["matches"] for sentence in data["sentences"])
        assert {"sentences[].matches[].similarity", "disagreements[].claims[].speaker"} <= seen


def test_options_report_the_values_used(client, seed_documents):
    default = client.post("/v1/summarize", json={"documents": seed_documents}).get_json()["options"]
    chosen = client.post("/v1/summarize", json={"documents": seed_documents, "diversity": 0.9}).get_json()["options"]
    assert default == {"max_words": 100, "max_sentences": None, "query": None,
                       "diversity": DEFAULT_SETTINGS.diversity}
    assert chosen["diversity"] == 0.9 != DEFAULT_SETTINGS.diversity


def test_errors_and_health_match_the_contract(client, openapi):
    for response in (client.post("/v1/summarize", json={"documents": [{"txt": "x"}]}),
                     client.post("/v1/summarize", data="{", content_type="application/json"),
                     client.get("/nowhere")):
        ErrorResponse.model_validate(response.get_json())
        validator(openapi, "Error").validate(response.get_json())
    health = client.get("/healthz")
    Health.model_validate(health.get_json())
    validator(openapi, "Health").validate(health.get_json())


def test_the_engine_and_the_contract_know_the_same_article_fields():
    article = request_model({"MAX_DOCUMENT_CHARS": 10, "MAX_DOCUMENTS": 2, "MAX_WORDS_LIMIT": 5,
                             "MAX_SENTENCES_LIMIT": 5, "MAX_QUERY_CHARS": 5,
                             "MAX_TIMELINE_ENTRIES": 5}).model_fields["documents"]
    assert "Article" in str(article.annotation)
    full = {name: {"published": "2024-10-12", "format": "text"}.get(name, "x") for name in FIELDS}
    (document,) = normalize_documents([full])
    assert set(document.to_dict()) | {"text", "format"} == set(FIELDS)
    with pytest.raises(InputError) as refused:
        normalize_documents([dict(full, txt="x")])
    assert refused.value.field == "documents[0].txt"


def test_the_service_refuses_what_the_contract_refuses_with_the_limits_in_force():
    client = create_app(dict(CONFIG, MAX_DOCUMENTS=3, MAX_DOCUMENT_CHARS=50, MAX_WORDS_LIMIT=80)).test_client()
    openapi = client.get("/openapi.json").get_json()
    request = openapi["components"]["schemas"]["SummarizeRequest"]["properties"]
    assert request["documents"]["maxItems"] == 3
    assert request["max_words"]["anyOf"][0]["maximum"] == 80
    for body, code, field in [({"documents": ["a"] * 4}, "limit_exceeded", "documents"),
                              ({"documents": [{"text": "x" * 51}]}, "limit_exceeded", "documents[0].text"),
                              ({"documents": ["a"], "max_words": 81}, "invalid_input", "max_words"),
                              ({"documents": ["a"], "diversity": 1.5}, "invalid_input", "diversity")]:
        with pytest.raises(jsonschema.ValidationError):
            validator(openapi, "SummarizeRequest").validate(body)
        error = client.post("/v1/summarize", json=body).get_json()["error"]
        assert (error["code"], error["field"]) == (code, field)


def test_the_description_lists_every_status_header_and_error_code_the_service_sends(client, openapi):
    post = openapi["paths"]["/v1/summarize"]["post"]["responses"]
    assert {"200", "400", "404", "405", "408", "413", "414", "415", "429", "431", "500", "503"} <= set(post)
    assert "X-Request-ID" in post["200"]["headers"] and "Retry-After" in post["429"]["headers"]
    assert "Retry-After" in post["503"]["headers"] and "Retry-After" not in post["200"]["headers"]
    assert set(openapi["components"]["headers"]) >= {"X-Request-ID", "Retry-After", "X-RateLimit-Remaining"}
    codes = set(openapi["components"]["schemas"]["ErrorDetail"]["properties"]["code"]["enum"])
    # Codes sent by the server in front of the app, the app and the engine are all declared.
    from api.protocol import CODES

    assert set(CODES.values()) <= codes and {"busy", "timeout", "fetch_failed", "unknown_field"} <= codes
    for response in (client.delete("/v1/summarize"), client.post("/v1/summarize", data="x", content_type="text/plain"),
                     client.post("/v1/summarize", json={"documents": ["a"], "max_words": -1})):
        assert response.get_json()["error"]["code"] in codes
        validator(openapi, "Error").validate(response.get_json())
