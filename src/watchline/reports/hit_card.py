"""One self-contained HTML page with a card per screening hit.

An officer at a checkpoint or an analyst in a bank must defend or dismiss a hit in moments;
the card shows the score against the threshold, the listed record, how the name parts
paired, and what each piece of evidence added or took away. The page has inline CSS and
SVG only (no script, no network, no web fonts) so it can be mailed, printed or archived
with a case file and still look the same in years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from watchline.matching import Explanation, Hit
from watchline.model import Entity, Listing
from watchline.reports.name_diagram import alignment_svg
from watchline.reports.score_chart import contributions_svg
from watchline.reports.svg_kit import (
    AGAINST_COLOUR,
    FOR_COLOUR,
    MUTED,
    score_gauge,
    shorten,
    similarity_colour,
    text,
)

# The properties an officer compares first, with the label shown for each.
KEY_PROPERTIES: tuple[tuple[str, str], ...] = (
    ("alias", "Also known as"),
    ("birthDate", "Born"),
    ("birthPlace", "Birth place"),
    ("nationality", "Nationality"),
    ("citizenship", "Citizenship"),
    ("gender", "Gender"),
    ("passportNumber", "Passport"),
    ("idNumber", "ID number"),
    ("incorporationDate", "Incorporated"),
    ("jurisdiction", "Jurisdiction"),
    ("country", "Country"),
    ("registrationNumber", "Registration"),
    ("taxNumber", "Tax number"),
    ("imoNumber", "IMO number"),
)
MAX_VALUES = 4
MAX_FACT_CHARS = 60


@dataclass(frozen=True, slots=True)
class HitView:
    """What a hit card shows: the hit's explanation and the listed record, flattened.

    The renderer takes this rather than the service layer's result so that reports stay
    an adapter over the core and can be fed from the CLI, the API or a stored case alike.
    """

    entity_id: str
    caption: str
    schema: str
    score: float
    threshold: float
    explanation: Explanation
    source: str
    originator: str
    legal_basis: str | None = None
    listed_on: str | None = None
    reason: str | None = None
    facts: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def build(cls, hit: Hit, entity: Entity, listing: Listing, threshold: float) -> HitView:
        """Flatten a hit and the record it names, keeping the key properties only."""
        return cls(
            entity_id=hit.entity_id,
            caption=entity.caption,
            schema=entity.schema,
            score=hit.score,
            threshold=threshold,
            explanation=hit.explanation,
            source=listing.source,
            originator=listing.originator,
            legal_basis=listing.legal_basis,
            listed_on=listing.listed_on,
            reason=listing.reason,
            facts=key_facts(entity),
        )


def key_facts(entity: Entity) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, values) for the identifying properties the entity has, a few values each."""
    facts = []
    for prop, label in KEY_PROPERTIES:
        values = entity.get(prop)
        if values:
            shown = tuple(shorten(v, MAX_FACT_CHARS) for v in values[:MAX_VALUES])
            more = len(values) - MAX_VALUES
            facts.append((label, (*shown, f"+{more} more") if more > 0 else shown))
    return tuple(facts)


_CSS = """
:root{color-scheme:light}
body{font-family:system-ui,"Segoe UI","Noto Sans","DejaVu Sans",Arial,sans-serif;
margin:24px auto;max-width:1060px;color:#1f2328;background:#f6f7f9;line-height:1.35}
h1{font-size:1.35em;margin:0 0 4px}
.lede{color:#555;margin:0 0 14px}
.legend{display:flex;gap:18px;flex-wrap:wrap;font-size:.82em;color:#444;margin-bottom:18px}
.legend i{display:inline-block;width:22px;height:6px;border-radius:3px;vertical-align:middle;
margin-right:4px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:14px 18px;
margin:0 0 18px;break-inside:avoid}
.card header{display:flex;align-items:flex-start;gap:14px;border-bottom:1px solid #eaecef;
padding-bottom:10px}
.rank{font-size:1.1em;font-weight:700;color:#fff;background:#3c4043;border-radius:50%;
min-width:34px;height:34px;display:flex;align-items:center;justify-content:center}
.title{flex:1;min-width:0}
.title h2{margin:0;font-size:1.2em;overflow-wrap:anywhere}
.sub{color:#555;font-size:.86em;margin-top:3px}
.schema{background:#eef2f6;border-radius:4px;padding:1px 6px;font-weight:600;color:#333}
code{font-size:.95em;color:#444}
.score{text-align:right}
.num{font-size:1.7em;font-weight:700;line-height:1}
.num small{font-size:.5em;font-weight:400;color:#555}
dl{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:3px 12px;
margin:10px 0;font-size:.9em}
dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
.figs{display:flex;flex-wrap:wrap;gap:10px}
figure{margin:0;flex:1 1 480px}
figcaption{font-size:.85em;font-weight:600;color:#444;margin-bottom:4px}
.names{font-size:.85em;margin-bottom:4px}.names span{color:#777;display:inline-block;width:3.2em}
svg{font-family:inherit;max-width:100%;height:auto}
@media print{body{background:#fff;margin:0}.card{border-color:#999}}
"""


def _legend() -> str:
    swatches = [
        (similarity_colour(1.0), "identical part"),
        (similarity_colour(0.75), "similar spelling"),
        (similarity_colour(0.4), "weak likeness"),
        (FOR_COLOUR, "evidence for a match"),
        (AGAINST_COLOUR, "evidence against"),
    ]
    items = "".join(f'<span><i style="background:{c}"></i>{text(t)}</span>' for c, t in swatches)
    items += (
        f'<span><i style="background:none;border-top:2px dashed {MUTED}"></i>'
        "part without a counterpart</span>"
    )
    note = "<span>w = rarity weight of the name part (rarer parts count more)</span>"
    return f'<div class="legend">{items}{note}</div>'


def _record(view: HitView) -> str:
    """The listing and key facts; each value isolated, as list names mix writing directions."""
    listing = (
        ("Source", view.source),
        ("Originator", view.originator),
        ("Legal basis", view.legal_basis),
        ("Listed on", view.listed_on),
        ("Reason", view.reason),
    )
    rows = [(label, (value,)) for label, value in listing if value] + list(view.facts)
    cells = "".join(
        f"<dt>{text(label)}</dt><dd>"
        + ", ".join(f'<bdi dir="auto">{text(v)}</bdi>' for v in values)
        + "</dd>"
        for label, values in rows
    )
    return f"<dl>{cells}</dl>"


def _header(rank: int, view: HitView) -> str:
    matched = view.explanation.listed_name
    via = (
        f' &middot; matched on <bdi dir="auto">{text(matched)}</bdi>'
        if matched != view.caption
        else ""
    )
    return (
        f'<header><div class="rank">{rank}</div><div class="title">'
        f'<h2 dir="auto">{text(view.caption)}</h2>'
        f'<div class="sub"><span class="schema">{text(view.schema)}</span> '
        f"<code>{text(view.entity_id)}</code>{via}</div></div>"
        f'<div class="score"><div class="num">{view.score:.3f} <small>score</small></div>'
        f"{score_gauge(view.score, view.threshold)}</div></header>"
    )


def _names(ex: Explanation) -> str:
    """The two names as written: the diagram shows their parts normalised (and romanised)."""
    return (
        f'<div class="names"><span>query</span> <bdi dir="auto">{text(ex.query_name)}</bdi>'
        f'<br><span>listed</span> <bdi dir="auto">{text(ex.listed_name)}</bdi></div>'
    )


def render_card(rank: int, view: HitView) -> str:
    """One hit: header with the score gauge, the record, then the two pictures."""
    ex = view.explanation
    return (
        f'<section class="card" id="hit-{rank}">{_header(rank, view)}{_record(view)}'
        '<div class="figs"><figure><figcaption>How the name parts pair '
        f"(name similarity {ex.name_similarity:.2f})</figcaption>{_names(ex)}"
        f"{alignment_svg(ex.parts, ex.query_name, ex.listed_name)}</figure>"
        "<figure><figcaption>What moved the score (log-odds)</figcaption>"
        f"{contributions_svg(ex.contributions, view.threshold)}</figure></div></section>"
    )


def _details(details: Sequence[str]) -> str:
    shown = " &middot; ".join(f'<bdi dir="auto">{text(d)}</bdi>' for d in details if d)
    return f"Query details: {shown}. " if shown else ""


def render_hits_html(
    query_label: str,
    results: Sequence[HitView],
    details: Sequence[str] = (),
    threshold: float | None = None,
) -> str:
    """The whole page: a heading naming the query, a legend, and one card per hit.

    ``query_label`` is the name screened (shown in its own writing direction); ``details``
    the other facts of the query (birth date, nationality...), shown after it.
    ``threshold`` is only needed to say which threshold a page without hits was held to.
    """
    if threshold is None and results:
        threshold = results[0].threshold
    cut = f" of {threshold:.2f}" if threshold is not None else ""
    count = f"{len(results)} hit{'s' if len(results) != 1 else ''}" if results else "No hit"
    lede = f"{count} at or above the threshold{cut}."
    legend = _legend() if results else ""
    cards = "".join(render_card(i, v) for i, v in enumerate(results, start=1))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Screening hits: {text(query_label)}</title><style>{_CSS}</style></head>"
        f'<body><h1>Screening hits for <bdi dir="auto">{text(query_label)}</bdi></h1>'
        f'<p class="lede">{_details(details)}{text(lede)}</p>{legend}{cards}</body></html>\n'
    )
