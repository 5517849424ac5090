"""``POST /match`` refuses a body declared as anything but JSON, in the usual error shape."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import BRAVO, Node

BODY = b'{"queries": {"q": {"properties": {"name": ["Ferdinand Quispe"]}}}}'


def _post(node: Node, content_type: str) -> Any:
    headers = {**node.auth(BRAVO), "Content-Type": content_type}
    return node.client.post("/match/default", content=BODY, headers=headers)


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "text/json",
        "application/jsonp",
        "",
    ],
)
def test_a_body_declared_as_not_json_gets_415(node: Node, content_type: str) -> None:
    reply = _post(node, content_type)
    assert reply.status_code == 415, reply.text
    problem = reply.json()
    assert problem["error"] == "unsupported-media-type"
    assert "application/json" in problem["detail"]
    assert set(problem) == {"error", "detail", "where"}


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/problem+json",
        "application/vnd.watchline.match+json",
    ],
)
def test_json_and_plus_json_bodies_are_screened(node: Node, content_type: str) -> None:
    reply = _post(node, content_type)
    assert reply.status_code == 200, reply.text
    assert "q" in reply.json()["responses"]


def test_no_content_type_is_still_read_as_json(node: Node) -> None:
    reply = node.client.post("/match/default", content=BODY, headers=node.auth(BRAVO))
    assert reply.status_code == 200, reply.text


def test_the_key_is_checked_before_the_content_type(node: Node) -> None:
    reply = node.client.post("/match/default", content=BODY, headers={"Content-Type": "text/plain"})
    assert reply.status_code == 401


def test_openapi_declares_the_415(node: Node) -> None:
    schema = node.client.get("/openapi.json").json()
    assert "415" in schema["paths"]["/match/{dataset}"]["post"]["responses"]
