"""Screening routes: the yente-compatible ``/match`` and the ranked ``/search``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException

from watchline.api import convert, schemas
from watchline.api.deps import Authenticator, CurrentCaller, Limit, Services, Threshold
from watchline.api.services import ApiServices
from watchline.errors import InputError
from watchline.matching import Query as ScreeningQuery

router = APIRouter(tags=["screening"])
M = TypeVar("M", bound=BaseModel)


def json_response(model: BaseModel) -> Response:
    """Serialise once: the model is valid by construction, so FastAPI's second validation
    of the returned value (a measurable share of a /match call) is skipped."""
    return Response(model.model_dump_json(by_alias=True), media_type="application/json")


Dataset = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9._:-]+$",
        description="A source name, or `default` for all",
    ),
]
SearchText = Annotated[str, Query(min_length=1, max_length=300, description="Name to look up")]
SchemaName = Annotated[str, Query(max_length=60, description="FtM schema sought")]


class MatchParams(BaseModel):
    """The path and query parameters of ``/match``, with the constraints its OpenAPI
    description declares (the same ``Annotated`` aliases)."""

    dataset: Dataset
    limit: Limit = 5
    threshold: Threshold = None


class LeanRoute(APIRoute):
    """Serves its requests with ``serve_match`` instead of FastAPI's generic handler.

    The generic one (dependency resolution, parameter-by-parameter validation) took
    about 60 µs of every ``/match`` call; ``serve_match`` checks the key, the parameters
    and the body with the same models in a few. FastAPI still describes the route in
    the OpenAPI schema from the declared ``match`` signature.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        return serve_match


async def serve_match(request: Request) -> Response:
    """``POST /match/{dataset}``: key first (no work for strangers), then input, then the
    screening; bad input raises what FastAPI raises, so answers keep their shape."""
    authenticator: Authenticator = request.app.state.authenticator
    caller = await authenticator.caller(request.headers.get("authorization"))
    _require_json(request.headers.get("content-type"))
    params = _validated(MatchParams, {**request.query_params, **request.path_params}, _where)
    raw = (await request.body()).decode("utf-8")  # invalid UTF-8: 400, as elsewhere
    body = _validated(schemas.MatchRequest, raw, lambda loc: ("body", *loc))
    services: ApiServices = request.app.state.services
    return await match(params.dataset, body, caller, services, params.limit, params.threshold)


def _require_json(content_type: str | None) -> None:
    """415 for a body declared as anything but JSON (``application/json`` or ``+json``),
    before the body is read. The lean handler parses the body as JSON whatever it is called,
    so without this a form or text post would be screened as if it were JSON. No header at
    all is taken as JSON, as this route always has."""
    if content_type is None:
        return
    media = content_type.partition(";")[0].strip().lower()
    if media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    ):
        return
    raise HTTPException(415, f"send the body as application/json, not {media or 'empty'!r}")


def _where(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    return ("path" if loc[:1] == ("dataset",) else "query", *loc)


def _validated(
    model: type[M], data: object, where: Callable[[tuple[int | str, ...]], tuple[int | str, ...]]
) -> M:
    """``model`` from a mapping or JSON text; errors located as FastAPI locates them."""
    try:
        if isinstance(data, str):
            return model.model_validate_json(data)
        return model.model_validate(data)
    except ValidationError as error:
        problems = error.errors(include_url=False, include_input=False)
        raise RequestValidationError([{**p, "loc": where(p["loc"])} for p in problems]) from None


async def match(
    dataset: Dataset,
    body: schemas.MatchRequest,
    caller: CurrentCaller,
    services: Services,
    limit: Limit = 5,
    threshold: Threshold = None,
) -> Response:
    """Screen entities (yente match API): hits on records you may not see come back as a
    'possible hit' reference to quote to the originating agency."""
    # async, so that no worker thread is held per call: the scoring and the audit commit
    # run on the index thread and this coroutine waits for their future.
    most = services.settings.max_queries_per_request
    if not 0 < len(body.queries) <= most:
        raise InputError(f"send between 1 and {most} queries per request", where="queries")
    queries = {k: convert.to_query(v, f"queries.{k}") for k, v in body.queries.items()}
    pending = services.screening.submit_match(caller, queries, dataset, limit, threshold)
    outcomes = await asyncio.wrap_future(pending)  # scored off the event loop, on the index thread
    cut = services.screening.threshold if threshold is None else threshold
    responses = {
        key: schemas.QueryResponse(
            results=[convert.outcome(o, cut) for o in outcomes[key]],
            total=schemas.Total(value=len(outcomes[key])),
            query=convert.query_echo(body.queries[key]),
        )
        for key in queries
    }
    return json_response(schemas.MatchResponse(responses=responses, limit=limit))


router.add_api_route(
    "/match/{dataset}",
    match,
    methods=["POST"],
    response_model=schemas.MatchResponse,
    responses={415: {"model": schemas.Problem, "description": "Body not declared as JSON"}},
    route_class_override=LeanRoute,
)


@router.get("/search", response_model=schemas.SearchResponse)
def search(
    q: SearchText,
    caller: CurrentCaller,
    services: Services,
    limit: Limit = 10,
    schema: SchemaName = "LegalEntity",
) -> schemas.SearchResponse:
    """Ranked lookup by name over the records you may see."""
    example = schemas.EntityExample(schema=schema, properties={"name": [q]})
    query: ScreeningQuery = convert.to_query(example, "q")
    results = services.screening.search(caller, query, limit)
    cut = services.screening.threshold
    items = [convert.disclosed(r, r.hit.score >= cut) for r in results]
    return schemas.SearchResponse(results=items, total=schemas.Total(value=len(items)), limit=limit)
