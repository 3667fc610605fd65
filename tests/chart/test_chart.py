"""Fig. 1: deterministic SVG and PDF operators, honest illustrations, contrast rules, and the
chart in a real PDF (drawn straight to operators, pixel for pixel as the old svglib route)."""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
import pymupdf
import pytest
from matplotlib.text import Text
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from handout.chart.art import ChartRequest, draw_chart
from handout.chart.pdf_ops import OpsRenderer
from handout.chart.render import _build_figure, render_ops, render_svg
from handout.chart.style import DEFAULT_PRIMARY, ILLUSTRATION_NOTE, mark_colour
from handout.common.colours import contrast_ratio, to_gray
from handout.input.clinic import Colours
from handout.input.model import Figure
from handout.layout.figure import figure_flowables
from handout.layout.theme import Theme, make_theme
from tests.conftest import ROOT, content_data

# The default Fig. 1 (../shared/evidence.md): Nikolova et al. 2021, depression vs. controls.
ROWS = [
    {"label": "Observed species", "studies": 6, "estimate": -0.16, "low": -0.58, "high": 0.27},
    {"label": "Chao1", "studies": 6, "estimate": -0.34, "low": -1.08, "high": 0.40},
    {"label": "Shannon", "studies": 11, "estimate": -0.28, "low": -0.62, "high": 0.06},
]
TITLE = "Gut bacteria variety in depression: results are mixed"
CAPTION = "Each dot is the average difference. All lines cross zero, so no clear difference yet."
BRAND = {"primary": "#1F4E79", "accent": "#2E8B57"}


def interval(**changes: Any) -> Figure:
    data: dict[str, Any] = {
        "kind": "interval", "title": TITLE, "caption": CAPTION, "rows": ROWS,
        "source": "Nikolova et al. 2021, as summarised in a 2024 review",
        "alt_text": "Three dots with ranges; every range crosses the no-difference line.",
        "axis_label": "Difference (standardised)",
        "left_label": "← Less variety in depression", "right_label": "More variety →",
    }
    return Figure.model_validate(data | changes)


def bars(**changes: Any) -> Figure:
    data: dict[str, Any] = {
        "kind": "bars", "title": "Variety by group", "caption": "Bars show the average.",
        "source": "Example study", "alt_text": "Two bars.", "axis_label": "Variety score",
        "groups": [{"label": "Depression", "value": 3.1, "error": 0.4, "n": 40},
                   {"label": "No depression", "value": 3.6, "error": 0.3, "n": 42}],
    }
    return Figure.model_validate(data | changes)


def texts(figure: Figure, **kw: Any) -> list[Text]:
    """Every visible, non-empty text artist of the drawn chart (tick labels included)."""
    fig = _build_figure(figure, width_in=5.9, **(BRAND | kw))
    fig.canvas.draw()
    found = fig.findobj(lambda a: isinstance(a, Text) and a.get_visible() and a.get_text())
    return [t for t in found if isinstance(t, Text)]


@pytest.fixture(scope="module")
def theme() -> Theme:
    return make_theme(Colours(**BRAND))


def build_pdf(theme: Theme, figure: Figure, *, grayscale: bool = False) -> pymupdf.Page:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=theme.page_size, leftMargin=theme.margin,
                            rightMargin=theme.margin, invariant=1)
    doc.build(figure_flowables(figure, theme, grayscale=grayscale))
    pdf = pymupdf.open(stream=out.getvalue(), filetype="pdf")
    assert pdf.page_count == 1
    return pdf[0]


def test_svg_is_byte_identical_across_renders() -> None:
    first = render_svg(interval(), width_in=5.9, **BRAND)
    assert first == render_svg(interval(), width_in=5.9, **BRAND)
    assert first.startswith(b"<?xml")
    assert b"<text" not in first  # glyphs are outlines: no font needed downstream


@pytest.mark.parametrize("make", [interval, bars])
def test_illustration_has_no_numbers_and_says_so(make: Any) -> None:
    real = [t.get_text() for t in texts(make())]
    assert any(ch.isdigit() for s in real for ch in s)  # the check below can see numbers
    figure = make(illustrative=True, source="")
    shown = [t.get_text() for t in texts(figure)]
    assert ILLUSTRATION_NOTE in shown
    names = {item.label for item in [*figure.rows, *figure.groups]}  # "Chao1" is a name
    assert not [s for s in shown if s not in names and any(ch.isdigit() for ch in s)]


@pytest.mark.parametrize("make", [interval, bars])
@pytest.mark.parametrize("font_scale", [0.7, 1.0, 1.3])
def test_no_chart_text_under_10pt(make: Any, font_scale: float) -> None:
    sizes = [t.get_fontsize() for t in texts(make(), font_scale=font_scale)]
    assert sizes
    assert min(sizes) >= 10


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#0072B2", "#FFFFFF") == pytest.approx(5.19, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#000000", "#FFFFFF") == contrast_ratio("#FFFFFF", "#000000")
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)


def test_too_light_brand_colour_falls_back() -> None:
    assert mark_colour("#1F4E79", DEFAULT_PRIMARY) == "#1F4E79"
    assert mark_colour("#9ECAE9", DEFAULT_PRIMARY) == DEFAULT_PRIMARY  # sky blue, < 3:1
    svg = render_svg(interval(), width_in=5.9, primary="#9ECAE9", accent="#2E8B57").lower()
    assert DEFAULT_PRIMARY.lower().encode() in svg
    assert b"#9ecae9" not in svg


@pytest.mark.parametrize("colour", ["#0072B2", "#D55E00", "#2E8B57", "#CC79A7"])
def test_gray_keeps_luminance(colour: str) -> None:
    gray = to_gray(colour)
    assert gray[1:3] == gray[3:5] == gray[5:7]
    assert contrast_ratio(gray, "#FFFFFF") == pytest.approx(
        contrast_ratio(colour, "#FFFFFF"), rel=0.02)


def test_pdf_has_title_caption_source_and_vector_chart(theme: Theme) -> None:
    page = build_pdf(theme, interval(title="Bacteria & mood <b>not bold</b>"))
    text = page.get_text()
    assert "Fig. 1. Bacteria & mood <b>not bold</b>" in text  # markup() escaped it
    assert "Each dot is the average difference" in text
    assert "Source: Nikolova et al. 2021" in text
    assert page.get_drawings()
    assert not page.get_images()  # vector, not a picture of the chart


def test_alt_text_rides_on_the_drawing(theme: Theme) -> None:
    [block] = figure_flowables(interval(), theme)
    drawings = [f for f in block._content if hasattr(f, "alt_text")]
    assert [d.alt_text for d in drawings] == [interval().alt_text]
    assert drawings[0].wrap(1e4, 1e4)[0] == pytest.approx(theme.frame_width)


def test_grayscale_chart_has_no_colour(theme: Theme) -> None:
    def worst_tint(page: pymupdf.Page) -> int:
        area = pymupdf.Rect()
        for path in page.get_drawings():
            area |= path["rect"]
        pix = page.get_pixmap(dpi=72, clip=area, alpha=False)
        s = pix.samples
        r, g, b = s[0::3], s[1::3], s[2::3]
        return max(max(abs(x - y), abs(y - z)) for x, y, z in zip(r, g, b, strict=True))

    assert worst_tint(build_pdf(theme, interval())) > 30  # the check can see colour
    assert worst_tint(build_pdf(theme, interval(), grayscale=True)) <= 2


def test_chart_words_follow_the_document_language() -> None:
    words = {t.get_text() for t in texts(interval(), language="es")}
    assert "Sin diferencia" in words and "(6 estudios)" in words
    assert "No difference" not in words
    group_sizes = {t.get_text() for t in texts(bars(), language="es")}
    assert "40 personas" in group_sizes


def test_a_bar_says_how_many_people_it_stands_for_in_words() -> None:
    shown = {t.get_text() for t in texts(bars())}
    assert {"40 people", "42 people"} <= shown
    assert not [s for s in shown if "n =" in s or "n=" in s]  # no researchers' "n = 40"
    one = bars(groups=[{"label": "Case", "value": 2.0, "n": 1},
                       {"label": "Group", "value": 3.0, "n": 1200}])
    assert {"1 person", "1,200 people"} <= {t.get_text() for t in texts(one)}


# -- the chart as PDF operators (handout.chart.pdf_ops), checked against the svglib route ----

def content_figure() -> Figure:
    return Figure.model_validate(content_data()["figure"])


CASES: dict[str, tuple[Any, dict[str, Any]]] = {
    "content.yaml": (content_figure, {}),
    "bars": (bars, {}),
    "interval, illustrative": (lambda: interval(illustrative=True, source=""), {}),
    "bars, illustrative": (lambda: bars(illustrative=True, source=""), {}),
    "grayscale": (content_figure, {"grayscale": True}),
    "bars, grayscale": (bars, {"grayscale": True}),
    "large print": (content_figure, {"font_scale": 18 / 14}),
    "bars, large print": (bars, {"font_scale": 18 / 14}),
}


def svglib_ops(figure: Figure, **kw: Any) -> tuple[float, float, str]:
    """The chart as draw_chart made it before issue 6: SVG -> svglib -> renderPDF (reference)."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing, Group
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(render_svg(figure, **kw)))
    assert drawing is not None
    width = kw["width_in"] * 72
    factor = width / drawing.width
    scaled = Drawing(width, drawing.height * factor)
    scaled.add(Group(*drawing.contents, transform=(factor, 0, 0, factor, 0, 0)))
    scratch = Canvas(io.BytesIO())
    renderPDF.draw(scaled, scratch, 0, 0)
    return scaled.width, scaled.height, "\n".join(scratch._code)


def raster(width: float, height: float, ops: str, dpi: int = 150) -> np.ndarray[Any, Any]:
    """`ops` replayed on a one-page PDF (as ChartForm does), rendered by MuPDF: RGB pixels."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width + 20, height + 20), invariant=1)
    canvas.translate(10, 10)
    canvas.addLiteral(ops)
    canvas.showPage()
    canvas.save()
    pix = pymupdf.open(stream=out.getvalue(), filetype="pdf")[0].get_pixmap(dpi=dpi, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).astype(int)


@pytest.mark.parametrize("case", list(CASES))
def test_ops_look_like_the_svglib_chart(case: str) -> None:
    make, extra = CASES[case]
    kw = {"width_in": 5.9, **BRAND, **extra}
    old_w, old_h, old = svglib_ops(make(), **kw)
    width, height, ops = render_ops(make(), **kw)
    assert width == old_w == 5.9 * 72
    assert height == pytest.approx(old_h, abs=1e-6)
    before, after = raster(old_w, old_h, old), raster(width, height, ops)
    assert before.shape == after.shape
    ink = (before < 200).any(axis=2).sum()
    assert ink > 5000  # the comparison sees a real chart, not two blank pages
    diff = np.abs(before - after)
    # Measured: mean 0.02-0.14 levels, no pixel off by more than 22 of 255 (colours rounded
    # to 3 decimals, outlines to 0.001-0.002 pt, anti-aliasing of the edges).
    assert diff.mean() < 0.5
    assert (diff.max(axis=2) > 48).sum() < ink * 0.002


def test_draw_chart_ops_are_replayable_deterministic_and_exact_width(theme: Theme) -> None:
    request = ChartRequest(content_figure(), width_in=theme.frame_width / 72, **BRAND)
    art = draw_chart(request)
    assert art == draw_chart(request)  # same input, same string (it is cached by content)
    assert art.width == request.width_in * 72
    assert "/" not in art.ops  # no font, image or ExtGState name to dangle on replay
    assert "BT" not in art.ops.split()  # glyphs are outlines, not text
    assert art.ops.count("q\n") == art.ops.count("Q\n")
    assert "q\nQ\n" not in art.ops
    assert not re.search(r"\d\.\d{4}|\.\d*0\b|(?<![\d.])-0(?![\d.])", art.ops)  # short numbers


def test_each_glyph_outline_is_written_alike_so_the_chart_compresses(theme: Theme) -> None:
    """A letter's outline is the same bytes everywhere it appears, moved into place: the
    chart compresses to about 10 KB (41 KB when each string was one path)."""
    import zlib

    ops = draw_chart(ChartRequest(content_figure(), width_in=theme.frame_width / 72,
                                  **BRAND)).ops
    placed = re.findall(r"q\n1 0 0 1 \S+ \S+ cm\n(.*?)f\nQ\n", ops, flags=re.DOTALL)
    assert len(placed) > 3 * len(set(placed))  # most glyphs repeat an outline
    assert len(zlib.compress(ops.encode())) < 15_000


def test_ops_set_each_colour_and_width_only_when_it_changes() -> None:
    _, _, ops = render_ops(bars(illustrative=True, source=""), width_in=5.9, **BRAND)
    settings = [line for line in ops.splitlines()
                if re.search(r" (rg|RG|g|G|w|J|j|d)$", line)]
    assert settings
    depth, last = 0, {}
    for line in ops.splitlines():  # outside any q, no setting repeats the one in force
        depth += (line == "q") - (line == "Q")
        op = line.rsplit(" ", 1)[-1]
        if depth == 0 and line in settings:
            assert last.get(op.lower() if op in ("g", "G", "rg", "RG") else op) != line
            last[op.lower() if op in ("g", "G", "rg", "RG") else op] = line


def _draw(fig: Any) -> str:
    fig.dpi = 72
    renderer = OpsRenderer(fig.bbox.width, fig.bbox.height)
    fig.draw(renderer)
    return renderer.finish()


def test_ops_renderer_refuses_what_needs_a_pdf_resource() -> None:
    from matplotlib.figure import Figure as MplFigure

    fig = MplFigure(figsize=(2, 1))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.plot([0, 1], [0, 1], color="#1F4E79", linestyle="--", clip_on=True)
    assert re.search(r"\[[\d. ]+\] 0 d", _draw(fig))  # dashes and clipping are fine
    ax.fill_between([0, 1], [0, 1], alpha=0.5)
    with pytest.raises(RuntimeError, match="alpha"):
        _draw(fig)

    fig = MplFigure(figsize=(2, 1))
    fig.add_axes((0, 0, 1, 1)).imshow([[0.0, 1.0], [1.0, 0.0]])
    with pytest.raises(RuntimeError, match="image"):
        _draw(fig)

    fig = MplFigure(figsize=(2, 1))
    fig.add_axes((0, 0, 1, 1)).bar([0], [1], hatch="//")
    with pytest.raises(RuntimeError, match="hatch"):
        _draw(fig)


# -- figures with long labels, both kinds, both languages -----------------------------------

LONG_ROWS = [
    {"label": "Number of different kinds of gut bacteria found in each sample (observed)",
     "studies": 1, "estimate": 0.1, "low": -0.2, "high": 0.5},
    {"label": "Short", "estimate": 1.0, "low": 0.5, "high": 2.0},
]
LONG_GROUPS = [
    {"label": "People with long-lasting depression who took part", "value": 10, "n": 1200},
    {"label": "Others", "value": 12, "error": 2},
    {"label": "A third group of people", "value": 7},
]
FIGURES: dict[str, tuple[Any, str]] = {
    "content.yaml": (content_figure, "en"),
    "content.es.yaml": (lambda: Figure.model_validate(
        content_data(ROOT / "content.es.yaml")["figure"]), "es"),
    "interval": (interval, "en"),
    "interval, es": (interval, "es"),
    "bars": (bars, "en"),
    "interval, illustrative": (lambda: interval(illustrative=True, source=""), "en"),
    "bars, illustrative": (lambda: bars(illustrative=True, source=""), "en"),
    "interval, long labels": (lambda: interval(rows=LONG_ROWS), "en"),
    "bars, long labels": (lambda: bars(groups=LONG_GROUPS), "en"),
    "no axis words": (lambda: interval(axis_label="", left_label="", right_label=""), "en"),
    "bars, no axis label": (lambda: bars(axis_label=""), "en"),
    "bars, ko": (lambda: korean_bars(), "ko"),  # noqa: PLW0108 (defined further down)
}


# -- the figure as plain data, as the chart worker is sent it (handout.chart.data) -----------

@pytest.mark.parametrize("name", ["content.yaml", "bars", "interval, illustrative",
                                  "bars, long labels"])
def test_plain_figure_draws_the_same_chart(name: str) -> None:
    from handout.chart.data import chart_figure

    make, language = FIGURES[name]
    plain = chart_figure(make())
    assert chart_figure(plain) is plain
    kw = {"width_in": 5.9, "language": language, **BRAND}
    assert render_ops(plain, **kw) == render_ops(make(), **kw)


# -- every word on the chart whole and clear, on each page the chart is printed on -----------

# Chart width (the text column) and font scale of each page: letter and A4 documents, large
# print (18 pt body, 1 in margins) and a booklet's half-letter page.
PAGES: dict[str, tuple[float, float]] = {
    "letter": (8.5 - 2 * 1.3, 1.0), "a4": (8.27 - 2 * 1.3, 1.0),
    "large print": (8.5 - 2 * 1.0, 18 / 14), "booklet": (5.5 - 2 * 0.55, 1.0),
}


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("name", ["content.yaml", "content.es.yaml", "bars",
                                  "interval, long labels", "bars, long labels", "bars, ko"])
def test_every_chart_word_is_inside_the_chart_and_clear_of_the_others(name: str,
                                                                      page: str) -> None:
    import itertools

    from matplotlib.transforms import Bbox

    make, language = FIGURES[name]
    figure = make()
    width, scale = PAGES[page]
    fig = _build_figure(figure, width_in=width, font_scale=scale, language=language, **BRAND)
    fig.dpi = 72  # sizes below in points
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    found = fig.findobj(lambda a: isinstance(a, Text) and a.get_visible() and a.get_text())
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in found
             if isinstance(t, Text)]
    edge = fig.bbox
    for text, box in boxes:  # nothing clipped at the chart's edges
        assert (box.x0 >= -0.5 and box.y0 >= -0.5 and box.x1 <= edge.x1 + 0.5
                and box.y1 <= edge.y1 + 0.5), (text, box.bounds, edge.bounds)
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        if box_a.overlaps(box_b):  # line boxes may share their leading, never the glyphs
            both = Bbox.intersection(box_a, box_b)
            assert both is not None and min(both.width, both.height) <= 2, (a, b)
    if figure.kind == "interval":  # row labels wrap inside their column, clear of the plot
        rows = {r.label for r in figure.rows}
        plot = fig.axes[0].get_window_extent(renderer)
        labels = [box for text, box in boxes if " ".join(text.split()) in rows]
        assert len(labels) == len(rows)
        assert all(box.x1 <= plot.x0 for box in labels)


def test_a_wrapped_label_takes_as_few_lines_as_before_made_even() -> None:
    from handout.chart.render import load_matplotlib
    from handout.chart.sizes import measure, wrap

    load_matplotlib()  # the bundled fonts, as a drawn chart measures with them
    column = 0.4 * 5.9 * 72  # a letter page's row-label column, in points
    label = "Variety, counting how even the mix is"
    assert wrap(label, 12, column) == "Variety, counting\nhow even the mix is"  # no "mix is" stub
    assert measure(wrap(label, 12, column), 12) <= column
    assert wrap("Number of kinds found", 12, column) == "Number of kinds found"
    long = LONG_ROWS[0]["label"]
    assert wrap(long, 12, column).count("\n") == 2  # three lines, the fewest that fit


def test_a_chinese_group_label_that_fits_no_break_at_its_spaces_breaks_between_characters(
        ) -> None:
    """"婴儿（4-12 个月）" under a bar in a booklet's column: at its one space it leaves
    "婴儿（4-12" wider than the bar's slot, over the next label; broken between characters
    (a number whole, the opening bracket with what it opens) it keeps to its slot."""
    from handout.chart.bars import _label
    from handout.chart.render import chart_families, load_matplotlib
    from handout.chart.sizes import families, measure

    load_matplotlib()
    slot = 42.0  # a booklet column's six bars
    with families(chart_families("zh-Hans")):
        label = _label("婴儿（4-12 个月）", 12, slot)
        assert label.split("\n") == ["婴儿", "（4-12", "个月）"]
        assert measure(label, 12) <= slot - 4
        assert _label("成年人", 12, slot) == "成年人"  # fits: not broken
    with families(chart_families("en")):
        assert _label("Babies (4-12 months)", 12, slot) == "Babies\n(4-12\nmonths)"



KOREAN_GROUPS = ["아기(4-12개월)", "1-2세", "3-5세", "6-12세", "청소년 13-18세", "성인"]


def korean_bars() -> Figure:
    return bars(groups=[{"label": label, "value": 12 - n} for n, label in
                        enumerate(KOREAN_GROUPS)], axis_label="하루 수면 시간(최소)")


@pytest.mark.parametrize("page", list(PAGES))
def test_a_korean_group_label_breaks_between_words_never_inside_one(page: str) -> None:
    """Korean breaks a line only between its words (at spaces) or before an opening bracket:
    "아기(4-12개월)" under a bar in a booklet's column is "아기 / (4-12개월)", never "아기(4-12
    / 개월)" nor "(4-12개 / 월)". (Clear of the next label: the test above, "bars, ko".)"""
    width, scale = PAGES[page]
    fig = _build_figure(korean_bars(), width_in=width, font_scale=scale, language="ko",
                        **BRAND)
    drawn = [t.get_text() for t in fig.findobj(Text) if isinstance(t, Text)]
    labels = [text for text in drawn if text.replace("\n", "") in
              {label.replace(" ", "") for label in KOREAN_GROUPS} | set(KOREAN_GROUPS)]
    assert len(labels) == len(KOREAN_GROUPS), drawn

    def joined(text: str) -> str:  # a break before "(" or at a space: as written
        return text.replace(" (", "(")

    assert sorted(joined(label.replace("\n", " ")) for label in labels) == sorted(
        joined(label) for label in KOREAN_GROUPS), labels
