"""Property-based run over the whole OpenAPI schema: no request may get a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.api.conftest import BRAVO, Node, make_settings, open_node

schemathesis = pytest.importorskip("schemathesis")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Node]:
    home: Path = tmp_path_factory.mktemp("st")
    settings = make_settings(home, f"sqlite:///{home / 'db.sqlite'}", rate_limit_per_minute=10**9)
    yield from open_node(settings)


def run_operation(
    operation: Any, headers: dict[str, str], failures: list[str], statuses: list[int]
) -> None:
    """Up to 25 generated requests to one operation; 5xx answers are collected."""

    @settings(
        max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=operation.as_strategy())
    def check(case: Any) -> None:
        response = case.call(headers=headers)
        statuses.append(response.status_code)
        if response.status_code >= 500:
            failures.append(
                f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:200]}"
            )

    check()


def test_no_endpoint_answers_5xx(node: Node) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", node.client.app)
    headers = node.auth(BRAVO, "admin")
    failures: list[str] = []
    statuses: list[int] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 12  # eleven paths, PATCH and GET on /entities/{id}
    for operation in operations:
        run_operation(operation, headers, failures, statuses)
    assert failures == []
    assert len(statuses) > 100 and 200 in statuses and 422 in statuses
