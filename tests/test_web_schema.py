"""Property-based checks of the API against its own OpenAPI schema (schemathesis).

Kept small (a few dozen generated requests per operation) so the file stays fast;
the pipeline is the quick stand-in, the HTTP layer is the real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("schemathesis")

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from newsprism.web import WebSettings, create_app
from web_support import quick_builder


def _app() -> object:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="newsprism-schema-"))
    return create_app(WebSettings(jobs_dir=folder, max_files=3, max_urls=3), quick_builder)


APP = _app()
# Two checks judge acceptance by the schema alone, which a form cannot carry: "at least
# one input" and the per-job limits make a schema-valid empty submission a rightful 422,
# and in multipart every value is text, so a "wrongly typed" urls={} is a valid string.
# Every other check (status codes, content types, response bodies, headers) runs.
NOT_APPLICABLE = [positive_data_acceptance, negative_data_rejection]
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)


@pytest.fixture(autouse=True, scope="module")
def _stop_worker() -> Iterator[None]:
    yield
    APP.state.jobs.shutdown()  # type: ignore[attr-defined]


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_web_schema_no_server_errors_and_errors_have_code_and_message(case: object) -> None:
    response = case.call()  # type: ignore[attr-defined]
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"code", "message"}, body
        assert body["code"] and body["message"]
    case.validate_response(response, excluded_checks=NOT_APPLICABLE)  # type: ignore[attr-defined]
