"""Money-flow pictures as self-contained SVG (no JavaScript, no external resources).

The layout is the one analysts draw by hand: the alerted account in the middle, who paid it
to the left, whom it paid to the right, and one more step out on each side. Arrow width grows
with the amount; red arrows are flagged payments; listed accounts are drawn in red.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

import numpy as np

from watchline.flows.frame import I64, Bools, Transactions

WIDTH, ROW, COL = 900, 34, 190


@dataclass(frozen=True, slots=True)
class Edge:
    """One aggregated arrow: all payments from ``src`` to ``dst`` in the picture."""

    src: int
    dst: int
    amount: float
    count: int
    flagged: bool


def _edges(tx: Transactions, sel: I64, flagged: Bools) -> list[Edge]:
    agg: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for i in sel.tolist():
        item = agg[(int(tx.src[i]), int(tx.dst[i]))]
        item[0] += float(tx.paid[i])
        item[1] += 1
        item[2] = max(item[2], float(flagged[i]))
    return [Edge(s, d, a, int(c), bool(f)) for (s, d), (a, c, f) in agg.items()]


def neighbourhood(tx: Transactions, centre: int, evidence: I64, max_edges: int = 30) -> I64:
    """The payments to draw: the evidence first, then the centre's largest other payments."""
    own = np.flatnonzero(((tx.src == centre) | (tx.dst == centre)) & (tx.src != tx.dst))
    own = own[np.argsort(-tx.paid[own], kind="stable")]
    chosen = np.concatenate([evidence[tx.src[evidence] != tx.dst[evidence]], own])
    _, first = np.unique(chosen, return_index=True)
    return np.asarray(chosen[np.sort(first)][:max_edges], dtype=np.int64)


def _layers(centre: int, edges: list[Edge]) -> dict[int, int]:
    layer = {centre: 0}
    for _ in range(3):
        for e in edges:
            if e.src in layer and e.dst not in layer:
                layer[e.dst] = min(layer[e.src] + 1, 2)
            elif e.dst in layer and e.src not in layer:
                layer[e.src] = max(layer[e.dst] - 1, -2)
    return layer


def _positions(layer: dict[int, int]) -> dict[int, tuple[float, float]]:
    columns: dict[int, list[int]] = defaultdict(list)
    for node, col in sorted(layer.items()):
        columns[col].append(node)
    height = max(len(v) for v in columns.values()) * ROW + 40
    pos = {}
    for col, nodes in columns.items():
        top = (height - len(nodes) * ROW) / 2 + ROW / 2
        for i, node in enumerate(nodes):
            pos[node] = (WIDTH / 2 + col * COL, top + i * ROW)
    return pos


def _ports(
    centre: int, edges: list[Edge], pos: dict[int, tuple[float, float]], half: float
) -> dict[tuple[int, int], float]:
    """Spread the arrows meeting the centre along its edge, in the order of the other ends,
    so that a fan of twenty payments stays readable."""
    ports: dict[tuple[int, int], float] = {}
    for into in (True, False):
        mine = [
            e
            for e in edges
            if (e.dst if into else e.src) == centre and (e.src if into else e.dst) in pos
        ]
        mine.sort(key=lambda e: pos[e.src if into else e.dst][1])
        for i, e in enumerate(mine):
            ports[(e.src, e.dst)] = -half + 2 * half * (i + 0.5) / len(mine)
    return ports


def render_svg(tx: Transactions, centre: int, sel: I64, flagged: Bools, listed: Bools) -> str:
    """SVG of the payments ``sel`` around account ``centre``."""
    edges = _edges(tx, sel, flagged)
    pos = _positions(_layers(centre, edges))
    height = max(y for _, y in pos.values()) + ROW
    top = max((e.amount for e in edges), default=1.0)
    half = max(14.0, 4.0 * sum(1 for e in edges if centre in (e.src, e.dst)) / 2)
    ports = _ports(centre, edges, pos, half - 4)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" font-family="sans-serif" font-size="11">',
        '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0L10,5L0,10z" fill="#555"/></marker>'
        "</defs>",
    ]
    parts += [
        _edge_svg(e, pos, top, ports.get((e.src, e.dst), 0.0), centre)
        for e in edges
        if e.src in pos and e.dst in pos
    ]
    parts += [
        _node_svg(tx, n, xy, half if n == centre else 14.0, n == centre, bool(listed[n]))
        for n, xy in pos.items()
    ]
    parts.append("</svg>")
    return "\n".join(parts)


def _edge_svg(
    e: Edge, pos: dict[int, tuple[float, float]], top: float, port: float, centre: int
) -> str:
    (x1, y1), (x2, y2) = pos[e.src], pos[e.dst]
    y1 += port if e.src == centre else 0.0
    y2 += port if e.dst == centre else 0.0
    x1, x2 = (x1 + 70, x2 - 70) if x2 > x1 else (x1 - 70, x2 + 70)
    bend = 0 if x2 != x1 else 40
    cx, cy = (x1 + x2) / 2 + bend, (y1 + y2) / 2 - (12 if x2 == x1 else 0)
    # the label sits short of the middle, away from the crowded centre
    t = 0.45 if e.dst == centre else 0.55
    mx = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2
    my = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2
    width = 1 + 5 * np.sqrt(e.amount / top)
    colour = "#c0392b" if e.flagged else "#7f8c8d"
    label = f"{e.amount:,.0f}" + (f" ({e.count}x)" if e.count > 1 else "")
    return (
        f'<path d="M{x1:.0f},{y1:.0f} Q{cx:.0f},{cy:.0f} {x2:.0f},{y2:.0f}" fill="none" '
        f'stroke="{colour}" stroke-width="{width:.1f}" stroke-opacity="0.8" '
        f'marker-end="url(#a)"><title>{escape(label)}</title></path>'
        f'<text x="{mx:.0f}" y="{my - 2:.0f}" text-anchor="middle" fill="{colour}" '
        'stroke="white" stroke-width="3" paint-order="stroke" '
        f'font-size="9">{escape(label)}</text>'
    )


def _node_svg(
    tx: Transactions, node: int, xy: tuple[float, float], half: float, centre: bool, listed: bool
) -> str:
    x, y = xy
    fill = "#fdecea" if listed else ("#fff3cd" if centre else "#f4f6f7")
    stroke = "#c0392b" if listed else ("#b7950b" if centre else "#95a5a6")
    name = str(tx.accounts.name[node])[:22]
    text = escape(tx.accounts.label(node)[:24])
    return (
        f'<rect x="{x - 70:.0f}" y="{y - half:.0f}" width="140" height="{2 * half:.0f}" '
        f'rx="5" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{2 if centre else 1}"/>'
        f'<text x="{x:.0f}" y="{y - 2:.0f}" text-anchor="middle">{text}</text>'
        f'<text x="{x:.0f}" y="{y + 10:.0f}" text-anchor="middle" fill="#555" '
        f'font-size="9">{escape(name)}</text>'
    )
