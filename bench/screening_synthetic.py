"""Synthetic listed entities with a realistic, multi-national name distribution.

Name parts come from the real rigour person-name clusters (Latin, Cyrillic, Arabic, CJK...
forms of the same name), drawn with a Zipf-like popularity so that a few parts are very
common (as Mohammed, Ali or Ivanov are on real lists) and most are rare. Each person gets
a Latin primary name, an alias in another script where the clusters have one, and a
variant (reordered, shortened or misspelt); about 15% are organisations.
"""

# ruff: noqa: SIM905  (name lists read and diff better as one string each)
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from watchline.model import Entity

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ORG_WORDS = (
    "trading industrial holding group international bank shipping logistics energy oil gas "
    "petroleum export import invest capital finance technologies systems defense aviation "
    "chemical mining metals construction development foundation charity services general"
).split()
LEGAL = ["LLC", "Ltd", "JSC", "OOO", "GmbH", "SA", "Co.", "Inc.", "PJSC", "FZE", "LLP", ""]


class NamePool:
    """Clusters of one name in several scripts, with popularity weights."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = np.random.default_rng(seed)
        self.latin: list[str] = []
        self.other: list[str] = []  # same cluster in a non-Latin script, or ""
        for part in sorted((DATA / "names" / "rigour_persons").glob("persons.part*.txt")):
            for line in part.read_text("utf-8").splitlines():
                forms = [f.strip() for f in line.rpartition(" => ")[0].split(",")]
                latin = [f for f in forms if f.isascii() and f.isalpha()]
                if latin:
                    other = [f for f in forms if not f.isascii() and f.isalpha()]
                    self.latin.append(latin[0].capitalize())
                    self.other.append(other[0] if other else "")
        ranks = np.arange(1, len(self.latin) + 1, dtype=np.float64)
        weights = 1.0 / ranks**0.9
        self.p = weights / weights.sum()
        self.order = self.rng.permutation(len(self.latin))

    def draw(self, count: int) -> np.ndarray:
        """Cluster indices drawn by popularity."""
        return self.order[self.rng.choice(len(self.p), size=count, p=self.p)]


def typo(word: str, rng: np.random.Generator) -> str:
    if len(word) < 4:
        return word
    pos = int(rng.integers(1, len(word) - 1))
    return word[:pos] + word[pos + 1 :] if rng.random() < 0.5 else word[:pos] + "e" + word[pos:]


def people(pool: NamePool, count: int) -> Iterator[Entity]:
    """Persons: primary Latin name, other-script alias, and a variant alias."""
    rng = pool.rng
    sizes = rng.choice([2, 3, 3, 4], size=count)
    clusters = pool.draw(int(sizes.sum()))
    years = rng.integers(1940, 2005, size=count)
    start = 0
    for i in range(count):
        parts = clusters[start : start + sizes[i]]
        start += sizes[i]
        latin = [pool.latin[c] for c in parts]
        other = [pool.other[c] for c in parts]
        names = [" ".join(latin)]
        if all(other):
            names.append(" ".join(other))
        variant = [latin[-1], *latin[:-1]] if rng.random() < 0.5 else latin[:1] + latin[-1:]
        names.append(" ".join(typo(w, rng) if rng.random() < 0.1 else w for w in variant))
        yield Entity.build(
            f"p{i}", "Person", {"name": names[:1], "alias": names[1:], "birthDate": [str(years[i])]}
        )


def organisations(pool: NamePool, count: int) -> Iterator[Entity]:
    rng = pool.rng
    clusters = pool.draw(count)
    for i in range(count):
        words = rng.choice(ORG_WORDS, size=int(rng.integers(1, 3)), replace=False)
        legal = LEGAL[int(rng.integers(len(LEGAL)))]
        name = " ".join([pool.latin[clusters[i]], *words, legal]).strip()
        yield Entity.build(f"o{i}", "Company", {"name": [name], "alias": [name.upper()]})


def entities(count: int, seed: int = 1) -> tuple[NamePool, list[Entity]]:
    pool = NamePool(seed)
    n_orgs = count * 15 // 100
    return pool, [*people(pool, count - n_orgs), *organisations(pool, n_orgs)]
