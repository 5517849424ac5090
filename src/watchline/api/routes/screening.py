"""Screening routes: the yente-compatible ``/match`` and the ranked ``/search``."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel

from watchline.api import convert, schemas
from watchline.api.deps import CurrentCaller, Limit, Services, Threshold
from watchline.errors import InputError
from watchline.matching import Query as ScreeningQuery

router = APIRouter(tags=["screening"])


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


@router.post("/match/{dataset}", response_model=schemas.MatchResponse)
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
    # run on their own threads and this coroutine waits for their future.
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
