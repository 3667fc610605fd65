"""The clinic's brand band across the top of page 1 (or of a tri-fold's front panel):
logo, clinic name, tagline."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from handout.input.clinic import Clinic
from handout.layout.theme import BOLD, FOOTER_SIZE, REGULAR, WHITE, Theme
from handout.pdf import Element, marked

BAND_HEIGHT = 84.0  # points; room for a 60 pt logo with padding
LOGO_SIZE = BAND_HEIGHT - 24
LOGO_ROOM = LOGO_SIZE + 14
NAME_SIZE = 22.0
TAGLINE_SIZE = 11.5
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
    if logo is not None:
        size = LOGO_SIZE
        scale = size / max(logo.width, logo.height)
        # The logo opens the reading order, as a Figure in the clinic's words.
        with marked(canv, Element("Figure", alt=clinic.logo_alt or clinic.name, parent=parent)):
            canv.saveState()
            canv.translate(x, top - BAND_HEIGHT + 12)
            canv.scale(scale, scale)
            renderPDF.draw(logo, canv, 0, 0)
            canv.restoreState()
        x += LOGO_ROOM
    room = (span[1] if span else width) - 2 * BAND_INSET - x
    canv.setFillColor(WHITE)
    # A panel is narrow: a long name goes on two lines, then steps down to fit, never under
    # 10 pt; a tagline that does not fit is left out (preflight checks the page-wide band).
    lines, size = name_lines(clinic.name, room)
    tagline = clinic.tagline if len(lines) == 1 and pdfmetrics.stringWidth(
        clinic.tagline, REGULAR, TAGLINE_SIZE) <= room else ""
    canv.setFont(BOLD, size)
    first = top - BAND_HEIGHT / 2 + (2 if tagline else -7) + (len(lines) - 1) * size * 0.6
    for i, line in enumerate(lines):
        canv.drawString(x, first - i * size * 1.15, line)
    if tagline:
        canv.setFont(REGULAR, TAGLINE_SIZE)
        canv.drawString(x, top - BAND_HEIGHT / 2 - 17, tagline)
    canv.restoreState()


def name_lines(name: str, room: float) -> tuple[list[str], float]:
    """The clinic's name on one line at NAME_SIZE if it fits `room`; else on two lines,
    broken at the space nearest the middle, at up to NAME_SIZE * 0.85; else one line as
    large as fits, never under 10 pt."""
    one = pdfmetrics.stringWidth(name, BOLD, 1)
    if one * NAME_SIZE <= room:
        return [name], NAME_SIZE
    words = name.split()
    if len(words) > 1:
        cut = min(range(1, len(words)), key=lambda k: abs(
            len(" ".join(words[:k])) - len(" ".join(words[k:]))))
        pair = [" ".join(words[:cut]), " ".join(words[cut:])]
        size = min(NAME_SIZE * 0.85, room / max(pdfmetrics.stringWidth(t, BOLD, 1) for t in pair))
        if size >= 14:
            return pair, size
    return [name], max(FOOTER_SIZE, room / one)


def band_text_room(theme: Theme) -> float:
    """Width left for the clinic name and tagline beside the logo (the band has no wrap)."""
    return theme.page_size[0] - 2 * theme.margin - LOGO_ROOM + theme.margin * 0.8
