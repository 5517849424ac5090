"""Translation between the HTTP models and the internal objects, in both directions."""

from __future__ import annotations

from collections.abc import Sequence

from watchline.api import schemas
from watchline.errors import InputError
from watchline.matching import Query
from watchline.model import SCHEMATA, Record
from watchline.services.hits import Disclosed, Outcome, Withheld
from watchline.services.screening import ScreenResult
from watchline.store.registry import HistoryEntry

ID_PROPERTIES = ("idNumber", "passportNumber", "registrationNumber", "taxNumber", "imoNumber")
WITHHELD_SCHEMA = "Thing"  # a withheld hit must not reveal the record's schema


def _values(value: schemas.Values) -> list[str]:
    raw = [value] if isinstance(value, str) else value
    return [v for v in raw if v.strip()]


def _first(props: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        if props.get(name):
            return props[name][0]
    return None


def to_query(example: schemas.EntityExample, where: str) -> Query:
    """A yente entity example as a screening query (InputError names what is wrong)."""
    if example.schema_ not in SCHEMATA:
        raise InputError(f"unknown schema {example.schema_!r}", where=f"{where}.schema")
    props = {key: _values(value) for key, value in example.properties.items()}
    names = props.get("name", []) + props.get("alias", [])
    parts = " ".join(
        v for key in ("firstName", "middleName", "lastName") for v in props.get(key, [])[:1]
    )
    if parts:
        names.append(parts)
    if not names:
        raise InputError("a query needs at least one name", where=f"{where}.properties.name")
    return Query(
        name=names,
        schema=example.schema_,
        birth_date=_first(props, "birthDate"),
        nationality=_first(props, "nationality", "citizenship", "country"),
        gender=_first(props, "gender"),
        id_number=_first(props, *ID_PROPERTIES),
    )


def disclosed(result: ScreenResult, match: bool) -> schemas.MatchResult:
    entity, explanation = result.record.entity, result.hit.explanation
    features = {c.feature: round(c.value, 4) for c in explanation.contributions}
    return schemas.MatchResult(
        id=entity.id,
        caption=entity.caption,
        schema=entity.schema,
        properties={k: list(v) for k, v in entity.properties.items()},
        datasets=list(entity.datasets) or [result.record.listing.source],
        referents=list(entity.referents),
        target=entity.target,
        first_seen=entity.first_seen,
        last_seen=entity.last_seen,
        last_change=entity.last_change,
        score=round(float(result.hit.score), 4),
        match=match,
        features=features,
        explanation=explanation.to_dict(),
    )


def withheld(outcome: Withheld, threshold: float) -> schemas.MatchResult:
    """Only the reference and the originating agency: nothing of the record itself.

    The score is reported as the threshold, not the real score, so that repeated probing
    with varied names cannot reconstruct the hidden record's name.
    """
    message = (
        f"Possible hit: contact the originating agency ({outcome.originator}), "
        f"reference {outcome.reference}"
    )
    return schemas.MatchResult(
        id=f"withheld:{outcome.reference}",
        caption=message,
        schema=WITHHELD_SCHEMA,
        properties={},
        score=threshold,
        match=True,
        withheld=True,
        reference=outcome.reference,
        originator=outcome.originator,
    )


def outcome(item: Outcome, threshold: float) -> schemas.MatchResult:
    if isinstance(item, Disclosed):
        return disclosed(item.result, item.match)
    return withheld(item, threshold)


def query_echo(example: schemas.EntityExample) -> dict[str, object]:
    return {
        "schema": example.schema_,
        "properties": {k: _values(v) for k, v in example.properties.items()},
    }


def entity_out(
    record: Record, history: Sequence[HistoryEntry], adjuncts: Sequence[Record] = ()
) -> schemas.EntityOut:
    entity, listing = record.entity, record.listing
    return schemas.EntityOut(
        id=entity.id,
        caption=entity.caption,
        schema=entity.schema,
        properties={k: list(v) for k, v in entity.properties.items()},
        datasets=list(entity.datasets),
        target=entity.target,
        version=record.version,
        listing=schemas.ListingOut(
            source=listing.source,
            originator=listing.originator,
            legal_basis=listing.legal_basis,
            reason=listing.reason,
            listed_on=listing.listed_on,
            status=listing.status.value,
            handling=listing.handling.value,
            shared_with=list(listing.shared_with),
        ),
        history=[
            schemas.HistoryOut(
                version=h.version, event=h.event, at=h.at, actor=h.actor, reason=h.reason
            )
            for h in history
        ],
        adjuncts=[
            schemas.AdjunctOut(
                id=a.entity.id,
                caption=a.entity.caption,
                schema=a.entity.schema,
                properties={k: list(v) for k, v in a.entity.properties.items()},
                status=a.listing.status.value,
            )
            for a in adjuncts
        ],
    )
