"""List importers: public sanctions lists and national lists turned into Records.

Importers only parse, streaming; they raise :class:`~watchline.errors.InputError` naming
the file and line (or element) on malformed input and never skip it silently. Storing,
diffing and history belong to the import service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from watchline.errors import InputError
from watchline.sources.base import ParsedSource, SourceInfo
from watchline.sources.detect import detect_format
from watchline.sources.eu_json import EuJsonSource
from watchline.sources.ftm_export import write_ftm
from watchline.sources.ftm_json import FtmSource
from watchline.sources.national_csv import NationalCsvSource
from watchline.sources.ofac_csv import OfacCsvSource
from watchline.sources.ofac_xml import OfacXmlSource
from watchline.sources.uk_csv import UkCsvSource
from watchline.sources.un_xml import UnXmlSource

Opener = Callable[[Path, str | None, str | None], ParsedSource]
_OPENERS: dict[str, Opener] = {
    "un-xml": UnXmlSource,
    "ofac-csv": OfacCsvSource,
    "ofac-xml": OfacXmlSource,
    "uk-csv": UkCsvSource,
    "ftm": FtmSource,
    "national-csv": NationalCsvSource,
    "eu-json": EuJsonSource,
}
FORMATS: tuple[str, ...] = tuple(_OPENERS)
_FOLDER_FORMATS = frozenset({"uk-csv", "ofac-csv"})


def _primary(path: Path, format: str) -> Path:
    """A folder given for an OFAC set means its primary file."""
    if format != "ofac-csv" or not path.is_dir():
        return path
    for name in ("sdn.csv", "cons_prim.csv"):
        if (path / name).is_file():
            return path / name
    raise InputError("folder has no sdn.csv or cons_prim.csv", where=str(path))


def open_source(
    path: Path,
    format: str | None = None,
    source: str | None = None,
    originator: str | None = None,
) -> ParsedSource:
    """Open a list file (or folder) for import; the format is detected when not given."""
    if not path.exists():
        raise InputError("no such file or folder", where=str(path))
    fmt = format or detect_format(path)
    opener = _OPENERS.get(fmt)
    if opener is None:
        raise InputError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    target = _primary(path, fmt)
    if fmt not in _FOLDER_FORMATS and not target.is_file():
        raise InputError(f"{fmt} needs a file, not a folder", where=str(path))
    return opener(target, source, originator)


__all__ = ["FORMATS", "ParsedSource", "SourceInfo", "detect_format", "open_source", "write_ftm"]
