"""Publishing, amending and delisting through the API, each change audited."""

from __future__ import annotations

import itertools

from tests.api.conftest import ALPHA, BRAVO, PUBLIC_ID, Node, match_body
from watchline.model import Entity, Listing

NEW = {
    "schema": "Person",
    "id": "p-77",
    "properties": {"name": ["Korvin Alabaster Mbeki"], "birthDate": ["1980-02-02"]},
    "listing": {"legal_basis": "Act 9", "reason": "financing", "handling": "public"},
}


def test_publish_amend_delist_round_trip(node: Node) -> None:
    manager = node.auth(BRAVO, "list-manager")
    created = node.client.post("/entities", json=NEW, headers=manager)
    assert created.status_code == 201
    record = created.json()
    assert record["id"] == "bravo-fiu-p-77" and record["listing"]["originator"] == BRAVO
    eid = record["id"]
    hit = node.client.post(
        "/match/default", json=match_body("Korvin Alabaster Mbeki"), headers=node.auth(ALPHA)
    )
    assert [r["id"] for r in hit.json()["responses"]["q1"]["results"]] == [eid]
    amended = node.client.patch(
        f"/entities/{eid}",
        headers=manager,
        json={
            "reason": "court file",
            "properties": {"alias": ["K. Mbeki"]},
            "listing": {"handling": "originator-only"},
        },
    )
    assert amended.status_code == 200 and amended.json()["version"] == 2
    assert node.client.get(f"/entities/{eid}", headers=node.auth(ALPHA)).status_code == 404
    delisted = node.client.post(
        f"/entities/{eid}/delist", headers=manager, json={"reason": "deceased"}
    )
    assert [h["event"] for h in delisted.json()["history"]] == ["listed", "amended", "delisted"]
    again = node.client.post(f"/entities/{eid}/delist", headers=manager, json={"reason": "x"})
    assert again.status_code == 409
    gone = node.client.post(
        "/match/default", json=match_body("Korvin Alabaster Mbeki"), headers=node.auth(BRAVO)
    )
    assert gone.json()["responses"]["q1"]["results"] == []


def test_delisting_needs_a_reason(node: Node) -> None:
    manager = node.auth(BRAVO, "list-manager")
    eid = node.client.post("/entities", json=NEW, headers=manager).json()["id"]
    for body in ({}, {"reason": ""}, {"reason": "   "}):
        reply = node.client.post(f"/entities/{eid}/delist", json=body, headers=manager)
        assert reply.status_code == 422, body


def test_bad_records_are_refused(node: Node) -> None:
    manager = node.auth(BRAVO, "list-manager")
    for body in (
        {**NEW, "schema": "Spaceship"},
        {**NEW, "id": "../x"},
        {**NEW, "properties": {"name": "not a list"}},
        {**NEW, "listing": {"handling": "secret"}},
        {**NEW, "originator": ALPHA},
    ):
        assert node.client.post("/entities", json=body, headers=manager).status_code == 422


def test_every_change_and_refusal_is_audited(node: Node) -> None:
    manager = node.auth(BRAVO, "list-manager")
    eid = node.client.post("/entities", json=NEW, headers=manager).json()["id"]
    node.client.post("/entities/alpha-pub-1001/delist", json={"reason": "x"}, headers=manager)
    entries = node.client.get("/audit", headers=node.auth("OVERSIGHT", "auditor")).json()
    actions = [
        (e["agency"], e["action"], e["target"], e["summary"].get("outcome"))
        for e in entries
        if e["action"] in {"publish", "delist"}
    ]
    assert actions == [
        (BRAVO, "publish", eid, "ok"),
        (BRAVO, "delist", "alpha-pub-1001", "PermissionDeniedError"),
    ]
    assert all(e["prev_hash"] == p["entry_hash"] for p, e in itertools.pairwise(entries))


def test_a_record_comes_with_its_adjuncts(node: Node) -> None:
    """What the source said around a record (its Sanction) comes with it, as in `show`."""
    subject = node.client.get(f"/entities/{PUBLIC_ID}", headers=node.auth(ALPHA)).json()
    assert subject["adjuncts"] == []
    sanction = Entity.build(
        f"{PUBLIC_ID}-sanction",
        "Sanction",
        {"entity": [PUBLIC_ID], "authority": ["Council"], "program": ["CT-1"]},
    )
    listing = Listing(source="agency:" + ALPHA, originator=ALPHA, legal_basis="Act 9")
    node.services.registry.publish(sanction, listing, actor="test", agency=ALPHA)
    subject = node.client.get(f"/entities/{PUBLIC_ID}", headers=node.auth(BRAVO)).json()
    (adjunct,) = subject["adjuncts"]
    assert adjunct["id"] == f"{PUBLIC_ID}-sanction" and adjunct["schema"] == "Sanction"
    assert adjunct["properties"]["program"] == ["CT-1"] and adjunct["status"] == "active"
