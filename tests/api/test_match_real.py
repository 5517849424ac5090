"""The full path with the real matcher and screening index (not the stand-in scorer)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.conftest import (
    ALPHA,
    BRAVO,
    CHARLIE,
    PUBLIC_ID,
    PUBLIC_NAME,
    SECRET_NAME,
    Node,
    match_body,
    open_node,
)
from watchline.settings import Settings


@pytest.fixture
def real_node(settings: Settings) -> Iterator[Node]:
    yield from open_node(settings, real=True)


def test_real_matcher_hits_and_withholds(real_node: Node) -> None:
    node = real_node
    reply = node.client.post(
        "/match/default",
        headers=node.auth(BRAVO),
        json=match_body(PUBLIC_NAME, birthDate=["1971-03-04"]),
    )
    results = reply.json()["responses"]["q1"]["results"]
    assert results[0]["id"] == PUBLIC_ID and results[0]["match"] is True
    assert results[0]["explanation"]["listed_name"] == PUBLIC_NAME
    assert "name" in results[0]["features"]
    hidden = node.client.post(
        "/match/default", json=match_body(SECRET_NAME), headers=node.auth(CHARLIE)
    )
    (withheld,) = hidden.json()["responses"]["q1"]["results"]
    assert withheld["withheld"] is True and "Vantongeren" not in hidden.text.replace(
        SECRET_NAME, ""
    )
    notices = node.client.get("/hits", headers=node.auth(ALPHA, "list-manager")).json()
    assert [(n["screening_agency"], n["disclosed"]) for n in notices] == [
        (CHARLIE, False),
        (BRAVO, True),
    ]
    assert notices[0]["reference"] == withheld["reference"]


def test_a_published_record_hits_at_once(real_node: Node) -> None:
    node = real_node
    body = {"schema": "Person", "properties": {"name": ["Oksana Trevelyan-Mbatha"]}}
    created = node.client.post("/entities", json=body, headers=node.auth(ALPHA, "admin"))
    reply = node.client.post(
        "/match/default", json=match_body("Oksana Trevelyan-Mbatha"), headers=node.auth(BRAVO)
    )
    ids = [r["id"] for r in reply.json()["responses"]["q1"]["results"]]
    assert ids[:1] == [created.json()["id"]]
