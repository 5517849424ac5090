"""The one place where failures become HTTP answers.

The core raises its own error families and never knows HTTP; here each family gets its
status code, and every answer has the same ``Problem`` shape. Messages of NotFoundError
name only what the caller asked for, so a hidden record and a missing one look the same.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from watchline.errors import (
    ConflictError,
    InputError,
    IntegrityError,
    NotFoundError,
    PermissionDeniedError,
    WatchlineError,
)

log = logging.getLogger(__name__)

STATUS: dict[type[WatchlineError], tuple[int, str]] = {
    InputError: (422, "invalid-input"),
    NotFoundError: (404, "not-found"),
    PermissionDeniedError: (403, "forbidden"),
    ConflictError: (409, "conflict"),
    IntegrityError: (500, "integrity"),
}


def problem(
    status: int,
    error: str,
    detail: str,
    where: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": error, "detail": detail, "where": where}
    return JSONResponse(body, status_code=status, headers=headers)


async def _watchline_error(_request: Request, exc: Exception) -> JSONResponse:
    for family, (status, error) in STATUS.items():
        if isinstance(exc, family):
            if isinstance(exc, InputError):
                return problem(status, error, exc.reason, exc.where)
            return problem(status, error, str(exc))
    return problem(500, "internal", "unexpected error")


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """Pydantic's list of problems, condensed to one readable line per problem."""
    assert isinstance(exc, RequestValidationError)
    parts = []
    for error in exc.errors()[:10]:
        location = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{location}: {error.get('msg', 'invalid')}")
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ())) or None
    return problem(422, "invalid-input", "; ".join(parts) or "invalid request", where)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return problem(
        exc.status_code,
        _kind(exc.status_code),
        str(exc.detail),
        headers=dict(exc.headers) if exc.headers else None,
    )


async def _decode_error(_request: Request, exc: Exception) -> JSONResponse:
    return problem(400, "invalid-encoding", f"request body is not valid UTF-8 JSON: {exc}")


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return problem(500, "internal", "unexpected error; the node's log has the details")


def _kind(status: int) -> str:
    return {
        401: "unauthenticated",
        403: "forbidden",
        404: "not-found",
        405: "method",
        413: "too-large",
        415: "unsupported-media-type",
        429: "rate-limited",
    }.get(status, "http")


def install(app: FastAPI) -> None:
    app.add_exception_handler(WatchlineError, _watchline_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(UnicodeDecodeError, _decode_error)
    app.add_exception_handler(Exception, _unexpected)
