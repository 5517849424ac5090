"""The UN consolidated list importer, on the real file and on hostile input."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from watchline.errors import InputError
from watchline.model import Record
from watchline.sources import open_source
from watchline.sources.un_xml import UnXmlSource


@pytest.fixture(scope="module")
def un_records(data: Callable[[str], Path]) -> list[Record]:
    return list(UnXmlSource(data("un/consolidated.xml")).records())


def by_id(records: list[Record]) -> dict[str, Record]:
    return {record.id: record for record in records}


def test_counts_match_sources_md(un_records: list[Record]) -> None:
    targets = Counter(r.entity.schema for r in un_records if r.entity.target)
    assert targets == {"Person": 730, "Organization": 273}
    adjuncts = Counter(r.entity.schema for r in un_records if not r.entity.target)
    assert adjuncts["Sanction"] == 1003
    # 454 numbered documents; 3 passports are each restated in French and Spanish
    assert adjuncts["Passport"] + adjuncts["Identification"] == 454 - 6
    assert len({r.id for r in un_records}) == len(un_records)


def test_restated_document_is_merged(un_records: list[Record]) -> None:
    (passport,) = [r.entity for r in un_records if r.entity.get("holder") == ("unsc-690747",)]
    assert passport.schema == "Passport"
    assert passport.get("number") == ("381420754",)
    assert {"Passport", "Número de pasaporte"} <= set(passport.get("type"))
    assert passport.get("startDate") == ("2011-12-07",)


def test_aliases_and_original_script(un_records: list[Record]) -> None:
    subjects = [r.entity for r in un_records if r.entity.target]
    aliases = sum(len(e.get("alias")) + len(e.get("weakAlias")) for e in subjects)
    assert aliases > 2000
    arabic = [n for e in subjects for n in e.get("alias") if "\u0600" <= n[0] <= "\u06ff"]
    assert len(arabic) >= 360
    assert sum(1 for e in subjects if e.get("birthDate")) > 600
    assert sum(1 for e in subjects if e.get("nationality")) > 600


def test_spot_check_known_person(un_records: list[Record]) -> None:
    record = by_id(un_records)["unsc-111919"]
    person = record.entity
    assert person.schema == "Person" and person.target
    assert person.get("name") == ("SALIM AHMAD SALIM HAMDAN",)
    assert "سالم أحمد سالم حمدان" in person.get("alias")
    assert person.get("birthDate") == ("1965",)
    assert person.get("nationality") == ("ye",)
    assert person.get("passportNumber") == ("00385937",)
    assert "QDi.003" in person.get("programId")
    assert record.listing.source == "un-sc" and record.listing.originator == "UNSC"
    assert record.listing.listed_on == "2001-01-25"
    assert "1267" in (record.listing.legal_basis or "")
    assert (record.listing.reason or "").startswith("Driver and private bodyguard")


def test_adjuncts_point_at_subject(un_records: list[Record]) -> None:
    records = by_id(un_records)
    sanction = records["unsc-111919-sanction"].entity
    assert not sanction.target
    assert sanction.get("entity") == ("unsc-111919",)
    assert sanction.get("unscId") == ("QDi.003",)
    assert sanction.get("authority") == ("United Nations Security Council",)
    passports = [
        r.entity
        for r in un_records
        if r.entity.schema == "Passport" and r.entity.get("holder") == ("unsc-111919",)
    ]
    assert [p.get("number") for p in passports] == [("00385937",)]
    assert passports[0].get("country") == ("ye",)


def test_year_ranges_and_list_date(un_xml: Path) -> None:
    source = UnXmlSource(un_xml)
    assert source.info.list_date == "2026-02-27"
    assert source.info.format == "un-xml"
    ranged = [r for r in source.records() if len(r.entity.get("birthDate")) > 3]
    assert ranged, "FROM_YEAR/TO_YEAR ranges expand to years"


def test_truncated_file_raises_naming_a_line(un_xml: Path, tmp_path: Path) -> None:
    data = un_xml.read_bytes()
    cut = tmp_path / "consolidated.xml"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    source = open_source(cut)
    with pytest.raises(InputError) as info:
        list(source.records())
    assert info.value.where is not None
    assert info.value.where.startswith("consolidated.xml:")
    assert int(info.value.where.split(":")[1].split()[0]) > 1000


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>
<FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>
<FIRST_NAME>&i;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"""


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_entity_payloads_are_refused_quickly(payload: bytes, tmp_path: Path) -> None:
    path = tmp_path / "list.xml"
    path.write_bytes(payload)
    started = time.monotonic()
    with pytest.raises(InputError) as info:
        list(open_source(path, format="un-xml").records())
    assert time.monotonic() - started < 1.0
    assert "refused" in str(info.value)
    assert "root:" not in str(info.value)


def test_external_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xml"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST SYSTEM '
        b'"http://example.invalid/x.dtd"><CONSOLIDATED_LIST/>'
    )
    with pytest.raises(InputError, match="external DTD"):
        UnXmlSource(path)


def test_wrong_root_and_missing_dataid(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.xml"
    wrong.write_bytes(b"<sdnList/>")
    with pytest.raises(InputError, match="CONSOLIDATED_LIST"):
        UnXmlSource(wrong)
    nodata = tmp_path / "nodata.xml"
    nodata.write_bytes(
        b"<CONSOLIDATED_LIST>\n<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A"
        b"</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    with pytest.raises(InputError) as info:
        list(UnXmlSource(nodata).records())
    assert info.value.where == "nodata.xml:2 (INDIVIDUAL DATAID=?)"


def test_packed_aliases_are_split(un_records: list[Record]) -> None:
    """The UN writes several spellings in one alias field; each becomes an alias."""
    aliases = {n for r in un_records if r.entity.target for n in r.entity.get("alias")}
    assert not [n for n in aliases if ";" in n]
    assert {"Qasim Soleimani", "Kasim Sulaymani"} <= aliases
    assert "Encep Nurjaman" in aliases
