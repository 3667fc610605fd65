"""Fig. 1 as ReportLab flowables: title, vector chart, caption and source, kept together.

The chart itself comes from a `ChartRenderer` (by default `draw_chart`, in
handout/chart/art.py); build.py passes a caching one, so this module does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from handout.chart.art import ChartArt, ChartRequest, PendingChart, draw_chart
from handout.model import Figure
from handout.tagging import group, tag
from handout.text import markup
from handout.theme import Theme

# The art itself, or one still being drawn (in the chart worker).
ChartSource = ChartArt | PendingChart
ChartRenderer = Callable[[ChartRequest], ChartSource]


class ChartSizeChangedError(Exception):
    """The chart came out another size than the layout assumed: lay out again."""


class ChartForm(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Places a chart like a Drawing would, and carries the chart's alt text.

    The page refers to the chart as a form XObject, which the canvas defines when the PDF
    is saved, so a chart still being drawn elsewhere holds nothing up: the layout uses its
    predicted size and the art is collected at the end. If the art turns out another size,
    saving raises ChartSizeChangedError and build.render lays out again with the real one.
    """

    def __init__(self, source: ChartSource, alt_text: str, name: str = "handout-figure-1"
                 ) -> None:
        super().__init__()
        self._source = source
        self._art: ChartArt | None = source if isinstance(source, ChartArt) else None
        self.alt_text = alt_text
        self.name = name
        self.hAlign = "LEFT"

    @property
    def art(self) -> ChartArt:
        """The drawn chart, waiting for it if it is still being drawn."""
        if self._art is None:
            assert isinstance(self._source, PendingChart)
            self._art = self._source.wait()
        return self._art

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        source = self._source
        if self._art is None and isinstance(source, PendingChart) and source.height is not None:
            self.width, self.height = source.width, source.height
        else:
            self.width, self.height = self.art.width, self.art.height
        return self.width, self.height

    def draw(self) -> None:
        # drawOn() has already saved state and translated to the chart's corner.
        define = getattr(self.canv, "define_chart", None)
        if define is None:  # a plain canvas: the operators go straight onto the page
            self.canv.addLiteral(self.art.ops)
            return
        define(self.name, self)
        self.canv.doForm(self.name)

    def checked_art(self) -> ChartArt:
        """The art, which must have the size the layout gave it."""
        art = self.art
        if abs(art.width - self.width) > 1e-6 or abs(art.height - self.height) > 1e-6:
            raise ChartSizeChangedError(f"{self.name}: laid out {self.width} x {self.height}, "
                                        f"drawn {art.width} x {art.height}")
        return art


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
