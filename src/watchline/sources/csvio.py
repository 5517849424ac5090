"""CSV reading shared by the CSV importers: line numbers, strict quoting, safe decoding.

Every row comes with the number of the physical line it starts on, so that an error can
name it. Quoting is strict (an unterminated quote at the end of a truncated file is an
error, not a silently shortened field).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from watchline.errors import InputError
from watchline.sources.base import where

CTRL_Z = b"\x1a"


def decode_legacy(raw: bytes) -> str:
    """UTF-8 when the bytes are UTF-8, else Windows-1252, else Latin-1 (never fails).

    OFAC's legacy files mix encodings over the years; cp1252 covers their curly quotes,
    and Latin-1 the five bytes cp1252 leaves undefined.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


class _Lines:
    """Decoded lines of a binary file that remember how many have been read."""

    def __init__(self, handle: BinaryIO, path: Path, legacy: bool) -> None:
        self.handle, self.path, self.legacy = handle, path, legacy
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            self.count += 1
            if self.legacy:
                raw = raw.replace(CTRL_Z, b"")
                yield decode_legacy(raw)
                continue
            try:
                yield raw.decode("utf-8-sig" if self.count == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not UTF-8: {exc.reason} at byte {exc.start}",
                    where=where(self.path, self.count),
                ) from None


def read_rows(path: Path, legacy: bool = False) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, fields)`` for every non-blank row of a CSV file.

    ``legacy`` selects OFAC decoding (UTF-8/cp1252/Latin-1, Ctrl-Z dropped); otherwise
    the file must be UTF-8 (a BOM is allowed).
    """
    with path.open("rb") as handle:
        lines = _Lines(handle, path, legacy)
        reader = csv.reader(lines, strict=True)
        while True:
            start = lines.count + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"malformed CSV: {exc}", where=where(path, start)) from None
            if any(field.strip() for field in row):
                yield start, row


def dict_rows(
    path: Path, required: tuple[str, ...], exact: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a UTF-8 CSV with a header, as dicts of stripped values.

    Missing ``required`` columns (and, when ``exact``, any other column) are refused
    before the first row is read, naming line 1.
    """
    rows = read_rows(path)
    first = next(rows, None)
    if first is None:
        raise InputError("empty file (no header row)", where=where(path, 1))
    header = [column.strip() for column in first[1]]
    missing = [column for column in required if column not in header]
    unknown = [column for column in header if column not in required] if exact else []
    if missing or unknown or len(set(header)) != len(header):
        problems = [
            f"missing column(s): {', '.join(missing)}" if missing else "",
            f"unknown column(s): {', '.join(unknown)}" if unknown else "",
            "repeated column name" if len(set(header)) != len(header) else "",
        ]
        raise InputError("; ".join(p for p in problems if p), where=where(path, first[0]))
    for line, row in rows:
        if len(row) != len(header):
            raise InputError(
                f"expected {len(header)} columns, found {len(row)}", where=where(path, line)
            )
        yield line, dict(zip(header, (value.strip() for value in row), strict=True))
