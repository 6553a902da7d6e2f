"""schemathesis against ``kronologi serve``: the app's own ``/openapi.json`` is loaded from the ASGI app, and every
operation it documents is called with data generated from it — valid data and deliberately invalid data
(wrong types, out-of-range pages and sizes, over-long queries, missing required parameters). Each answer must not
be a 5xx, must have a status code, content type, headers and body the document declares, and invalid data must
be refused with a 4xx (the app answers 400 with a message, 404 for an unknown id).

Bounded: ``MAX_EXAMPLES`` examples per operation and mode, no shrinking, derandomized (the same cases each
run), on the invented corpus of ``serve_corpus``."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (content_type_conformance, negative_data_rejection, not_a_server_error,
                                 response_headers_conformance, response_schema_conformance,
                                 status_code_conformance)

from kronologi.serve import create_app
from serve_corpus import served_store  # noqa: F401 - the session fixture

MAX_EXAMPLES = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance, negative_data_rejection]


@pytest.fixture(scope="module")
def api_schema(served_store):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(served_store.db))
    schema.config.generation.update(modes=["positive", "negative"], max_examples=MAX_EXAMPLES, no_shrink=True,
                                    deterministic=True, database="none")
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_serve_schemathesis_every_operation_conforms_to_the_openapi_document(case):
    case.call_and_validate(checks=CHECKS)
