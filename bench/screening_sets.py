"""Evaluation sets for the screening quality benchmark, built from the real shared data.

Every loader returns listed entities and cases. A case is a query and the id of the
listed entity it must hit, or ``None`` for a person who is not listed (a negative).
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii
from lxml import etree
from rapidfuzz import fuzz

import screening_cis as cis_names
from watchline.matching import Query
from watchline.model import Entity
from watchline.sources.alias_text import alias_names

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


@dataclass(frozen=True)
class Case:
    category: str
    query: Query
    expected: str | None


Loaded = tuple[list[Entity], list[Case]]


def script_of(text: str) -> str:
    """The script of the first letter (Unicode name prefix), lower-case."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "UNKNOWN")
            word = name.split()[0].lower()
            return "cjk" if word in ("cjk", "hiragana", "katakana") else word
    return "none"


def _text(node: etree._Element, tag: str) -> str:
    found = node.find(tag)
    return (found.text or "").strip() if found is not None and found.text else ""


def load_un() -> Loaded:
    """UN list: primary names listed; original-script names and good aliases as queries.

    An alias field that packs several spellings is one query with all of them (what a
    screener would send), cut by the importer's own ``alias_names``.
    """
    tree = etree.parse(str(DATA / "un" / "consolidated.xml"))
    listed: list[Entity] = []
    cases: list[Case] = []
    for node, schema in _un_nodes(tree):
        eid = "un-" + _text(node, "DATAID")
        parts = [_text(node, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        name = " ".join(p for p in parts if p)
        if not name:
            continue
        dobs = [
            _text(d, "DATE") or _text(d, "YEAR") for d in node.findall("INDIVIDUAL_DATE_OF_BIRTH")
        ]
        nats = [_text(n, "VALUE") for n in node.findall("NATIONALITY")]
        listed.append(
            Entity.build(eid, schema, {"name": [name], "birthDate": dobs, "nationality": nats})
        )
        original = alias_names(_text(node, "NAME_ORIGINAL_SCRIPT"))
        if original:
            category = "un_original_script" if schema == "Person" else "un_original_script_org"
            cases.append(Case(category, Query(original, schema=schema), eid))
        for alias in node.findall("INDIVIDUAL_ALIAS") + node.findall("ENTITY_ALIAS"):
            names = [n for n in alias_names(_text(alias, "ALIAS_NAME")) if n != name]
            if names and _text(alias, "QUALITY") == "Good":
                kinds = {alias_kind(n, name) for n in names}
                kind = next(k for k in ("variant", "mixed", "other") if k in kinds)
                category = "un_alias_other_name" if kind == "other" else f"un_alias_{kind}"
                cases.append(Case(category, Query(names, schema=schema), eid))
    return listed, cases


# Articles, filiation words and titles are not name parts: "Hassan Al-Tikriti" shares one
# name with "HAMID RAJA SHALAH AL-TIKRITI", not two; "Doctor Muthanna al-Dari" has two names.
_NOT_NAMES = frozenset(
    {"al", "el", "ul", "ur", "ud", "bin", "ben", "ibn", "bint", "wa", "de", "mullah", "mulla",
     "haji", "hajji", "doctor", "dr", "sheikh", "shaikh", "maulavi", "maulawi", "mawlawi",
     "qari", "general", "colonel", "col", "ii", "iii", "iv"}
)  # fmt: skip


def _crude_parts(name: str) -> list[str]:
    parts = re.split(r"[^0-9a-z]+", anyascii(name).lower())
    return [p for p in parts if len(p) > 1 and p not in _NOT_NAMES]


def alias_kind(alias: str, primary: str) -> str:
    """Crude rule, independent of the matcher: how a UN alias relates to the primary name.

    A part is *shared* when a part of the other name starts with the same letter and has a
    plain Indel ratio of at least 60 with it. ``variant``: at least two parts shared (one if
    the primary name has only one) and one name's parts all shared, i.e. the alias is the
    name respelt, or a shorter or fuller form of it ("Hani Yusef" for "HANI AL-SAYYID
    AL-SEBAI YUSIF"). ``mixed``: at least two shared, but both names also have parts the
    other lacks ("Ahmed Jan Kuchi" for "AHMED JAN WAZIR AKHTAR MOHAMMAD"): another
    combination of names, which screening finds through the indexed alias itself, not by
    similarity to the primary name. ``other``: everything else (noms de guerre such as
    "AIGLE BLANC" for "FRANK KAKOLELE BWAMBALE", one shared part such as "General
    Mudacumura" or "Kony", which by policy must not hit).
    """
    alias_parts, primary_parts = _crude_parts(alias), _crude_parts(primary)
    if not alias_parts or not primary_parts:
        return "other"
    in_primary = [_shared(a, primary_parts) for a in alias_parts]
    in_alias = [_shared(p, alias_parts) for p in primary_parts]
    if sum(in_primary) < min(2, len(primary_parts)):
        return "other"
    return "variant" if all(in_primary) or all(in_alias) else "mixed"


def _shared(part: str, others: list[str]) -> bool:
    return any(part[0] == o[0] and fuzz.ratio(part, o) >= 60 for o in others)


def _un_nodes(tree: etree._ElementTree) -> Iterator[tuple[etree._Element, str]]:
    for node in tree.iter("INDIVIDUAL"):
        yield node, "Person"
    for node in tree.iter("ENTITY"):
        yield node, "Organization"


AUDIT = Path(__file__).resolve().parent / "data" / "rigour_audit.tsv"


def rejected_forms() -> set[tuple[str, str]]:
    """(QID, form) pairs that the audit found not to be the cluster's name (``AUDIT``)."""
    rejected: set[tuple[str, str]] = set()
    for number, row in enumerate(AUDIT.read_text("utf-8").splitlines(), start=1):
        if row and not row.startswith("#"):
            fields = row.split("\t")
            if len(fields) != 4:
                raise ValueError(f"{AUDIT}:{number}: want qid, form, verdict, note; got {row!r}")
            rejected.add((fields[0], fields[1]))
    return rejected


def _heldout_clusters(audited: bool = True) -> list[list[str]]:
    """rigour person clusters held out from the names layer's training (crc32 % 5 == 0),
    without the forms the audit rejected unless ``audited`` is False."""
    rejected = rejected_forms() if audited else set()
    clusters: list[list[str]] = []
    for part in sorted((DATA / "names" / "rigour_persons").glob("persons.part*.txt")):
        for line in part.read_text("utf-8").splitlines():
            forms, _, qid = line.rpartition(" => ")
            qid = qid.strip()
            if forms and zlib.crc32(qid.encode()) % 5 == 0:
                kept = [f.strip() for f in forms.split(",") if f.strip()]
                clusters.append([f for f in kept if (qid, f) not in rejected])
    return clusters


#: Scripts of the rigour clusters drawn for the bench, each as a category of its own: the
#: issue's scripts, and the CJK and Hangul ones reported outside OVERALL (see the bench).
RIGOUR_SCRIPTS = ("arabic", "cyrillic", "georgian", "armenian", "cjk", "hangul")


def load_rigour(count: int, rng: random.Random, audited: bool = True) -> Loaded:
    """Two held-out clusters of one script make a full name: Latin forms listed, that
    script's forms queried; up to ``count`` listed and ``count`` unlisted per script. Each
    cluster gives its first form of a script that the audit did not reject (``AUDIT``):
    Wikidata labels some names with another name or a phrase (Sverker: لارس, Lars; Reber:
    "steel rebar"), which no transliteration can match.

    Drawn per script, so that each category has enough queries to say something: drawn
    from all clusters at once, Arabic got 35 queries, Georgian 2 and Armenian none, since
    few clusters hold those scripts and both clusters of a pair must."""
    pools: dict[str, list[dict[str, str]]] = {script: [] for script in RIGOUR_SCRIPTS}
    for forms in _heldout_clusters(audited):
        by_script: dict[str, str] = {}
        for form in forms:
            by_script.setdefault(script_of(form), form)
        if "latin" in by_script:
            for script in by_script.keys() & pools.keys():
                pools[script].append(by_script)
    listed: list[Entity] = []
    cases: list[Case] = []
    for script, pool in pools.items():
        rng.shuffle(pool)
        pairs = [(pool[i], pool[i + 1]) for i in range(0, len(pool) - 1, 2)][: 2 * count]
        half = min(count, (len(pairs) + 1) // 2)
        for n, (a, b) in enumerate(pairs):
            query = Query(f"{a[script]} {b[script]}")
            if n < half:
                eid = f"rg-{script}-{n}"
                listed.append(Entity.build(eid, "Person", {"name": [f"{a['latin']} {b['latin']}"]}))
                cases.append(Case(f"rigour_{script}", query, eid))
            else:
                cases.append(Case(f"neg_rigour_{script}", query, None))
    return listed, cases


def _pairs_file(
    path: Path, latin_col: int, script_col: int, spaced: bool, counts: tuple[int, int] | None = None
) -> list[tuple[str, str]]:
    """(Latin, script) pairs; ``counts`` keeps rows whose support (3rd column) is in range."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) > max(latin_col, script_col):
                if counts and not counts[0] <= int(row[2]) <= counts[1]:
                    continue
                script = row[script_col].replace(" ", "") if spaced else row[script_col]
                rows.append((row[latin_col].strip(), script.strip()))
    return [r for r in rows if r[0] and r[1]]


def load_token_pairs(
    name: str, rows: list[tuple[str, str]], count: int, rng: random.Random
) -> Loaded:
    """Single-token transliteration pairs joined two by two into full names."""
    rng.shuffle(rows)
    listed: list[Entity] = []
    cases: list[Case] = []
    for i in range(0, min(len(rows) - 1, 3 * count * 2), 2):
        (la, sa), (lb, sb) = rows[i], rows[i + 1]
        query = Query(f"{sa} {sb}")
        if len(listed) < count:
            eid = f"{name}-{i}"
            listed.append(Entity.build(eid, "Person", {"name": [f"{la} {lb}"]}))
            cases.append(Case(name, query, eid))
        elif len(cases) < 2 * count:
            cases.append(Case(f"neg_{name}", query, None))
    return listed, cases


# Support of a Wikidata pair: how many persons carry that label pair. Pairs seen once hold
# most of the mislinked labels (волхв/magus, мученичество/eustathius): by a crude test that
# does not use the matcher (anyascii + fuzz.ratio < 40), 3.7% of the Russian pairs with
# support 1 are unrelated strings against 1.1% of those with support >= 2.
ATTESTED = (2, 10**9)
SINGLE = (1, 1)


def load_wd(script: str, count: int, rng: random.Random, single: bool = False) -> Loaded:
    """Wikidata token pairs: attested ones (support >= 2), or with ``single`` the rest."""
    path = DATA / "names" / "wd_translit" / f"wd_{script}_20.tsv"
    rows = _pairs_file(path, 0, 1, True, SINGLE if single else ATTESTED)
    return load_token_pairs(f"wd_{script}" + ("_single" if single else ""), rows, count, rng)


def load_google(count: int, rng: random.Random) -> Loaded:
    path = DATA / "names" / "google_ar2en" / "ar2en-test.tsv"
    return load_token_pairs("google_ar2en", _pairs_file(path, 1, 0, False), count, rng)


def load_cis(count: int, rng: random.Random) -> Loaded:
    """Generated CIS persons listed in native script, queried romanised, with negatives."""
    people = cis_names.make_people(count, rng)
    listed = [
        Entity.build(
            p.key, "Person", {"name": [p.listed_name], "gender": ["female" if p.female else "male"]}
        )
        for p in people
    ]
    cases = [
        Case(cat, Query(name), p.key) for p in people for cat, name in cis_names.variants(p, rng)
    ]
    cases += [
        Case(kind, Query(name), None) for kind, name in cis_names.negatives(people, 2 * count, rng)
    ]
    cases += [
        Case("neg_shared_native_script", Query(name), None)
        for name in cis_names.native_negatives(people, count, rng)
    ]
    return listed, cases


def load_nk_pairs() -> list[tuple[str, str, str, bool]]:
    """nomenklatura labelled pairs: (schema, name1, name2, is_match)."""
    path = DATA / "names" / "nomenklatura" / "name_bench_cases.csv"
    with path.open(encoding="utf-8") as handle:
        return [
            (r["schema"], r["name1"], r["name2"], r["is_match"].lower() == "true")
            for r in csv.DictReader(handle)
        ]
