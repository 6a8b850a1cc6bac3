"""Property-based run of the API against its own OpenAPI schema: no input makes a 5xx.

Schemathesis draws requests for every operation from the schema (valid and invalid values
alike); each answer must be below 500, and an error must have the one error shape.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="pip install -e '.[dev]'")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from tacitus.web import create_app  # noqa: E402

EXAMPLES = 20  # per operation and mode: the whole run stays well under a minute


def check(case) -> None:
    response = case.call()
    where = f"{case.method} {case.formatted_path} {case.query}"
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, where


def test_no_input_makes_a_server_error(synthetic_store):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(synthetic_store))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run = settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )(given(case=operation.as_strategy(mode))(check))
            run()
