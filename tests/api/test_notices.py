"""Who hears of a hit: originators that can read notices here, and nobody else.

A hit on an imported list whose originator has no agency on this node (the UN's, say)
writes no notice; once that originator gets a key, its records' hits are notified. And no
answer goes out without its audit entry.
"""

from __future__ import annotations

import pytest

from tests.api.conftest import ALPHA, CHARLIE, PUBLIC_ID, PUBLIC_NAME, Node, match_body
from watchline.model import Entity, Listing
from watchline.store import access as repo

IMPORTED_NAME = "Sigismund Okafor Lindqvist"
IMPORTED_ORIGINATOR = "UNSC-TEST"


def _import_public_record(node: Node) -> None:
    entity = Entity.build("un-test-1", "Person", {"name": [IMPORTED_NAME]})
    listing = Listing(source="un-test", originator=IMPORTED_ORIGINATOR)
    node.services.registry.publish(entity, listing, actor="import")
    node.services.screening.invalidate()


def _notices(node: Node, originator: str) -> list[repo.HitRow]:
    with node.services.store.reader() as conn:
        return repo.list_hits(conn, originator, None, 100)


def _screen(node: Node, name: str) -> dict[str, object]:
    reply = node.client.post("/match/default", json=match_body(name), headers=node.auth(CHARLIE))
    assert reply.status_code == 200
    (result,) = reply.json()["responses"]["q1"]["results"]
    assert isinstance(result, dict)
    return result


def test_unknown_originator_of_an_imported_list_is_not_notified(node: Node) -> None:
    _import_public_record(node)
    assert _screen(node, IMPORTED_NAME)["id"] == "un-test-1"
    assert _notices(node, IMPORTED_ORIGINATOR) == []


def test_originator_with_a_key_is_notified(node: Node) -> None:
    _import_public_record(node)
    node.key(IMPORTED_ORIGINATOR, "list-manager")
    node.services.screening.invalidate()  # agencies are re-read at most once a second
    _screen(node, IMPORTED_NAME)
    hits = node.client.get("/hits", headers=node.auth(IMPORTED_ORIGINATOR, "list-manager"))
    assert [h["entity_id"] for h in hits.json()] == ["un-test-1"]


def test_publishing_agency_is_notified_even_before_it_has_a_key(node: Node) -> None:
    result = _screen(node, PUBLIC_NAME)
    assert result["id"] == PUBLIC_ID
    assert [n.screening_agency for n in _notices(node, ALPHA)] == [CHARLIE]


def test_every_match_is_audited_even_without_notices(node: Node) -> None:
    _import_public_record(node)
    node.key(CHARLIE, "screener")
    before = node.services.audit.entries(limit=1)[0].seq
    _screen(node, IMPORTED_NAME)
    (entry,) = node.services.audit.entries(limit=1)
    assert entry.seq == before + 1 and entry.action == "match"
    assert entry.summary["queries"]["q1"]["disclosed"] == ["un-test-1"]


def test_no_answer_without_its_audit_entry(node: Node, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> int:
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(node.services.screening.commits.log, "write_many", refuse)
    reply = node.client.post(
        "/match/default", json=match_body(PUBLIC_NAME), headers=node.auth(CHARLIE)
    )
    assert reply.status_code == 500
    assert PUBLIC_ID not in reply.text
