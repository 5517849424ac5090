"""OFAC legacy sdnList XML (the non-SDN consolidated list)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from watchline.errors import InputError
from watchline.sources.ofac_csv import OfacCsvSource
from watchline.sources.ofac_xml import OfacXmlSource

Data = Callable[[str], Path]


def test_counts_date_and_names(data: Data) -> None:
    source = OfacXmlSource(data("ofac/consolidated.xml"))
    records = {r.id: r for r in source.records()}
    assert source.info.list_date == "2026-01-08"
    assert Counter(r.entity.schema for r in records.values()) == {
        "Person": 79,
        "Organization": 363,
        "Sanction": 442,
    }
    haniya = records["ofac-9639"].entity
    assert haniya.get("name") == ("HANIYA, Ismail Abdul Salah",)
    assert {"HANIYA, Ismail", "Ismaeel HANIYYA"} <= set(haniya.get("alias"))
    assert haniya.get("birthDate") == ("1962",)
    assert records["ofac-9639"].listing.legal_basis == "OFAC sanctions program(s): NS-PLC"


def test_sanction_terms_from_programs_ids_and_remarks(data: Data) -> None:
    records = {r.id: r.entity for r in OfacXmlSource(data("ofac/consolidated.xml")).records()}
    hamas = records["ofac-9647-sanction"]
    assert hamas.get("entity") == ("ofac-9647",)
    assert hamas.get("authority") == ("US Treasury OFAC",)
    assert set(hamas.get("program")) == {"NS-PLC", "SDGT"}
    assert hamas.get("summary") == ("(Linked To: HAMAS)",)
    assert hamas.get("provisions")[0].startswith("Secondary sanctions risk: section 1(b)")
    cmic = [e for e in records.values() if "CMIC-EO13959" in e.get("program")]
    assert cmic and all(e.get("listingDate") for e in cmic if e.schema == "Sanction")


def test_same_ids_as_the_csv_form(data: Data) -> None:
    xml_ids = {r.id for r in OfacXmlSource(data("ofac/consolidated.xml")).records()}
    csv_ids = {r.id for r in OfacCsvSource(data("ofac/cons_prim.csv")).records()}
    assert xml_ids == csv_ids


def test_weak_and_former_names(data: Data) -> None:
    entities = [r.entity for r in OfacXmlSource(data("ofac/consolidated.xml")).records()]
    assert sum(len(e.get("weakAlias")) for e in entities) > 60  # 72 weak, some f.k.a.
    assert sum(1 for e in entities if e.get("previousName")) > 50


def test_bad_uid_names_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_bytes(
        b'<sdnList xmlns="urn:x">\n<sdnEntry><uid>abc</uid><lastName>X</lastName>'
        b"<sdnType>Entity</sdnType></sdnEntry></sdnList>"
    )
    with pytest.raises(InputError) as info:
        list(OfacXmlSource(path).records())
    assert info.value.where == "x.xml:2 (sdnEntry uid=abc)"
