"""goAML STR writer: validates against the real 5.0.1 schema (XSD 1.1), honours STR rules."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import shared
from watchline.errors import InputError
from watchline.sources.goaml import Lookups, StrInput, load_lookups, write_str

PAYMENT = {
    "row": 5,
    "timestamp": "2022-09-01T10:00:00",
    "from_bank": "1",
    "from_account": "A1",
    "from_name": "Ivan Petrov",
    "to_bank": "7",
    "to_account": "B2",
    "to_name": "Relief Fund #3",
    "amount_paid": 9500.0,
    "payment_currency": "US Dollar",
    "amount_received": 8740.0,
    "receiving_currency": "Euro",
    "payment_format": "Cash",
}


def _data(*payments: dict[str, object], typologies: tuple[str, ...] = ("collector",)) -> StrInput:
    return StrInput(
        "WL-CASE-1",
        "collector forwarding to a listed person",
        "account frozen",
        typologies,
        payments,
        submitted=datetime(2024, 1, 2, tzinfo=UTC),
    )


@pytest.fixture(scope="module")
def schema() -> object:
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema11(str(shared("goaml", "goAMLSchema.xsd")))


def test_report_validates_against_goaml_schema(schema: object, tmp_path: Path) -> None:
    incoming = dict(PAYMENT, row=6, from_bank="7", to_bank="1", payment_format="Wire")
    result = write_str(_data(PAYMENT, incoming), load_lookups())
    path = tmp_path / "str.xml"
    path.write_bytes(result.xml)
    errors = list(schema.iter_errors(str(path)))  # type: ignore[attr-defined]
    assert errors == []
    root = etree.fromstring(result.xml)
    assert root.findtext("report_code") == "STR"
    assert root.find("transaction/t_from_my_client/from_account/account").text == "A1"
    assert root.find("transaction[2]/t_to_my_client") is not None
    assert root.find("transaction/t_to/to_account/account_name").text == "Relief Fund #3"
    assert root.findtext("transaction/transmode_code") == "A"  # Cash, from the lookups
    assert root.findall("report_indicators/indicator")
    foreign = root.find("transaction/t_to/to_foreign_currency")  # received in euro
    assert foreign.findtext("foreign_currency_code") == "EUR"
    assert foreign.findtext("foreign_amount") == "8740.00"
    assert root.find("transaction/t_from_my_client/from_foreign_currency") is None


def test_a_broken_report_does_not_validate(schema: object, tmp_path: Path) -> None:
    """Guards against a validator that silently skips the XSD 1.1 schema."""
    root = etree.fromstring(write_str(_data(PAYMENT), load_lookups()).xml)
    root.remove(root.find("report_indicators"))
    path = tmp_path / "bad.xml"
    path.write_bytes(etree.tostring(root))
    assert not schema.is_valid(str(path))  # type: ignore[attr-defined]


def test_payments_without_a_client_side_are_left_out() -> None:
    outsider = dict(PAYMENT, from_bank="8", to_bank="9")
    result = write_str(_data(PAYMENT, outsider), load_lookups())
    assert (result.included, result.left_out) == (1, 1)


def test_no_client_side_at_all_is_a_sar_not_an_str() -> None:
    with pytest.raises(InputError, match="SAR"):
        write_str(_data(dict(PAYMENT, from_bank="8", to_bank="9")), load_lookups())


def test_codes_must_come_from_the_lookup_lists() -> None:
    data = dict(load_lookups().data)
    data["transmode"] = {"default": "ZZ", "allowed": ["-"], "by_format": {}}
    with pytest.raises(InputError, match="not allowed"):
        write_str(_data(PAYMENT), Lookups(data))


def test_indicators_are_mandatory() -> None:
    data = dict(load_lookups().data)
    data["indicators"] = {"default": [], "allowed": ["-"], "by_typology": {}}
    with pytest.raises(InputError, match="indicator"):
        write_str(_data(PAYMENT), Lookups(data))


def test_lookups_override_by_path(tmp_path: Path) -> None:
    custom = tmp_path / "fiu.yaml"
    text = (Path(__file__).parents[2] / "src/watchline/data/goaml_lookups.yaml").read_text()
    custom.write_text(text.replace('bank_ids: ["1"]', 'bank_ids: ["7"]'), encoding="utf-8")
    root = etree.fromstring(write_str(_data(PAYMENT), load_lookups(custom)).xml)
    assert root.find("transaction/t_to_my_client") is not None
    assert root.find("transaction/t_from") is not None
