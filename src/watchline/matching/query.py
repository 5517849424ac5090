"""What a caller asks (``Query``) and what the engine answers (``Hit``).

A query is what a checkpoint or a bank has about a person: one or more names and, when
known, a birth date, a nationality, a gender and a document number. Everything except the
name is optional; each extra fact either confirms or discounts a name match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from watchline.errors import InputError

if TYPE_CHECKING:
    from watchline.matching.explain import Explanation


@dataclass(frozen=True, slots=True)
class Query:
    """One screening request.

    Attributes:
        name: the full name as written on the document or form, or several spellings of it.
        schema: the FtM schema sought (``Person``, ``Organization``, ``Vessel``...);
            ``LegalEntity`` matches persons and organisations alike.
        birth_date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
        nationality: a country code (ISO alpha-2 or alpha-3) or a country name.
        gender: ``male``/``female`` (or ``m``/``f``).
        id_number: a passport, ID card, tax or registration number.
    """

    name: str | Sequence[str]
    schema: str = "Person"
    birth_date: str | None = None
    nationality: str | None = None
    gender: str | None = None
    id_number: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The query's names, blanks removed, in the order given."""
        raw = [self.name] if isinstance(self.name, str) else list(self.name)
        names = tuple(n.strip() for n in raw if isinstance(n, str) and n.strip())
        if not names:
            raise InputError("a screening query needs at least one non-blank name", "name")
        return names


class Hit:
    """One listed entity that matched a query, with the reasons why."""

    __slots__ = ("entity_id", "explanation", "matched_name", "schema", "score")

    def __init__(
        self,
        entity_id: str,
        score: float,
        matched_name: str,
        schema: str,
        explanation: Explanation,
    ) -> None:
        self.entity_id = entity_id
        self.score = score
        self.matched_name = matched_name
        self.schema = schema
        self.explanation = explanation

    def __repr__(self) -> str:
        return f"Hit({self.entity_id!r}, {self.score:.3f}, {self.matched_name!r})"
