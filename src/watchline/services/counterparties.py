"""Counterparty screening: which account holders are listed persons or their associates.

Payment files name account holders as free text; each distinct holder name is screened once
with the batch screener, typed as a person or an organisation by its wording, and the
registry's relation entities (family, associates, ownership...) mark the listed persons'
associates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from watchline.flows import Transactions
from watchline.flows.frame import Bools
from watchline.matching import Hit, Query, Screener
from watchline.model import MATCHABLE_SCHEMATA, Entity

#: FtM relation schemata and the two properties naming their ends.
RELATIONS: dict[str, tuple[str, str]] = {
    "Family": ("person", "relative"),
    "Associate": ("person", "associate"),
    "UnknownLink": ("subject", "object"),
    "Ownership": ("owner", "asset"),
    "Directorship": ("director", "organization"),
    "Membership": ("member", "organization"),
    "Employment": ("employer", "employee"),
    "Representation": ("agent", "client"),
}


@dataclass(frozen=True, slots=True)
class AccountHit:
    """Why an account was marked: the list entry its holder name matched, and how."""

    account: int
    entity_id: str
    role: str  # "listed" or "associate"
    score: float
    matched_name: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Screening:
    """Counterparty screening result: per-account masks and the hits behind them."""

    listed: Bools
    associates: Bools
    hits: tuple[AccountHit, ...] = ()

    @classmethod
    def none(cls, n: int) -> Screening:
        return cls(np.zeros(n, dtype=np.bool_), np.zeros(n, dtype=np.bool_))


def split_roles(entities: Iterable[Entity]) -> tuple[list[Entity], set[str]]:
    """Matchable entities, and the ids among them that are only *associates*: unlisted
    (``target`` false) parties tied by a relation to a listed (``target``) party. When no
    entity carries a ``target`` flag (a registry export), every matchable one counts as listed."""
    ents = list(entities)
    by_id = {e.id: e for e in ents}
    any_target = any(e.target for e in ents)
    associates: set[str] = set()
    for rel in (e for e in ents if e.schema in RELATIONS):
        left, right = (rel.get(p) for p in RELATIONS[rel.schema])
        for a, b in ((x, y) for x in left for y in right):
            for one, other in ((a, b), (b, a)):
                if (
                    one in by_id
                    and other in by_id
                    and by_id[other].target
                    and not by_id[one].target
                    and any_target
                ):
                    associates.add(one)
    return [e for e in ents if e.schema in MATCHABLE_SCHEMATA], associates


# Account holders are screened at a stricter cut than travellers: a payment file gives a
# bare name (no birth date or nationality to set a namesake apart) and one hit flags every
# flow of the account. bench/flows_bench.py: listed-account precision 0.86 at the
# screener's default 0.65, 0.91 at 0.70, recall 1.00 at both.
COUNTERPARTY_THRESHOLD = 0.70


def screen_accounts(
    tx: Transactions, entities: Iterable[Entity], threshold: float | None = None
) -> Screening:
    """Screen every distinct account-holder name once with the batch screener
    (``threshold`` defaults to ``COUNTERPARTY_THRESHOLD``)."""
    matchable, associate_ids = split_roles(entities)
    n = tx.n_accounts
    if not matchable:
        return Screening.none(n)
    names = tx.accounts.name
    uniq, inverse = np.unique(names.astype(str), return_inverse=True)
    todo = [i for i, name in enumerate(uniq) if name.strip()]
    cut = COUNTERPARTY_THRESHOLD if threshold is None else threshold
    best = _best_hits(Screener(matchable), [str(uniq[i]) for i in todo], cut)
    best = {todo[k]: hit for k, hit in best.items()}
    listed, assoc = np.zeros(n, dtype=np.bool_), np.zeros(n, dtype=np.bool_)
    found: list[AccountHit] = []
    for acc in np.flatnonzero(np.isin(inverse, list(best))):
        hit = best[int(inverse[acc])]
        role = "associate" if hit.entity_id in associate_ids else "listed"
        (assoc if role == "associate" else listed)[acc] = True
        found.append(
            AccountHit(
                int(acc),
                hit.entity_id,
                role,
                float(hit.score),
                hit.matched_name,
                hit.explanation.summary(),
            )
        )
    return Screening(listed, assoc, tuple(found))


#: Words that make a holder name an organisation's (legal forms and common business words).
ORG_WORDS = frozenset(
    [
        "ltd",
        "limited",
        "llc",
        "llp",
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "sarl",
        "srl",
        "bv",
        "nv",
        "plc",
        "spa",
        "kft",
        "zao",
        "ooo",
        "oao",
        "pao",
        "jsc",
        "pjsc",
        "bank",
        "fund",
        "foundation",
        "trust",
        "charity",
        "relief",
        "association",
        "society",
        "group",
        "holding",
        "holdings",
        "trading",
        "industries",
        "international",
        "enterprise",
        "enterprises",
        "shop",
        "store",
        "market",
        "services",
        "agency",
        "committee",
        "organization",
        "organisation",
        "network",
        "front",
        "brigade",
        "battalion",
        "army",
        "movement",
        "party",
        "council",
        "union",
        "institute",
        "center",
        "centre",
        "proprietorship",
        "partnership",
        "cooperative",
    ]
)


def holder_schema(name: str) -> str:
    """Person or Organization for a holder name: the field does not say, and querying as
    ``LegalEntity`` loses the person-name features; digits or an organisation word decide."""
    words = {w.strip(".,()'\"-").lower() for w in name.split()}
    if any(ch.isdigit() for ch in name) or "#" in name or words & ORG_WORDS:
        return "Organization"
    return "Person"


def _best_hits(screener: Screener, names: list[str], threshold: float) -> dict[int, Hit]:
    """Best hit per name, one query each, typed by :func:`holder_schema`."""
    queries = [Query(name=name, schema=holder_schema(name)) for name in names]
    results = screener.screen_many(queries, limit=1, threshold=threshold)
    return {i: hits[0] for i, hits in enumerate(results) if hits}
