"""The FollowTheMoney-shaped entity: an id, a schema and multi-valued properties."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from watchline.errors import InputError
from watchline.model.schema import NAME_PROPERTIES, SCHEMATA

Properties = Mapping[str, tuple[str, ...]]


def _clean_values(values: Iterable[object]) -> tuple[str, ...]:
    """Drop blanks and duplicates, keep order: FtM values are ordered sets of strings."""
    seen: dict[str, None] = {}
    for value in values:
        text = str(value).strip()
        if text:
            seen.setdefault(text, None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class Entity:
    """One FtM entity. Properties are kept exactly as FtM names them.

    ``datasets``, ``referents``, ``first_seen``, ``last_seen`` and ``target`` mirror the
    FtM JSON export fields so that OpenSanctions files round-trip unchanged.
    """

    id: str
    schema: str
    properties: Properties = field(default_factory=dict)
    datasets: tuple[str, ...] = ()
    referents: tuple[str, ...] = ()
    target: bool = False
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None

    @classmethod
    def build(
        cls, id: str, schema: str, props: Mapping[str, Iterable[object]], **extra: Any
    ) -> Entity:
        """Create an entity, cleaning values and dropping empty properties."""
        if schema not in SCHEMATA:
            raise InputError(f"unknown FtM schema {schema!r}", where=f"entity {id}")
        if not id:
            raise InputError("entity without id")
        cleaned = {key: _clean_values(vals) for key, vals in props.items()}
        return cls(
            id=id, schema=schema, properties={k: v for k, v in cleaned.items() if v}, **extra
        )

    def get(self, prop: str) -> tuple[str, ...]:
        return self.properties.get(prop, ())

    def first(self, prop: str) -> str | None:
        values = self.properties.get(prop)
        return values[0] if values else None

    @property
    def caption(self) -> str:
        """The name a person would call this entity by."""
        for prop in ("name", "alias", "title", "number", "full", "program"):
            value = self.first(prop)
            if value:
                return value
        return self.id

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and alias, strongest first, without repeats."""
        return _clean_values(v for p in NAME_PROPERTIES for v in self.get(p))

    def with_properties(self, props: Mapping[str, Iterable[object]]) -> Entity:
        """A copy whose given properties are replaced (an empty list removes one)."""
        merged: dict[str, Iterable[object]] = dict(self.properties)
        merged.update(props)
        return Entity.build(
            self.id,
            self.schema,
            merged,
            datasets=self.datasets,
            referents=self.referents,
            target=self.target,
            first_seen=self.first_seen,
            last_seen=self.last_seen,
            last_change=self.last_change,
        )

    def to_ftm(self) -> dict[str, Any]:
        """The FtM JSON object (the OpenSanctions export layout)."""
        data: dict[str, Any] = {
            "id": self.id,
            "schema": self.schema,
            "properties": {k: list(v) for k, v in sorted(self.properties.items())},
        }
        if self.datasets:
            data["datasets"] = list(self.datasets)
        if self.referents:
            data["referents"] = list(self.referents)
        data["target"] = self.target
        for key in ("first_seen", "last_seen", "last_change"):
            value = getattr(self, key)
            if value:
                data[key] = value
        return data

    @classmethod
    def from_ftm(cls, data: Mapping[str, Any], where: str | None = None) -> Entity:
        """Parse one FtM JSON object, refusing anything that is not shaped like one."""
        if not isinstance(data, Mapping):
            raise InputError("expected a JSON object", where=where)
        eid, schema, props = data.get("id"), data.get("schema"), data.get("properties", {})
        if not isinstance(eid, str) or not eid:
            raise InputError("missing or non-string 'id'", where=where)
        if not isinstance(schema, str) or schema not in SCHEMATA:
            raise InputError(f"unknown or missing 'schema': {schema!r}", where=where)
        if not isinstance(props, Mapping):
            raise InputError("'properties' must be an object", where=where)
        for key, values in props.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise InputError(f"property {key!r} must be a list of strings", where=where)
        return cls.build(
            eid,
            schema,
            props,
            datasets=_str_tuple(data.get("datasets"), "datasets", where),
            referents=_str_tuple(data.get("referents"), "referents", where),
            target=bool(data.get("target", False)),
            first_seen=_opt_str(data.get("first_seen")),
            last_seen=_opt_str(data.get("last_seen")),
            last_change=_opt_str(data.get("last_change")),
        )


def _str_tuple(value: Any, name: str, where: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{name!r} must be a list of strings", where=where)
    return tuple(value)


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
