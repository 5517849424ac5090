"""Which name rows belong to entities holding a given document number.

A matching passport or national ID number dominates a score (``score.py``), so a query with
a number must score the names of every live entity holding it, whatever its name: a
traveller may carry a listed person's passport under another name. Only entities with
numbers are tracked, so the table stays small.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from watchline.matching.arrays import IntArray
from watchline.matching.facts import Facts


class DocumentRows:
    """Normalised document number -> entity rows -> their name rows."""

    __slots__ = ("by_number", "names_of")

    def __init__(self) -> None:
        self.by_number: dict[str, list[int]] = {}
        self.names_of: dict[int, list[int]] = {}  # only entities holding a number

    def add_entity(self, row: int, numbers: Iterable[str]) -> None:
        """Track an entity row under each of its document numbers."""
        for number in numbers:
            self.by_number.setdefault(number, []).append(row)
            self.names_of.setdefault(row, [])

    def add_name(self, row: int, name_row: int) -> None:
        """Record a name row of an entity, if the entity holds a number."""
        names = self.names_of.get(row)
        if names is not None:
            names.append(name_row)

    def rows(self, numbers: Iterable[str], alive: np.ndarray) -> IntArray:
        """Name rows of live entities holding one of these (normalised) numbers."""
        found = [
            name_row
            for number in numbers
            for row in self.by_number.get(number, ())
            if alive[row]
            for name_row in self.names_of.get(row, ())
        ]
        return np.asarray(found, dtype=np.int64)

    @classmethod
    def rebuilt(cls, facts: Sequence[Facts], name_entity: Sequence[int]) -> DocumentRows:
        """The table from each entity's facts and each name row's entity (after a load)."""
        out = cls()
        for row, entity_facts in enumerate(facts):
            out.add_entity(row, entity_facts.ids)
        for name_row, row in enumerate(name_entity):
            out.add_name(row, name_row)
        return out
