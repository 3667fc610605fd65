"""The model laid out as PDF bytes in one format, as its format object (layout/formats)
says: fitted to its pages by a search over real layout passes, its spare room given out
in a spread pass (layout/spread.py), and its pages proved (layout/proof.py). Writes
nothing; returns the bytes, the page count and the page rules they break."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from io import BytesIO
from pathlib import Path

from reportlab.graphics.shapes import Drawing
from reportlab.platypus.doctemplate import LayoutError

from handout.chart.art import ChartDrawer, draw_later
from handout.common.errors import LayoutFitError
from handout.input.fictional import is_sample
from handout.input.model import Document
from handout.layout.blocks import callout
from handout.layout.drawings import Picture
from handout.layout.figure import drawn_once
from handout.layout.floats import Floats
from handout.layout.footer import FooterCanvas, footer_note
from handout.layout.formats import format_named
from handout.layout.formats.fitting import (
    SPACINGS,
    Step,
    Tried,
    fit,
    larger,
    loosest,
    roomier_inside,
    roomiest,
    what_fits,
)
from handout.layout.formats.parts import Parts, callout_facts, figure_maker, optional_parts
from handout.layout.formats.zones import Layout, Overflow, Zone, every_frame, overflow
from handout.layout.measure import stack_height
from handout.layout.page import HandoutTemplate
from handout.layout.proof import BOX_GAP, GAP_LINES, Broken, prove
from handout.layout.spread import MOST_EMPTY, FrameEnd, Gap, Spread, kept_back, spread, with_gaps
from handout.layout.theme import REGULAR_BODY, Theme
from handout.layout.variant import Variant
from handout.pdf import Recorder


@dataclass(frozen=True)
class Pass:
    """One layout pass that ran to its end: the PDF, its page count, and where each gap
    between blocks fell and how much room each frame had left (for the spread pass). A
    fitting pass that stopped where it ran over has no PDF."""

    pdf: bytes
    pages: int
    gaps: tuple[Gap, ...] = ()
    ends: tuple[FrameEnd, ...] = ()
    broken: tuple[Broken, ...] = ()  # the page rules it breaks (layout/proof.py)
    floats: tuple[bool, ...] = ()  # whether each float was held back (layout/floats.py)
    fitted: Step | None = None  # what fitting found (a fitted format's): a rebuild's hint

    @property
    def placed(self) -> list[tuple[int, str]]:
        """The page and frame each gap fell in."""
        return [(gap.page, gap.frame) for gap in self.gaps]


def typeset(doc: Document, logo: Drawing | None, look: Variant,
            charts: ChartDrawer = draw_later, pictures: Mapping[str, Picture] | None = None,
            *, hint: Step | None = None) -> Pass:
    """The laid-out PDF, with the page rules it breaks; `pictures`: the sections' image
    files, loaded (layout/drawings.py). `hint`: what fitting found last time (`fitted`),
    tried first (formats/fitting.py): fewer passes when it still holds, the same step."""
    passes = _Passes(doc, logo, look, drawn_once(charts), pictures or {})
    tried = fit(passes.ladders, passes.attempt, hint)
    if tried.overflow is not None:
        # Laid out to the end, for how far it runs over (a fitting pass stops at the
        # first frame past its zone).
        tried = passes.attempt(tried.step, whole=True) if tried.result.pages else tried
        assert tried.overflow is not None  # the same step, so it runs over again
        fmt = passes.fmt
        message = fmt.refusal(tried.overflow, tried.step, doc) + \
            what_fits(doc, fmt, tried, passes.attempt)
        if look.large_print:
            message += (" Large print needs about twice the room of regular print: the "
                        "large-print document (--format document --large-print) holds it all.")
        raise LayoutFitError(tried.overflow.loc, message)
    done = passes.spread(passes.loosen(passes.grow(tried)))
    return replace(done, fitted=tried.step) if passes.fmt.fitted else done


class _Passes:
    """Layout passes of one document in one format and print variant."""

    def __init__(self, doc: Document, logo: Drawing | None, look: Variant,
                 charts: ChartDrawer, pictures: Mapping[str, Picture]) -> None:
        self.doc, self.logo, self.look, self.charts, self.pictures = \
            doc, logo, look, charts, pictures
        self.fmt = format_named(look.format)
        optional = optional_parts(doc, self.fmt.name, plan_extra=self.fmt.drops_plan_extra)
        self.ladders = self.fmt.steps(doc, optional, large_print=look.large_print)
        # One chart for every pass of a fitted format: drawn once, at the starting size.
        self.scale = self.ladders[0][0].body_size / REGULAR_BODY if self.fmt.fitted else None
        # Placeholders or made-up contact details left: every page says it is a sample.
        self.sample = is_sample(doc.model_dump(), Path(doc.clinic.logo) if doc.clinic.logo
                                else None)

    def theme(self, step: Step) -> Theme:
        look = self.look
        return self.fmt.theme(self.doc, step, paper=look.paper, large_print=look.large_print,
                              grayscale=look.grayscale, print_shop=look.print_shop)

    def attempt(self, step: Step, spread: Spread | None = None,
                floats: Sequence[bool] = (), *, whole: bool = False) -> Tried[Pass]:
        """One layout pass at `step`: its PDF, or where and by how much it runs over.
        `spread`: what the spread pass adds to the gaps between blocks; `floats`: the
        float decisions of the pass it spreads; `whole`: lay out all of a pass that runs
        over (a fitting pass stops where it does)."""
        doc, fmt, theme = self.doc, self.fmt, self.theme(step)
        maker = figure_maker(doc, theme, self.look.grayscale, self.charts,
                             chart_scale=self.scale)
        parts = Parts(fmt.name, maker, frozenset(step.left_out), self.pictures,
                      split_boxes=fmt.splits_boxes)
        layout = fmt.layout(doc, theme, parts, step, self.logo)
        layout.story, gaps = with_gaps(layout.story)
        if spread is not None:
            for n, height in spread.extra.items():
                gaps[n].extra = height
            for n, text in spread.callouts.items():
                gaps[n].callout = callout(text, theme)
        sample = partial(fmt.sample_centre, theme=theme) if self.sample else None
        template, buffer = _template(doc, theme, self.logo, layout, sample)
        template.floats = Floats(floats)
        if spread is None and fmt.fitted and not whole:  # a pass that has run over stops
            template.stop_if = lambda marks, at: \
                overflow(layout, marks, laid_out=True, at=at) is not None
        try:
            _build(template, self.look, layout)
        except (LayoutError, LayoutFitError) as exc:  # one part taller than a page
            earlier = overflow(layout, template.marks, laid_out=True)
            if earlier is not None:  # a zone before it ran over: that comes first
                return Tried(step, Pass(b"", 0), earlier)
            loc = exc.loc if isinstance(exc, LayoutFitError) else ("sections",)
            reason = exc.message if isinstance(exc, LayoutFitError) else \
                "a part (a box, a list or a table) is taller than a whole page or panel"
            zone = Zone("part", 0, 0, loc=loc)
            return Tried(step, Pass(b"", 0), Overflow(zone, 0.0, loc, "", reason))
        ends = every_frame(layout, template.page, [
            FrameEnd(page, frame, left, template.frame_height[(page, frame)],
                     tuple(template.filled.get((page, frame), ())))
            for (page, frame), left in template.frame_left.items()])
        names = {(end.page, end.frame): fmt.frame_name(end.page, end.frame) for end in ends}
        over = overflow(layout, template.marks, at=template.stopped_at)
        # A pass that runs over only says by how much: its pages are not proved.
        broken = [] if over is not None else \
            prove(template.placed, ends, names, last_page_ends=not fmt.fitted,
                  pitch=theme.style("body").leading, locs=template.frame_loc,
                  owners={doc.clinic.phone: ("clinic", "phone")}, nearest=theme.gap(BOX_GAP))
        done = Pass(buffer.getvalue(), template.page, tuple(gaps), ends, tuple(broken),
                    tuple(template.floats.decided))
        return Tried(step, done, over)

    def grow(self, tried: Tried[Pass]) -> Tried[Pass]:
        """Content that fits its page count's roomiest step with room to spare (a short
        booklet's last pages half empty) set larger: the largest size, up to GROW points
        more, that still fits (bisection over the half points). Where pages are still
        blank, the pages between the covers alone, roomier (a booklet's covers full)."""
        step = tried.step
        if not self.fmt.fitted or not _empty_frame(tried.result):
            return tried
        grown = tried
        if step == replace(self.ladders[0][0], pages=step.pages):  # its roomiest
            grown = roomiest([*larger(step, GROW), step], tried, self.attempt,
                             tried_first=False)
        if self.fmt.grows_inside and any(not end.filled for end in grown.result.ends):
            grown = roomiest([*roomier_inside(step, GROW), step], tried, self.attempt,
                             tried_first=False)
        return grown

    def loosen(self, tried: Tried[Pass]) -> Tried[Pass]:
        """Content fitted at tight spacing that leaves a frame a quarter empty, set at the
        loosest spacing that still fits at the same size (the room then goes to the space
        between all the blocks, not to one page's foot)."""
        step = tried.step
        if not self.fmt.fitted or not _empty_frame(tried.result):
            return tried
        looser = [replace(step, spacing=spacing) for spacing in SPACINGS
                  if spacing > step.spacing]
        return loosest(looser, tried, self.attempt)

    def spread(self, tried: Tried[Pass]) -> Pass:
        """The fitted pass laid out again with each frame's spare height given out
        (layout/spread.py); the fitted pass itself when there is nothing to give, or if
        anything would fall elsewhere than it did. Then the frame before the first gap
        that moved keeps its room and the pass is tried again (a figure held back for the
        next page lets the blocks after it take the room the spread gave out), up to
        RESPREAD times; else the spread pass is not used."""
        theme = self.theme(tried.step)
        width = theme.frame_width
        facts = callout_facts(self.doc)
        plan = spread(tried.result.gaps, tried.result.ends, theme.body_size, facts=facts,
                      callout=lambda text: stack_height([callout(text, theme)], width),
                      skip_last=not self.fmt.fitted,
                      allowed=GAP_LINES * theme.style("body").leading)
        placed = tried.result.placed
        for _ in range(RESPREAD + 1):
            if not plan:
                return tried.result
            again = self.attempt(tried.step, plan, tried.result.floats)
            if again.overflow is None and again.result.pages == tried.result.pages and \
                    again.result.placed == placed:
                return again.result
            plan = kept_back(plan, placed, again.result.placed)
        return tried.result


def _empty_frame(done: Pass) -> bool:
    """Whether a frame of the pass has a quarter of its height or more left at its foot."""
    return any(end.left > MOST_EMPTY * end.height for end in done.ends)


GROW = 4.0  # points a short handout's text may grow past the format's usual size
RESPREAD = 2  # spread passes tried again, each without the frame that moved a block


def _template(doc: Document, theme: Theme, logo: Drawing | None, layout: Layout,
              sample: Callable[[int], float] | None = None) -> tuple[HandoutTemplate, BytesIO]:
    buffer = BytesIO()
    template = HandoutTemplate(
        buffer, theme, doc.clinic, logo, layout.templates, sample=sample,
        title=doc.title, author=doc.clinic.name, subject=doc.subtitle or doc.title,
        keywords=", ".join(doc.keywords), creator="handout", producer="handout",
        lang=doc.language, displayDocTitle=True,
    )
    template.footer_note = footer_note(doc, theme)
    # Tagging happens while the pages are drawn: the canvas's recorder marks the content
    # and writes the structure tree into the same single save (handout/pdf).
    return template, buffer


def _build(template: HandoutTemplate, look: Variant, layout: Layout) -> None:
    """Lay out and save: the template then knows its pages, marks and frames' room."""
    tags = Recorder() if look.tagged else None
    if tags is not None and layout.reading_order:
        tags.reserve(layout.reading_order)
    start = template.story_start() if layout.templates is None else []
    template.build([*start, *layout.story], canvasmaker=partial(FooterCanvas, tags=tags))
