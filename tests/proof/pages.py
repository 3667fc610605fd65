"""An independent proof of a built handout: the PDF read back with PyMuPDF, and the rules a
printed page keeps (../shared/print-formats.md), each as a list of readable violations.

Nothing here asks the layout code where things are. The page size comes from the PDF, the
paper from the page size, the tri-fold's folds from the panel widths print-formats.md gives,
a sheet's columns from the page's middle, and the words to look for from the source files
(the clinic file's phone and website, the content file's review dates, the locale's words).
Coordinates are PyMuPDF's: points, y down from the top of the page.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

import pymupdf
import yaml

INCH = 72.0
MM = 72 / 25.4
SAFE = 0.25 * INCH  # text and drawings keep this far from the trim and from each fold
NEAREST_BOXES = 2.0  # distinct boxes keep at least this far apart
MOST_EMPTY = 0.25  # of a page's or panel's height
GAP_LINES = 3  # a gap of up to this many body lines between marks counts as used
HEADING_SCALE = 1.1  # a heading: bold, and at least this times the body size
BODY_FLOOR = 12.0  # the smallest body text a handout prints (patient text)
TOLERANCE = 0.05  # points: rounding in the PDF

# Paper sizes in points, portrait (width, height).
PAPERS = {"letter": (8.5 * INCH, 11 * INCH), "a4": (210 * MM, 297 * MM)}
HALVES = {"letter": (5.5 * INCH, 8.5 * INCH), "a4": (148 * MM, 210 * MM)}
# Tri-fold panel widths left to right (print-formats.md): the outside side (page 1) has the
# narrow tuck-in flap at the left, the inside side (page 2) at the right.
PANELS = {"letter": ((3.625 * INCH, 3.6875 * INCH, 3.6875 * INCH),
                     (3.6875 * INCH, 3.6875 * INCH, 3.625 * INCH)),
          "a4": ((97 * MM, 100 * MM, 100 * MM), (100 * MM, 100 * MM, 97 * MM))}
PANEL_NAMES = (("flap", "back", "front"), ("inside-left", "inside-middle", "inside-right"))
LOCALES = Path(__file__).resolve().parents[2] / "handout" / "resources" / "locales"
# PyMuPDF leaves out text past the page's edge unless asked not to.
UNCLIPPED = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_MEDIABOX_CLIP & ~pymupdf.TEXT_PRESERVE_IMAGES


# --- The PDF read back ----------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A rectangle on the page; a line drawn has no width or no height."""

    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Box:
        x0, y0, x1, y1 = (float(v) for v in values)
        return cls(x0, y0, x1, y1)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def contains(self, other: Box) -> bool:
        return (self.x0 <= other.x0 and self.y0 <= other.y0 and other.x1 <= self.x1
                and other.y1 <= self.y1)

    def holds(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Line:
    """One printed text line: its box, its text, its largest size, whether all of it is
    bold, and its place in the page's content stream."""

    rect: Box
    text: str
    size: float
    bold: bool
    order: int


@dataclass(frozen=True)
class Drawing:
    """One drawn path: its box, whether filled or stroked, the stroke width, and whether
    it is a rectangle (a plain `re`, or up to 8 straight and rounded sides on its box)."""

    rect: Box
    fill: bool
    stroke: bool
    width: float
    rectangle: bool
    straight_line: bool

    @property
    def ink(self) -> Box:
        """The box with half the stroke width around it: what prints."""
        half = self.width / 2 if self.stroke else 0.0
        return self.rect.grown(half)


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    height: float
    lines: tuple[Line, ...]
    drawings: tuple[Drawing, ...]
    images: tuple[Box, ...]


@dataclass(frozen=True)
class Frame:
    """A part of a page the text fills: the page, a sheet's column or a tri-fold panel,
    from its left to its right edge (trim or fold)."""

    page: Page
    name: str  # "p2", "p1 left", "p1 flap"
    x0: float
    x1: float
    folds: tuple[float, ...]  # the fold lines at its sides


@dataclass
class Printed:
    """A built handout read back: its format, paper and pages."""

    label: str  # how violations name it, e.g. "trifold letter"
    format: str
    paper: str
    pages: list[Page]
    body: float = 0.0  # the size most characters are printed at
    pitch: float = 0.0  # the distance between two body lines
    frames: list[Frame] = field(default_factory=list)


def _is_rectangle(items: Sequence[Any], rect: Box) -> bool:
    kinds = [item[0] for item in items]
    if kinds in (["re"], ["qu"]):
        return True
    if not 2 <= kinds.count("l") <= 4 or len(kinds) > 8 or set(kinds) - {"l", "c"}:
        return False
    on_edge = 0.6
    for item in items:
        if item[0] != "l":
            continue
        for x, y in item[1:3]:
            if min(abs(x - rect.x0), abs(x - rect.x1), abs(y - rect.y0),
                   abs(y - rect.y1)) > on_edge:
                return False
    return True


def _drawing(d: dict[str, Any]) -> Drawing:
    rect = Box.of(d["rect"])
    items = d["items"]
    kinds = d.get("type", "")
    stroke = "s" in kinds
    straight = len(items) == 1 and items[0][0] == "l" and (rect.width < 0.5
                                                           or rect.height < 0.5)
    return Drawing(rect, "f" in kinds, stroke, float(d.get("width") or 1.0) if stroke else 0.0,
                   _is_rectangle(items, rect), straight)


def _lines(page: pymupdf.Page) -> list[Line]:
    out: list[Line] = []
    clip = pymupdf.INFINITE_RECT()  # type: ignore[no-untyped-call]
    blocks = page.get_text(  # type: ignore[no-untyped-call]
        "dict", flags=UNCLIPPED, clip=clip)["blocks"]
    for block in blocks:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            rect = hull(Box.of(s["bbox"]) for s in spans)
            text = "".join(s["text"] for s in line["spans"]).replace("\u00a0", " ").strip()
            bold = all(s["flags"] & pymupdf.TEXT_FONT_BOLD or "Bold" in s["font"]
                       or "SemiBold" in s["font"] for s in spans)
            out.append(Line(rect, text, max(s["size"] for s in spans), bold, len(out)))
    return out


def paper_of(fmt: str, width: float, height: float) -> str:
    """Which paper a page of this size is cut from (or, for a booklet, folded from)."""
    sizes = HALVES if fmt == "booklet" else PAPERS
    short, long = sorted((width, height))
    for name, (w, h) in sizes.items():
        if abs(short - w) < 2 and abs(long - h) < 2:
            return name
    raise AssertionError(f"a {fmt} page of {width:.1f} x {height:.1f} pt is no known paper")


def read(path: Path, fmt: str) -> Printed:
    """The PDF at `path`, built as `fmt`, read back."""
    with pymupdf.open(path) as pdf:  # type: ignore[no-untyped-call]
        pages = [Page(page.number + 1, page.rect.width, page.rect.height,
                      tuple(_lines(page)), tuple(_drawing(d) for d in page.get_cdrawings()),
                      tuple(Box.of(i["bbox"]) for i in page.get_image_info()))
                 for page in pdf]
    paper = paper_of(fmt, pages[0].width, pages[0].height)
    printed = Printed(f"{fmt} {paper}", fmt, paper, pages)
    printed.body = body_size(pages)
    printed.pitch = line_pitch(pages, printed.body)
    printed.frames = frames(printed)
    return printed


def body_size(pages: Iterable[Page]) -> float:
    """The size most characters are printed at, small print left out: patient text is
    never under 12 pt, and a short handout's references (10.5 pt) can outnumber it."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    readable = Counter({size: n for size, n in sizes.items() if size >= BODY_FLOOR})
    return (readable or sizes).most_common(1)[0][0]


def line_pitch(pages: Iterable[Page], body: float) -> float:
    """The distance from one body line to the next in a paragraph (the leading)."""
    steps = []
    for page in pages:
        body_lines = [ln for ln in page.lines if abs(ln.size - body) < 0.1]
        for a, b in pairwise(body_lines):
            step = b.rect.y0 - a.rect.y0
            if abs(a.rect.x0 - b.rect.x0) < 20 and body <= step <= 2 * body:
                steps.append(round(step, 1))
    return statistics.median(steps) if steps else 1.25 * body


def frames(printed: Printed) -> list[Frame]:
    """Each page's frames: a document's or booklet's page, a sheet's two columns (split at
    the page's middle), a tri-fold's three panels (split at its folds)."""
    out = []
    for page in printed.pages:
        if printed.format == "trifold":
            widths = PANELS[printed.paper][(page.number - 1) % 2]
            edges = [0.0, widths[0], widths[0] + widths[1], page.width]
            for i, name in enumerate(PANEL_NAMES[(page.number - 1) % 2]):
                folds = tuple(x for x in (edges[i], edges[i + 1]) if 0 < x < page.width)
                out.append(Frame(page, f"p{page.number} {name}", edges[i], edges[i + 1],
                                 folds))
        elif printed.format == "sheet":
            middle = page.width / 2
            out.append(Frame(page, f"p{page.number} left", 0.0, middle, ()))
            out.append(Frame(page, f"p{page.number} right", middle, page.width, ()))
        else:
            out.append(Frame(page, f"p{page.number}", 0.0, page.width, ()))
    return out


def folds(printed: Printed, page: Page) -> tuple[float, ...]:
    """The x of each fold line on the page (a tri-fold's two; none for other formats)."""
    return tuple(sorted({x for f in printed.frames if f.page is page for x in f.folds}))


def frame_of(printed: Printed, page: Page, rect: Box) -> Frame:
    """The frame the centre of `rect` lies in (the page's first if none)."""
    x = rect.centre[0]
    mine = [f for f in printed.frames if f.page is page]
    return next((f for f in mine if f.x0 <= x <= f.x1), mine[0])


def short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def pt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# --- Rule 1: the safe area ------------------------------------------------------------------


def fold_marks(printed: Printed, page: Page, d: Drawing) -> bool:
    """A fold mark: a short thin line at a fold, in the margin at the top or bottom edge."""
    return (d.rect.width < 1 and d.rect.height < 0.5 * INCH
            and any(abs(d.rect.x0 - x) < 1 for x in folds(printed, page))
            and (d.rect.y1 < 0.5 * INCH or d.rect.y0 > page.height - 0.5 * INCH))


def bleeds(page: Page, d: Drawing) -> bool:
    """A filled rectangle that touches the trim: artwork that may bleed (the header band)."""
    r = d.rect
    return d.fill and d.rectangle and (r.x0 <= 0.5 or r.y0 <= 0.5 or r.x1 >= page.width - 0.5
                                       or r.y1 >= page.height - 0.5)


def _room(rect: Box, page: Page, fold_xs: Iterable[float]) -> tuple[float, str]:
    """How far `rect` keeps from the nearest trim edge or fold, and which it is."""
    near = [(rect.x0, "the left trim"), (rect.y0, "the top trim"),
            (page.width - rect.x1, "the right trim"), (page.height - rect.y1, "the bottom trim")]
    for x in fold_xs:
        if rect.x0 < x < rect.x1:
            near.append((-min(x - rect.x0, rect.x1 - x), f"the fold at x={pt(x)} (across it)"))
        else:
            near.append((min(abs(rect.x0 - x), abs(rect.x1 - x)), f"the fold at x={pt(x)}"))
    return min(near)


def safe_area(printed: Printed) -> list[str]:
    """Text, drawings and images at least 0.25 in from the trim and from each fold; a filled
    rectangle touching the trim (bleeding artwork, the header band) and fold marks excepted."""
    out = []
    for page in printed.pages:
        fold_xs = folds(printed, page)
        marks = [(ln.rect, f"text {short(ln.text)!r}") for ln in page.lines]
        marks += [(d.ink, "a drawing") for d in page.drawings
                  if not bleeds(page, d) and not fold_marks(printed, page, d)]
        marks += [(r, "an image") for r in page.images]
        for rect, what in marks:
            room, edge = _room(rect, page, fold_xs)
            if room < SAFE - TOLERANCE:
                where = frame_of(printed, page, rect).name
                out.append(f"{printed.label} {where}: {what} {pt(room)} pt from {edge} "
                           f"(at x={pt(rect.x0)}..{pt(rect.x1)}, y={pt(rect.y0)}..{pt(rect.y1)})")
    return out


# --- Rule 2: boxes apart --------------------------------------------------------------------


def hull(rects: Iterable[Box]) -> Box:
    """The smallest box around `rects`, lines (boxes with no height or width) included:
    PyMuPDF's union leaves those out."""
    xs0, ys0, xs1, ys1 = zip(*((r.x0, r.y0, r.x1, r.y1) for r in rects), strict=True)
    return Box(min(xs0), min(ys0), max(xs1), max(ys1))


def _ends(d: Drawing) -> tuple[tuple[float, float], tuple[float, float]]:
    r = d.rect
    return (r.x0, r.y0), (r.x1, r.y1)


def _near(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= 0.75 and abs(p[1] - q[1]) <= 0.75


def _meet(a: Drawing, b: Drawing, lines: Sequence[Drawing]) -> bool:
    """Whether two straight lines share an end (a corner of an outline) that no other of
    `lines` ends at: where two outlines meet corner to corner, four ends meet, and the
    outlines stay two (each is joined at its other three corners)."""
    return any(_near(p, q) and sum(_near(p, e) for d in lines for e in _ends(d)) == 2
               for p in _ends(a) for q in _ends(b))


def _outlines(lines: list[Drawing]) -> list[tuple[Box, Box]]:
    """Straight stroked lines joined at their ends into outlines: (box, ink) of each group
    that has a horizontal and a vertical side."""
    groups: list[list[Drawing]] = []
    for d in lines:
        joined = [g for g in groups if any(_meet(d, o, lines) for o in g)]
        merged = [d]
        for g in joined:
            merged += g
            groups.remove(g)
        groups.append(merged)
    out = []
    for g in groups:
        if any(d.rect.width < 0.5 for d in g) and any(d.rect.height < 0.5 for d in g):
            out.append((hull(d.rect for d in g), hull(d.ink for d in g)))
    return out


@dataclass(frozen=True)
class Boxed:
    """A box on the page: its ink's extent, and the first words printed in it."""

    rect: Box
    words: str


def boxes(page: Page) -> list[Boxed]:
    """The page's boxes, outermost only: filled or stroked rectangles, and outlines of four
    lines, at least 12 pt each way, with what lies inside (a box's title band, its border,
    the tick boxes in it) taken as part of it. A box holds text: rectangles with none in
    them are artwork (a picture's window, a chart's bars)."""
    parts = [d.ink for d in page.drawings
             if d.rectangle and d.rect.width >= 12 and d.rect.height >= 12]
    strokes = [d for d in page.drawings if d.straight_line and d.stroke
               and max(d.rect.width, d.rect.height) >= 12]
    parts += [ink for box, ink in _outlines(strokes)
              if box.width >= 12 and box.height >= 12]
    parts.sort(key=lambda r: -r.width * r.height)
    out: list[Boxed] = []
    for part in parts:
        if any(box.rect.grown(1).contains(part) for box in out):
            continue
        inside = [ln.text for ln in page.lines if part.holds(*ln.rect.centre)]
        if inside:
            out.append(Boxed(part, short(inside[0], 30)))
    return out


def distance(a: Box, b: Box) -> tuple[float, bool]:
    """How far apart two boxes are, and whether they are set corner to corner (apart, or
    touching, in x and in y): between their nearest sides, or, corner to corner, between
    their nearest corners; below 0 where they overlap."""
    dx, dy = max(b.x0 - a.x1, a.x0 - b.x1), max(b.y0 - a.y1, a.y0 - b.y1)
    return (math.hypot(dx, dy) if dx > 0 and dy > 0 else max(dx, dy)), dx >= 0 and dy >= 0


def boxes_apart(printed: Printed) -> list[str]:
    """Distinct boxes on a page neither overlap nor come within 2 pt of each other,
    measured between their nearest sides or, set corner to corner, their nearest corners
    (two columns of boxes need only keep that far apart where they come that close)."""
    out = []
    for page in printed.pages:
        found = sorted(boxes(page), key=lambda box: (box.rect.y0, box.rect.x0))
        for one, two in combinations(found, 2):
            a, b = one.rect, two.rect
            gap, corners = distance(a, b)
            if gap < NEAREST_BOXES - TOLERANCE:
                where = frame_of(printed, page, a).name
                how = ("overlap" if gap < 0 else "meet corner to corner" if corners and gap == 0
                       else f"are {pt(gap)} pt apart" + (" corner to corner" if corners else ""))
                out.append(f"{printed.label} {where}: the boxes {one.words!r} "
                           f"(y={pt(a.y0)}..{pt(a.y1)}) and {two.words!r} "
                           f"(y={pt(b.y0)}..{pt(b.y1)}) {how}")
    return out


# --- Rule 3: words that must not break ------------------------------------------------------


@dataclass(frozen=True)
class Tokens:
    """What must not break, from the source files: the clinic's phone, the review dates as
    the locale writes them and "988" stay on one line; the clinic's website (as printed)
    and the booking URL beside the QR code may break only right after a slash."""

    whole: tuple[str, ...]  # the phone first
    urls: tuple[str, ...]  # the booking URL first
    language: str


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} is not a mapping"
    return data


@cache
def locale(language: str) -> dict[str, Any]:
    return _load(LOCALES / f"{language}.yaml")


def _date(words: dict[str, Any], value: object) -> str:
    text = str(value)
    year, month, day = (int(part) for part in text.split("-"))
    return str(words["date"]).format(month=words["months"][month - 1], day=day, year=year)


def tokens(content: Path, clinic: Path | None = None) -> Tokens:
    """The protected words of a build, read from its content file and clinic file."""
    data = _load(content)
    source = data.get("clinic")
    if clinic is not None:
        info = _load(clinic)
    elif isinstance(source, dict):
        info = source
    else:
        info = _load((content.parent / str(source)).resolve())
    language = str(data.get("language", "en"))
    words = locale(language)
    website = str(info.get("website_label") or
                  str(info["website"]).split("://", 1)[1].rstrip("/"))
    whole = [str(info["phone"]), "988"]
    review = data.get("review") or {}
    whole += [_date(words, review[key]) for key in ("last_reviewed", "next_review")
              if key in review]
    url = str(info["call_to_action"]["url"]).split("://", 1)[1].rstrip("/")
    return Tokens(tuple(whole), (url, website), language)


def text_of(page: Page) -> str:
    """The page's lines in drawing order, one to a line."""
    return "\n".join(line.text for line in page.lines)


def _pattern(token: str) -> re.Pattern[str]:
    """`token` as printed: a space may be any break; between any two characters a break,
    perhaps after an added hyphen."""
    parts = ("[ \n]+" if c == " " else re.escape(c) for c in token)
    return re.compile("(?:-?\n)?".join(parts))


def printed_as(token: str, text: str) -> list[str]:
    return _pattern(token).findall(text)


def shown(text: str) -> str:
    return text.replace("\n", "⏎")


def tokens_whole(printed: Printed, words: Tokens) -> list[str]:
    """Protected words on one line; a URL broken, if at all, only right after a slash; the
    clinic's phone and booking URL printed somewhere (else they broke past recognition)."""
    out = []
    found: Counter[str] = Counter()
    for page in printed.pages:
        text = text_of(page)
        for token in words.whole:
            for at in printed_as(token, text):
                found[token] += 1
                if "\n" in at:
                    out.append(f"{printed.label} p{page.number}: {token!r} is split across "
                               f"lines as {shown(at)!r}")
        for url in words.urls:
            for at in printed_as(url, text):
                found[url] += 1
                if any(c == "\n" and at[i - 1] != "/" for i, c in enumerate(at)):
                    out.append(f"{printed.label} p{page.number}: the URL {url!r} breaks "
                               f"not right after a slash, as {shown(at)!r}")
    out += [f"{printed.label}: {token!r} is printed nowhere (or split past recognition)"
            for token in (words.whole[0], words.urls[0]) if not found[token]]
    return out


# --- Rule 4: headings -----------------------------------------------------------------------


def is_heading(line: Line, body: float) -> bool:
    """Bold, larger than body text, and words (a word search's rows of letters are not)."""
    return (line.bold and line.size >= HEADING_SCALE * body
            and any(len(word) > 1 for word in line.text.split()))


def footer(page: Page, line: Line, body: float) -> bool:
    """A running footer or page number: smaller than body text, in the bottom inch."""
    return line.size < body - 0.05 and line.rect.y0 > page.height - INCH


def frame_lines(printed: Printed, frame: Frame) -> list[Line]:
    """The frame's text lines (footers left out), top to bottom."""
    found = [ln for ln in frame.page.lines
             if frame_of(printed, frame.page, ln.rect) is frame
             and not footer(frame.page, ln, printed.body)]
    return sorted(found, key=lambda ln: (ln.rect.y1, ln.rect.x0))


def at_foot(printed: Printed, frame: Frame, line: Line) -> bool:
    """Whether nothing follows `line` in its frame: no text, drawing or image starts under
    it above the footer (a box of lines to write on under a title does follow it)."""
    page = frame.page
    feet = [ln.rect.y0 for ln in page.lines if footer(page, ln, printed.body)]
    foot = min(feet) - 12 if feet else page.height
    return not any(r.y0 >= line.rect.y1 - 0.5 and r.y1 <= foot
                   and frame_of(printed, page, r) is frame for r in _marks(page))


def heading_blocks(printed: Printed, page: Page) -> list[list[Line]]:
    """Each heading's lines: consecutive heading lines of one size, one under the other."""
    out: list[list[Line]] = []
    for line in page.lines:
        if not is_heading(line, printed.body):
            continue
        last = out[-1][-1] if out else None
        if (last is not None and last.order == line.order - 1
                and abs(last.size - line.size) < 0.1
                and -0.5 * line.size <= line.rect.y0 - last.rect.y1 < 0.6 * line.size
                and frame_of(printed, page, last.rect) is frame_of(printed, page, line.rect)):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def headings_placed(printed: Printed) -> list[str]:
    """No heading is the last line of a page, column or panel; no heading's last line holds
    a single word."""
    out = []
    for frame in printed.frames:
        found = frame_lines(printed, frame)
        if found and is_heading(found[-1], printed.body) \
                and at_foot(printed, frame, found[-1]):
            out.append(f"{printed.label} {frame.name}: the heading {short(found[-1].text)!r} "
                       f"is the last line (y={pt(found[-1].rect.y1)})")
    for page in printed.pages:
        for block in heading_blocks(printed, page):
            if len(block) > 1 and len(block[-1].text.split()) == 1:
                where = frame_of(printed, page, block[0].rect).name
                out.append(f"{printed.label} {where}: the heading "
                           f"{short(' '.join(ln.text for ln in block), 60)!r} ends on the "
                           f"single word {block[-1].text!r}")
    return out


# --- Rule 5: no page or panel a quarter empty -------------------------------------------------


def _marks(page: Page) -> list[Box]:
    out = [ln.rect for ln in page.lines]
    out += [d.ink for d in page.drawings]
    out += list(page.images)
    return out


def empty_share(printed: Printed, frame: Frame) -> float:
    """The share of the frame's height (inside the safe area) that nothing is printed in:
    the gaps between marks (text, drawings, images), and between the safe area's edges and
    the first and last mark, that are taller than three body lines. A mark counts for the
    frame when at least half of it (or half the frame's width) lies across the frame."""
    top, bottom = SAFE, frame.page.height - SAFE
    x0, x1 = frame.x0, frame.x1
    spans = []
    for r in _marks(frame.page):
        across = min(r.x1, x1) - max(r.x0, x0)
        if across <= 0 or across < 0.5 * min(r.width, x1 - x0) or r.height >= bottom - top:
            continue
        y0, y1 = max(r.y0, top), min(r.y1, bottom)
        if y1 > y0 or (r.height == 0 and top <= r.y0 <= bottom):
            spans.append((y0, max(y0, y1)))
    allowed = GAP_LINES * printed.pitch
    empty, reach = 0.0, top
    for y0, y1 in sorted(spans):
        if y0 - reach > allowed:
            empty += y0 - reach
        reach = max(reach, y1)
    if bottom - reach > allowed:
        empty += bottom - reach
    return empty / (bottom - top)


def fullness(printed: Printed) -> list[str]:
    """No page, column or panel more than a quarter empty; a document's last page excepted."""
    out = []
    last = printed.pages[-1]
    for frame in printed.frames:
        if printed.format == "document" and frame.page is last:
            continue
        share = empty_share(printed, frame)
        if share > MOST_EMPTY:
            out.append(f"{printed.label} {frame.name}: {share:.0%} empty")
    return out


# --- Rule 6: no padding ---------------------------------------------------------------------


def padding(printed: Printed, language: str) -> list[str]:
    """No "Notes" box, and at most one "Questions for my care team" title in the handout."""
    words = locale(language)
    notes, questions = str(words["notes_more"]), str(words["notes_title"])
    out = []
    asked = []
    for page in printed.pages:
        for line in page.lines:
            if line.text == notes:
                where = frame_of(printed, page, line.rect).name
                out.append(f"{printed.label} {where}: a {notes!r} box (y={pt(line.rect.y0)})")
        text = " ".join(" ".join(ln.text for ln in page.lines).split())
        asked += [f"p{page.number}"] * text.count(questions)
    if len(asked) > 1:
        out.append(f"{printed.label}: {len(asked)} {questions!r} titles "
                   f"({', '.join(asked)}); one at most")
    return out


RULES = ("safe-area", "boxes-apart", "tokens-whole", "headings", "fullness", "padding")


def check(printed: Printed, rule: str, words: Tokens) -> list[str]:
    """The violations of `rule` (one of RULES) in `printed`."""
    if rule == "safe-area":
        return safe_area(printed)
    if rule == "boxes-apart":
        return boxes_apart(printed)
    if rule == "tokens-whole":
        return tokens_whole(printed, words)
    if rule == "headings":
        return headings_placed(printed)
    if rule == "fullness":
        return fullness(printed)
    if rule == "padding":
        return padding(printed, words.language)
    raise ValueError(rule)


def every_rule(printed: Printed, words: Tokens) -> dict[str, list[str]]:
    return {rule: check(printed, rule, words) for rule in RULES}
