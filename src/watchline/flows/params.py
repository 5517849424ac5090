"""Detector parameters, in one documented place.

Defaults suit retail-bank data with minute timestamps over weeks to months. Every multi-hop
detector skips hubs: accounts with more than ``hub_degree`` distinct counterparties on either
side (payroll payers, merchants, payment processors). Without that cap a few hubs turn a
two-hop join into a cross product of their customers, and they are rarely the launderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DAY = 86400

#: How much one typology adds to an account's score (combined as 1 - prod(1 - w)).
WEIGHTS: dict[str, float] = {
    "listed-party": 1.0,
    "listed-flow": 0.6,
    "associate": 0.75,
    "collector": 0.8,
    "structuring": 0.75,
    "pass-through": 0.6,
    "cycle": 0.8,
    "scatter-gather": 0.7,
    "gather-scatter": 0.7,
    "stack": 0.7,
    "bipartite": 0.6,
    "fan-out": 0.5,
    "fan-in": 0.5,
}


@dataclass(frozen=True, slots=True)
class FanParams:
    """Fan-out/fan-in: ``min_parties`` new non-hub counterparties within ``window_s``, each
    paid at least ``min_amount``. Bulk runs -- ``batch_size`` or more payments one account
    makes in the same minute (a payroll or supplier file) -- are not fan-outs."""

    min_parties: int = 5
    window_s: int = 2 * DAY
    min_amount: float = 1_000.0
    batch_size: int = 3


@dataclass(frozen=True, slots=True)
class CycleParams:
    """Cycles: money returns to its origin through ``min_len``..``max_len`` payments, each
    after the previous one, all within ``window_s``; ``max_branch`` continuations per step."""

    min_len: int = 3
    max_len: int = 6
    window_s: int = 5 * DAY
    max_branch: int = 20
    min_amount: float = 1_000.0


@dataclass(frozen=True, slots=True)
class SpreadParams:
    """Scatter-gather / bipartite / stack: at least ``min_middle`` distinct intermediaries
    (or a ``min_side`` x ``min_side`` block) of payments of at least ``min_amount`` within
    ``window_s``; payers with more than ``max_fan`` new payees are left to fan-out."""

    min_middle: int = 3
    min_side: int = 2
    max_fan: int = 30
    window_s: int = 2 * DAY
    max_branch: int = 20
    min_amount: float = 1_000.0


@dataclass(frozen=True, slots=True)
class CollectorParams:
    """FATF collector: ``min_senders`` distinct payers of at most ``small_max`` each within
    ``window_s``, of which at least ``forward_ratio`` (and at most ``max_ratio``: more means
    the account has other income, like a business) leaves again within ``forward_s``. Card
    payments are left out: they are shop takings, not donations."""

    min_senders: int = 8
    small_max: float = 1_000.0
    window_s: int = 7 * DAY
    forward_s: int = 7 * DAY
    forward_ratio: float = 0.7
    max_ratio: float = 1.5


@dataclass(frozen=True, slots=True)
class StructuringParams:
    """Cash deposits in ``[threshold * (1 - margin), threshold)``, at least ``min_count`` into
    one account within ``window_s`` (the reporting threshold is per-FIU, e.g. 10,000)."""

    threshold: float = 10_000.0
    margin: float = 0.1
    min_count: int = 3
    window_s: int = 7 * DAY


@dataclass(frozen=True, slots=True)
class PassThroughParams:
    """Mule: at least ``min_matched`` incoming payments each forwarded within ``delay_s`` to a
    different non-hub account at ``min_kept``..1.0 of its amount, covering ``min_share`` of
    all that came in."""

    min_matched: int = 2
    delay_s: int = 2 * DAY
    min_kept: float = 0.8
    min_share: float = 0.5
    max_branch: int = 5


@dataclass(frozen=True, slots=True)
class DetectorParams:
    """All detector settings; ``min_score`` is the account score that raises an alert."""

    hub_degree: int = 60
    fan: FanParams = field(default_factory=FanParams)
    cycle: CycleParams = field(default_factory=CycleParams)
    spread: SpreadParams = field(default_factory=SpreadParams)
    collector: CollectorParams = field(default_factory=CollectorParams)
    structuring: StructuringParams = field(default_factory=StructuringParams)
    pass_through: PassThroughParams = field(default_factory=PassThroughParams)
    listed_flow_share: float = 0.5
    min_score: float = 0.5
