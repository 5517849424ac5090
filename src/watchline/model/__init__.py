"""Frozen value types shared by every layer: entities, listings, statuses."""

from watchline.model.entity import Entity
from watchline.model.listing import Handling, Listing, Record, Status
from watchline.model.schema import MATCHABLE_SCHEMATA, SCHEMATA, is_a

__all__ = [
    "MATCHABLE_SCHEMATA",
    "SCHEMATA",
    "Entity",
    "Handling",
    "Listing",
    "Record",
    "Status",
    "is_a",
]
