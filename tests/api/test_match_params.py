"""``/match`` is served by its own lean handler: it must check what FastAPI would check,
answer bad input in the same shape, and keep the route described in the OpenAPI schema."""

from __future__ import annotations

import pytest

from tests.api.conftest import BRAVO, PUBLIC_ID, PUBLIC_NAME, Node, match_body


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("limit=0", "query.limit"),
        ("limit=101", "query.limit"),
        ("limit=many", "query.limit"),
        ("threshold=1.5", "query.threshold"),
        ("threshold=-0.1", "query.threshold"),
        ("threshold=high", "query.threshold"),
    ],
)
def test_out_of_range_query_parameters_are_422(node: Node, query: str, where: str) -> None:
    reply = node.client.post(
        f"/match/default?{query}", json=match_body(PUBLIC_NAME), headers=node.auth(BRAVO)
    )
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"] == "invalid-input" and reply.json()["where"] == where


def test_query_parameters_are_applied(node: Node) -> None:
    body = match_body(PUBLIC_NAME)
    wide = node.client.post(
        "/match/default?limit=1&threshold=0", json=body, headers=node.auth(BRAVO)
    )
    assert wide.status_code == 200 and wide.json()["limit"] == 1
    results = wide.json()["responses"]["q1"]["results"]
    assert len(results) == 1 and results[0]["id"] == PUBLIC_ID


def test_dataset_outside_the_pattern_is_422_naming_the_path(node: Node) -> None:
    reply = node.client.post(
        "/match/no%20spaces", json=match_body(PUBLIC_NAME), headers=node.auth(BRAVO)
    )
    assert reply.status_code == 422 and reply.json()["where"] == "path.dataset"


def test_body_errors_name_the_field(node: Node) -> None:
    body = {"queries": {"q1": {"properties": {"name": 42}}}}
    reply = node.client.post("/match/default", json=body, headers=node.auth(BRAVO))
    assert reply.status_code == 422
    assert reply.json()["where"].startswith("body.queries.q1.properties.name")


def test_the_key_is_checked_before_the_body_is_read(node: Node) -> None:
    reply = node.client.post(
        "/match/default", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert reply.status_code == 401


def test_invalid_utf8_is_400(node: Node) -> None:
    reply = node.client.post(
        "/match/default",
        content=b'{"queries": {"q": {"properties": {"name": ["\xff\xfe"]}}}}',
        headers={**node.auth(BRAVO), "Content-Type": "application/json"},
    )
    assert reply.status_code == 400 and reply.json()["error"] == "invalid-encoding"


def test_openapi_still_describes_match(node: Node) -> None:
    operation = node.client.get("/openapi.json").json()["paths"]["/match/{dataset}"]["post"]
    assert [p["name"] for p in operation["parameters"]] == ["dataset", "limit", "threshold"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/MatchRequest"}
    assert operation["security"] == [{"APIKeyHeader": []}]
