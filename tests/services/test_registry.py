"""Publishing, amending and delisting an agency's own records, with history and permissions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from watchline.errors import ConflictError, InputError, NotFoundError, PermissionDeniedError
from watchline.model import Entity, Handling, Listing, Record, Status
from watchline.services.registry import Registry
from watchline.store import Store
from watchline.store import registry as repo


def publish(
    registry: Registry,
    eid: str = "am-1",
    agency: str = "AM-NSS",
    handling: Handling = Handling.PUBLIC,
) -> None:
    entity = Entity.build(eid, "Person", {"name": ["Արամ Պետրոսյան"], "nationality": ["am"]})
    listing = Listing(
        source="am-national",
        originator=agency,
        legal_basis="Law 123",
        reason="financing",
        listed_on="2026-01-10",
        handling=handling,
    )
    registry.publish(entity, listing, actor=f"{agency}:key1", agency=agency)


def test_amendment_keeps_previous_version_actor_and_reason(store: Store) -> None:
    registry = Registry(store)
    publish(registry)
    registry.amend(
        "am-1",
        actor="AM-NSS:key2",
        reason="new alias from court file",
        agency="AM-NSS",
        properties={"alias": ["Aram Petrosyan"]},
    )
    history = registry.history("am-1")
    assert [(h.version, h.event, h.actor) for h in history] == [
        (1, "listed", "AM-NSS:key1"),
        (2, "amended", "AM-NSS:key2"),
    ]
    assert history[1].reason == "new alias from court file"
    assert "alias" not in history[0].snapshot["entity"]["properties"]
    assert registry.get("am-1").entity.get("alias") == ("Aram Petrosyan",)


def test_other_agencies_cannot_change_a_record(store: Store) -> None:
    registry = Registry(store)
    publish(registry)
    with pytest.raises(PermissionDeniedError):
        registry.delist("am-1", actor="GE-SSG:k", reason="x", agency="GE-SSG")
    with pytest.raises(PermissionDeniedError):
        registry.amend(
            "am-1", actor="GE-SSG:k", reason="x", agency="GE-SSG", properties={"name": ["Other"]}
        )
    assert registry.get("am-1").version == 1


def test_hidden_records_look_absent_to_other_agencies(store: Store) -> None:
    registry = Registry(store)
    publish(registry, handling=Handling.ORIGINATOR_ONLY)
    with pytest.raises(NotFoundError):
        registry.get("am-1", agency="GE-SSG")
    with pytest.raises(NotFoundError):
        registry.delist("am-1", actor="GE-SSG:k", reason="x", agency="GE-SSG")
    assert registry.get("am-1", agency="AM-NSS").id == "am-1"


def test_delisting_needs_a_reason_and_happens_once(store: Store) -> None:
    registry = Registry(store)
    publish(registry)
    with pytest.raises(InputError):
        registry.delist("am-1", actor="a", reason=" ", agency="AM-NSS")
    record = registry.delist("am-1", actor="a", reason="court annulled", agency="AM-NSS")
    assert record.listing.status is Status.DELISTED
    with pytest.raises(ConflictError):
        registry.delist("am-1", actor="a", reason="again", agency="AM-NSS")
    assert [h.event for h in registry.history("am-1")] == ["listed", "delisted"]


def test_publishing_for_another_agency_is_refused(store: Store) -> None:
    registry = Registry(store)
    with pytest.raises(PermissionDeniedError):
        registry.publish(
            Entity.build("x", "Person", {"name": ["X"]}),
            Listing(source="s", originator="AM-NSS"),
            actor="a",
            agency="GE-SSG",
        )


def test_listing_fields_outside_the_amendable_set_are_refused(store: Store) -> None:
    registry = Registry(store)
    publish(registry)
    with pytest.raises(InputError, match="originator"):
        registry.amend(
            "am-1", actor="a", reason="r", agency="AM-NSS", listing={"originator": "GE-SSG"}
        )


def test_a_change_whose_witness_fails_is_rolled_back(store: Store) -> None:
    """What commits with a change (its audit entry) fails: the change is not kept either."""
    registry = Registry(store)
    publish(registry)

    def failing_witness(conn: object, record: object) -> None:
        raise RuntimeError("audit store unavailable")

    with pytest.raises(RuntimeError):
        registry.delist(
            "am-1", actor="a", reason="court annulled", agency="AM-NSS", witness=failing_witness
        )
    assert registry.get("am-1").listing.status is Status.ACTIVE
    assert [h.event for h in registry.history("am-1")] == ["listed"]


def test_the_witness_sees_the_new_version_inside_the_transaction(store: Store) -> None:
    registry = Registry(store)
    publish(registry)
    seen: list[int] = []
    registry.amend(
        "am-1",
        actor="a",
        reason="r",
        agency="AM-NSS",
        properties={"alias": ["Aram P."]},
        witness=lambda conn, record: seen.append(record.version),
    )
    assert seen == [2]


def test_adjuncts_are_the_records_that_refer_to_it_and_visible_to_the_reader(
    store: Store,
) -> None:
    registry = Registry(store)
    publish(registry)
    public = Listing(source="am-national", originator="AM-NSS")
    secret = replace(public, handling=Handling.ORIGINATOR_ONLY)
    sanction = Entity.build("am-1-sanction", "Sanction", {"entity": ["am-1"]})
    note = Entity.build("am-1-note", "Note", {"entity": ["am-1"], "description": ["file 7"]})
    with store.transaction() as conn:
        repo.insert(conn, [Record(sanction, public), Record(note, secret)], [])
    assert [r.id for r in registry.adjuncts("am-1")] == ["am-1-note", "am-1-sanction"]
    assert [r.id for r in registry.adjuncts("am-1", agency="GE-SSG")] == ["am-1-sanction"]
    with pytest.raises(NotFoundError):
        registry.adjuncts("nobody")
