"""The contributions picture: a diverging bar per piece of evidence, in log-odds.

The score is the logistic of summed log-odds, so bars can be added by eye: evidence for a
match grows to the right, evidence against to the left, and the last bar is the sum, with
the reporting threshold marked where the sum must reach.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from watchline.matching import Contribution
from watchline.reports.svg_kit import AGAINST_COLOUR, FOR_COLOUR, INK, shorten, svg_open, svg_text

_C_WIDTH = 470
_PLOT_LEFT, _PLOT_RIGHT = 110.0, 430.0
_C_ROW = 42
_C_TOP = 30
MAX_CUT = 6.0


def logit(p: float) -> float:
    """Log-odds of a probability: where the threshold sits on the contributions' axis."""
    p = min(1 - 1e-9, max(1e-9, p))
    return math.log(p / (1 - p))


class _Axis:
    """Maps log-odds to x around a zero line; each side keeps room for bars and labels.

    The axis is not symmetric: with evidence mostly on one side, that side gets the space,
    but the other keeps at least a quarter so the direction of the chart stays readable.
    """

    def __init__(self, values: Sequence[float]) -> None:
        lo = min([0.0, *values])
        hi = max([0.0, *values])
        span = max(hi - lo, 1.0)
        lo, hi = min(lo, -0.3 * span), max(hi, 0.3 * span)
        pad = 0.2 * (hi - lo)
        self.lo, self.hi = lo - pad, hi + pad
        self.centre = self.x(0.0)

    def x(self, value: float) -> float:
        return _PLOT_LEFT + (_PLOT_RIGHT - _PLOT_LEFT) * (value - self.lo) / (self.hi - self.lo)


def _bar(axis: _Axis, y: float, value: float, colour: str, label: str) -> str:
    x0, x1 = sorted((axis.centre, axis.x(value)))
    anchor, lx = ("start", x1 + 4) if value >= 0 else ("end", x0 - 4)
    return (
        f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 1.0):.1f}" height="16" rx="2"'
        f' fill="{colour}"/>'
        + svg_text(
            lx,
            y + 12.5,
            label,
            f' font-size="12" text-anchor="{anchor}" fill="{INK}"'
            ' stroke="#fff" stroke-width="3" paint-order="stroke"',
        )
    )


def _contribution_row(axis: _Axis, index: int, c: Contribution) -> str:
    y = _C_TOP + index * _C_ROW
    colour = FOR_COLOUR if c.value >= 0 else AGAINST_COLOUR
    return "".join(
        (
            svg_text(8, y + 13, c.feature.replace("_", " "), ' font-size="13" font-weight="600"'),
            _bar(axis, y, c.value, colour, f"{c.value:+.2f}"),
            svg_text(
                8,
                y + 32,
                shorten(c.detail, 80),
                ' font-size="11" fill="#555" stroke="#fff" stroke-width="3" paint-order="stroke"',
            ),
        )
    )


def contributions_svg(contributions: Sequence[Contribution], threshold: float) -> str:
    """Diverging bars: evidence for a match to the right, against it to the left, then the sum."""
    total = sum(c.value for c in contributions)
    cut = min(MAX_CUT, max(-MAX_CUT, logit(threshold)))  # --min-score 0 must not squash bars
    axis = _Axis([c.value for c in contributions] + [total, cut])
    bottom = _C_TOP + len(contributions) * _C_ROW
    height = bottom + 40
    out = [
        svg_open(_C_WIDTH, height, "feature contributions in log-odds"),
        svg_text(
            axis.centre - 6,
            14,
            "\u2190 against a match",
            f' font-size="11" text-anchor="end" fill="{AGAINST_COLOUR}"',
        ),
        svg_text(axis.centre + 6, 14, "for a match \u2192", f' font-size="11" fill="{FOR_COLOUR}"'),
        f'<line x1="{axis.centre:.1f}" y1="20" x2="{axis.centre:.1f}" y2="{height - 6}"'
        f' stroke="{INK}" stroke-width="1"/>',
    ]
    out.extend(_contribution_row(axis, i, c) for i, c in enumerate(contributions))
    out.append(
        f'<line x1="8" y1="{bottom - 4}" x2="{_PLOT_RIGHT}" y2="{bottom - 4}" stroke="#ccc"/>'
    )
    score = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))
    out.append(svg_text(8, bottom + 16, "sum", ' font-size="13" font-weight="700"'))
    reading = f"gives the score {score:.3f}"
    out.append(svg_text(8, bottom + 35, reading, ' font-size="11" fill="#555"'))
    out.append(_bar(axis, bottom + 4, total, "#3c4043", f"{total:+.2f}"))
    out.append(_threshold_marker(axis.x(cut), threshold, bottom))
    out.append("</svg>")
    return "".join(out)


def _threshold_marker(x: float, threshold: float, bottom: int) -> str:
    """Where the sum must reach for the hit to be reported (drawn on the sum row only)."""
    ends = f'x1="{x:.1f}" y1="{bottom - 2}" x2="{x:.1f}" y2="{bottom + 26}"'
    return (
        f'<line {ends} stroke="#fff" stroke-width="4"/>'
        f'<line {ends} stroke="{INK}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        + svg_text(
            x,
            bottom + 36,
            f"threshold {threshold:.2f}",
            ' font-size="10" fill="#444" text-anchor="middle"',
        )
    )
