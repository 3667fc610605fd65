"""The footer on every page: the clinic's name, phone and website on one line or a planned
two-line footer, and "Page X of Y" (the total written once, as a form); and, on a sample's
pages, the "SAMPLE – not for patients" mark under it.

The footer is set at the theme's footer size: 10 pt, or 16 pt in large print (the NHS
Accessible Information Standard's least large print), stepping down by whole points to
14 pt where the clinic's details need it; the text above it keeps clear of its rule
(FooterPlan.top)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from handout.common.errors import LayoutFitError
from handout.input.clinic import Clinic
from handout.input.model import Document
from handout.layout.fontstack import Chain, font_chain
from handout.layout.runs import draw_string
from handout.layout.theme import BOLD, FOOTER_SIZE, MUTED, REGULAR, Theme
from handout.pdf import TaggingCanvas

PAGE_LABEL_ROOM = 80.0  # "Page 10 of 12" at 10 pt, with a gap (in proportion at other sizes)
LARGE_FOOTER_STEPS = 4  # points a large footer may step down for long details: to 12 pt
TOTAL_FORM = "handout-page-total"
FOOTER_EDGE = 0.5 * inch  # nothing in the footer comes nearer the paper's edge than this
# The sample mark's lowest point: just inside the quarter inch office printers reach, under
# the footer (whose lowest point is FOOTER_EDGE) and under every format's text frames.
SAMPLE_EDGE = 0.25 * inch + 1
SAMPLE_COLOUR = "#A4262C"  # a dark red, 7:1 on white; gray of equal luminance in grayscale


class FooterCanvas(TaggingCanvas):
    """A canvas that writes the page total once, as a form every footer refers to.

    The total is only known when the document is saved, and a form avoids a second
    layout pass (or the state-copying canvas that breaks bookmarks).
    """

    footer_size = FOOTER_SIZE  # set by draw_footer: the size its lines were set at

    def save(self) -> None:
        total = self.getPageNumber() - (0 if self._code else 1)
        self.beginForm(TOTAL_FORM)
        self.setFont(REGULAR, self.footer_size)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


def footer_note(doc: Document, theme: Theme) -> str:
    """"Draft translation - not reviewed" (in the handout's language) for a translation
    no one has reviewed yet, or whose English changed since (input/translation.py)."""
    draft = doc.translation is not None and doc.translation.draft
    return theme.text("draft_translation") if draft else ""


@dataclass(frozen=True)
class FooterPlan:
    """The footer as it is set: its size and its one or two lines."""

    size: float
    lines: tuple[str, ...]
    ink: float = 0.0  # the language's least line spacing, in ems (Theme.ink)

    @property
    def leading(self) -> float:
        return self.size * max(1.25, self.ink)

    @property
    def baseline(self) -> float:
        """The first line's baseline: the lowest line's descenders stay FOOTER_EDGE above
        the paper's edge, which office printers do not reach."""
        descent: float = pdfmetrics.getDescent(REGULAR, self.size)
        return float(FOOTER_EDGE) - descent + (len(self.lines) - 1) * self.leading

    @property
    def rule(self) -> float:
        """The height of the thin rule over the footer, from the paper's foot."""
        return self.baseline + 1.4 * self.size

    @property
    def top(self) -> float:
        """The least bottom margin for the text above the footer: clear of its rule."""
        return self.rule + 0.35 * self.size


def plan_footer(clinic: Clinic, theme: Theme, note: str = "") -> FooterPlan | None:
    """The footer at the largest of the theme's footer sizes that one of its plans fits
    (footer_lines); None when none does."""
    for size in footer_sizes(theme):
        lines = footer_lines(clinic, footer_text_room(theme, size), note, theme.regular,
                             theme.chain, size=size, full=footer_text_room(theme, 0.0))
        if lines is not None:
            return FooterPlan(size, tuple(lines), theme.ink)
    return None


def footer_sizes(theme: Theme) -> list[float]:
    """The footer's sizes, largest first: the theme's, then (a large footer) a point
    smaller at a time, never under FOOTER_SIZE."""
    large = theme.footer_size > FOOTER_SIZE
    return [size for i in range(LARGE_FOOTER_STEPS + 1 if large else 1)
            if (size := theme.footer_size - i) >= FOOTER_SIZE]


def draw_footer(canv: Canvas, theme: Theme, clinic: Clinic, page: int,
                note: str = "") -> None:
    """Clinic, phone, website (and a draft translation's `note`) and "Page X of Y" on a
    thin rule, at the theme's footer size (plan_footer). One line, or two planned lines
    (footer_lines); never a line run past its room."""
    width, _ = theme.page_size
    plan = plan_footer(clinic, theme, note)
    if plan is None:
        field, message = footer_problem(clinic, theme, note)
        raise LayoutFitError(("clinic", field), message)
    size, y = plan.size, plan.baseline
    if isinstance(canv, FooterCanvas):
        canv.footer_size = size  # the page total's form is drawn at the same size
    canv.saveState()
    canv.setStrokeColor(theme.primary)
    canv.setLineWidth(0.8)
    canv.line(theme.margin, plan.rule, width - theme.margin, plan.rule)
    canv.setFillColor(MUTED)
    canv.setFont(theme.regular, size)
    chain, face = theme.chain, theme.regular
    for i, line in enumerate(plan.lines):
        draw_string(canv, theme.margin, y - i * plan.leading, line, face=face, size=size,
                    chain=chain)
    label = theme.text("page_of", page=page)
    x = width - theme.margin - chain.width(label + "00", face, size)
    shown = draw_string(canv, x, y, label, face=face, size=size, chain=chain)
    canv.translate(x + shown, y)
    canv.doForm(TOTAL_FORM)
    canv.restoreState()


def draw_sample_mark(canv: Canvas, theme: Theme, centre: float) -> None:
    """"SAMPLE – not for patients" (in the handout's language), small and bold, centred on
    `centre` at the foot of the page: under the footer and the text, inside the margin
    office printers reach. Printed while the handout holds placeholders or made-up contact
    details (input/fictional.py)."""
    text = theme.text("sample_mark")
    canv.saveState()
    canv.setFillColor(theme.colour(SAMPLE_COLOUR))
    draw_centred(canv, theme, centre, SAMPLE_EDGE - pdfmetrics.getDescent(BOLD, FOOTER_SIZE),
                 text, face=theme.bold)
    canv.restoreState()


def draw_centred(canv: Canvas, theme: Theme, centre: float, y: float, text: str, *,
                 face: str, size: float = FOOTER_SIZE) -> None:
    """`text` centred on `centre`, each run in a face of the language's that has it."""
    canv.setFont(face, size)
    width = theme.chain.width(text, face, size)
    draw_string(canv, centre - width / 2, y, text, face=face, size=size, chain=theme.chain)


DOT = "  \u00b7  "


def footer_plans(clinic: Clinic, note: str = "") -> list[list[list[tuple[str, str]]]]:
    """The footer's possible layouts, best first: each a list of lines, each line the
    (field, text) pairs it joins with dots. The name is the short name, if any; a `note`
    ends the last line, or takes the second line of its own; last of all, the phone
    goes beside it and the website beside the name (a long website in a language whose
    note runs long)."""
    name = ("short_name" if clinic.short_name else "name", clinic.short)
    phone = ("phone", clinic.phone)
    web = ("website_label" if clinic.website_label else "website", clinic.website_text)
    if note:
        draft = ("draft", note)
        return [[[name, phone, web, draft]], [[name, phone, web], [draft]],
                [[name, phone], [web, draft]], [[name], [phone, web, draft]],
                [[name, web], [phone, draft]]]
    return [[[name, phone, web]], [[name, phone], [web]], [[name], [phone, web]]]


def footer_lines(clinic: Clinic, room: float, note: str = "", face: str = REGULAR,
                 chain: Chain | None = None, *, size: float = FOOTER_SIZE,
                 full: float | None = None) -> list[str] | None:
    """Name, phone and website (and `note`) on one line, or on two planned lines, at
    `size`: the first line (beside "Page X of Y") within `room`, the second within `full`
    (default `room`); None when no plan fits."""
    for plan in footer_plans(clinic, note):
        lines = [DOT.join(text for _, text in line) for line in plan]
        if all((chain or font_chain()).width(line, face, size) <= (full or room if i else room)
               for i, line in enumerate(lines)):
            return lines
    return None


def footer_problem(clinic: Clinic, theme: Theme, note: str = "") -> tuple[str, str]:
    """For a footer no plan fits: the field to blame and what to do. A field too wide for
    a line of its own is the one to shorten (the widest, if more are); else the plan that
    runs over least decides, and on its line that runs over most the widest field is to
    blame. At the smallest of the theme's footer sizes."""
    size = footer_sizes(theme)[-1]
    rooms = (footer_text_room(theme, size), footer_text_room(theme, 0.0))  # line 1, line 2

    def width(line: list[tuple[str, str]]) -> float:
        return theme.chain.width(DOT.join(t for _, t in line), theme.regular, size)

    def over(plan: list[list[tuple[str, str]]]) -> tuple[float, int]:
        """How far the plan's worst line runs over its room, and which line it is."""
        return max((width(line) - rooms[min(i, 1)], i) for i, line in enumerate(plan))

    plans = footer_plans(clinic, note)
    alone = [[field] for field in plans[0][0] if width([field]) > rooms[1]]
    if alone:
        line = max(alone, key=width)
        field, excess = line[0][0], width(line) - rooms[1]
        place = "even on a line of its own"
    else:
        plan = min(plans, key=over)
        excess, at = over(plan)
        line = plan[at]
        field, _ = max(line, key=lambda f: width([f]))
        place = "even with the footer on two lines"
    hint = {"name": "add short_name: or shorten it", "website": "add a shorter "
            "website_label: (e.g. the domain alone) or shorten it"}.get(field, "shorten it")
    paper = {"a4": "A4"}.get(theme.paper, theme.paper)
    joined = " · ".join(t for _, t in line)
    return field, (f"too long for the footer: on {paper} paper \"{joined}\" runs "
                   f"{excess:.0f} pt past the room at {size:g} pt, {place}; {hint}")


def footer_text_room(theme: Theme, size: float = FOOTER_SIZE) -> float:
    """The footer's width for text at `size`: the page's between its margins, less
    "Page X of Y" (at size 0: the whole width, as on the line under it)."""
    return float(theme.page_size[0] - 2 * theme.margin - PAGE_LABEL_ROOM * size / FOOTER_SIZE)
