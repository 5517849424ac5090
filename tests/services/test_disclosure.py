"""The disclosure rules on their own: what a caller sees of a hit, who hears of it."""

from __future__ import annotations

import pytest

from watchline.matching import Contribution, Explanation, Hit
from watchline.model import Entity, Handling, Listing, Record
from watchline.services.disclosure import Disclosed, Withheld, disclose, originator_hears
from watchline.services.screening import ScreenResult

NODE_CUT = 0.7


def result(score: float, handling: Handling, source: str = "agency:ALPHA") -> ScreenResult:
    entity = Entity.build("a-1", "Person", {"name": ["Ada Lovelace"]}, target=True)
    listing = Listing(source=source, originator="ALPHA", handling=handling)
    why = Explanation("q", "Ada Lovelace", score, [], [Contribution("name", score, "t")], score)
    return ScreenResult(Hit("a-1", score, "Ada Lovelace", "Person", why), Record(entity, listing))


@pytest.mark.parametrize(
    ("score", "asked", "expected"),
    [(0.9, 0.5, True), (0.6, 0.5, True), (0.6, 0.65, False)],
)
def test_a_visible_record_is_disclosed_with_the_callers_cut(
    score: float, asked: float, expected: bool
) -> None:
    outcome, reference = disclose("BRAVO", result(score, Handling.PUBLIC), asked, NODE_CUT)
    assert isinstance(outcome, Disclosed) and outcome.match is expected
    assert reference is not None and reference.startswith("WL-")


def test_a_hidden_record_is_withheld_only_at_the_nodes_cut() -> None:
    strong = result(0.8, Handling.ORIGINATOR_ONLY)
    outcome, reference = disclose("BRAVO", strong, 0.1, NODE_CUT)
    assert outcome == Withheld(reference or "", "ALPHA")
    weak = result(0.5, Handling.ORIGINATOR_ONLY)
    assert disclose("BRAVO", weak, 0.1, NODE_CUT) == (None, None)  # a low cut cannot fish


def test_who_hears_of_a_hit() -> None:
    own = result(0.9, Handling.PUBLIC).record.listing
    assert not originator_hears(own, "ALPHA", None)
    assert originator_hears(own, "BRAVO", set())  # published through the API here
    un = result(0.9, Handling.PUBLIC, source="un-sc").record.listing
    assert not originator_hears(un, "BRAVO", {"BRAVO"})
    assert originator_hears(un, "BRAVO", {"ALPHA"})
    assert originator_hears(un, "BRAVO", None)  # agencies not known yet: tell
