"""The result type of the names layer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NamePart:
    """One part of a name, with its folded form and guessed role.

    Attributes:
        text: the part as written in the input (after Unicode clean-up), or the folded form
            for parts that were joined or compacted (``abdulrahman``, ``llc``).
        form: the folded form used for matching.
        role: ``given``, ``patronymic``, ``surname``, ``particle``, ``legal_form`` or
            ``unknown``.
    """

    text: str
    form: str
    role: str
