"""Fig. 1 as ReportLab flowables: title, vector chart, caption and source, kept together.

The chart itself comes from a `ChartRenderer` (by default `draw_chart`, in
handout/chart/art.py); build.py passes a caching one, so this module does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from handout.chart.art import ChartArt, ChartRequest, draw_chart
from handout.model import Figure
from handout.tagging import group, tag
from handout.text import markup
from handout.theme import Theme

# The art itself, or a call that waits for it (a chart being drawn in another process).
ChartSource = ChartArt | Callable[[], ChartArt]
ChartRenderer = Callable[[ChartRequest], ChartSource]


class ChartForm(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Places a `ChartArt` like a Drawing would, and carries the chart's alt text.

    A pending chart is waited for only when the layout reaches it, so the pages before
    Fig. 1 are laid out while it is drawn elsewhere.
    """

    def __init__(self, source: ChartSource, alt_text: str) -> None:
        super().__init__()
        self._source = source
        self._art: ChartArt | None = source if isinstance(source, ChartArt) else None
        self.alt_text = alt_text
        self.hAlign = "LEFT"

    @property
    def art(self) -> ChartArt:
        if self._art is None:
            self._art = self._source() if callable(self._source) else self._source
        return self._art

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.art.width, self.art.height
        return self.width, self.height

    def draw(self) -> None:
        self.canv.addLiteral(self.art.ops)  # drawOn() has already saved state and translated


def figure_flowables(
    figure: Figure, theme: Theme, *, number: int = 1, grayscale: bool = False,
    renderer: ChartRenderer | None = None,
) -> list[Flowable]:
    """Title, chart, caption and source line, as one block that never splits across pages.

    Tagged, a Div holding the title, the chart as a Figure with the alt text, the caption
    and the source as paragraphs.
    """
    label = theme.text("figure_label", number=number)
    title = Paragraph(f"{markup(label)} {markup(figure.title)}", theme.style("h2"))
    caption = Paragraph(markup(figure.caption), theme.style("caption"))
    source = Paragraph(markup(_source_line(figure, theme)), theme.style("small"))
    gap = Spacer(1, theme.body_size * 0.4)
    request = chart_request(figure, theme, grayscale=grayscale)
    chart = ChartForm((renderer or draw_chart)(request), figure.alt_text)
    parts = [tag(title, "P"), tag(chart, "Figure", figure.alt_text), gap, tag(caption, "P"),
             tag(source, "P")]
    group("Div", parts)
    return [KeepTogether(parts)]


def chart_request(figure: Figure, theme: Theme, *, grayscale: bool = False) -> ChartRequest:
    """The chart exactly `theme.frame_width` wide, in the theme's brand colours."""
    return ChartRequest(
        figure, width_in=theme.frame_width / 72, primary=theme.colours.primary,
        accent=theme.colours.accent, grayscale=grayscale,
        font_scale=theme.body_size / 14.0,  # charts grow with large-print builds
        language=theme.language,
    )


def _source_line(figure: Figure, theme: Theme) -> str:
    text = theme.text
    if not figure.illustrative:
        return text("source", source=figure.source)
    note = text("illustration")
    return f"{note}. {text('based_on', source=figure.source)}" if figure.source else note
