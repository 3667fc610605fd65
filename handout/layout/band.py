"""The clinic's brand band across the top of page 1 (or of a tri-fold's front panel):
logo, clinic name, tagline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from handout.common.errors import LayoutFitError
from handout.input.clinic import Clinic
from handout.layout.fontstack import Chain, font_chain
from handout.layout.runs import draw_string
from handout.layout.theme import BOLD, FOOTER_SIZE, WHITE, Theme
from handout.pdf import Element, marked

BAND_HEIGHT = 84.0  # points; room for a 60 pt logo with padding
LOGO_SIZE = BAND_HEIGHT - 24
LOGO_ROOM = LOGO_SIZE + 14
LOGO_WIDEST = 2.5  # a wide logo's most width, in LOGO_SIZEs
LOGO_SHARE = 0.4  # and its most share of the band's width
NAME_EASY = 14.0  # a wide logo narrows to leave the name beside it at least this size
NAME_SIZE = 22.0
TAGLINE_SIZE = 11.5
NAME_FLOOR = FOOTER_SIZE  # a name that wraps steps down to fit, never under the floor
LINES = {1: "on one line", 2: "on two lines", 3: "on three lines"}  # as a refusal says it
BAND_INSET = 0.25 * inch  # office printers leave about this much of the edge unprinted


def draw_band(canv: Canvas, theme: Theme, clinic: Clinic, logo: Drawing | None, *,
              span: tuple[float, float] | None = None, parent: Element | None = None) -> None:
    """The brand band across the top of page 1: logo, clinic name, tagline.

    For a print shop it runs edge to edge and past the trim by the bleed, so the cut leaves
    no white; for an office printer, which cannot print to the paper's edge, it stops
    BAND_INSET short of the top and the sides, with rounded corners. `span` (left, right)
    puts it over one panel of a tri-fold instead, always inset; `parent` is the structure
    element the logo's Figure belongs to (None: the document's top level).
    """
    width, height = theme.page_size
    canv.saveState()
    canv.setFillColor(theme.primary)
    b = theme.bleed
    if b and span is None:
        top, x = height, theme.margin
        canv.rect(-b, top - BAND_HEIGHT, width + 2 * b, BAND_HEIGHT + b, stroke=0, fill=1)
    else:
        left, right = span or (0.0, width)
        top = height - BAND_INSET
        canv.roundRect(left + BAND_INSET, top - BAND_HEIGHT, right - left - 2 * BAND_INSET,
                       BAND_HEIGHT, radius=8, stroke=0, fill=1)
        x = theme.margin if span is None else left + 2 * BAND_INSET
    right_edge = span[1] if span else width
    # The tri-fold's cover band is one narrow panel: it prints the short name, if any.
    field, name = ("short_name", clinic.short) if span and clinic.short_name else ("name",
                                                                                  clinic.name)

    def name_beside(logo_width: float) -> NameSet:
        after = x + (logo_width + LOGO_ROOM - LOGO_SIZE if logo is not None else 0.0)
        return name_lines(name, band_room(right_edge, after), theme.bold, theme.chain)

    if logo is not None:
        left = span[0] if span else 0.0
        w, h, name_set = logo_size(logo, right_edge - left - 2 * BAND_INSET, name_beside)
        # The logo opens the reading order, as a Figure in the clinic's words.
        with marked(canv, Element("Figure", alt=clinic.logo_alt or clinic.name, parent=parent)):
            canv.saveState()
            canv.translate(x, top - (BAND_HEIGHT + h) / 2)  # centred on the band's height
            canv.scale(w / logo.width, h / logo.height)
            renderPDF.draw(logo, canv, 0, 0)
            canv.restoreState()
    else:
        name_set = name_beside(0.0)
    x += w + LOGO_ROOM - LOGO_SIZE if logo is not None else 0.0
    room = band_room(right_edge, x)
    canv.setFillColor(WHITE)
    if name_set.over > 0:
        where = "on the tri-fold cover" if span else "in the header band"
        fix = "shorten it" if field == "short_name" or not span else \
            "add short_name: or shorten it"
        raise LayoutFitError(("clinic", field), f"{where} the name runs {name_set.over:.0f} "
                             f"pt past the band's edge, even at {NAME_FLOOR:g} pt "
                             f"{LINES[len(name_set.lines)]}; {fix}")
    lines, size = name_set.lines, name_set.size
    # A tagline prints under a one-line name when it fits; else it is left out.
    chain, bold, regular = theme.chain, theme.bold, theme.regular
    tagline = clinic.tagline if len(lines) == 1 and chain.width(
        clinic.tagline, regular, TAGLINE_SIZE) <= room else ""
    canv.setFont(bold, size)
    first = top - BAND_HEIGHT / 2 + (2 if tagline else -7) + (len(lines) - 1) * size * 0.6
    for i, line in enumerate(lines):
        step = size * max(1.15, theme.ink)  # a two-line name's baselines
        draw_string(canv, x, first - i * step, line, face=bold, size=size, chain=chain)
    if tagline:
        canv.setFont(regular, TAGLINE_SIZE)
        draw_string(canv, x, top - BAND_HEIGHT / 2 - 17, tagline, face=regular,
                    size=TAGLINE_SIZE, chain=chain)
    canv.restoreState()


def logo_size(logo: Drawing, band: float, name_beside: Callable[[float], NameSet]
              ) -> tuple[float, float, NameSet]:
    """The logo's width and height in a band `band` points wide. A square or tall logo is
    LOGO_SIZE at its longer side. A wide one (a wordmark) is as tall as fits up to LOGO_SIZE,
    LOGO_WIDEST times that wide and LOGO_SHARE of the band at most, so its lettering stays
    legible; but the name comes first: the logo narrows (down to the square's size) until
    the name beside it is set at NAME_EASY or more, else to that square. Returns its width,
    its height and the name as set beside it."""
    fit = LOGO_SIZE / max(logo.width, logo.height)  # into the square
    scale = max(fit, min(LOGO_SIZE / logo.height, min(LOGO_SIZE * LOGO_WIDEST,
                                                      LOGO_SHARE * band) / logo.width))
    scales = [scale * 0.9**k for k in range(20) if scale * 0.9**k > fit] + [fit]
    sets = [(s, name_beside(logo.width * s)) for s in scales]
    chosen, name = next(((s, n) for s, n in sets if n.over <= 0 and n.size >= NAME_EASY),
                        sets[-1])
    return logo.width * chosen, logo.height * chosen, name


@dataclass(frozen=True)
class NameSet:
    """The clinic's name as the band prints it: its lines, their size, and how far the
    wider line runs past the room at the smallest size (0: it fits)."""

    lines: list[str]
    size: float
    over: float = 0.0


def name_lines(name: str, room: float, face: str = BOLD, chain: Chain | None = None) -> NameSet:
    """The clinic's name on one line at NAME_SIZE if it fits `room`; else on two lines of
    about equal width (broken at the space that makes the wider line narrowest), as large
    as fits up to NAME_SIZE * 0.85 and never under NAME_FLOOR; else, a name of four words
    or more, on three. A one-word name is set on one line as large as fits, and so is a
    name of two or three words while it fits at NAME_FLOOR. `over` > 0: it does not fit
    even at NAME_FLOOR (on as many lines as it has: LINES names them)."""
    width = (chain or font_chain()).width
    one = width(name, face, 1)
    if one * NAME_SIZE <= room:
        return NameSet([name], NAME_SIZE)
    words = name.split()
    if len(words) == 1:
        size = max(NAME_FLOOR, room / one)
        return NameSet([name], size, max(0.0, one * size - room))
    if len(words) <= 3 and room / one >= NAME_FLOOR:
        # Two lines of a name this short would leave one word alone on a line (a cover
        # line ending on one word): one line, smaller, down to the floor.
        return NameSet([name], room / one)
    two = _balanced([[" ".join(words[:k]), " ".join(words[k:])] for k in range(1, len(words))],
                    room, width, face)
    if two.over <= 0 or len(words) < 4:
        return two
    # Too long for two lines at the floor (a long name beside a logo in a tri-fold's cover
    # band): three, which the band's height holds at any size up to NAME_SIZE * 0.85.
    three = _balanced([[" ".join(words[:i]), " ".join(words[i:j]), " ".join(words[j:])]
                       for i in range(1, len(words) - 1) for j in range(i + 1, len(words))],
                      room, width, face)
    return three


def _balanced(splits: list[list[str]], room: float, width: Callable[[str, str, float], float],
              face: str) -> NameSet:
    """The split whose widest line is narrowest, as large as fits up to NAME_SIZE * 0.85;
    never one word alone on the last line (a runt) where the name can end on two at the
    floor: "Saint / Barnabas Clinic", not "Saint Barnabas / Clinic"."""
    def widest(split: list[str]) -> float:
        return max(width(t, face, 1) for t in split)

    runt_free = [p for p in splits if " " in p[-1] and widest(p) * NAME_FLOOR <= room]
    best = min(runt_free or splits, key=widest)
    size = min(NAME_SIZE * 0.85, room / widest(best))
    if size >= NAME_FLOOR:
        return NameSet(best, size)
    return NameSet(best, NAME_FLOOR, widest(best) * NAME_FLOOR - room)


def band_room(right: float, x: float) -> float:
    """Width for the name and tagline from `x` (after the logo) to the band's right end at
    `right` (the page's or the panel's), keeping the band's inset clear."""
    return float(right - 2 * BAND_INSET - x)


def page_band_room(page_width: float, margin: float, logo: bool) -> float:
    """`band_room` in a band across the page, with text from the margin (after the logo)."""
    return band_room(page_width, margin + (LOGO_ROOM if logo else 0.0))
