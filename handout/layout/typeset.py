"""The model laid out as PDF bytes, in one format: the document, or a rack format fitted
to its pages (layout/rack). Writes nothing; returns the bytes and the page count."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from io import BytesIO

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from handout.chart.art import ChartArt, ChartDrawer, ChartRequest, draw_later
from handout.chart.cache import chart_key
from handout.common.errors import LayoutFitError
from handout.input.images import Picture
from handout.input.model import Document
from handout.layout.document import figure_maker, story
from handout.layout.page import FooterCanvas, HandoutTemplate, Mark
from handout.layout.rack import panels as geometry
from handout.layout.rack.booklet import booklet
from handout.layout.rack.fit import FLOOR, LARGE_FLOOR, Step, Tried, fit, ladders
from handout.layout.rack.parts import Parts, optional_parts, shares
from handout.layout.rack.sheet import sheet
from handout.layout.rack.trifold import trifold
from handout.layout.rack.zones import Layout, Loc, Overflow, Zone, heights, overflow, slack
from handout.layout.theme import LARGE_PRINT_SIZE, REGULAR_BODY, Theme, make_theme
from handout.pdf import Element, Recorder


@dataclass(frozen=True)
class Look:
    """How this print looks: its format and the print variant's choices."""

    format: str = "document"
    paper: str = "letter"
    large_print: bool = False
    grayscale: bool = False
    print_shop: bool = False
    tagged: bool = True


def typeset(doc: Document, logo: Drawing | None, look: Look,
            charts: ChartDrawer = draw_later, pictures: Mapping[str, Picture] | None = None
            ) -> tuple[bytes, int]:
    """`pictures`: the sections' image files, loaded (input/images.py)."""
    pictures = pictures or {}
    if look.format == "document":
        theme = _theme(doc, look)
        pdf, pages, _ = _pdf(doc, theme, logo, look, flowables=story(
            doc, theme, grayscale=look.grayscale, charts=charts, pictures=pictures))
        return pdf, pages

    charts = _drawn_once(charts)
    start = LARGE_PRINT_SIZE if look.large_print else REGULAR_BODY
    floor = LARGE_FLOOR if look.large_print else FLOOR

    def attempt(step: Step) -> Tried[tuple[bytes, int]]:
        """One layout pass at `step`: its PDF, or where and by how much it runs over."""
        theme = _theme(doc, look, step)
        # One chart for every pass: drawn once (in the chart worker), at the starting size.
        maker = figure_maker(doc, theme, look.grayscale, charts, chart_scale=start / 14.0)
        parts = Parts(look.format, maker, frozenset(step.left_out), pictures)
        layout = _layout(doc, theme, parts, step.pages, logo, fmt=look.format)

        def stop_if_over(marks: dict[str, Mark]) -> None:
            over = overflow(layout, marks, so_far=True)
            if over is not None:
                raise _RanOverError(over, heights(layout, marks, over.zone))

        try:
            pdf, pages, marks = _pdf(doc, theme, logo, look, flowables=layout.story,
                                     templates=layout.templates,
                                     reading_order=layout.reading_order, on_mark=stop_if_over)
        except _RanOverError as stopped:  # the rest of this pass would not change the answer
            return Tried(step, (b"", 0), stopped.overflow, heights=stopped.heights)
        except (LayoutError, LayoutFitError) as exc:  # one part taller than a page
            loc = exc.loc if isinstance(exc, LayoutFitError) else ("sections",)
            reason = exc.message if isinstance(exc, LayoutFitError) else \
                "a part (a box, a list or a table) is taller than a whole page or panel"
            zone = Zone("part", 0, 0, loc=loc)
            return Tried(step, (b"", 0), Overflow(zone, 0.0, loc, "", reason))
        over = overflow(layout, marks)
        return Tried(step, (pdf, pages), over, slack(layout, marks),
                     heights(layout, marks, over.zone) if over else {})

    counts = list(range(8, doc.pages + 1, 4)) if look.format == "booklet" else [0]
    optional = optional_parts(doc, look.format)
    tried = fit(ladders(start, floor, optional, counts), attempt,
                shares(doc, look.format, optional))
    if tried.overflow is not None:
        message = refusal(look.format, tried, doc.pages)
        if look.large_print:
            message += (" Large print needs about twice the room of regular print: the "
                        "large-print document (--format document --large-print) holds it all.")
        raise LayoutFitError(tried.overflow.loc, message)
    return tried.result


def _drawn_once(charts: ChartDrawer) -> ChartDrawer:
    """`charts`, drawing each distinct chart once in this build: every fitting pass asks
    for the same chart again."""
    drawn: dict[str, Callable[[], ChartArt]] = {}

    def remembered(request: ChartRequest) -> Callable[[], ChartArt]:
        key = chart_key(request)  # equal requests give equal charts
        if key not in drawn:
            drawn[key] = cache(charts(request))
        return drawn[key]
    return remembered


def refusal(fmt: str, tried: Tried[tuple[bytes, int]], pages: int = 8) -> str:
    """Why the content does not fit, and what to cut or move (`pages`: the most pages the
    content file allows a booklet)."""
    over, step = tried.overflow, tried.step
    assert over is not None
    name = {"trifold": "tri-fold"}.get(fmt, fmt)
    if over.reason:
        return (f"this does not fit the {name}, even at {step.body_size:g} pt with tight "
                f"spacing: {over.reason}. Shorten it, or print the document format "
                "(--format document), which has the room.")
    lines = max(1, round(over.points / (step.body_size * 1.4)))
    where = _ZONES.get((fmt, over.zone.name), f"the {over.zone.name}")
    part = f'; the room runs out in "{over.heading}"' if over.heading else ""
    head = (f"this does not fit the {name}: about {lines} line{'s' * (lines != 1)} too many "
            f"for {where}, even at {step.body_size:g} pt with tight spacing{part}.")
    if not over.zone.after_sections:  # a cover: neither more pages nor fewer parts help
        return f"{head} Shorten it: nothing on {where} can move to another page."
    more = f" or allow more pages (`pages: {pages + 4}`)," \
        if fmt == "booklet" and over.zone.per_page > 0 and pages < 16 else ""
    return (f"{head} Shorten it or the parts after it,{more} or leave a part out of the "
            f"{name} (`optional: true` lets fitting drop it; `formats: [document]` keeps it "
            "to the document).")


_ZONES = {("booklet", "cover"): "the cover", ("booklet", "inside"): "the inside pages",
          ("booklet", "plan"): "the \"My plan\" page", ("booklet", "puzzle"): "the puzzle pages",
          ("booklet", "help"): "the \"When to get help\" page",
          ("booklet", "back"): "the back cover", ("trifold", "front"): "the front cover panel",
          ("trifold", "back"): "the back cover panel",
          ("trifold", "inside"): "the flap and the inside panels",
          ("sheet", "sheet"): "the two sides"}


def _layout(doc: Document, theme: Theme, parts: Parts, pages: int, logo: Drawing | None, *,
            fmt: str) -> Layout:
    if fmt == "booklet":
        return booklet(doc, theme, parts, pages, logo)
    if fmt == "trifold":
        return trifold(doc, theme, parts, logo)
    return sheet(doc, theme, parts, logo)


def _theme(doc: Document, look: Look, step: Step | None = None) -> Theme:
    kw: dict[str, object] = {}
    if step is not None:
        kw = {"body_size": step.body_size, "spacing": step.spacing}
        if look.format == "booklet":
            kw |= {"page": geometry.BOOKLET_PAGES[look.paper],
                   "margin": geometry.BOOKLET_MARGIN}
        elif look.format == "trifold":
            geo = geometry.trifold(look.paper, 0)
            kw |= {"page": geo.page, "column": geo.column, "margin": geometry.PANEL_PAD}
        else:
            kw |= {"column": geometry.sheet_column(look.paper), "margin": geometry.SHEET_SIDE}
    return make_theme(doc.clinic.colours, paper=look.paper, large_print=look.large_print,
                      language=doc.language, grayscale=look.grayscale,
                      bleed=look.print_shop, **kw)  # type: ignore[arg-type]


class _RanOverError(Exception):
    def __init__(self, overflow: Overflow, heights: dict[Loc, float]) -> None:
        super().__init__(overflow.zone.name)
        self.overflow, self.heights = overflow, heights


def _pdf(doc: Document, theme: Theme, logo: Drawing | None, look: Look, *,
         flowables: list[Flowable], templates: list[PageTemplate] | None = None,
         reading_order: list[Element] | None = None,
         on_mark: Callable[[dict[str, Mark]], None] | None = None
         ) -> tuple[bytes, int, dict[str, Mark]]:
    buffer = BytesIO()
    template = HandoutTemplate(
        buffer, theme, doc.clinic, logo, templates,
        title=doc.title, author=doc.clinic.name, subject=doc.subtitle or doc.title,
        keywords=", ".join(doc.keywords), creator="handout", producer="handout",
        lang=doc.language, displayDocTitle=True,
    )
    # Tagging happens while the pages are drawn: the canvas's recorder marks the content
    # and writes the structure tree into the same single save (handout/pdf).
    tags = Recorder() if look.tagged else None
    if tags is not None and reading_order:
        tags.reserve(reading_order)
    template.on_mark = on_mark
    start = template.story_start() if templates is None else []
    template.build([*start, *flowables], canvasmaker=partial(FooterCanvas, tags=tags))
    return buffer.getvalue(), template.page, template.marks
