"""Fig. 1: deterministic SVG, honest illustrations, contrast rules, and the chart in a real PDF."""

from __future__ import annotations

import io
from typing import Any

import pymupdf
import pytest
from matplotlib.text import Text
from reportlab.platypus import SimpleDocTemplate

from handout.chart import (
    DEFAULT_PRIMARY,
    ILLUSTRATION_NOTE,
    _build_figure,
    mark_colour,
    render_svg,
)
from handout.colour import contrast_ratio, to_gray
from handout.layout.figure import figure_flowables
from handout.model import Colours, Figure
from handout.theme import Theme, make_theme

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
    assert drawings[0].width == pytest.approx(theme.frame_width)


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
    assert "n = 40" in group_sizes
