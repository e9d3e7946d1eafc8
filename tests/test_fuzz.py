"""Fuzzing the API from its own OpenAPI description: every generated request gets an answer the description allows."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from api import create_app

app = create_app({"RATE_LIMIT": "", "PRELOAD_MODEL": False, "MAX_DOCUMENTS": 20, "MAX_DOCUMENT_CHARS": 5000})
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)


@pytest.mark.slow  # 40 generated requests per operation
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_description(case):
    # Some rules cannot be written in JSON Schema (unique ids, real calendar dates, no lone surrogates), so a
    # schema-valid request may still be refused with a 400; everything else is checked: no 5xx, documented
    # status codes and content types, responses that match their schemas.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
