"""Booklet imposition: reading-order pages, 2-up on landscape sheets, for office duplex
printing (flip on the short edge), then fold and staple (saddle stitch).

PDFium's N-up export (through pypdfium2) places each page whole as a form XObject, so
fonts and images travel with their resources and stay embedded. The input must be an
office file: every page the same size, MediaBox at the origin, no other Crop/Trim/
Bleed/Art box, no rotation. A print-shop file with bleed is imposed by the shop, not
here. The imposed file is for the printer only: untagged, no links, and no title
(PDFium's API writes no metadata).
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium


MM = 72 / 25.4
# Office papers, landscape, in points: Letter, A4, Tabloid, A3. Two ISO pages are not
# quite the next ISO sheet (2 x A5 is 296 mm wide, A4 297 mm), and a printer asked for
# an odd paper size may stop for it, so a sheet within 2 mm of a paper takes its width.
PAPERS = ((792.0, 612.0), (297 * MM, 210 * MM), (1224.0, 792.0), (420 * MM, 297 * MM))


def imposed_order(pages: int) -> list[tuple[int, int]]:
    """1-based (left, right) page numbers of each sheet side, in printing order.

    Side i (from 0) is [N - i | i + 1] when i is even and [i + 1 | N - i] when odd,
    so the outer sheet carries the first and last pages.
    """
    if pages <= 0 or pages % 4:
        raise ValueError(f"a booklet needs a multiple of 4 pages, not {pages}")
    return [(pages - i, i + 1) if i % 2 == 0 else (i + 1, pages - i)
            for i in range(pages // 2)]


def _page_size(page: pdfium.PdfPage, number: int) -> tuple[float, float]:
    """The page's width and height, or ValueError if it is not a plain office page."""
    media = page.get_mediabox(fallback_ok=False)
    # fallback_ok=False: a missing box reads as None rather than as a made-up Letter page.
    # pypdfium2 does not see boxes inherited from the page tree, so a page without its
    # own MediaBox is refused rather than guessed at.
    if media is None or media[:2] != (0, 0):
        raise ValueError(f"page {number} has no MediaBox of its own at the origin "
                         "(0, 0); impose an office file, not a print-shop one")
    for name, box in (("CropBox", page.get_cropbox(fallback_ok=False)),
                      ("TrimBox", page.get_trimbox(fallback_ok=False)),
                      ("BleedBox", page.get_bleedbox(fallback_ok=False)),
                      ("ArtBox", page.get_artbox(fallback_ok=False))):
        if box is not None and box != media:
            raise ValueError(f"page {number} has a {name} other than its MediaBox "
                             "(bleed or crop marks?); impose an office file")
    if page.get_rotation():
        raise ValueError(f"page {number} is rotated; a booklet's pages must be upright")
    width, height = page.get_size()
    # get_size() does see inherited boxes: a mismatch means an inherited CropBox.
    if not (math.isclose(width, media[2]) and math.isclose(height, media[3])):
        raise ValueError(f"page {number} is cropped by its page tree; impose an office file")
    return width, height


def _sheet_width(width: float, height: float) -> float:
    """Twice the page width, or an office paper's width within 2 mm of it."""
    for paper_width, paper_height in PAPERS:
        if abs(2 * width - paper_width) <= 2 * MM and abs(height - paper_height) < 0.1:
            return paper_width
    return 2 * width


def impose_booklet(pdf: bytes) -> bytes:
    """The booklet's sheets, 2-up and in saddle-stitch order, from reading-order `pdf`.

    Each sheet is as tall as a page and twice as wide, or the office paper that nearly
    is: Letter landscape for half-letter pages, A4 landscape for A5. Raises ValueError
    if `pdf` is not a PDF, its page count is not a multiple of 4, or its pages are not
    same-size office pages.
    """
    # Deferred: every build imports this module, and only --imposed needs PDFium (about
    # 0.025 s to import).
    import pypdfium2 as pdfium

    try:
        source = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise ValueError(f"not a readable PDF ({exc})") from exc
    with source, pdfium.PdfDocument.new() as ordered:
        order = imposed_order(len(source))
        sizes = [_page_size(source[n], n + 1) for n in range(len(source))]
        width, height = sizes[0]
        for number, (w, h) in enumerate(sizes, start=1):
            # PDFium's N-up would shrink a larger page to fit its half, unnoticed.
            if abs(w - width) > 0.01 or abs(h - height) > 0.01:
                raise ValueError(f"page {number} is {w:g} x {h:g} pt, page 1 is "
                                 f"{width:g} x {height:g}; a booklet's pages match")
        # One import and one N-up export, each sharing objects across pages: the fonts
        # are copied once. page_as_xobject() per page would copy them once per page.
        ordered.import_pages(source, [number - 1 for side in order for number in side])
        # Two pages across, each centred in its half at scale 1 (as tall as the sheet): a
        # sheet 1 mm wider than two pages leaves each page 0.25 mm off the fold.
        sheet_width = _sheet_width(width, height)
        raw_sheets = pdfium.raw.FPDF_ImportNPagesToOne(ordered, sheet_width, height, 2, 1)
        if not raw_sheets:
            raise pdfium.PdfiumError("PDFium could not impose the pages")
        with pdfium.PdfDocument(raw_sheets) as sheets:
            buffer = io.BytesIO()
            sheets.save(buffer)
    return _reproducible(buffer.getvalue())


def _reproducible(pdf: bytes) -> bytes:
    """The same input gives the same bytes: PDFium stamps the time it saved and a random
    file ID. Each is replaced in place by a value of the same length (so no byte offset
    moves): a fixed date, and an ID made from the file's own bytes."""
    pdf = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20000101000000", pdf)
    ids = re.search(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", pdf)
    if ids is None:
        return pdf
    blank = pdf[:ids.start()] + b"/ID" + pdf[ids.end():]
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode()
    start, end = ids.span(1)
    fixed = digest[:end - start].ljust(end - start, b"0")
    pdf = pdf[:start] + fixed + pdf[end:]
    start, end = ids.span(2)
    return pdf[:start] + fixed[:end - start] + pdf[end:]
