"""FtM JSON lines (OpenSanctions exports) and the FtM exporter."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from watchline.errors import InputError
from watchline.sources import open_source, write_ftm
from watchline.sources.ftm_json import FtmSource

Data = Callable[[str], Path]
FILES = [
    ("opensanctions/yente_zala.entities.ftm.json", 91),
    ("opensanctions/yente_t1.entities.ftm.json", 7),
    ("opensanctions/sa_wiki_peps_20240313.entities.ftm.json", 1583),
]


@pytest.mark.parametrize(("name", "count"), FILES)
def test_counts_and_ids_kept(data: Data, name: str, count: int) -> None:
    path = data(name)
    records = list(FtmSource(path).records())
    assert len(records) == count
    with path.open(encoding="utf-8") as handle:
        originals = [json.loads(line) for line in handle if line.strip()]
    assert [r.id for r in records] == [o["id"] for o in originals]
    assert [r.entity.target for r in records] == [bool(o.get("target")) for o in originals]


def test_source_name_and_originator(data: Data) -> None:
    path = data("opensanctions/yente_t1.entities.ftm.json")
    assert FtmSource(path).info.name == "eu_fsf"
    named = open_source(path, source="my-src", originator="AM-NSS")
    assert named.info.name == "my-src"
    assert next(iter(named.records())).listing.originator == "AM-NSS"
    assert next(iter(FtmSource(path).records())).listing.originator == "OpenSanctions"


def test_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "x.ftm.json"
    good = '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}'
    path.write_text(f"{good}\n\n{{not json\n", "utf-8")
    with pytest.raises(InputError) as info:
        list(FtmSource(path).records())
    assert info.value.where == "x.ftm.json:3"
    path.write_text(f'{good}\n{{"id": "b", "schema": "Spaceship"}}\n', "utf-8")
    with pytest.raises(InputError) as info:
        list(FtmSource(path).records())
    assert info.value.where == "x.ftm.json:2"


def test_export_round_trips(data: Data, tmp_path: Path) -> None:
    source = data("opensanctions/yente_zala.entities.ftm.json")
    entities = [r.entity for r in FtmSource(source).records()]
    out = io.StringIO()
    assert write_ftm(entities, out) == 91
    lines = out.getvalue().splitlines()
    assert len(lines) == 91
    assert lines[0] == json.dumps(json.loads(lines[0]), sort_keys=True, ensure_ascii=False)
    assert any("\u0400" <= ch <= "\u04ff" for ch in out.getvalue()), "Cyrillic kept unescaped"
    copy = tmp_path / "copy.ftm.json"
    copy.write_text(out.getvalue(), "utf-8")
    assert [r.entity for r in FtmSource(copy).records()] == entities
