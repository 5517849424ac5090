"""OFAC legacy CSV sets: the real SDN and non-SDN files, and malformed rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from watchline.errors import InputError
from watchline.sources import open_source
from watchline.sources.ofac_csv import OfacCsvSource, natural_name, programs_of

Data = Callable[[str], Path]


def schemas(source: OfacCsvSource) -> Counter[str]:
    return Counter(record.entity.schema for record in source.records())


def test_sdn_2024_counts_and_orphan_warning(data: Data) -> None:
    source = OfacCsvSource(data("ofac/sdn.csv"))
    assert schemas(source) == {
        "Person": 6854,
        "Organization": 6884,
        "Vessel": 851,
        "Airplane": 376,
        "Sanction": 14965,  # one adjunct per listed subject
    }
    assert "alt.csv: 945 ent_num(s) not in sdn.csv (ignored)" in source.warnings
    assert any(w.startswith("add.csv: 2111 ") for w in source.warnings)
    assert source.info.name == "us-ofac-sdn"


def test_consistent_2021_set_has_no_orphans(data: Data) -> None:
    source = open_source(data("ofac/consistent_2021"))
    assert sum(1 for r in source.records() if r.entity.target) == 8976
    assert sum(1 for _ in source.records()) == 2 * 8976  # each with its Sanction
    assert source.warnings == []


def test_cons_prim_set(data: Data) -> None:
    source = OfacCsvSource(data("ofac/cons_prim.csv"))
    records = {r.id: r for r in source.records()}
    assert len(records) == 2 * 442 and source.warnings == []
    haniya = records["ofac-9639"]
    assert haniya.listing.source == "us-ofac-cons"
    assert haniya.listing.legal_basis == "OFAC sanctions program(s): NS-PLC"
    assert haniya.entity.get("name") == ("HANIYA, Ismail Abdul Salah",)
    assert "Ismail Abdul Salah HANIYA" in haniya.entity.get("alias")
    assert "HANIYYA, Ismaeel" in haniya.entity.get("alias")
    assert haniya.entity.get("birthDate") == ("1962",)
    assert haniya.entity.get("birthPlace") == ("Shati",)


def test_each_subject_is_followed_by_its_sanction(data: Data) -> None:
    records = {r.id: r for r in OfacCsvSource(data("ofac/sdn.csv")).records()}
    sanction = records["ofac-17018-sanction"]
    assert sanction.listing == records["ofac-17018"].listing
    terms = sanction.entity
    assert terms.schema == "Sanction" and not terms.target
    assert terms.get("entity") == ("ofac-17018",)
    assert terms.get("authority") == ("US Treasury OFAC",)
    assert terms.get("program") == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    assert terms.get("listingDate") == ("2022-02-24",)
    assert terms.get("startDate") == ("2022-03-26",)
    assert any(p.startswith("Secondary sanctions risk: ") for p in terms.get("provisions"))
    markazi = records["ofac-4632-sanction"].entity  # facts stay on the subject, links here
    assert markazi.get("summary") == (
        "Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE; Linked To: HIZBALLAH",
    )
    assert markazi.get("provisions") == (
        "Additional Sanctions Information - Subject to Secondary Sanctions",
    )


def test_sanction_ids_follow_the_source_ids(data: Data) -> None:
    records = list(OfacCsvSource(data("ofac/cons_prim.csv")).records())
    subjects = {r.id for r in records if r.entity.target}
    assert {r.id for r in records if not r.entity.target} == {f"{s}-sanction" for s in subjects}


def test_remarks_addresses_and_vessels(data: Data) -> None:
    records = {r.id: r.entity for r in OfacCsvSource(data("ofac/sdn.csv")).records()}
    bnc = records["ofac-306"]
    assert {"NATIONAL BANK OF CUBA", "BNC"} <= set(bnc.get("alias"))
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bnc.get("address")
    assert "ch" in bnc.get("country")
    vessels = [e for e in records.values() if e.schema == "Vessel"]
    assert sum(1 for v in vessels if v.get("imoNumber")) > 800
    people = [e for e in records.values() if e.schema == "Person"]
    assert sum(1 for p in people if p.get("birthDate")) > 5000
    assert sum(1 for p in people if "ir" in p.get("nationality")) > 300


def write(path: Path, rows: list[bytes]) -> Path:
    path.write_bytes(b"\r\n".join(rows) + b"\r\n\x1a")
    return path


ROW = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '


def test_wrong_column_count_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "sdn.csv", [ROW, ROW.replace(b"36,", b"37,"), b'38,"X","CUBA"'])
    with pytest.raises(InputError) as info:
        list(OfacCsvSource(path).records())
    assert info.value.where == "sdn.csv:3"
    assert "expected 12 columns, found 3" in info.value.reason


def test_companion_wrong_width_names_its_line(tmp_path: Path) -> None:
    write(tmp_path / "sdn.csv", [ROW])
    write(tmp_path / "alt.csv", [b'36,12,"aka","AERO-CARIBBEAN",-0- ', b'36,13,"aka"'])
    with pytest.raises(InputError) as info:
        list(OfacCsvSource(tmp_path / "sdn.csv").records())
    assert info.value.where == "alt.csv:2"


def test_ctrl_z_nulls_and_cp1252(tmp_path: Path) -> None:
    row = b'5,"CAF\xc9 L\x92ORANGE",-0- ,"SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '
    records = list(OfacCsvSource(write(tmp_path / "sdn.csv", [row])).records())
    assert [r.entity.schema for r in records] == ["Organization", "Sanction"]
    entity = records[0].entity
    assert entity.get("name") == ("CAF\u00c9 L\u2019ORANGE",)
    assert entity.schema == "Organization" and entity.get("notes") == ()
    assert records[0].listing.legal_basis == "OFAC sanctions program(s): SDGT, IRGC"


def test_unterminated_quote_at_end_raises(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(ROW + b'\r\n40,"TRUNCATED NAM')
    with pytest.raises(InputError) as info:
        list(OfacCsvSource(path).records())
    assert info.value.where == "sdn.csv:2"


def test_unknown_type_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "sdn.csv", [ROW.replace(b'-0- ,"CUBA"', b'"spaceship","CUBA"')])
    with pytest.raises(InputError, match="SDN_Type"):
        list(OfacCsvSource(path).records())


@pytest.mark.parametrize(
    ("name", "natural"),
    [
        ("HANIYA, Ismail Abdul Salah", "Ismail Abdul Salah HANIYA"),
        ("BANCO NACIONAL", None),
        ("A, B, C", None),
        ("LAST,", None),
    ],
)
def test_natural_name(name: str, natural: str | None) -> None:
    assert natural_name(name) == natural


def test_programs_of() -> None:
    assert programs_of("SDGT] [IRGC] [IFSR") == ["SDGT", "IRGC", "IFSR"]
    assert programs_of("") == []


def test_duplicate_ent_num_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "sdn.csv", [ROW, ROW])
    with pytest.raises(InputError, match="duplicate id") as info:
        list(OfacCsvSource(path).records())
    assert info.value.where == "sdn.csv:2"
