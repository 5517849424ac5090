"""Names for the flows benchmark: background holders, listed persons and their spellings.

Listed persons get a list entry in their own script (Cyrillic or Arabic) plus one Latin alias,
the way UN/EU entries look; their bank accounts carry a *different* Latin spelling (another
transliteration, swapped order, a typo), so listed-account recall exercises the screener.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from anyascii import anyascii

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "names"


@dataclass(frozen=True, slots=True)
class Pair:
    """One name token in Latin and in its original script."""

    latin: str
    native: str


def _pairs(path: Path, native_first: bool, spaced: bool) -> list[Pair]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) < 2:
                continue
            native, latin = (row[0], row[1]) if native_first else (row[1], row[0])
            native = native.replace(" ", "") if spaced else native
            if latin.isalpha() and latin.isascii() and 3 <= len(latin) <= 10:
                out.append(Pair(latin.capitalize(), native))
    return out


def load_pairs() -> dict[str, list[Pair]]:
    """Cyrillic and Arabic name tokens with a Latin form (CC0 / Apache-2.0 data sets)."""
    return {
        "ru": _pairs(DATA / "wd_translit" / "wd_russian_20.tsv", False, True),
        "ar": _pairs(DATA / "google_ar2en" / "ar2en-train.tsv", True, False),
    }


def background_names(rng: np.random.Generator, pairs: dict[str, list[Pair]], n: int) -> list[str]:
    """``n`` Latin person names drawn from the same token pools as the listed persons."""
    pool = np.array([p.latin for ps in pairs.values() for p in ps], dtype=object)
    first = pool[rng.integers(0, len(pool), n)]
    last = pool[rng.integers(0, len(pool), n)]
    return [f"{a} {b}" for a, b in zip(first, last, strict=True)]


def _typo(rng: np.random.Generator, word: str) -> str:
    if len(word) < 5:
        return word
    i = int(rng.integers(1, len(word) - 1))
    if rng.random() < 0.5:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def account_spelling(rng: np.random.Generator, first: Pair, last: Pair) -> str:
    """A bank's spelling of a listed person: another transliteration, order or a typo."""
    translit = first.native.isascii() is False and "\u0400" <= first.native[0] <= "\u04ff"
    translit = translit and rng.random() < 0.6
    a = anyascii(first.native).capitalize() if translit else first.latin
    b = anyascii(last.native).capitalize() if translit else last.latin
    if rng.random() < 0.4:
        b = _typo(rng, b)
    if rng.random() < 0.4:
        return f"{b.upper()}, {a}"
    return f"{a} {b}"


def listed_entities(
    rng: np.random.Generator,
    pairs: dict[str, list[Pair]],
    n: int,
) -> list[tuple[dict[str, object], str, dict[str, object], str]]:
    """``n`` listed persons, each with an associate (a family member, itself unlisted but
    linked in the list data): FtM dicts plus the account-holder spellings of both."""
    out = []
    for i in range(n):
        script = "ru" if i % 2 == 0 else "ar"
        ps = pairs[script]
        first, last, kin = (ps[int(j)] for j in rng.integers(0, len(ps), 3))
        person = {
            "id": f"bench-listed-{i}",
            "schema": "Person",
            "target": True,
            "datasets": ["bench"],
            "properties": {
                "name": [f"{first.native.title()} {last.native.title()}"],
                "alias": [f"{first.latin} {last.latin}"],
            },
        }
        associate = {
            "id": f"bench-assoc-{i}",
            "schema": "Person",
            "target": False,
            "datasets": ["bench"],
            "properties": {"name": [f"{kin.latin} {last.latin}"]},
        }
        out.append(
            (
                person,
                account_spelling(rng, first, last),
                associate,
                account_spelling(rng, kin, last),
            )
        )
    return out


def family_links(
    listed: list[tuple[dict[str, object], str, dict[str, object], str]],
) -> list[dict[str, object]]:
    """FtM ``Family`` relations tying each associate to its listed person."""
    return [
        {
            "id": f"bench-family-{i}",
            "schema": "Family",
            "datasets": ["bench"],
            "properties": {"person": [p["id"]], "relative": [a["id"]], "relationship": ["brother"]},
        }
        for i, (p, _, a, _) in enumerate(listed)
    ]


def write_list(
    path: Path, listed: list[tuple[dict[str, object], str, dict[str, object], str]]
) -> None:
    """The registry for the benchmark, as FtM JSON lines."""
    with path.open("w", encoding="utf-8") as fh:
        for person, _, associate, _ in listed:
            fh.write(json.dumps(person, ensure_ascii=False) + "\n")
            fh.write(json.dumps(associate, ensure_ascii=False) + "\n")
        for link in family_links(listed):
            fh.write(json.dumps(link, ensure_ascii=False) + "\n")
