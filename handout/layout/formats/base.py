"""What every format is: its pages, its theme, its story in zones, its fitting ladder and
the words it refuses with. One object per format (document, booklet, tri-fold, sheet);
nothing outside a format asks which one it is."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import replace
from typing import ClassVar

from reportlab.graphics.shapes import Drawing

from handout.input.model import Document
from handout.layout.footer import footer_note, plan_footer
from handout.layout.formats.fitting import FLOOR, LARGE_FLOOR, Step, ladders
from handout.layout.formats.parts import Parts
from handout.layout.formats.zones import Layout, Overflow
from handout.layout.theme import (
    FOOTER_SIZE,
    LARGE_PRINT_SIZE,
    REGULAR_BODY,
    Theme,
    make_theme,
)


class Format(ABC):
    """One format. A fitted format (`fitted`) has fixed pages: its content is fitted to
    them by a search over its ladder of steps (formats/fitting.py); the document takes as
    many pages as its content needs, in one pass."""

    name: ClassVar[str]  # as content files and the command line spell it
    label: ClassVar[str]  # as messages say it
    fitted: ClassVar[bool] = True
    imposable: ClassVar[bool] = False  # --imposed makes its 2-up print file
    # The plan's extra tip may be left out where room is shortest.
    drops_plan_extra: ClassVar[bool] = False
    # A long box may split between its list items, its title repeated (layout/continued).
    splits_boxes: ClassVar[bool] = False
    # Text grown into pages to spare may leave its covers as fitted (Step.covers).
    grows_inside: ClassVar[bool] = False
    # Its pages carry the running footer (layout/footer.py), whose room the text keeps clear.
    page_footer: ClassVar[bool] = False
    # How a refusal names each zone (layout/formats/zones.py).
    zone_names: ClassVar[dict[str, str]] = {}

    def page_counts(self, doc: Document) -> list[int]:
        """The page counts fitting may use, fewest first (0: the format's own)."""
        return [0]

    def steps(self, doc: Document, optional: list[tuple[str | int, ...]], *,
              large_print: bool) -> list[list[Step]]:
        """The ladders of steps fitting walks, in order (formats/fitting.py)."""
        start = LARGE_PRINT_SIZE if large_print else REGULAR_BODY
        floor = LARGE_FLOOR if large_print else FLOOR
        if not self.fitted:
            return [[Step(0, 1.0, start)]]
        return [steps for pages in self.page_counts(doc)
                for steps in ladders(start, floor, optional, pages)]

    def theme(self, doc: Document, step: Step, *, paper: str, large_print: bool,
              grayscale: bool, print_shop: bool) -> Theme:
        """The theme of one layout pass at `step`: this format's page, column and margin."""
        kw = self.geometry_theme(paper) if self.fitted else {}
        if self.fitted:
            kw |= {"body_size": step.body_size, "spacing": step.spacing}
        theme = make_theme(doc.clinic.colours, paper=paper, large_print=large_print,
                           language=doc.language, grayscale=grayscale, bleed=print_shop,
                           fonts=tuple(sorted(doc.clinic.fonts.items())), **kw)  # type: ignore[arg-type]
        # A large footer (large print) takes the room it needs over the page's foot.
        footer = plan_footer(doc.clinic, theme, footer_note(doc, theme)) \
            if self.page_footer and theme.footer_size > FOOTER_SIZE else None
        if footer is not None and footer.top > theme.bottom_margin:
            theme = replace(theme, bottom_margin=footer.top)
        return theme

    def sample_centre(self, page: int, theme: Theme) -> float:
        """Where the "SAMPLE – not for patients" mark is centred on page `page` (from 1):
        the middle of the page."""
        return theme.page_size[0] / 2

    def geometry_theme(self, paper: str) -> dict[str, object]:
        """The page, column or margin this format gives the theme (make_theme's keywords)."""
        return {}

    @abstractmethod
    def layout(self, doc: Document, theme: Theme, parts: Parts, step: Step,
               logo: Drawing | None) -> Layout:
        """The story of one pass, with its page templates and zones."""

    def refusal(self, over: Overflow, step: Step, doc: Document) -> str:
        """Why the content does not fit, and what to cut or move."""
        # A part too tall for any page, or a clinic field too wide for its place: the
        # reason says it all (smaller content type would not help a clinic's name).
        if not self.fitted or (over.reason and over.loc[:1] == ("clinic",)):
            return over.reason
        if over.reason:
            return (f"this does not fit the {self.label}, even at {step.body_size:g} pt with "
                    f"tight spacing: {over.reason}. Shorten it, or print the document format "
                    "(--format document), which has the room.")
        lines = max(1, round(over.points / (step.body_size * 1.4)))
        where = self.zone_names.get(over.zone.name, f"the {over.zone.name}")
        part = f'; the room runs out in "{over.heading}"' if over.heading else ""
        head = (f"this does not fit the {self.label}: about {lines} "
                f"line{'s' * (lines != 1)} too many for {where}, even at "
                f"{step.body_size:g} pt with tight spacing{part}.")
        if not over.zone.after_sections:  # a cover: neither more pages nor fewer parts help
            return (f"{head} Shorten it: nothing on {where} can move to another page. Or "
                    "print the document format (--format document), which has the room.")
        return (f"{head} Shorten it or the parts after it,{self.more_pages(over, doc)} or "
                f"leave a part out of the {self.label} (`optional: true` lets fitting drop "
                "it; `formats: [document]` keeps it to the document).")

    def frame_name(self, page: int, frame: str) -> str:
        """How a message names a frame of this format (`page` from 1)."""
        return f"page {page}"

    def more_pages(self, over: Overflow, doc: Document) -> str:
        """The refusal's offer of more pages, where the format can take them."""
        return ""
