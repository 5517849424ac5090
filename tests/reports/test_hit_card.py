"""The hit-card page: one card per hit, every name part and reason shown, nothing unescaped."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watchline.matching import Contribution, Explanation, Hit, PartMatch
from watchline.model import Entity, Listing
from watchline.reports import HitView, render_hits_html
from watchline.reports.name_diagram import alignment_svg
from watchline.reports.score_chart import contributions_svg
from watchline.reports.svg_kit import AGAINST_COLOUR, FOR_COLOUR, MUTED, score_gauge
from watchline.text.mrz import check_digit

SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script>'


def explanation(query: str = "Saddam Hussein", listed: str = "ALI SADDAM HUSSEIN") -> Explanation:
    parts = [
        PartMatch("saddam", "saddam", 1.0, 6.3),
        PartMatch("husein", "hussein", 0.82, 5.5),
        PartMatch(None, "ali", 0.0, 2.1),
    ]
    contributions = [
        Contribution("name", 2.1, "name similarity 0.93"),
        Contribution("birth_date", -1.5, "birth date 1950 conflicts with 1937-04-28"),
        Contribution("nationality", 0.4, "country iq matches"),
    ]
    return Explanation(query, listed, 0.93, parts, contributions, 0.731)


def view(ex: Explanation | None = None, caption: str = "ALI SADDAM HUSSEIN") -> HitView:
    return HitView(
        entity_id="unsc-1",
        caption=caption,
        schema="Person",
        score=0.731,
        threshold=0.7,
        explanation=ex or explanation(),
        source="un-sc",
        originator="UNSC",
        legal_basis="UNSC res. 1518 (2003)",
        listed_on="2004-04-07",
        facts=(("Born", ("1937-04-28",)), ("Passport", ("A1234567",))),
    )


def svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in SVG.findall(page)]


def test_one_card_per_hit_with_three_wellformed_pictures_each() -> None:
    page = render_hits_html("Saddam Hussein", [view(), view(caption="SADDAM HUSSEIN")])
    assert page.count('<section class="card"') == 2
    assert len(svgs(page)) == 6
    assert "2 hits at or above the threshold of 0.70" in page


def test_every_part_detail_and_record_fact_is_shown() -> None:
    page = render_hits_html("Saddam Hussein", [view()])
    for part in ("saddam", "husein", "hussein", "ali"):
        assert f">{part}</text>" in page
    for detail in (
        "name similarity 0.93",
        "birth date 1950 conflicts with 1937-04-28",
        "country iq matches",
    ):
        assert detail in page
    for fact in ("un-sc", "UNSC", "UNSC res. 1518 (2003)", "2004-04-07", "A1234567", "unsc-1"):
        assert fact in page
    assert "1.00 · w 6.3" in page and "0.82 · w 5.5" in page


def test_page_is_self_contained() -> None:
    page = render_hits_html("x", [view()])
    assert "<script" not in page.lower()
    assert "url(" not in page and "@import" not in page and " src=" not in page
    assert re.findall(r"https?://[^\"]+", page) == ["http://www.w3.org/2000/svg"] * 3


def test_hostile_strings_are_escaped_everywhere() -> None:
    ex = Explanation(
        HOSTILE,
        HOSTILE,
        0.5,
        [PartMatch(HOSTILE, HOSTILE, 0.5, 1.0)],
        [Contribution(HOSTILE, 1.0, HOSTILE)],
        0.73,
    )
    hostile = HitView(
        entity_id=HOSTILE,
        caption=HOSTILE,
        schema=HOSTILE,
        score=0.73,
        threshold=0.7,
        explanation=ex,
        source=HOSTILE,
        originator=HOSTILE,
        reason=HOSTILE,
        facts=((HOSTILE, (HOSTILE,)),),
    )
    page = render_hits_html(HOSTILE, [hostile], details=[HOSTILE])
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert len(svgs(page)) == 3


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=60))
def test_any_text_gives_wellformed_svg(query: str, listed: str, detail: str) -> None:
    parts = [PartMatch(query, listed, 0.5, 1.0), PartMatch(None, listed + "x", 0.0, 1.0)]
    align = alignment_svg(parts, query, listed)
    chart = contributions_svg([Contribution("name", -0.3, detail)], 0.7)
    for picture in (align, chart):
        root = ET.fromstring(picture)
        assert root.tag == f"{NS}svg"
    assert "<" not in "".join(t.text or "" for t in ET.fromstring(align).iter(f"{NS}text"))


def test_other_scripts_are_kept_and_names_carry_dir_auto() -> None:
    ex = explanation("صدام حسين", "Лаврентий Захаров")
    page = render_hits_html("صدام حسين", [view(ex, caption="Աբրահամյան ბერიძე")])
    assert "صدام حسين" in page and "Лаврентий Захаров" in page
    assert '<h2 dir="auto">Աբրահամյան ბერიძე</h2>' in page
    assert '<bdi dir="auto">صدام حسين</bdi>' in page
    assert '<meta charset="utf-8">' in page


def test_alignment_draws_one_line_per_pair_thicker_when_more_alike() -> None:
    root = ET.fromstring(alignment_svg(explanation().parts, "Saddam Husein", "ALI SADDAM HUSSEIN"))
    lines = [x for x in root.iter(f"{NS}line") if x.get("stroke-dasharray") is None]
    assert len(lines) == 2
    widths = sorted(float(x.get("stroke-width", "0")) for x in lines)
    assert widths[0] < widths[1]
    assert len({x.get("stroke") for x in lines}) == 2  # colour shows similarity too
    grey = [t for t in root.iter(f"{NS}text") if t.get("fill") == MUTED]
    assert any(t.findtext(f"{NS}title") == "ali" for t in grey)
    assert any(t.text == "\u2013" for t in grey)  # the dash of the unpaired part


def test_listed_parts_follow_the_written_order() -> None:
    parts = [PartMatch("hussein", "hussein", 1.0, 5.0), PartMatch("saddam", "saddam", 1.0, 6.0)]
    root = ET.fromstring(alignment_svg(parts, "Hussein Saddam", "SADDAM HUSSEIN"))
    rows = {
        (t.get("text-anchor"), t.findtext(f"{NS}title")): float(t.get("y", "0"))
        for t in root.iter(f"{NS}text")
        if t.find(f"{NS}title") is not None
    }
    assert rows["end", "hussein"] < rows["end", "saddam"]  # query: as written
    assert rows["start", "saddam"] < rows["start", "hussein"]  # listed: as written, so lines cross


def bars(chart: str) -> dict[str, tuple[float, float]]:
    rects = ET.fromstring(chart).iter(f"{NS}rect")
    return {
        r.get("fill", ""): (
            float(r.get("x", "0")),
            float(r.get("x", "0")) + float(r.get("width", "0")),
        )
        for r in rects
    }


def test_contributions_diverge_from_zero() -> None:
    chart = contributions_svg([Contribution("name", 2.0, "a"), Contribution("dob", -1.0, "b")], 0.7)
    found = bars(chart)
    pos, neg = found[FOR_COLOUR], found[AGAINST_COLOUR]
    assert pos[0] == pytest.approx(neg[1])  # both start at the zero line
    assert (pos[1] - pos[0]) == pytest.approx(2 * (neg[1] - neg[0]), rel=0.01)
    assert "threshold 0.70" in chart


def test_gauge_marks_the_threshold_where_it_lies() -> None:
    root = ET.fromstring(score_gauge(0.9, 0.5))
    tick = next(root.iter(f"{NS}line"))
    track, fill = list(root.iter(f"{NS}rect"))
    middle = float(track.get("x", "0")) + float(track.get("width", "0")) / 2
    assert float(tick.get("x1", "0")) == pytest.approx(middle)
    assert float(fill.get("width", "0")) == pytest.approx(0.9 * float(track.get("width", "0")))


def test_no_hits_gives_a_page_that_says_so() -> None:
    page = render_hits_html("Nobody", [], threshold=0.7)
    assert (
        "No hit at or above the threshold of 0.70." in page
        and "card" not in page.split("</style>")[1]
    )


def test_build_takes_key_facts_from_the_record() -> None:
    entity = Entity.build(
        "e1",
        "Person",
        {
            "name": ["A B"],
            "birthDate": ["1970", "1971"],
            "nationality": ["ru"],
            "passportNumber": ["P1"],
            "notes": ["not shown"],
        },
    )
    listing = Listing(source="zala", originator="OS", legal_basis="law", listed_on="2022-01-01")
    hit = Hit("e1", 0.8, "A B", "Person", explanation("A B", "A B"))
    built = HitView.build(hit, entity, listing, 0.7)
    assert built.caption == "A B" and built.score == 0.8 and built.threshold == 0.7
    assert dict(built.facts) == {
        "Born": ("1970", "1971"),
        "Nationality": ("ru",),
        "Passport": ("P1",),
    }
    assert built.legal_basis == "law" and built.source == "zala"


def test_build_keeps_a_few_values_and_counts_the_rest() -> None:
    many = [f"alias number {i}" for i in range(7)]
    entity = Entity.build("e1", "Person", {"name": ["A B"], "alias": many})
    built = HitView.build(
        Hit("e1", 0.8, "A B", "Person", explanation()),
        entity,
        Listing(source="s", originator="o"),
        0.7,
    )
    assert dict(built.facts)["Also known as"] == (*many[:4], "+3 more")


def mrz_for(surname: str, given: str, born: str) -> str:
    """A valid TD3 passport MRZ (check digits computed) for the CLI's --mrz form."""
    line1 = f"P<IRQ{surname}<<{given}".ljust(44, "<")
    number, expiry, personal = "A12345678", "300101", "<" * 14
    parts = [
        number + check_digit(number),
        "IRQ",
        born + check_digit(born),
        "M",
        expiry + check_digit(expiry),
        personal + check_digit(personal),
    ]
    composite = parts[0] + parts[2] + parts[4] + parts[5]
    return f"{line1}\n{''.join(parts)}{check_digit(composite)}"


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "watchline", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.mark.slow
def test_cli_writes_the_page_and_keeps_the_table(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    result = run_cli(home, "screen", "Saddam Hussein Al-Tikriti", "--html", str(out))
    assert "Hits for" in result.stdout  # the table is still printed
    assert str(out) in result.stdout + result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="card"') >= 1
    assert "SADDAM HUSSEIN AL-TIKRITI" in page and "tikriti" in page
    assert "name similarity 1.00" in page
    assert len(svgs(page)) == 3 * page.count('<section class="card"')


@pytest.mark.slow
def test_cli_mrz_form_writes_the_page(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "mrz.html"
    mrz = mrz_for("HUSSEIN<AL<TIKRITI", "SADDAM", "370428")
    run_cli(home, "screen", "--mrz", mrz, "--html", str(out))
    page = out.read_text(encoding="utf-8")
    assert "SADDAM HUSSEIN AL-TIKRITI" in page
    assert "1937-04-28" in page  # birth date feature explained from the MRZ


def test_extreme_threshold_does_not_squash_the_bars() -> None:
    normal = bars(contributions_svg([Contribution("name", 2.0, "a")], 0.7))[FOR_COLOUR]
    zero = bars(contributions_svg([Contribution("name", 2.0, "a")], 0.0))[FOR_COLOUR]
    assert (zero[1] - zero[0]) > 0.3 * (normal[1] - normal[0])
