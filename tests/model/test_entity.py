from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.errors import InputError
from watchline.model import Entity, Handling, Listing, is_a

FTM = {
    "id": "NK-abc",
    "schema": "Person",
    "properties": {"name": ["Новиков Андрей Викторович"], "birthDate": ["1970-05-01"]},
    "datasets": ["ua_nsdc_sanctions"],
    "referents": ["ua-nsdc-1"],
    "target": True,
    "first_seen": "2024-01-01T00:00:00",
    "last_seen": "2026-04-29T00:00:00",
}


def test_ftm_object_round_trips_exactly() -> None:
    entity = Entity.from_ftm(FTM)
    assert entity.to_ftm() == FTM


def test_names_include_aliases_in_strength_order_without_repeats() -> None:
    entity = Entity.build(
        "x",
        "Person",
        {
            "weakAlias": ["Andy"],
            "alias": ["A. Novikov"],
            "name": ["Andrei Novikov", "Andrei Novikov"],
        },
    )
    assert entity.names == ("Andrei Novikov", "A. Novikov", "Andy")


@pytest.mark.parametrize(
    "bad",
    [
        {"schema": "Person", "properties": {}},
        {"id": "x", "schema": "Starship", "properties": {}},
        {"id": "x", "schema": "Person", "properties": {"name": "not a list"}},
        {"id": "x", "schema": "Person", "properties": {"name": [1]}},
        {"id": "x", "schema": "Person", "properties": {}, "datasets": "d"},
        [],
    ],
)
def test_malformed_ftm_is_refused_with_where(bad: object) -> None:
    with pytest.raises(InputError) as info:
        Entity.from_ftm(bad, where="f.json:3")  # type: ignore[arg-type]
    assert "f.json:3" in str(info.value)


def test_with_properties_replaces_and_removes() -> None:
    entity = Entity.build("x", "Person", {"name": ["A"], "alias": ["B"]})
    changed = entity.with_properties({"alias": [], "nationality": ["ru"]})
    assert changed.properties == {"name": ("A",), "nationality": ("ru",)}
    assert entity.get("alias") == ("B",)


def test_schema_inheritance() -> None:
    assert is_a("Company", "LegalEntity")
    assert is_a("Passport", "Identification")
    assert not is_a("Person", "Organization")


@pytest.mark.parametrize(
    ("handling", "agency", "visible"),
    [
        (Handling.PUBLIC, "X", True),
        (Handling.RESTRICTED, "B", True),
        (Handling.RESTRICTED, "C", False),
        (Handling.ORIGINATOR_ONLY, "A", True),
        (Handling.ORIGINATOR_ONLY, "B", False),
    ],
)
def test_handling_codes_decide_visibility(handling: Handling, agency: str, visible: bool) -> None:
    listing = Listing(source="s", originator="A", handling=handling, shared_with=("B",))
    assert listing.visible_to(agency) is visible


values = st.lists(st.text(min_size=1, max_size=20), max_size=4)


@given(st.dictionaries(st.sampled_from(["name", "alias", "notes", "country"]), values))
def test_build_then_ftm_round_trip_for_any_values(props: dict[str, list[str]]) -> None:
    entity = Entity.build("id-1", "Person", props)
    again = Entity.from_ftm(entity.to_ftm())
    assert again == entity
