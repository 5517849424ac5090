"""Request dependencies, declared once as reusable ``Annotated`` aliases.

Authentication: ``Authorization: Bearer KEY`` (or ``ApiKey KEY``, as yente clients send).
Checked keys are remembered for ``cache_s`` seconds, so a busy screener costs one database
lookup a second rather than one a request; a revoked key stops working within that time.
"""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import Depends, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader
from starlette.exceptions import HTTPException

from watchline.api.limits import TokenBuckets
from watchline.api.services import ApiServices
from watchline.services.access import Caller, KeyService

SCHEMES = ("bearer", "apikey")
authorization_header = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    description="`Bearer KEY` or `ApiKey KEY`; create keys with `watchline keys create`.",
)


class Authenticator:
    """Key checks with a short memory, and the per-key rate limit."""

    def __init__(self, keys: KeyService, per_minute: int, cache_s: float) -> None:
        self.keys = keys
        self.buckets = TokenBuckets(per_minute)
        self.cache_s = cache_s
        self._known: dict[str, tuple[Caller | None, float]] = {}

    async def caller(self, header: str | None) -> Caller:
        secret = _secret(header)
        caller = await self._lookup(secret)
        if caller is None:
            raise HTTPException(
                401, "unknown or revoked API key", headers={"WWW-Authenticate": "Bearer"}
            )
        wait = self.buckets.take(caller.key_id)
        if wait > 0:
            raise HTTPException(
                429,
                f"rate limit of this key reached; retry in {wait:.1f} s",
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        return caller

    async def _lookup(self, secret: str) -> Caller | None:
        now = time.monotonic()
        known = self._known.get(secret)
        if known is not None and now - known[1] < self.cache_s:
            return known[0]
        caller = await run_in_threadpool(self.keys.authenticate, secret)
        if self.cache_s > 0:
            if len(self._known) > 10_000:
                self._known.clear()
            self._known[secret] = (caller, now)
        return caller


def _secret(header: str | None) -> str:
    scheme, _, secret = (header or "").strip().partition(" ")
    if scheme.lower() not in SCHEMES or not secret.strip():
        raise HTTPException(
            401,
            "an API key is required: 'Authorization: Bearer KEY'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return secret.strip()


async def _services(request: Request) -> ApiServices:
    """Async although it does no I/O: FastAPI runs a plain function dependency in a worker
    thread, a hand-over that measurably cost every request."""
    services: ApiServices = request.app.state.services
    return services


async def _caller(
    request: Request, header: Annotated[str | None, Security(authorization_header)]
) -> Caller:
    authenticator: Authenticator = request.app.state.authenticator
    return await authenticator.caller(header)


Services = Annotated[ApiServices, Depends(_services)]
CurrentCaller = Annotated[Caller, Depends(_caller)]
Limit = Annotated[int, Query(ge=1, le=100, description="Results per query")]
Threshold = Annotated[
    float | None, Query(ge=0.0, le=1.0, description="Score a result needs to match")
]
AfterSeq = Annotated[int, Query(ge=0, le=2**62, description="Entries after this seq")]
