"""Which importer a file needs, decided from its content, never from its name.

List managers rename files (``download (3).xml``, ``list.txt``); the first bytes are what
can be trusted: the XML root element, the first JSON line, or the CSV header row.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from watchline.errors import InputError
from watchline.sources.base import where
from watchline.sources.csvio import decode_legacy

HEAD_BYTES = 16384
_ROOT = re.compile(rb"<(?![?!])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_XML_ROOTS = {b"CONSOLIDATED_LIST": "un-xml", b"sdnList": "ofac-xml"}
_UK_HEADER = {"unique_id", "subject_type"}
_OFAC_COMPANION_WIDTHS = (2, 5, 6)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", where=str(path)) from None
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()


def _folder_format(path: Path) -> str:
    if (path / "subjects.csv").is_file():
        return "uk-csv"
    if (path / "sdn.csv").is_file() or (path / "cons_prim.csv").is_file():
        return "ofac-csv"
    raise InputError(
        "folder holds no known list (subjects.csv, sdn.csv, cons_prim.csv)", where=str(path)
    )


def _xml_format(head: bytes, path: Path) -> str:
    body = re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)
    match = _ROOT.search(body)
    if match and match.group(1) in _XML_ROOTS:
        return _XML_ROOTS[match.group(1)]
    root = match.group(1).decode("ascii", "replace") if match else "?"
    raise InputError(f"XML with an unknown root element {root!r}", where=where(path))


def _json_format(head: bytes, path: Path) -> str:
    first_line = head.split(b"\n", 1)[0]
    try:
        data = json.loads(first_line)
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict) and "schema" in data and "id" in data:
        return "ftm"
    if re.search(rb'^\{\s*"(id|schema|caption)"\s*:', head) and b'"schema"' in head:
        return "ftm"
    if re.search(rb'^\{\s*"metadata"\s*:', head) and b'"entities"' in head:
        return "eu-json"
    raise InputError("JSON that is neither FtM lines nor the EU derived list", where(path))


def _csv_format(head: bytes, path: Path) -> str:
    line = decode_legacy(head.split(b"\n", 1)[0])
    try:
        cells = [cell.strip() for cell in next(csv.reader([line]), [])]
    except csv.Error:
        cells = []
    if set(cells) >= _UK_HEADER:
        return "uk-csv"
    if cells[:3] == ["id", "schema", "name"] or {"id", "schema", "handling"} <= set(cells):
        return "national-csv"
    if cells and cells[0].isdigit():
        if len(cells) == 12:
            return "ofac-csv"
        if len(cells) in _OFAC_COMPANION_WIDTHS:
            raise InputError(
                "an OFAC companion file (alt/add/comments): open the primary "
                "sdn.csv or cons_prim.csv instead",
                where=where(path),
            )
    raise InputError(
        "not a known list format (UN XML, OFAC CSV/XML, UK CSV, FtM, national CSV)",
        where=where(path),
    )


def detect_format(path: Path) -> str:
    """The format name of a list file or folder, from its content; InputError if unknown."""
    if path.is_dir():
        return _folder_format(path)
    head = _head(path)
    if not head:
        raise InputError("empty file", where=where(path))
    if head.startswith(b"<"):
        return _xml_format(head, path)
    if head.startswith(b"{"):
        return _json_format(head, path)
    return _csv_format(head, path)
