"""The analyst's HTML report: figures, then the top alerts each with its money-flow picture.

One self-contained file (inline CSS and SVG) so it can be mailed or archived with a case.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import numpy as np

from watchline.flows.analysis import Alert, Analysis
from watchline.flows.frame import Bools, Transactions
from watchline.flows.graphsvg import neighbourhood, render_svg

_CSS = """body{font-family:sans-serif;margin:2em;color:#222;max-width:1000px}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.9em}td,th{padding:3px 8px;border:1px solid #ddd;
text-align:left}.tag{display:inline-block;background:#eef;border-radius:3px;padding:0 5px;
margin:1px}.listed{background:#fdecea}svg{border:1px solid #eee;margin-top:.5em}"""


def _summary(tx: Transactions, result: Analysis, n_alerts: int, notes: Sequence[str]) -> list[str]:
    counts = [(f.typology, len(f.accounts), len(f.tx)) for f in result.findings]
    rows = "".join(
        f"<tr><td>{escape(t)}</td><td>{a:,}</td><td>{n:,}</td></tr>" for t, a, n in counts
    )
    items = "".join(f"<li>{escape(n)}</li>" for n in notes)
    return [
        f"<ul><li>{len(tx):,} payments between {tx.n_accounts:,} accounts</li>"
        f"<li>{n_alerts:,} accounts alerted</li>{items}</ul>",
        f"<table><tr><th>typology</th><th>accounts</th><th>payments</th></tr>{rows}</table>",
    ]


def _alert_section(
    tx: Transactions, result: Analysis, alert: Alert, listed: Bools, hit: str | None
) -> str:
    label = escape(tx.accounts.label(alert.account))
    name = escape(str(tx.accounts.name[alert.account]))
    tags = "".join(f'<span class="tag">{escape(t)}</span>' for t in alert.typologies)
    reasons = "".join(f"<li>{escape(r)}</li>" for r in ([hit] if hit else []) + list(alert.reasons))
    flagged = np.asarray(result.tx_score > 0, dtype=np.bool_)
    svg = render_svg(
        tx, alert.account, neighbourhood(tx, alert.account, alert.evidence), flagged, listed
    )
    return (
        f"<h2>{label} {name} &mdash; score {alert.score:.2f}</h2><div>{tags}</div>"
        f"<ul>{reasons}</ul>{svg}"
    )


def render_html(
    tx: Transactions,
    result: Analysis,
    alerts: Sequence[Alert],
    listed: Bools,
    top: int = 20,
    notes: Sequence[str] = (),
    hit_reasons: Mapping[int, str] | None = None,
) -> str:
    """The report: summary figures and the ``top`` alerts with pictures."""
    hits = hit_reasons or {}
    body = ["<h1>watchline flows: analysis report</h1>", *_summary(tx, result, len(alerts), notes)]
    body += [_alert_section(tx, result, a, listed, hits.get(a.account)) for a in alerts[:top]]
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>watchline flows</title>"
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>"
    )
