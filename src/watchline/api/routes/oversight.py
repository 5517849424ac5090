"""Oversight routes: hit notifications for originators, the audit log for auditors."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from watchline.api import schemas
from watchline.api.deps import AfterSeq, CurrentCaller, Services
from watchline.services.access import Action

router = APIRouter(tags=["oversight"])
Since = Annotated[datetime | None, Query(description="Only notifications after this time")]
Many = Annotated[int, Query(ge=1, le=1000, description="Most entries to return")]


@router.get("/hits", response_model=list[schemas.HitOut])
def hits(
    caller: CurrentCaller, services: Services, since: Since = None, limit: Many = 100
) -> list[schemas.HitOut]:
    """Hits other agencies had on records your agency originated, newest first."""
    rows = services.screening.notifications(caller, since, limit)
    return [
        schemas.HitOut(
            reference=r.reference,
            at=r.at,
            screening_agency=r.screening_agency,
            entity_id=r.entity_id,
            score=r.score,
            query=r.query,
            disclosed=r.disclosed,
        )
        for r in rows
    ]


@router.get("/audit", response_model=list[schemas.AuditOut])
def audit(
    caller: CurrentCaller, services: Services, after: AfterSeq = 0, limit: Many = 100
) -> list[schemas.AuditOut]:
    """Audit entries (auditors and admins): oldest first after ``after``."""
    caller.require(Action.AUDIT)
    rows = services.audit.entries(limit=limit, after=after, newest_first=False)
    services.audit.append(
        caller.agency, caller.key_id, "read-audit", None, {"after": after, "returned": len(rows)}
    )
    return [
        schemas.AuditOut(
            seq=r.seq,
            at=r.at,
            agency=r.agency,
            key_id=r.key_id,
            action=r.action,
            target=r.target,
            summary=r.summary,
            prev_hash=r.prev_hash,
            entry_hash=r.entry_hash,
        )
        for r in rows
    ]
