"""Reading a rack-format PDF back with PyMuPDF: its text lines, the frames its text may fill
(pages, columns and panels, from the layout's declared geometry), how full each frame is,
and which lines are headings. Coordinates are PyMuPDF's: points, y down from the top."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pymupdf
from reportlab.lib.units import inch

from handout.layout.band import BAND_HEIGHT
from handout.layout.formats import panels as geometry

INCH = 72.0
MM = 72 / 25.4
# Between blocks of one frame (paragraph spacing, space above a heading) up to this many
# body sizes counts as used; a taller gap is room left empty.
GAP_IN_LINES = 3.0
# Text flags that keep text past the page's edge (PyMuPDF leaves it out by default; pass
# clip=pymupdf.INFINITE_RECT() too).
UNCLIPPED = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_MEDIABOX_CLIP
HEADING_SCALE = 1.14  # headings: bold, at least this times the body size (box titles 1.15)


@dataclass(frozen=True)
class Line:
    """One printed text line: its box, text, largest span size and whether all bold."""

    page: int  # from 0
    rect: pymupdf.Rect
    text: str
    size: float
    bold: bool


@dataclass(frozen=True)
class Area:
    """A frame the text may fill: a page's text area, a sheet's column, a tri-fold panel."""

    page: int  # from 0
    name: str
    rect: pymupdf.Rect


def lines(page: pymupdf.Page) -> list[Line]:
    """The page's printed lines, white-space spans left out."""
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            rect = pymupdf.Rect()
            for s in spans:
                rect |= pymupdf.Rect(s["bbox"])
            out.append(Line(page.number, rect, "".join(s["text"] for s in spans).strip(),
                            max(s["size"] for s in spans),
                            all(s["flags"] & pymupdf.TEXT_FONT_BOLD for s in spans)))
    return out


def body_size(pdf: pymupdf.Document) -> float:
    """The size most characters are printed at."""
    sizes: Counter[float] = Counter()
    for page in pdf:
        for line in lines(page):
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0]


def is_heading(line: Line, body: float) -> bool:
    return line.bold and line.size >= HEADING_SCALE * body


def _flip(page_height: float, slot: geometry.Slot) -> pymupdf.Rect:
    return pymupdf.Rect(slot.x, page_height - slot.y - slot.height, slot.x + slot.width,
                        page_height - slot.y)


def areas(pdf: pymupdf.Document, fmt: str, paper: str, large_print: bool = False
          ) -> list[Area]:
    """Each page's frames, as the layout declares them, less the header band and footer.

    A sheet's first page counts the title that spans both columns in each column's area.
    """
    pages = len(pdf)
    height = pdf[0].rect.height
    top = (0.85 if large_print else 0.75) * inch
    foot = 0.95 * inch
    if fmt == "document":
        width = pdf[0].rect.width
        return [Area(n, "page", pymupdf.Rect(0, top + (BAND_HEIGHT if n == 0 else 0), width,
                                             height - foot)) for n in range(pages)]
    if fmt == "booklet":
        geo = geometry.booklet(paper, pages, BAND_HEIGHT + 12)
    elif fmt == "trifold":
        geo = geometry.trifold(paper, BAND_HEIGHT + 12)
    else:
        geo = geometry.sheet(paper, BAND_HEIGHT, 0, top, foot)
    return [Area(s.page, s.name, _flip(height, s)) for s in geo.slots
            if s.name != "head" and s.page < pages]


def inside(rect: pymupdf.Rect, area: pymupdf.Rect) -> bool:
    """Whether `rect`'s centre lies in `area`."""
    x, y = (rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2
    return area.x0 <= x <= area.x1 and area.y0 <= y <= area.y1


def marks(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """What is printed on the page: text lines, drawn shapes and images."""
    out = [line.rect for line in lines(page)]
    out += [d["rect"] for d in page.get_drawings()]
    out += [pymupdf.Rect(i["bbox"]) for i in page.get_image_info()]
    return out


def empty_share(page: pymupdf.Page, area: pymupdf.Rect, body: float) -> float:
    """The share of the area's height nothing is printed in: above its first mark, below
    its last, and in gaps between marks taller than GAP_IN_LINES body sizes."""
    spans = sorted((max(r.y0, area.y0), min(r.y1, area.y1)) for r in marks(page)
                   if inside(r, area) and r.height < area.height * 1.01)
    used, start, end = 0.0, None, None
    for y0, y1 in spans:
        if start is None or end is None:
            start, end = y0, y1
        elif y0 - end <= GAP_IN_LINES * body:
            end = max(end, y1)
        else:
            used += end - start
            start, end = y0, y1
    if start is not None and end is not None:
        used += end - start
    return float(1 - used / area.height)


def page_text(page: pymupdf.Page) -> str:
    """The page's lines in the order they are drawn, one per line (a paragraph's lines one
    after another; no-break spaces read as spaces)."""
    return "\n".join(line.text.replace("\u00a0", " ") for line in lines(page))


def printed(token: str, text: str) -> list[str]:
    """Each place `token` is printed in `text`, with any line breaks inside it ("\\n")."""
    parts = ("[ \n]" if c == " " else re.escape(c) for c in token)
    return re.findall("\n?".join(parts), text)
