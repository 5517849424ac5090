"""The FastAPI application factory: nothing is built at import time.

``create_app(settings)`` opens the store and the screening index when the app starts
(lifespan) unless services are handed in, as tests do.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from watchline.api import errors, schemas
from watchline.api.deps import Authenticator
from watchline.api.limits import BodyLimit
from watchline.api.metrics import Metrics, MetricsMiddleware
from watchline.api.routes import health, oversight, registry, screening
from watchline.api.services import ApiServices, build_services
from watchline.settings import Settings

DESCRIPTION = """Screening and registry API of a watchline node.

Send your key as `Authorization: Bearer KEY` (or `ApiKey KEY`). `/match/{dataset}` speaks
the yente (OpenSanctions) match API. Hits on records your agency may not see come back as
a *possible hit* with a reference to quote to the originating agency.
"""


def create_app(
    settings: Settings, services: ApiServices | None = None, auth_cache_s: float = 1.0
) -> FastAPI:
    """Build the app; ``services`` (tests) skips opening the store and index at start."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if services is None:
            _attach(app, build_services(settings), auth_cache_s)
            # A serving process keeps the index's millions of objects for its whole life:
            # freezing them keeps full garbage collections from stalling queries.
            gc.freeze()
        yield
        app.state.services.close()

    app = FastAPI(title="watchline", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    if services is not None:
        _attach(app, services, auth_cache_s)
    app.state.metrics = Metrics()
    # The screening routes first: the router tries routes in order, and /match is the hot one.
    for router in (screening.router, health.router, registry.router, oversight.router):
        app.include_router(router, responses=_PROBLEMS)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    return app


def _attach(app: FastAPI, services: ApiServices, auth_cache_s: float) -> None:
    app.state.services = services
    app.state.authenticator = Authenticator(
        services.keys, services.settings.rate_limit_per_minute, auth_cache_s
    )


def create_app_from_env() -> FastAPI:
    """For ``uvicorn --factory`` with several workers: settings from ``WATCHLINE_*``."""
    return create_app(Settings.from_env())


_PROBLEMS: dict[int | str, dict[str, object]] = {
    code: {"model": schemas.Problem, "description": text}
    for code, text in (
        (400, "Undecodable body"),
        (401, "No, unknown or revoked key"),
        (403, "Role or agency not allowed"),
        (404, "Not found"),
        (413, "Body too large"),
        (422, "Invalid input"),
        (429, "Rate limited"),
    )
}
