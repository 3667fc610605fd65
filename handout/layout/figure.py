"""Fig. 1 as ReportLab flowables: title, vector chart, caption and source, kept together.

The chart itself comes from a `ChartDrawer` (handout/chart/art.py): by default it is drawn
here; a build passes a caching one, so this module does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from reportlab.platypus import Flowable, Spacer

from handout.chart.art import ChartArt, ChartDrawer, ChartRequest, draw_later
from handout.chart.cache import chart_key
from handout.input.figures import Figure
from handout.layout.floats import floating
from handout.layout.markup import markup, runt_free
from handout.layout.measure import stack_height
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import group, tag


class ChartForm(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Places a chart's PDF operators like a Drawing would, and carries its alt text.

    `art` gives the drawn chart; it is first called when the layout needs the chart's size.
    """

    def __init__(self, art: Callable[[], ChartArt], alt_text: str) -> None:
        super().__init__()
        self._source = art
        self._art: ChartArt | None = None
        self.alt_text = alt_text
        self.hAlign = "LEFT"

    @property
    def art(self) -> ChartArt:
        if self._art is None:
            self._art = self._source()
        return self._art

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.art.width, self.art.height
        return self.width, self.height

    def draw(self) -> None:
        # drawOn() has already saved state and translated to the chart's corner.
        self.canv.addLiteral(self.art.ops)


def figure_flowables(
    figure: Figure, theme: Theme, *, number: int = 1, grayscale: bool = False,
    chart_scale: float | None = None,
    charts: ChartDrawer = draw_later,
) -> list[Flowable]:
    """Title, chart, caption and source line, as one block that never splits across pages.

    Tagged, a Div holding the title, the chart as a Figure with the alt text, the caption
    and the source as paragraphs.
    """
    label = theme.text("figure_label", number=number)
    h2, caption_style = theme.style("h2"), theme.style("caption")
    title = Paragraph(runt_free(f"{label} {figure.title}", h2, theme.frame_width), h2)
    caption = Paragraph(runt_free(figure.caption, caption_style, theme.frame_width),
                        caption_style)
    source = Paragraph(markup(_source_line(figure, theme)), theme.style("small"))
    gap = Spacer(1, theme.gap(0.4))
    request = chart_request(figure, theme, grayscale=grayscale, scale=chart_scale)
    chart = ChartForm(charts(request), figure.alt_text)
    parts = [tag(title, "P"), tag(chart, "Figure", figure.alt_text), gap, tag(caption, "P"),
             tag(source, "P")]
    group("Div", parts)
    # One block that waits for room (a float); but a figure taller than a page (a long
    # caption in large print) would leave the page before it empty: then only the title
    # and the chart wait, and the caption and source follow as text that may go on.
    text_height = theme.page_size[1] - theme.top_margin - theme.bottom_margin
    if stack_height(parts, theme.frame_width) <= text_height:
        return [floating(parts)]
    return [floating(parts[:3]), *parts[3:]]


def chart_request(figure: Figure, theme: Theme, *, grayscale: bool = False,
                  scale: float | None = None) -> ChartRequest:
    """The chart exactly `theme.frame_width` wide, in the theme's brand colours; its text
    scaled by `scale`, else with the body text (a fitted format keeps one scale for all its
    passes, so the chart is drawn once)."""
    return ChartRequest(
        figure, width_in=theme.frame_width / 72, primary=theme.colours.primary,
        accent=theme.colours.accent, grayscale=grayscale,
        font_scale=scale or theme.body_size / 14.0,  # charts grow with large-print builds
        language=theme.language,
    )


def _source_line(figure: Figure, theme: Theme) -> str:
    text = theme.text
    if not figure.illustrative:
        return text("source", source=figure.source)
    note = text("illustration")
    return text.then(note, text("based_on", source=figure.source)) if figure.source else note


def drawn_once(charts: ChartDrawer) -> ChartDrawer:
    """`charts`, drawing each distinct chart once in this build: every fitting pass asks
    for the same chart again."""
    drawn: dict[str, Callable[[], ChartArt]] = {}

    def remembered(request: ChartRequest) -> Callable[[], ChartArt]:
        key = chart_key(request)  # equal requests give equal charts
        if key not in drawn:
            drawn[key] = cache(charts(request))
        return drawn[key]
    return remembered
