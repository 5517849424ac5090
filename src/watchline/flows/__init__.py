"""Financial intelligence core: transaction graphs, typology detectors and flow tracing.

Pure computation over numpy arrays; reading files, screening names and storing cases live in
``watchline.sources``, ``watchline.services.flows`` and ``watchline.store.cases``.
"""

from watchline.flows.analysis import Alert, Analysis, alerts, analyze
from watchline.flows.findings import Finding
from watchline.flows.frame import Accounts, Transactions, build_transactions
from watchline.flows.params import WEIGHTS, DetectorParams
from watchline.flows.temporal import GraphIndex, build_index
from watchline.flows.tracing import Paths, TraceLimits, backward_paths, forward_paths

__all__ = [
    "WEIGHTS",
    "Accounts",
    "Alert",
    "Analysis",
    "DetectorParams",
    "Finding",
    "GraphIndex",
    "Paths",
    "TraceLimits",
    "Transactions",
    "alerts",
    "analyze",
    "backward_paths",
    "build_index",
    "build_transactions",
    "forward_paths",
]
