"""Registry metadata: who listed a record, why, under what law, and who may see it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from watchline.model.entity import Entity


class Status(StrEnum):
    ACTIVE = "active"
    DELISTED = "delisted"


class Handling(StrEnum):
    """Who may see a record (its handling code)."""

    PUBLIC = "public"
    RESTRICTED = "restricted"  # the originator and the agencies in ``shared_with``
    ORIGINATOR_ONLY = "originator-only"


@dataclass(frozen=True, slots=True)
class Listing:
    """Why and by whom an entity is on the consolidated list."""

    source: str
    originator: str
    legal_basis: str | None = None
    reason: str | None = None
    listed_on: str | None = None
    status: Status = Status.ACTIVE
    handling: Handling = Handling.PUBLIC
    shared_with: tuple[str, ...] = ()

    def visible_to(self, agency: str | None) -> bool:
        """Whether an agency may see the record's content (None: an unrestricted reader)."""
        if self.handling is Handling.PUBLIC or agency is None:
            return True
        if agency == self.originator:
            return True
        return self.handling is Handling.RESTRICTED and agency in self.shared_with


@dataclass(frozen=True, slots=True)
class Record:
    """An entity together with its listing: the unit importers produce and the store keeps."""

    entity: Entity
    listing: Listing
    version: int = 1
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.entity.id
