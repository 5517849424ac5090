"""What a caller is shown of each hit, and what the originator and the audit log are told.

The rules of disclosure as data and pure functions: a hit the caller may see is
``Disclosed``; one on a record it may not see is ``Withheld`` (a reference and the
originator to quote it to, nothing of the record); the originator's notice carries only
the names and birth date screened; the audit summary names what came back. ``hits``
decides which applies and when it is written.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from watchline.matching.query import Query
from watchline.model import Listing
from watchline.services.access import Caller
from watchline.services.screening import ScreenResult
from watchline.store.registry import now

AGENCY_SOURCE = "agency:"  # the source of records an agency publishes through the API


@dataclass(frozen=True, slots=True)
class Disclosed:
    """A result the caller may see in full."""

    result: ScreenResult
    match: bool


@dataclass(frozen=True, slots=True)
class Withheld:
    """A hit on a record the caller may not see: only what to quote to its originator."""

    reference: str
    originator: str


Outcome = Disclosed | Withheld


def new_reference() -> str:
    return "WL-" + secrets.token_hex(5).upper()


def disclose(
    agency: str, result: ScreenResult, threshold: float, node_threshold: float
) -> tuple[Outcome | None, str | None]:
    """The result as ``agency`` may see it, with the reference a notice would quote.

    Hidden records are withheld only at or above the node's threshold, whatever threshold
    the caller asked for, and dropped under it, so that a low threshold cannot fish for
    them. (None, None) when nothing comes back.
    """
    listing = result.record.listing
    visible = listing.visible_to(agency)
    if not visible and result.hit.score < node_threshold:
        return None, None
    reference = new_reference()
    if visible:
        return Disclosed(result, result.hit.score >= threshold), reference
    return Withheld(reference, listing.originator), reference


def originator_hears(listing: Listing, agency: str, agencies: set[str] | None) -> bool:
    """Whether the originator hears of a hit: not of its own screenings, and only if it can
    read notices, i.e. it publishes here or is a known agency. A hit on an imported public
    list (the UN's, say) writes nothing unless its originator has an agency here, which
    spares a database write on most screenings."""
    if listing.originator == agency:
        return False
    if agencies is None or listing.source.startswith(AGENCY_SOURCE):
        return True
    return listing.originator in agencies


def hit_notice(
    caller: Caller, query: Query, result: ScreenResult, reference: str, disclosed: bool
) -> dict[str, Any]:
    """Only what the originator needs: the name(s) and birth date screened, who, when."""
    kept: dict[str, Any] = {"name": list(query.names)}
    if query.birth_date:
        kept["birthDate"] = query.birth_date
    return {
        "reference": reference,
        "at": now(),
        "originator": result.record.listing.originator,
        "screening_agency": caller.agency,
        "entity_id": result.record.id,
        "score": round(float(result.hit.score), 4),
        "query": kept,
        "disclosed": disclosed,
    }


def match_summary(
    dataset: str, queries: Mapping[str, Query], outcomes: Mapping[str, list[Outcome]]
) -> dict[str, Any]:
    """What was asked and, per query, which records (or references) came back."""
    summary: dict[str, Any] = {"dataset": dataset, "queries": {}}
    for key, query in queries.items():
        results = outcomes[key]
        summary["queries"][key] = {
            "name": list(query.names),
            "disclosed": [o.result.record.id for o in results if isinstance(o, Disclosed)],
            "withheld": [o.reference for o in results if isinstance(o, Withheld)],
        }
    return summary
