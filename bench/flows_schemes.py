"""Injected schemes for the flows benchmark: AMLworld laundering patterns and
terrorist-financing schemes around listed persons. Each records its ground truth.

Participants are existing background accounts (launderers also shop and get paid), except the
collectors and listed persons, who get accounts of their own.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from flows_world import DAY, SPAN_DAYS, START, Arr, Ledger, World

Truth = list[tuple[int, str]]
HOUR = 3600


def _amounts(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.lognormal(np.log(8000), 0.5, n)


def _start(rng: np.random.Generator) -> int:
    return int(START + rng.integers(0, (SPAN_DAYS - 6) * DAY))


def _gaps(rng: np.random.Generator, n: int, lo: int = 600, hi: int = 10 * HOUR) -> Arr:
    return np.cumsum(rng.integers(lo, hi, n))


def fan_out(rng: np.random.Generator, w: World, led: Ledger, truth: Truth) -> None:
    k = int(rng.integers(5, 11))
    accs = rng.choice(w.persons, k + 1, replace=False)
    a, bs = accs[:1], accs[1:]
    t = _start(rng) + _gaps(rng, k, 600, 4 * HOUR)
    led.add(np.repeat(a, k), bs, t, _amounts(rng, k), "ACH", "fan-out")
    truth.extend((int(x), "fan-out") for x in np.r_[a, bs])


def fan_in(rng: np.random.Generator, w: World, led: Ledger, truth: Truth) -> None:
    k = int(rng.integers(5, 11))
    accs = rng.choice(w.persons, k + 1, replace=False)
    t = _start(rng) + _gaps(rng, k, 600, 4 * HOUR)
    led.add(accs[1:], np.repeat(accs[:1], k), t, _amounts(rng, k), "ACH", "fan-in")
    truth.extend((int(x), "fan-in") for x in accs)


def cycle(rng: np.random.Generator, w: World, led: Ledger, truth: Truth) -> None:
    k = int(rng.integers(3, 7))
    accs = rng.choice(w.persons, k, replace=False)
    t = _start(rng) + _gaps(rng, k)
    amount = _amounts(rng, 1)[0] * (1 - 0.02 * np.arange(k))
    led.add(accs, np.roll(accs, -1), t, amount, "Wire", "cycle")
    truth.extend((int(x), "cycle") for x in accs)


def scatter_gather(rng: np.random.Generator, w: World, led: Ledger, truth: Truth) -> None:
    k = int(rng.integers(3, 7))
    accs = rng.choice(w.persons, k + 2, replace=False)
    a, b, mid = accs[0], accs[1], accs[2:]
    t = _start(rng) + _gaps(rng, k, 600, 3 * HOUR)
    amt = _amounts(rng, k)
    led.add(np.full(k, a), mid, t, amt, "ACH", "scatter-gather")
    led.add(
        mid,
        np.full(k, b),
        t + rng.integers(2 * HOUR, 30 * HOUR, k),
        amt * 0.97,
        "ACH",
        "scatter-gather",
    )
    truth.extend((int(x), "scatter-gather") for x in accs)


def gather_scatter(rng: np.random.Generator, w: World, led: Ledger, truth: Truth) -> None:
    k_in, k_out = int(rng.integers(5, 9)), int(rng.integers(5, 9))
    accs = rng.choice(w.persons, k_in + k_out + 1, replace=False)
    c, ins, outs = accs[0], accs[1 : k_in + 1], accs[k_in + 1 :]
    t = _start(rng) + _gaps(rng, k_in, 600, 3 * HOUR)
    led.add(ins, np.full(k_in, c), t, _amounts(rng, k_in), "ACH", "gather-scatter")
    t2 = t[-1] + _gaps(rng, k_out, 600, 3 * HOUR)
    led.add(np.full(k_out, c), outs, t2, _amounts(rng, k_out), "ACH", "gather-scatter")
    truth.extend((int(x), "gather-scatter") for x in accs)


def _block(rng: np.random.Generator, led: Ledger, a: Arr, b: Arr, t0: int, tag: str) -> int:
    src, dst = np.repeat(a, len(b)), np.tile(b, len(a))
    t = t0 + rng.integers(0, 20 * HOUR, len(src))
    led.add(src, dst, t, _amounts(rng, len(src)) / 2, "Wire", tag)
    return int(t.max())


def bipartite(rng: np.random.Generator, w: World, led: Ledger, truth: Truth) -> None:
    m, n = int(rng.integers(2, 5)), int(rng.integers(2, 5))
    accs = rng.choice(w.persons, m + n, replace=False)
    _block(rng, led, accs[:m], accs[m:], _start(rng), "bipartite")
    truth.extend((int(x), "bipartite") for x in accs)


def stack(rng: np.random.Generator, w: World, led: Ledger, truth: Truth) -> None:
    sizes = rng.integers(2, 4, 3)
    accs = rng.choice(w.persons, int(sizes.sum()), replace=False)
    l1, l2, l3 = np.split(accs, np.cumsum(sizes)[:2])
    t = _block(rng, led, l1, l2, _start(rng), "stack")
    _block(rng, led, l2, l3, t + HOUR, "stack")
    truth.extend((int(x), "stack") for x in accs)


PATTERNS: tuple[Callable[[np.random.Generator, World, Ledger, Truth], None], ...] = (
    fan_out,
    fan_in,
    cycle,
    scatter_gather,
    gather_scatter,
    bipartite,
    stack,
)


def tf_scheme(
    rng: np.random.Generator,
    w: World,
    led: Ledger,
    truth: Truth,
    listed: int,
    associate: int,
    collector: int,
) -> None:
    """Donations pooled by a collector, mules, structured cash and an associate, all
    feeding one listed person (or a foreign account on the listed person's behalf)."""
    t0 = _start(rng)
    k = int(rng.integers(10, 26))
    donors = rng.choice(w.persons, k, replace=False)
    t = t0 + np.sort(rng.integers(0, 5 * DAY, k))
    gifts = rng.uniform(20, 400, k)
    led.add(donors, np.full(k, collector), t, gifts, "ACH", "collector")
    abroad = rng.random() < 0.4
    target = int(rng.choice(w.foreign)) if abroad else listed
    led.add(
        np.array([collector]),
        np.array([target]),
        np.array([t[-1] + 6 * HOUR]),
        np.array([gifts.sum() * rng.uniform(0.85, 0.95)]),
        "Wire",
        "collector",
        recv_cur=1 if abroad else 0,
    )
    truth.extend([(collector, "collector"), (listed, "listed-party")])
    mules = rng.choice(w.persons, 2, replace=False)
    for mule in mules:
        amt = rng.uniform(2000, 6000, 2)
        tm = t0 + np.array([DAY, 3 * DAY]) + rng.integers(0, 6 * HOUR, 2)
        led.add(
            rng.choice(w.foreign, 2),
            np.full(2, mule),
            tm,
            amt,
            "Wire",
            "pass-through",
            cur=1,
            recv_cur=0,
        )
        led.add(
            np.full(2, mule),
            np.full(2, listed),
            tm + rng.integers(HOUR, 6 * HOUR, 2),
            amt * rng.uniform(0.9, 0.98, 2),
            "Wire",
            "pass-through",
        )
        truth.append((int(mule), "pass-through"))
    structurer = int(rng.choice(w.persons))
    n_dep = int(rng.integers(3, 6))
    td = t0 + np.sort(rng.integers(0, 5 * DAY, n_dep))
    cash = rng.uniform(9000, 9950, n_dep)
    led.add(np.full(n_dep, structurer), np.full(n_dep, structurer), td, cash, "Cash", "structuring")
    led.add(
        np.array([structurer]),
        np.array([listed]),
        np.array([td[-1] + DAY]),
        np.array([cash.sum() * 0.9]),
        "Wire",
        "structuring",
    )
    truth.append((structurer, "structuring"))
    payers = rng.choice(w.persons, 3, replace=False)
    ta = t0 + rng.integers(0, 5 * DAY, 3)
    led.add(payers, np.full(3, associate), ta, rng.uniform(500, 3000, 3), "Wire", "associate")
    led.add(
        np.array([associate]),
        np.array([listed]),
        np.array([ta.max() + DAY]),
        np.array([2000.0]),
        "Wire",
        "associate",
    )
    truth.append((associate, "associate"))
    shops = rng.choice(w.merchants, 3)
    led.add(
        np.full(3, listed),
        shops,
        t0 + rng.integers(0, 20 * DAY, 3),
        rng.uniform(20, 80, 3),
        "Credit Card",
        "listed-party",
    )
