"""Why a hit scored what it scored: name parts paired, and each feature's contribution.

Analysts must be able to defend or dismiss a hit without rerunning anything, so the
explanation carries the raw numbers (JSON via :meth:`Explanation.to_dict`) and a one-line
reading for reports and CSV exports (:meth:`Explanation.summary`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Reasons:
    """How each pair of one explanation came to be alike, worked out when first read: most
    hits of a batch are never shown, and working it out costs about half as much again as
    scoring the hit (~0.14 ms)."""

    __slots__ = ("_compute", "_done")

    def __init__(self, compute: Callable[[], list[str]]) -> None:
        self._compute = compute
        self._done: list[str] | None = None

    def __getitem__(self, position: int) -> str:
        if self._done is None:
            self._done = self._compute()
        return self._done[position]


class PartMatch:
    """One query name part paired with one listed name part (or with nothing).

    ``how`` says in words what made a pair alike ("transliteration", "one name (equivalence
    class)", "learned from real Arabic-script pairs; ..."): an analyst defending a hit on
    "Sukuluf" for "Sokolow" needs to know it is how Arabic script writes that name."""

    __slots__ = ("_how", "listed_part", "query_part", "similarity", "weight")

    def __init__(
        self,
        query_part: str | None,
        listed_part: str | None,
        similarity: float,
        weight: float,
        how: str | tuple[Reasons, int] = "",
    ) -> None:
        self.query_part = query_part
        self.listed_part = listed_part
        self.similarity = similarity
        self.weight = weight
        self._how = how

    @property
    def how(self) -> str:
        """What made the pair alike, in words ("" for an unpaired part)."""
        if isinstance(self._how, str):
            return self._how
        reasons, position = self._how
        return reasons[position]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query_part": self.query_part,
            "listed_part": self.listed_part,
            "similarity": round(self.similarity, 4),
            "weight": round(self.weight, 4),
            "how": self.how,
        }


class Contribution:
    """One feature's log-odds contribution to the score, with its reason in words."""

    __slots__ = ("detail", "feature", "value")

    def __init__(self, feature: str, value: float, detail: str) -> None:
        self.feature = feature
        self.value = value
        self.detail = detail

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "value": round(self.value, 4), "detail": self.detail}


class Explanation:
    """The whole reasoning behind one hit.

    ``parts`` may be given as a function that pairs the parts: most hits of a batch are
    read for their ids and scores only, and pairing every hit's parts cost a sixth of a
    batch; it runs on first access to :attr:`parts`, once."""

    __slots__ = ("_parts", "contributions", "listed_name", "name_similarity", "query_name", "score")

    def __init__(
        self,
        query_name: str,
        listed_name: str,
        name_similarity: float,
        parts: list[PartMatch] | Callable[[], list[PartMatch]],
        contributions: list[Contribution],
        score: float,
    ) -> None:
        self.query_name = query_name
        self.listed_name = listed_name
        self.name_similarity = name_similarity
        self._parts = parts
        self.contributions = contributions
        self.score = score

    @property
    def parts(self) -> list[PartMatch]:
        """Query part against listed part, with similarity, weight and how they are alike."""
        if callable(self._parts):
            self._parts = self._parts()
        return self._parts

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (plain dicts, lists, strings and numbers)."""
        return {
            "query_name": self.query_name,
            "listed_name": self.listed_name,
            "name_similarity": round(self.name_similarity, 4),
            "parts": [p.to_dict() for p in self.parts],
            "contributions": [c.to_dict() for c in self.contributions],
            "score": round(self.score, 4),
        }

    def summary(self) -> str:
        """One line: the names, how the parts paired, and each non-name feature."""
        pairs = ", ".join(_pair_text(p) for p in self.parts)
        extras = "; ".join(
            f"{c.detail} ({c.value:+.1f})" for c in self.contributions if c.feature != "name"
        )
        text = (
            f"{self.score:.2f}: '{self.query_name}' ~ '{self.listed_name}' "
            f"(name {self.name_similarity:.2f}: {pairs})"
        )
        return f"{text}; {extras}" if extras else text


def _pair_text(part: PartMatch) -> str:
    if part.query_part is None:
        return f"-/{part.listed_part}"
    if part.listed_part is None:
        return f"{part.query_part}/-"
    if part.similarity >= 0.999:
        return f"{part.query_part}={part.listed_part}"
    how = f" ({part.how})" if part.how else ""
    return f"{part.query_part}~{part.listed_part} {part.similarity:.2f}{how}"
