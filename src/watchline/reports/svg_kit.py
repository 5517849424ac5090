"""What the hit-card pictures share: escaping, colours, SVG primitives, and the score gauge.

Each picture is one standalone ``<svg>`` element that is well-formed XML, so a card can be
archived as HTML and any picture lifted out and opened on its own. Every string that
reaches the markup passes through :func:`text`, because names come from foreign lists and
from users and must never become markup.
"""

from __future__ import annotations

import itertools
import re
from html import escape

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
FOR_COLOUR = "#0072b2"
AGAINST_COLOUR = "#d55e00"
MUTED = "#9aa0a6"
INK = "#1f2328"
_SIMILARITY_STOPS = ((0.0, (213, 94, 0)), (0.75, (230, 159, 0)), (1.0, (0, 158, 115)))
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"'


def text(value: object) -> str:
    """Escape for HTML and XML alike; drop control characters that XML 1.0 forbids."""
    return escape(_XML_INVALID.sub("", str(value)))


def shorten(value: str, limit: int) -> str:
    """Cut long labels so they stay inside their column (the full text goes in a tooltip)."""
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


def similarity_colour(similarity: float) -> str:
    """Orange for weak, amber for middling, green for identical: the eye reads it at once."""
    s = min(1.0, max(0.0, similarity))
    for (lo, c0), (hi, c1) in itertools.pairwise(_SIMILARITY_STOPS):
        if s <= hi:
            f = (s - lo) / (hi - lo)
            rgb = (round(a + (b - a) * f) for a, b in zip(c0, c1, strict=True))
            return "#{:02x}{:02x}{:02x}".format(*rgb)
    return "#009e73"


def svg_open(width: float, height: float, label: str) -> str:
    """The opening tag of a standalone picture, labelled for screen readers."""
    return _SVG_OPEN.format(w=width, h=height) + f' role="img" aria-label="{text(label)}">'


def svg_text(x: float, y: float, value: str, extra: str = "") -> str:
    """A text element; ``extra`` holds its (trusted, constant) presentation attributes."""
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{text(value)}</text>'


def score_gauge(score: float, threshold: float) -> str:
    """A bar from 0 to 1 filled to the score, with the reporting threshold marked on it."""
    left, span = 8, 224
    fill = "#b42318" if score >= 0.9 else "#d97706" if score >= threshold else MUTED
    tx = left + span * min(1.0, max(0.0, threshold))
    return "".join(
        (
            svg_open(240, 46, f"score {score:.3f}, threshold {threshold:.2f}"),
            f'<rect x="{left}" y="8" width="{span}" height="12" rx="6" fill="#e8eaed"/>',
            f'<rect x="{left}" y="8" width="{span * min(1.0, score):.1f}" height="12" rx="6"'
            f' fill="{fill}"/>',
            f'<line x1="{tx:.1f}" y1="3" x2="{tx:.1f}" y2="25" stroke="{INK}" stroke-width="2"/>',
            svg_text(
                tx,
                38,
                f"threshold {threshold:.2f}",
                ' font-size="11" text-anchor="middle" fill="#444"',
            ),
            svg_text(left, 38, "0", ' font-size="10" fill="#777"'),
            svg_text(left + span, 38, "1", ' font-size="10" fill="#777" text-anchor="end"'),
            "</svg>",
        )
    )
