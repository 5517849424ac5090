"""Compare with OpenSanctions' logic-v2 matcher (as used by yente) on the CIS-style set.

Both engines judge the same (query, listed person) pairs: every romanised variant against
its listed person, and every negative against the two listed people it borrows a given
name and a surname from. logic-v2 runs in a separate interpreter (its own virtualenv).
Each engine is judged at its own match threshold: ours DEFAULT_THRESHOLD, yente's 0.70.
"""

from __future__ import annotations

import json
import random
import subprocess
import time
from pathlib import Path

import screening_cis as cis_names
from watchline.matching import DEFAULT_THRESHOLD, Query, Screener
from watchline.model import Entity

YENTE_THRESHOLD = 0.70  # yente's default SCORE_THRESHOLD


def _pairs(count: int, seed: int) -> tuple[list[Entity], list[tuple[str, str, str, bool]]]:
    """Listed entities and (category, query, listed id, is_match) pairs."""
    rng = random.Random(seed)
    people = cis_names.make_people(count, rng)
    listed = [Entity.build(p.key, "Person", {"name": [p.listed_name]}) for p in people]
    pairs = [(cat, name, p.key, True) for p in people for cat, name in cis_names.variants(p, rng)]
    for kind, name, a, b in cis_names.negatives_with_sources(people, count, rng):
        pairs += [(kind, name, a, False), (kind, name, b, False)]
    return listed, pairs


def _ours(
    listed: list[Entity], pairs: list[tuple[str, str, str, bool]]
) -> tuple[list[float], float]:
    screener = Screener(listed)
    queries = [Query(q) for _, q, _, _ in pairs]
    start = time.perf_counter()
    results = screener.screen_many(queries, limit=50, threshold=0.0)
    seconds = time.perf_counter() - start
    scores = [
        next((h.score for h in hits if h.entity_id == eid), 0.0)
        for hits, (_, _, eid, _) in zip(results, pairs, strict=True)
    ]
    return scores, seconds


def _yente(
    listed: list[Entity], pairs: list[tuple[str, str, str, bool]], python: str
) -> tuple[list[float], float]:
    names = {e.id: e.names[0] for e in listed}
    payload = json.dumps([["Person", q, names[eid]] for _, q, eid, _ in pairs])
    done = subprocess.run(
        [python, str(Path(__file__).with_name("screening_yente_worker.py"))],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout)
    return result["scores"], result["seconds"]


def _candidates_per_query(listed: list[Entity], pairs: list[tuple[str, str, str, bool]]) -> float:
    """Mean number of candidate names the screener scores per query (batch internals)."""
    from watchline.matching.batch import score_units
    from watchline.matching.facts import query_facts
    from watchline.matching.screener import CANDIDATES

    screener = Screener(listed)
    units = [u for _, q, _, _ in pairs for u in screener._units(Query(q), query_facts(Query(q)))]
    scored = score_units(screener.index, units, CANDIDATES)
    return sum(len(s.rows) for s in scored if s is not None) / max(1, len(pairs))


def _rates(
    pairs: list[tuple[str, str, str, bool]], scores: list[float], threshold: float
) -> tuple[float, float]:
    pos = [s >= threshold for (_, _, _, m), s in zip(pairs, scores, strict=True) if m]
    neg = [s >= threshold for (_, _, _, m), s in zip(pairs, scores, strict=True) if not m]
    return sum(pos) / len(pos), sum(neg) / len(neg)


def run(_: Screener | None, python: str, count: int = 1000, seed: int = 11) -> None:
    listed, pairs = _pairs(count, seed)
    try:
        theirs, their_s = _yente(listed, pairs, python)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"yente comparison skipped: logic-v2 could not run ({exc})")
        return
    ours, our_s = _ours(listed, pairs)
    our_recall, our_fpr = _rates(pairs, ours, DEFAULT_THRESHOLD)
    their_recall, their_fpr = _rates(pairs, theirs, YENTE_THRESHOLD)
    print(f"CIS pairs: {sum(p[3] for p in pairs)} true, {sum(not p[3] for p in pairs)} false")
    print(f"  watchline (t={DEFAULT_THRESHOLD}): recall {our_recall:.3f}, FPR {our_fpr:.3f}")
    print(f"  logic-v2  (t={YENTE_THRESHOLD}): recall {their_recall:.3f}, FPR {their_fpr:.3f}")
    for cat in sorted({p[0] for p in pairs if p[3]}):
        idx = [i for i, p in enumerate(pairs) if p[0] == cat]
        o = sum(ours[i] >= DEFAULT_THRESHOLD for i in idx) / len(idx)
        t = sum(theirs[i] >= YENTE_THRESHOLD for i in idx) / len(idx)
        print(f"    {cat:28} recall ours {o:.3f}  logic-v2 {t:.3f}")
    n = len(pairs)
    scored = _candidates_per_query(listed, pairs[:500])
    print(
        f"  throughput: logic-v2 {n / their_s:,.0f} pairs/s (scoring only, entities prebuilt); "
        f"watchline {n / our_s:,.0f} full screening queries/s over {len(listed)} entities "
        "(retrieval and candidate scoring included)"
    )
    print(
        f"  watchline scores {scored:.1f} candidate names per query on this index, i.e. "
        f"{scored * n / our_s:,.0f} candidate pairs/s ({scored * their_s / our_s:.1f}x "
        "logic-v2's pair rate, retrieval included)"
    )
    print(
        f"  ratio watchline queries/s : logic-v2 pairs/s = {(n / our_s) / (n / their_s):.2f}; "
        f"recall ratio {our_recall / max(their_recall, 1e-9):.3f}, "
        f"FPR ours {our_fpr:.3f} vs {their_fpr:.3f}"
    )
