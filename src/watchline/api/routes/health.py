"""Liveness, readiness and metrics: the only routes that need no key."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from watchline.api import schemas
from watchline.api.deps import Services

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=schemas.Health)
async def healthz() -> schemas.Health:
    """The process is up."""
    return schemas.Health(status="ok")


@router.get("/readyz", response_model=schemas.Health, responses={503: {"model": schemas.Health}})
def readyz(services: Services) -> JSONResponse:
    """The database answers and the screening index is loaded."""
    checks = {"database": "ok", "index": "ok"}
    try:
        with services.store.reader() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as error:
        checks["database"] = type(error).__name__
    ready = all(v == "ok" for v in checks.values())
    body = schemas.Health(status="ready" if ready else "not-ready", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if ready else 503)


@router.get("/metrics", response_class=PlainTextResponse)
async def metrics(request: Request) -> PlainTextResponse:
    """Request counts and latencies in the Prometheus text format."""
    text = request.app.state.metrics.render()
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4")
