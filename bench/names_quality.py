"""Quality of the name keys on held-out data the tables never saw.

Prints, for the rigour person-name clusters held out from the generated table
(:func:`watchline.names.heldout.is_heldout_cluster`): the share of within-cluster pairs of
folded forms whose ``phonetic_key`` agree, whose ``canonical`` agree, and whose either agree;
and the rate at which two random distinct forms share a phonetic key (the blocking cost).
Then the phonetic-key agreement on Google's ar2en test split, and, on real list data, the
share of non-Latin-script names whose every token meets (same canonical or phonetic key) a
token of one of the same entity's Latin-script names: UN original-script names, and the EU
list's Cyrillic and Arabic-script aliases.

Run: ``python bench/names_quality.py`` (reads ``../shared/data/names``).
"""

from __future__ import annotations

import json
import random
import re
from itertools import combinations
from pathlib import Path
from xml.etree import ElementTree

from watchline.names import canonical, name_tokens, phonetic_key
from watchline.names.heldout import is_heldout_cluster
from watchline.text import fold, scripts

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DATA = SHARED / "names"
SCRIPTS = frozenset({"latin", "cyrillic", "greek", "armenian", "georgian", "arabic"})
_FORM = re.compile(r"^[a-z]{2,}$")


def heldout_clusters() -> list[list[str]]:
    """Folded single-word forms of each held-out cluster with two or more of them."""
    out = []
    for path in sorted((DATA / "rigour_persons").glob("persons.part*.txt")):
        for line in path.read_text("utf-8").splitlines():
            forms, _, qid = line.rpartition(" => ")
            if is_heldout_cluster(qid):
                kept = {fold(f) for f in forms.split(", ") if scripts(f) <= SCRIPTS}
                kept = {f for f in kept if _FORM.match(f)}
                if len(kept) > 1:
                    out.append(sorted(kept))
    return out


def pair_rates(clusters: list[list[str]]) -> tuple[int, float, float, float]:
    """Pairs, and the shares agreeing on phonetic key, canonical key, either."""
    pairs = [p for c in clusters for p in combinations(c, 2)]
    phon = sum(phonetic_key(a) == phonetic_key(b) for a, b in pairs)
    canon = sum(canonical(a) == canonical(b) for a, b in pairs)
    either = sum(
        phonetic_key(a) == phonetic_key(b) or canonical(a) == canonical(b) for a, b in pairs
    )
    n = len(pairs)
    return n, phon / n, canon / n, either / n


def collision_rate(clusters: list[list[str]], samples: int = 200_000) -> float:
    """Share of random pairs of distinct forms that share a phonetic key."""
    forms = sorted({f for c in clusters for f in c})
    rng = random.Random(1)
    hits = 0
    for _ in range(samples):
        a, b = rng.choice(forms), rng.choice(forms)
        hits += a != b and phonetic_key(a) == phonetic_key(b)
    return hits / samples


def ar2en_rate() -> float:
    """Phonetic-key agreement of whole names on ar2en-test.tsv."""
    lines = (DATA / "google_ar2en" / "ar2en-test.tsv").read_text("utf-8").splitlines()
    pairs = [line.split("\t") for line in lines]

    def key(name: str) -> str:
        return " ".join(phonetic_key(t) for t in name_tokens(name))

    return sum(key(a) == key(b) for a, b in pairs) / len(pairs)


def _meets(name: str, latin_names: list[str]) -> bool:
    """Every token of ``name`` meets a token of one of ``latin_names``."""
    tokens = name_tokens(name)

    def meet(a: str, b: str) -> bool:
        return canonical(a) == canonical(b) or phonetic_key(a) == phonetic_key(b)

    return bool(tokens) and any(
        all(any(meet(t, u) for u in name_tokens(latin)) for t in tokens) for latin in latin_names
    )


def un_rate() -> tuple[int, float]:
    """UN individuals with an Arabic-script original name: share fully met by the Latin name."""
    root = ElementTree.parse(SHARED / "un" / "consolidated.xml").getroot()
    parts = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    pairs = [
        (original, " ".join(p.findtext(t) or "" for t in parts))
        for p in root.iter("INDIVIDUAL")
        if "arabic" in scripts(original := (p.findtext("NAME_ORIGINAL_SCRIPT") or ""))
    ]
    return len(pairs), sum(_meets(o, [latin]) for o, latin in pairs) / len(pairs)


def eu_rate(script: str) -> tuple[int, float]:
    """EU persons: share of ``script`` names fully met by one of the entity's Latin names."""
    data = json.loads((SHARED / "eu" / "pakote_all_eu_un_ofaccons.json").read_text("utf-8"))
    total = met = 0
    for entity in data["entities"]:
        if entity.get("type", "").lower() not in ("individual", "person"):
            continue
        names = [entity["name"], *(entity.get("aliases") or [])]
        latin = [n for n in names if scripts(n) == {"latin"}]
        for name in (n for n in names if script in scripts(n)) if latin else ():
            if name_tokens(name):
                total += 1
                met += _meets(name, latin)
    return total, met / max(total, 1)


def main() -> None:
    clusters = heldout_clusters()
    n, phon, canon, either = pair_rates(clusters)
    print(f"held-out rigour clusters: {len(clusters):,}, pairs: {n:,}")
    print(f"  phonetic_key agree {phon:.3f}  canonical agree {canon:.3f}  either {either:.3f}")
    print(f"  random-pair phonetic collision rate {collision_rate(clusters):.5f}")
    print(f"ar2en-test phonetic agreement {ar2en_rate():.3f}")
    count, rate = un_rate()
    print(f"UN Arabic-script original names fully met by the Latin name: {rate:.3f} of {count}")
    for script in ("cyrillic", "arabic"):
        count, rate = eu_rate(script)
        print(f"EU {script} person names fully met by a Latin alias: {rate:.3f} of {count}")


if __name__ == "__main__":
    main()
