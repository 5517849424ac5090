"""Registry routes: read records and sources; publish, amend and delist your own records.

Every call is audited, refused ones included. A record another agency restricted answers
404 exactly like a missing one, so its existence does not leak.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path
from sqlalchemy.engine import Connection

from watchline.api import convert, schemas
from watchline.api.deps import CurrentCaller, Services
from watchline.api.services import ApiServices
from watchline.errors import WatchlineError
from watchline.model import Entity, Handling, Listing, Record
from watchline.services.access import Action, Caller, visible_counts
from watchline.services.hits import AGENCY_SOURCE
from watchline.services.registry import Witness

router = APIRouter(tags=["registry"])
EntityId = Annotated[str, Path(min_length=1, max_length=255, description="Record id")]


def audited(
    services: ApiServices,
    caller: Caller,
    action: str,
    target: str,
    change: Callable[[Witness], Record],
) -> Record:
    """Run a registry change with its audit entry in the same transaction.

    A change and its entry commit together or not at all, so no change goes unaudited;
    refused changes (nothing written) are audited on their own.
    """

    def witness(conn: Connection, record: Record) -> None:
        summary = {"outcome": "ok", "version": record.version}
        services.audit.write(conn, caller.agency, caller.key_id, action, target, summary)

    try:
        record = change(witness)
    except WatchlineError as error:
        services.audit.append(
            caller.agency, caller.key_id, action, target, {"outcome": type(error).__name__}
        )
        raise
    services.screening.invalidate()
    return record


def agency_id(agency: str, local: str | None) -> str:
    """Ids of agency records live in the agency's namespace, so they never collide with
    (and so never reveal) another agency's records."""
    slug = re.sub(r"[^a-z0-9]+", "-", agency.lower()).strip("-") or "agency"
    return f"{slug}-{local or uuid.uuid4().hex[:16]}"


@router.get("/entities/{entity_id}", response_model=schemas.EntityOut)
def get_entity(entity_id: EntityId, caller: CurrentCaller, services: Services) -> schemas.EntityOut:
    """A record you may see, with its history and its adjuncts (Sanction, Passports...)."""
    caller.require(Action.READ)
    try:
        history = services.registry.history(entity_id, caller.agency)
        record = services.registry.get(entity_id, caller.agency)
        adjuncts = services.registry.adjuncts(entity_id, caller.agency)
    finally:
        services.audit.append(caller.agency, caller.key_id, "read", entity_id, {})
    return convert.entity_out(record, history, adjuncts)


@router.post("/entities", response_model=schemas.EntityOut, status_code=201)
def publish(body: schemas.EntityIn, caller: CurrentCaller, services: Services) -> schemas.EntityOut:
    """Publish a record of your agency (you become its originator)."""
    caller.require(Action.WRITE)
    entity = Entity.build(agency_id(caller.agency, body.id), body.schema_, body.properties)
    listing = Listing(
        source=AGENCY_SOURCE + caller.agency,
        originator=caller.agency,
        legal_basis=body.listing.legal_basis,
        reason=body.listing.reason,
        listed_on=body.listing.listed_on,
        handling=Handling(body.listing.handling),
        shared_with=tuple(body.listing.shared_with),
    )
    record = audited(
        services,
        caller,
        "publish",
        entity.id,
        lambda w: services.registry.publish(entity, listing, caller.actor, caller.agency, w),
    )
    return convert.entity_out(record, services.registry.history(record.id, caller.agency))


@router.patch("/entities/{entity_id}", response_model=schemas.EntityOut)
def amend(
    entity_id: EntityId, body: schemas.EntityPatch, caller: CurrentCaller, services: Services
) -> schemas.EntityOut:
    """Amend properties or listing fields of your agency's record (a reason is required)."""
    caller.require(Action.WRITE)
    listing: dict[str, Any] = body.listing.model_dump(exclude_unset=True) if body.listing else {}
    record = audited(
        services,
        caller,
        "amend",
        entity_id,
        lambda w: services.registry.amend(
            entity_id,
            caller.actor,
            body.reason,
            caller.agency,
            properties=body.properties,
            listing=listing,
            witness=w,
        ),
    )
    return convert.entity_out(record, services.registry.history(entity_id, caller.agency))


@router.post("/entities/{entity_id}/delist", response_model=schemas.EntityOut)
def delist(
    entity_id: EntityId, body: schemas.DelistIn, caller: CurrentCaller, services: Services
) -> schemas.EntityOut:
    """Delist your agency's record: it stops hitting; its history is kept."""
    caller.require(Action.WRITE)
    record = audited(
        services,
        caller,
        "delist",
        entity_id,
        lambda w: services.registry.delist(entity_id, caller.actor, body.reason, caller.agency, w),
    )
    return convert.entity_out(record, services.registry.history(entity_id, caller.agency))


@router.get("/sources", response_model=list[schemas.SourceOut])
def sources(caller: CurrentCaller, services: Services) -> list[schemas.SourceOut]:
    """Loaded sources with the counts of the records you may see."""
    caller.require(Action.READ)
    listed = services.registry.sources()
    totals = {s.name: {"active": s.active, "delisted": s.delisted} for s in listed}
    counts = visible_counts(services.store, caller.agency, totals)
    services.audit.append(caller.agency, caller.key_id, "sources", None, {})
    return [
        schemas.SourceOut(
            name=s.name,
            title=s.title,
            format=s.format,
            publisher=s.publisher,
            list_date=s.list_date,
            active=counts[s.name].get("active", 0),
            delisted=counts[s.name].get("delisted", 0),
        )
        for s in listed
    ]
