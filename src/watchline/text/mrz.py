"""Machine-readable zones of travel documents (ICAO Doc 9303): TD1, TD2 and TD3.

A checkpoint reads the MRZ and screens the holder. Two kinds of trouble are kept apart:

* text that is not an MRZ at all (wrong line count or length, characters outside
  ``A-Z0-9<``) raises :class:`~watchline.errors.InputError`;
* a field whose check digit disagrees is *reported* in ``MRZ.failures`` (field, expected,
  found): the officer sees it, and the name can still be screened, since a forged or
  misread document is exactly what screening must not skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Final

from watchline.errors import InputError

if TYPE_CHECKING:
    from watchline.matching.query import Query

_ALLOWED = re.compile(r"^[A-Z0-9<]+$")
_WEIGHTS: Final = (7, 3, 1)
# format name -> (line count, line length)
FORMATS: Final[dict[str, tuple[int, int]]] = {"TD1": (3, 30), "TD2": (2, 36), "TD3": (2, 44)}


@dataclass(frozen=True, slots=True)
class CheckFailure:
    """A field whose check digit does not agree with its content."""

    field: str
    expected: str
    found: str


@dataclass(frozen=True, slots=True)
class MRZ:
    """The fields of a machine-readable zone, and every check that failed."""

    format: str
    document_type: str
    issuing_state: str
    surname: str
    given_names: str
    number: str
    nationality: str
    birth_date: str | None
    sex: str | None
    expiry_date: str | None
    optional_data: str
    failures: tuple[CheckFailure, ...]

    @property
    def valid(self) -> bool:
        """True when every check digit agrees."""
        return not self.failures

    def to_query(self) -> Query:
        """A screening query for the holder (name, birth date, nationality, sex, number)."""
        from watchline.matching.query import Query

        name = " ".join(p for p in (self.given_names, self.surname) if p)
        gender = {"M": "male", "F": "female"}.get(self.sex or "")
        return Query(
            name=name or self.number,
            schema="Person",
            birth_date=self.birth_date,
            nationality=self.nationality or None,
            gender=gender,
            id_number=self.number or None,
        )


def check_digit(text: str) -> str:
    """ICAO 9303 check digit: digits as is, A-Z as 10-35, '<' as 0, weights 7-3-1."""
    total = 0
    for i, char in enumerate(text):
        if char.isdigit():
            value = int(char)
        elif "A" <= char <= "Z":
            value = ord(char) - 55
        else:
            value = 0
        total += value * _WEIGHTS[i % 3]
    return str(total % 10)


def split_lines(text: str) -> tuple[str, list[str]]:
    """The format and cleaned lines of an MRZ, or InputError if it is not shaped like one."""
    if not isinstance(text, str):
        raise InputError("an MRZ must be text", "mrz")
    lines = [re.sub(r"\s+", "", line).upper() for line in text.strip().splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1:
        lines = _split_single(lines[0])
    for fmt, (count, length) in FORMATS.items():
        if len(lines) == count and all(len(line) == length for line in lines):
            for number, line in enumerate(lines, 1):
                if not _ALLOWED.match(line):
                    raise InputError("characters outside A-Z, 0-9 and '<'", f"mrz line {number}")
            return fmt, lines
    shape = "x".join(str(len(line)) for line in lines) or "empty"
    raise InputError(f"not a TD1 (3x30), TD2 (2x36) or TD3 (2x44) MRZ: {shape}", "mrz")


def _split_single(line: str) -> list[str]:
    for count, length in FORMATS.values():
        if len(line) == count * length:
            return [line[i : i + length] for i in range(0, len(line), length)]
    return [line]


def parse_mrz(text: str, today: date | None = None) -> MRZ:
    """Parse a TD1, TD2 or TD3 machine-readable zone and validate every check digit.

    Args:
        text: the MRZ lines, separated by newlines (or concatenated); spaces are ignored.
        today: the reference day that decides the century of two-digit birth years
            (a birth year after this year's is read as 19xx). Defaults to the system date.
    """
    fmt, lines = split_lines(text)
    year = (today or date.today()).year % 100
    if fmt == "TD1":
        return _parse_td1(lines, year)
    return _parse_two_line(fmt, lines, year)


class _Checks:
    """Collects check-digit failures while fields are read."""

    def __init__(self) -> None:
        self.failures: list[CheckFailure] = []

    def check(self, field: str, data: str, digit: str) -> None:
        expected = check_digit(data)
        if digit == expected or (digit == "<" and set(data) <= {"<"}):
            return
        self.failures.append(CheckFailure(field, expected, digit))

    def date(self, field: str, raw: str, digit: str, birth_year_pivot: int | None) -> str | None:
        self.check(field, raw, digit)
        parsed = _mrz_date(raw, birth_year_pivot)
        if parsed is None and raw != "<<<<<<":
            self.failures.append(CheckFailure(field, "a valid YYMMDD date", raw))
        return parsed


def _mrz_date(raw: str, birth_year_pivot: int | None) -> str | None:
    """``YYMMDD`` to ISO. Birth years after the pivot are 19xx; expiry years are 20xx."""
    if not raw.isdigit():
        return None
    yy, mm, dd = int(raw[:2]), int(raw[2:4]), int(raw[4:6])
    century = 1900 if birth_year_pivot is not None and yy > birth_year_pivot else 2000
    try:
        return date(century + yy, mm, dd).isoformat()
    except ValueError:
        return None


def _name(field: str) -> tuple[str, str]:
    surname, _, given = field.partition("<<")
    return _words(surname), _words(given)


def _words(field: str) -> str:
    return " ".join(field.replace("<", " ").split())


def _sex(char: str) -> str | None:
    return char if char in ("M", "F", "X") else None


def _parse_two_line(fmt: str, lines: list[str], year: int) -> MRZ:
    """TD2 and TD3 share a layout; only the optional-data span differs."""
    top, bottom = lines
    checks = _Checks()
    end = len(bottom) - 1
    checks.check("number", bottom[0:9], bottom[9])
    birth = checks.date("birth_date", bottom[13:19], bottom[19], year)
    expiry = checks.date("expiry_date", bottom[21:27], bottom[27], None)
    optional = bottom[28:end]
    if fmt == "TD3":
        checks.check("optional_data", bottom[28:42], bottom[42])
        optional = bottom[28:42]
    checks.check("composite", bottom[0:10] + bottom[13:20] + bottom[21:end], bottom[end])
    surname, given = _name(top[5:])
    return MRZ(
        fmt,
        _words(top[0:2]),
        _words(top[2:5]),
        surname,
        given,
        _words(bottom[0:9]),
        _words(bottom[10:13]),
        birth,
        _sex(bottom[20]),
        expiry,
        _words(optional),
        tuple(checks.failures),
    )


def _parse_td1(lines: list[str], year: int) -> MRZ:
    top, middle, bottom = lines
    checks = _Checks()
    number, digit, optional1 = top[5:14], top[14], top[15:30]
    if digit == "<" and optional1.strip("<"):  # long number continues in optional data
        rest = optional1.split("<", 1)[0]
        number, digit, optional1 = number + rest[:-1], rest[-1:], optional1[len(rest) :]
    checks.check("number", number, digit)
    birth = checks.date("birth_date", middle[0:6], middle[6], year)
    expiry = checks.date("expiry_date", middle[8:14], middle[14], None)
    checks.check("composite", top[5:30] + middle[0:7] + middle[8:15] + middle[18:29], middle[29])
    surname, given = _name(bottom)
    optional = " ".join(p for p in (_words(optional1), _words(middle[18:29])) if p)
    return MRZ(
        "TD1",
        _words(top[0:2]),
        _words(top[2:5]),
        surname,
        given,
        _words(number),
        _words(middle[15:18]),
        birth,
        _sex(middle[7]),
        expiry,
        optional,
        tuple(checks.failures),
    )
