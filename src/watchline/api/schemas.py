"""Request and response models: the HTTP contract, kept apart from the internal objects.

The match models follow the yente (OpenSanctions) match API so its clients work unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Values = list[str] | str


class EntityExample(BaseModel):
    """One query: an FtM-shaped example of the entity sought."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    schema_: str = Field(
        "Person",
        alias="schema",
        max_length=60,
        description="FtM schema sought (Person, Organization, LegalEntity...)",
    )
    properties: dict[str, Values] = Field(
        ...,
        description="FtM properties; `name` is required (birthDate, nationality, "
        "gender, idNumber, passportNumber are used when given)",
    )


class MatchRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    queries: dict[str, EntityExample] = Field(..., description="Queries by a key of your choice")


class Total(BaseModel):
    value: int
    relation: Literal["eq"] = "eq"


class MatchResult(BaseModel):
    """A listed entity that matched, or a withheld 'possible hit' (see docs/api.md)."""

    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]
    datasets: list[str] = []
    referents: list[str] = []
    target: bool = False
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None
    score: float
    match: bool
    features: dict[str, float] = {}
    explanation: dict[str, Any] | None = None
    withheld: bool = False
    reference: str | None = None
    originator: str | None = None


class QueryResponse(BaseModel):
    status: int = 200
    results: list[MatchResult]
    total: Total
    query: dict[str, Any] = {}


class MatchResponse(BaseModel):
    responses: dict[str, QueryResponse]
    limit: int


class SearchResponse(BaseModel):
    results: list[MatchResult]
    total: Total
    limit: int


class ListingIn(BaseModel):
    """The listing fields an agency sets on its own record."""

    model_config = ConfigDict(extra="forbid")

    legal_basis: str | None = Field(None, max_length=2000)
    reason: str | None = Field(None, max_length=5000)
    listed_on: str | None = Field(None, max_length=40)
    handling: Literal["public", "restricted", "originator-only"] = "public"
    shared_with: list[str] = Field(default_factory=list, max_length=200)


class ListingPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    legal_basis: str | None = Field(None, max_length=2000)
    reason: str | None = Field(None, max_length=5000)
    listed_on: str | None = Field(None, max_length=40)
    handling: Literal["public", "restricted", "originator-only"] | None = None
    shared_with: list[str] | None = Field(None, max_length=200)


class EntityIn(BaseModel):
    """A new record; its id is namespaced by the publishing agency."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=120, pattern=r"^[A-Za-z0-9._-]+$")
    schema_: str = Field(..., alias="schema", max_length=60)
    properties: dict[str, list[str]]
    listing: ListingIn = Field(default_factory=lambda: ListingIn.model_validate({}))


class EntityPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(..., min_length=1, max_length=5000)
    properties: dict[str, list[str]] | None = None
    listing: ListingPatch | None = None


class DelistIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(..., min_length=1, max_length=5000)


class ListingOut(BaseModel):
    source: str
    originator: str
    legal_basis: str | None
    reason: str | None
    listed_on: str | None
    status: str
    handling: str
    shared_with: list[str]


class HistoryOut(BaseModel):
    version: int
    event: str
    at: datetime
    actor: str
    reason: str | None


class AdjunctOut(BaseModel):
    """An entity that refers to the record (its Sanction, Passport, ...), as its source said."""

    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]
    status: str


class EntityOut(BaseModel):
    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]
    datasets: list[str]
    target: bool
    version: int
    listing: ListingOut
    history: list[HistoryOut] = []
    adjuncts: list[AdjunctOut] = []


class SourceOut(BaseModel):
    name: str
    title: str
    format: str
    publisher: str
    list_date: str | None
    active: int
    delisted: int


class HitOut(BaseModel):
    reference: str
    at: datetime
    screening_agency: str
    entity_id: str
    score: float
    query: dict[str, Any]
    disclosed: bool


class AuditOut(BaseModel):
    seq: int
    at: datetime
    agency: str
    key_id: int | None
    action: str
    target: str | None
    summary: dict[str, Any]
    prev_hash: str
    entry_hash: str


class Problem(BaseModel):
    """Every error answer: a machine-readable kind and a message for a person."""

    error: str
    detail: str
    where: str | None = None


class Health(BaseModel):
    status: str
    checks: dict[str, str] = {}
