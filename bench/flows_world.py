"""Background economy for the flows benchmark: salaries, rent, shops, suppliers, cash.

Everything is generated as whole numpy arrays (one call per kind of payment), so five million
payments take seconds. Accounts are dense integers; names and banks are attached at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

DAY = 86400
START = 1661990400  # 2022-09-01 00:00 UTC
SPAN_DAYS = 28
FORMATS = ("ACH", "Bitcoin", "Cash", "Cheque", "Credit Card", "Reinvestment", "Wire")
CURRENCIES = ("US Dollar", "Euro", "UK Pound", "Turkish Lira")
Arr = npt.NDArray[np.int64]


@dataclass
class Ledger:
    """Payments accumulated as array chunks; ``tag`` names the typology (empty: benign)."""

    chunks: list[dict[str, np.ndarray]] = field(default_factory=list)

    def add(
        self,
        src: Arr,
        dst: Arr,
        ts: Arr,
        amount: np.ndarray,
        fmt: str,
        tag: str = "",
        cur: int = 0,
        recv_cur: int | None = None,
    ) -> None:
        n = len(src)
        self.chunks.append(
            {
                "src": np.asarray(src, dtype=np.int64),
                "dst": np.asarray(dst, dtype=np.int64),
                "ts": np.asarray(ts, dtype=np.int64) // 60 * 60,
                "amount": np.round(np.asarray(amount, dtype=np.float64), 2),
                "fmt": np.full(n, FORMATS.index(fmt), dtype=np.int8),
                "cur": np.full(n, cur, dtype=np.int8),
                "recv_cur": np.full(n, cur if recv_cur is None else recv_cur, dtype=np.int8),
                "tag": np.full(n, tag, dtype=object),
            }
        )

    def columns(self) -> dict[str, np.ndarray]:
        return {k: np.concatenate([c[k] for c in self.chunks]) for k in self.chunks[0]}


@dataclass
class World:
    """Account index ranges by role, plus per-account name, kind and bank."""

    persons: Arr
    employers: Arr
    merchants: Arr
    landlords: Arr
    foreign: Arr
    names: list[str]
    bank: Arr
    n: int

    def new_accounts(self, names: list[str], bank: Arr | None = None) -> Arr:
        ids = np.arange(self.n, self.n + len(names), dtype=np.int64)
        self.n += len(names)
        self.names.extend(names)
        extra = bank if bank is not None else np.full(len(names), 1, dtype=np.int64)
        self.bank = np.concatenate([self.bank, extra])
        return ids


def _times(rng: np.random.Generator, n: int) -> Arr:
    return START + rng.integers(0, SPAN_DAYS * DAY, n)


def _lognormal(rng: np.random.Generator, mean: float, n: int, sigma: float = 0.6) -> np.ndarray:
    return rng.lognormal(np.log(mean), sigma, n)


def make_world(rng: np.random.Generator, n_persons: int, person_names: list[str]) -> World:
    n_emp, n_merch = max(20, n_persons // 40), max(30, n_persons // 300)
    n_land, n_for = max(10, n_persons // 2000), 300
    sizes = [n_persons, n_emp, n_merch, n_land, n_for]
    bounds = np.cumsum([0, *sizes])
    ranges = [np.arange(bounds[i], bounds[i + 1], dtype=np.int64) for i in range(5)]
    names = (
        person_names
        + [f"Corporation #{i}" for i in range(n_emp)]
        + [f"Shop #{i}" for i in range(n_merch)]
        + [f"Utility #{i}" for i in range(n_land)]
        + [f"Foreign Trading #{i}" for i in range(n_for)]
    )
    bank = rng.integers(1, 60, int(bounds[-1])).astype(np.int64)
    bank[ranges[4]] = rng.integers(900, 910, n_for)
    persons, employers, merchants, landlords, foreign = ranges
    return World(persons, employers, merchants, landlords, foreign, names, bank, int(bounds[-1]))


def background(rng: np.random.Generator, w: World, led: Ledger) -> None:
    """Ordinary activity: what an FIU sees for every account, launderers included."""
    p, n = w.persons, len(w.persons)
    employer = w.employers[np.minimum(rng.zipf(1.6, n) - 1, len(w.employers) - 1)]
    payday = START + (14 + 13 * (employer % 2)) * DAY + (employer % 480) * 60 + 9 * 3600
    led.add(employer, p, payday, _lognormal(rng, 3000, n), "ACH")
    for _ in range(2):
        led.add(
            p,
            rng.choice(w.landlords, n),
            START + rng.integers(0, 3, n) * DAY + rng.integers(0, DAY, n),
            _lognormal(rng, 700, n),
            "ACH",
        )
    k = n * 16
    pop = np.minimum(rng.zipf(1.3, k) - 1, len(w.merchants) - 1)
    led.add(
        np.repeat(p, 16),
        w.merchants[pop],
        _times(rng, k),
        _lognormal(rng, 40, k, 0.9),
        "Credit Card",
    )
    friends = rng.choice(p, (n, 3))
    k = int(n * 1.5)
    who = rng.integers(0, n, k)
    led.add(
        p[who],
        friends[who, rng.integers(0, 3, k)],
        _times(rng, k),
        _lognormal(rng, 120, k),
        "Wire" if rng.random() < 0.5 else "ACH",
    )
    k = int(n * 0.4)
    dep = rng.choice(p, k)
    led.add(dep, dep, _times(rng, k), _lognormal(rng, 600, k, 1.0), "Cash")
    k = int(n * 0.03)
    led.add(
        rng.choice(p, k),
        rng.choice(w.foreign, k),
        _times(rng, k),
        _lognormal(rng, 300, k),
        "Wire",
        cur=0,
        recv_cur=1,
    )
    _companies(rng, w, led)


def _companies(rng: np.random.Generator, w: World, led: Ledger) -> None:
    firms = np.concatenate([w.employers, w.merchants])
    n = len(firms)
    for week in range(4):
        k = rng.integers(2, 5, n)
        payer = np.repeat(firms, k)
        supplier = rng.choice(w.employers, len(payer))
        day = START + week * 7 * DAY + rng.integers(0, 7 * DAY, len(payer))
        ok = payer != supplier
        led.add(
            payer[ok],
            supplier[ok],
            day[ok],
            _lognormal(rng, 9000, int(ok.sum()), 1.0),
            "Wire" if week % 2 else "Cheque",
        )
    n_pay = n * 10
    who = rng.choice(firms, n_pay)
    led.add(who, who, _times(rng, n_pay), _lognormal(rng, 2000, n_pay, 1.2), "Reinvestment")
    n_abroad = n // 3
    led.add(
        rng.choice(firms, n_abroad),
        rng.choice(w.foreign, n_abroad),
        _times(rng, n_abroad),
        _lognormal(rng, 20000, n_abroad),
        "Wire",
        cur=0,
        recv_cur=1,
    )
