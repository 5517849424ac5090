"""The name-part alignment picture: which part of the query name paired with which listed part.

Query parts in one column, listed parts in the other, each in the order written, so crossed
lines show a reordered name (surname first) at a glance. A line's colour and thickness show
how alike the two parts are; its label gives the similarity and the rarity weight with
which the pair counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from watchline.matching import PartMatch
from watchline.reports.svg_kit import MUTED, shorten, similarity_colour, svg_open, svg_text, text

_A_WIDTH = 480
_ROW = 34
_TOP = 30
_LEFT_DOT, _RIGHT_DOT = 150.0, 350.0
_MAX_CHARS = 16
_LABEL_TS = (0.25, 0.75, 0.5, 0.4, 0.6)
_Box = tuple[float, float, float, float]


def _ordered(parts: Sequence[str], name: str) -> list[str]:
    """Parts in the order they appear in the written name, so crossed lines show reordering."""
    folded = name.casefold()
    unique = list(dict.fromkeys(parts))
    found = {p: _position(p.casefold(), folded) for p in unique}
    return sorted(unique, key=lambda p: (found[p] < 0, found[p], unique.index(p)))


def _position(part: str, name: str) -> int:
    """Where the part stands as a word in the name (else as a substring, else -1)."""
    word = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", name)
    return word.start() if word else name.find(part)


def _row_y(index: int) -> float:
    return _TOP + index * _ROW + _ROW / 2


def _part_text(x: float, y: float, part: str, anchor: str, paired: bool) -> str:
    style = ' font-weight="600"' if paired else f' fill="{MUTED}" font-style="italic"'
    return (
        f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="{anchor}" font-size="14"{style}>'
        f"<title>{text(part)}</title>{text(shorten(part, _MAX_CHARS))}</text>"
    )


def _overlaps(a: _Box, b: _Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(y0: float, y1: float, width: float, taken: list[_Box]) -> tuple[float, float]:
    """A point on the line where the label hides no other label.

    Near the query end first: there the labels of neighbouring rows stay a row apart even
    when lines cross (crossing lines share their middle).
    """
    box: _Box = (0.0, 0.0, 0.0, 0.0)
    for t in _LABEL_TS:
        x, y = _LEFT_DOT + t * (_RIGHT_DOT - _LEFT_DOT), y0 + t * (y1 - y0)
        box = (x - width / 2, y - 8, x + width / 2, y + 8)
        if not any(_overlaps(box, other) for other in taken):
            break
    taken.append(box)
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _pair_line(part: PartMatch, y0: float, y1: float, taken: list[_Box]) -> tuple[str, str]:
    """One pair as (line, label): colour and thickness grow with similarity."""
    colour = similarity_colour(part.similarity)
    width = 1.5 + 4.5 * max(0.0, part.similarity)
    label = f"{part.similarity:.2f} \u00b7 w {part.weight:.1f}"
    box_width = 6.2 * len(label) + 8
    lx, ly = _place(y0, y1, box_width, taken)
    how = f" ({part.how})" if part.how else ""
    tip = (
        f"{part.query_part} ~ {part.listed_part}: similarity {part.similarity:.2f}{how},"
        f" rarity weight {part.weight:.2f}"
    )
    line = (
        f'<line x1="{_LEFT_DOT}" y1="{y0:.1f}" x2="{_RIGHT_DOT}" y2="{y1:.1f}" stroke="{colour}"'
        f' stroke-width="{width:.1f}" stroke-linecap="round"><title>{text(tip)}</title></line>'
        f'<circle cx="{_LEFT_DOT}" cy="{y0:.1f}" r="3.5" fill="{colour}"/>'
        f'<circle cx="{_RIGHT_DOT}" cy="{y1:.1f}" r="3.5" fill="{colour}"/>'
    )
    pill = (
        f'<rect x="{lx - box_width / 2:.1f}" y="{ly - 8:.1f}" width="{box_width:.1f}"'
        f' height="16" rx="8" fill="#fff" stroke="{colour}" stroke-width="1"/>'
        + svg_text(lx, ly + 4, label, ' font-size="11" text-anchor="middle" fill="#333"')
    )
    return line, pill


def _stub(x: float, y: float, towards: float) -> str:
    """The dash an unpaired part ends in: nothing on the other side matched it."""
    end = x + towards * 34
    anchor = f'text-anchor="{"start" if towards > 0 else "end"}"'
    return (
        f'<line x1="{x}" y1="{y:.1f}" x2="{end:.1f}" y2="{y:.1f}" stroke="{MUTED}"'
        ' stroke-width="1.5" stroke-dasharray="3 3"/>'
        f'<circle cx="{x}" cy="{y:.1f}" r="3" fill="#fff" stroke="{MUTED}"/>'
        + svg_text(end + towards * 4, y + 5, "\u2013", f' font-size="14" fill="{MUTED}" {anchor}')
    )


def alignment_svg(parts: Sequence[PartMatch], query_name: str, listed_name: str) -> str:
    """Query parts on the left, listed parts on the right, a line per pair between them."""
    left = _ordered([p.query_part for p in parts if p.query_part is not None], query_name)
    right = _ordered([p.listed_part for p in parts if p.listed_part is not None], listed_name)
    rows = max(len(left), len(right), 1)
    out = [
        svg_open(_A_WIDTH, _TOP + rows * _ROW + 8, "name-part alignment"),
        svg_text(_LEFT_DOT - 10, 16, "query", ' font-size="12" text-anchor="end" fill="#555"'),
        svg_text(_RIGHT_DOT + 10, 16, "listed", ' font-size="12" fill="#555"'),
    ]
    out.extend(_connections(parts, left, right))
    paired_q = {p.query_part for p in parts if p.listed_part is not None}
    paired_l = {p.listed_part for p in parts if p.query_part is not None}
    for i, part in enumerate(left):
        out.append(_part_text(_LEFT_DOT - 10, _row_y(i), part, "end", part in paired_q))
    for i, part in enumerate(right):
        out.append(_part_text(_RIGHT_DOT + 10, _row_y(i), part, "start", part in paired_l))
    if not parts:
        out.append(
            svg_text(
                _A_WIDTH / 2,
                _row_y(0),
                "no name parts recorded",
                f' font-size="12" text-anchor="middle" fill="{MUTED}"',
            )
        )
    out.append("</svg>")
    return "".join(out)


def _connections(parts: Sequence[PartMatch], left: list[str], right: list[str]) -> list[str]:
    """Stubs first, then lines, then labels on top: a label is never hidden by a line."""
    stubs: list[str] = []
    lines: list[str] = []
    labels: list[str] = []
    taken: list[_Box] = []
    for part in parts:
        if part.query_part is not None and part.listed_part is not None:
            y0, y1 = _row_y(left.index(part.query_part)), _row_y(right.index(part.listed_part))
            line, label = _pair_line(part, y0, y1, taken)
            lines.append(line)
            labels.append(label)
        elif part.query_part is not None:
            stubs.append(_stub(_LEFT_DOT, _row_y(left.index(part.query_part)), 1.0))
        elif part.listed_part is not None:
            stubs.append(_stub(_RIGHT_DOT, _row_y(right.index(part.listed_part)), -1.0))
    return stubs + lines + labels
