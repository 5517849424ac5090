"""The yente-shaped ``/match`` endpoint, ``/search``, and how bad input is answered."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import BRAVO, PUBLIC_ID, PUBLIC_NAME, Node, make_settings, open_node


def test_match_answers_in_the_yente_shape(node: Node) -> None:
    body = {
        "queries": {
            "a": {
                "schema": "Person",
                "properties": {"name": [PUBLIC_NAME], "birthDate": ["1971"], "nationality": ["de"]},
            },
            "b": {"schema": "Person", "properties": {"name": "Nobody Atall Here"}},
        }
    }
    reply = node.client.post("/match/default", json=body, headers=node.auth(BRAVO))
    assert reply.status_code == 200
    data = reply.json()
    assert set(data["responses"]) == {"a", "b"} and data["limit"] == 5
    (result,) = data["responses"]["a"]["results"]
    assert {
        "id",
        "schema",
        "caption",
        "properties",
        "score",
        "match",
        "features",
        "explanation",
        "datasets",
    } <= set(result)
    assert result["id"] == PUBLIC_ID and result["match"] is True and result["score"] == 1.0
    assert result["properties"]["name"] == [PUBLIC_NAME]
    assert data["responses"]["a"]["total"] == {"value": 1, "relation": "eq"}
    assert data["responses"]["b"]["results"] == []
    assert data["responses"]["a"]["query"]["properties"]["birthDate"] == ["1971"]


def test_dataset_names_a_source(node: Node) -> None:
    body = {"queries": {"q": {"properties": {"name": [PUBLIC_NAME]}}}}
    headers = node.auth(BRAVO)
    assert node.client.post("/match/agency:ALPHA-NCA", json=body, headers=headers).json()[
        "responses"
    ]["q"]["results"]
    assert not node.client.post("/match/agency:OTHER", json=body, headers=headers).json()[
        "responses"
    ]["q"]["results"]
    unknown = node.client.post("/match/no-such-list", json=body, headers=headers)
    assert unknown.status_code == 404 and "no-such-list" in unknown.json()["detail"]


def test_search_ranks_visible_records(node: Node) -> None:
    reply = node.client.get("/search", params={"q": "Ferdinand Quispe"}, headers=node.auth(BRAVO))
    assert reply.status_code == 200
    assert [r["id"] for r in reply.json()["results"]] == [PUBLIC_ID]


BAD_BODIES = [
    (b'{"queries": {"q": ', "invalid-input"),  # malformed JSON
    (b'{"queries": {"q": {"properties": {"name": ["\xff\xfe"]}}}}', None),  # bad UTF-8
    (b'{"queries": {"q": {"properties": {"name": 42}}}}', "invalid-input"),  # wrong type
    (
        b'{"queries": {"q": {"schema": "Spaceship", "properties": {"name": ["x"]}}}}',
        "invalid-input",
    ),
    (b'{"queries": {"q": {"properties": {"birthDate": ["1970"]}}}}', "invalid-input"),
    (b'{"queries": {}}', "invalid-input"),
    (b"[]", "invalid-input"),
    (b"", "invalid-input"),
]


@pytest.mark.parametrize(("raw", "error"), BAD_BODIES)
def test_bad_input_is_a_clear_4xx(node: Node, raw: bytes, error: str | None) -> None:
    reply = node.client.post(
        "/match/default",
        content=raw,
        headers={**node.auth(BRAVO), "Content-Type": "application/json"},
    )
    assert 400 <= reply.status_code < 500, reply.text
    assert reply.json()["detail"]
    if error:
        assert reply.json()["error"] == error


def test_unknown_schema_message_names_the_field(node: Node) -> None:
    body = {"queries": {"q7": {"schema": "Spaceship", "properties": {"name": ["x"]}}}}
    reply = node.client.post("/match/default", json=body, headers=node.auth(BRAVO))
    assert reply.json()["where"] == "queries.q7.schema"
    assert "Spaceship" in reply.json()["detail"]


def test_too_many_queries_and_oversized_bodies(tmp_path: Path) -> None:
    settings_ = make_settings(
        tmp_path,
        f"sqlite:///{tmp_path / 'db.sqlite'}",
        max_queries_per_request=3,
        max_body_bytes=2000,
    )
    for node in open_node(settings_):
        headers = node.auth(BRAVO)
        many = {"queries": {f"q{i}": {"properties": {"name": ["A B"]}} for i in range(4)}}
        reply = node.client.post("/match/default", json=many, headers=headers)
        assert reply.status_code == 422 and "between 1 and 3" in reply.json()["detail"]
        big = {"queries": {"q": {"properties": {"name": ["x" * 5000]}}}}
        reply = node.client.post("/match/default", json=big, headers=headers)
        assert reply.status_code == 413 and reply.json()["error"] == "too-large"

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"queries": '
            yield b" " * 3000

        reply = node.client.post("/match/default", content=chunks(), headers=headers)
        assert reply.status_code == 413


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=json_values)
def test_any_json_body_gets_an_answer_below_500(node: Node, body: object) -> None:
    reply = node.client.post(
        "/match/default",
        content=json.dumps(body),
        headers={**node.auth(BRAVO), "Content-Type": "application/json"},
    )
    assert reply.status_code < 500, reply.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=200))
def test_any_bytes_get_an_answer_below_500(node: Node, raw: bytes) -> None:
    reply = node.client.post(
        "/match/default",
        content=raw,
        headers={**node.auth(BRAVO), "Content-Type": "application/json"},
    )
    assert reply.status_code < 500, reply.text
