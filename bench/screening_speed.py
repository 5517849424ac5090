"""Screening speed at registry scale: index build, memory, query latency, batch throughput.

Run: ``python bench/screening_speed.py`` (1,000,000 synthetic entities, ~3M names; a few
minutes on 2 cores) or ``--entities 100000`` for a quick run. ``--compare-yente`` also
scores the CIS-style set with OpenSanctions' ``logic-v2`` matcher (nomenklatura, in its
own virtualenv given by ``--yente-python``, default /tmp/nkvenv/bin/python) and prints
accuracy and throughput ratios.

Peak RSS is the process's maximum resident set (ru_maxrss), which includes the synthetic
entities themselves; "index RSS" is the growth over the build.

Other jobs on a small machine stretch wall-clock figures, so each timing is also given in
CPU time of the screening processes (``time.process_time``; for forked workers their
summed user+system time): queries per CPU-second times the number of workers is what the
wall-clock rate becomes on an otherwise idle machine with that many cores.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import screening_synthetic as synthetic
from watchline.matching import Query, Screener
from watchline.matching.budgeted import POSTING_BUDGET
from watchline.matching.common import COMMON_PART_DF, HEAD
from watchline.matching.screener import CANDIDATES
from watchline.matching.tokens import tokenize
from watchline.services.screening_pool import ScreeningPool


def rss_mb() -> float:
    """Current resident set size in MiB (Linux /proc)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def load() -> str:
    """1, 5 and 15-minute load averages: other jobs on the machine skew the timings."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def queries(
    pool: synthetic.NamePool,
    listed: list[tuple[list[str], str]],
    count: int,
    truth: list[int] | None = None,
) -> list[Query]:
    """80% variants of listed names (typo, reorder, other script), 20% unlisted people.

    ``truth`` (if given) receives the index into ``listed`` of each query's source, or -1.
    """
    rng = np.random.default_rng(5)
    out: list[Query] = []
    for i in range(count):
        if i % 5 == 4:
            parts = pool.draw(int(rng.integers(2, 4)))
            out.append(Query(" ".join(pool.latin[c] for c in parts)))
            if truth is not None:
                truth.append(-1)
            continue
        source = int(rng.integers(len(listed)))
        if truth is not None:
            truth.append(source)
        names, schema = listed[source]
        name = names[int(rng.integers(len(names)))]
        words = name.split()
        if rng.random() < 0.5:
            words = [synthetic.typo(w, rng) if rng.random() < 0.3 else w for w in words]
        if rng.random() < 0.3:
            words = words[::-1]
        out.append(Query(" ".join(words), schema=schema))
    return out


def candidate_recall(
    screener: Screener,
    pool: synthetic.NamePool,
    sample: list[tuple[list[str], str]],
    ids: list[str],
) -> None:
    """Share of variant queries whose source entity is among the scored candidates.

    Zipf-drawn names repeat: when another entity bears exactly a name of the source
    entity, the two cannot be told apart by name, and a hit on the twin counts as found.
    """
    truth: list[int] = []
    batch = queries(pool, sample, 4000, truth)
    cases = [(q, t) for q, t in zip(batch, truth, strict=True) if t >= 0]
    results = screener.screen_many([q for q, _ in cases], limit=CANDIDATES, threshold=0.0)
    found = top1 = 0
    for hits, (query, t) in zip(results, cases, strict=True):
        names = {frozenset(tokenize(n, query.schema)) for n in sample[t][0]}
        good = [
            h.entity_id == ids[t] or frozenset(tokenize(h.matched_name, query.schema)) in names
            for h in hits
        ]
        found += any(good)
        top1 += bool(good) and good[0]
    print(
        f"retrieval: source entity (or an identically named twin) among candidates for "
        f"{found / len(cases):.4f} of {len(cases)} variant queries (top-1 {top1 / len(cases):.4f});"
        f" {CANDIDATES} candidate names scored per query name; parts in {COMMON_PART_DF:,}+ "
        f"names read through bitsets and {HEAD}-name heads (small indexes: rarest-first "
        f"budget {POSTING_BUDGET:,} postings)"
    )


def latency(screener: Screener, batch: list[Query]) -> tuple[np.ndarray, np.ndarray]:
    """Wall-clock and CPU seconds of each single-query ``screen``."""
    times = np.empty(len(batch))
    cpu = np.empty(len(batch))
    for i, query in enumerate(batch):
        start, start_cpu = time.perf_counter(), time.process_time()
        screener.screen(query)
        times[i] = time.perf_counter() - start
        cpu[i] = time.process_time() - start_cpu
    return times, cpu


Sample = list[tuple[list[str], str]]


def build(count: int) -> tuple[Screener, synthetic.NamePool, Sample, list[str]]:
    """Generate the entities, build the screener, print build time and memory."""
    start = time.perf_counter()
    pool, entities = synthetic.entities(count)
    step = max(1, len(entities) // 20000)
    sample = [(list(e.names), e.schema) for e in entities[::step]]
    sample_ids = [e.id for e in entities[::step]]
    print(f"generated {len(entities):,} entities in {time.perf_counter() - start:.1f} s")
    before = rss_mb()
    start = time.perf_counter()
    screener = Screener(entities)
    build_s = time.perf_counter() - start
    index = screener.index
    del entities
    gc.collect()
    gc.freeze()  # a long-lived index: keep the collector off its millions of objects
    print(
        f"index build: {build_s:.1f} s for {len(index):,} entities, {index.n_names:,} names,"
        f" {len(index.vocab):,} distinct parts"
    )
    print(
        f"memory: index RSS {rss_mb() - before:,.0f} MiB (growth over build), "
        f"process peak {peak_mb():,.0f} MiB; {len(index.pairs):,} pair postings; "
        f"{len(index.common):,} common parts, bitsets {index.common.bits.nbytes / 2**20:,.0f} MiB"
    )
    return screener, pool, sample, sample_ids


def throughput(screener: Screener, batch: list[Query], workers: int) -> None:
    """Batch screening rate, in this process and in a pool of forked worker processes."""
    start, start_cpu = time.perf_counter(), time.process_time()
    found = screener.screen_many(batch)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    print(
        f"batch screen_many: {len(batch) / elapsed:,.0f} queries/s "
        f"({len(batch)} queries, 1 process; {len(batch) / cpu:,.0f} per CPU-second)"
    )
    start_cpu = time.process_time()
    summaries = [[h.explanation.summary() for h in hits] for hits in found]
    cpu = time.process_time() - start_cpu
    print(
        f"explanation summaries (the batch CSV's explanation column): "
        f"{cpu / len(batch) * 1e6:,.0f} us CPU per query, {sum(map(len, summaries)):,} hits"
    )
    # the workers must not inherit this run's results: their collector would walk them
    # (and copy their pages) again and again, a cost of this harness, not of screening
    del found, summaries
    gc.collect()
    for explain in (True, False) if workers > 1 else ():
        _pooled(screener, batch, workers, explain)


def _pooled(screener: Screener, batch: list[Query], workers: int, explain: bool) -> None:
    """Batch rate of a ``ScreeningPool`` (what ``watchline screen --input --workers`` runs):
    its first batch, then the same batch again. This process screened these queries first,
    so the workers inherit what it learnt about them either way: the difference is the
    workers' first touch of each shared page, which a pool pays once, not per batch."""
    sent = "hits with explanation summaries" if explain else "hits as ids, scores, names only"
    with ScreeningPool(screener, workers, explain=explain) as pool:
        for label in ("first batch of a new pool", "the same batch again, same pool"):
            before = _cpu_seconds(pool.pids)
            start = time.perf_counter()
            results = pool.screen_many(batch)
            elapsed = time.perf_counter() - start
            cpu = _cpu_seconds(pool.pids) - before
            assert len(results) == len(batch)
            print(
                f"batch, {workers} worker processes, {sent}, {label}: "
                f"{len(batch) / elapsed:,.0f} queries/s ({len(batch)} queries; "
                f"{len(batch) / cpu:,.0f} per CPU-second, x{workers} = "
                f"{workers * len(batch) / cpu:,.0f}/s on {workers} idle cores)"
            )
        private = ", ".join(f"{_private_mb(pid):,.0f}" for pid in pool.pids)
        print(f"  memory each worker holds as its own (copied from the shared): {private} MiB")


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of running processes (Linux /proc), summed."""
    ticks = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


def _private_mb(pid: int) -> float:
    """Pages a forked process has written, so holds alone (Linux smaps_rollup), in MiB."""
    with open(f"/proc/{pid}/smaps_rollup") as handle:
        fields = dict(line.split(":", 1) for line in handle if ":" in line)
    return sum(int(fields[k].split()[0]) for k in ("Private_Dirty", "Private_Clean")) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--compare-yente", action="store_true")
    parser.add_argument("--yente-python", default="/tmp/nkvenv/bin/python")
    args = parser.parse_args()

    print(f"load average before: {load()}")
    screener, pool, sample, sample_ids = build(args.entities)
    batch = queries(pool, sample, args.queries)
    latency(screener, batch[:200])  # warm-up
    times, cpu = (t * 1e3 for t in latency(screener, batch))
    print(
        f"single query: p50 {np.percentile(times, 50):.2f} ms, p90 "
        f"{np.percentile(times, 90):.2f} ms, p99 {np.percentile(times, 99):.2f} ms, "
        f"mean {times.mean():.2f} ms over {len(batch)} queries (CPU time: p50 "
        f"{np.percentile(cpu, 50):.2f} ms, p99 {np.percentile(cpu, 99):.2f} ms)"
    )
    candidate_recall(screener, pool, sample, sample_ids)
    throughput(screener, queries(pool, sample, args.batch), args.workers)
    print(f"load average after: {load()}")
    if args.compare_yente:
        import screening_yente as yente_compare

        yente_compare.run(screener, args.yente_python)


if __name__ == "__main__":
    main()
