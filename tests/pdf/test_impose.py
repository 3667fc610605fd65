"""Booklet imposition: the saddle-stitch order, and real PDFs imposed by PDFium and read
back with PyMuPDF (text per half, sheet size, embedded fonts, rendered ink)."""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import pikepdf
import pymupdf
import pytest
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from handout.layout.theme import REGULAR, register_fonts
from handout.pdf.impose import impose_booklet, imposed_order

HALF_LETTER = (5.5 * inch, 8.5 * inch)


def reading_order(pages: int, size: tuple[float, float] = HALF_LETTER,
                  each: Callable[[Canvas, int], None] | None = None) -> bytes:
    """A PDF of `pages` pages, each showing a big "Page N" in the bundled TTF font;
    `each(canvas, n)` may change a page's boxes before it is drawn."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, initialFontName=REGULAR)
    for number in range(1, pages + 1):
        if each:
            each(canvas, number)
        canvas.setFont(REGULAR, 40)
        canvas.drawString(0.75 * inch, size[1] / 2, f"Page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def halves(page: pymupdf.Page) -> tuple[str, str]:
    """The words on the left and on the right half of a sheet side."""
    middle = page.rect.width / 2
    words = page.get_text("words", sort=True)
    return (" ".join(w[4] for w in words if w[2] <= middle),
            " ".join(w[4] for w in words if w[0] >= middle))


@pytest.fixture(scope="module")
def booklet() -> pymupdf.Document:
    return pymupdf.open(stream=impose_booklet(reading_order(8)))


@pytest.mark.parametrize(("pages", "sides"), [
    (4, [(4, 1), (2, 3)]),
    (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
    (12, [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]),
])
def test_sides_follow_the_saddle_stitch_rule(pages: int, sides: list[tuple[int, int]]) -> None:
    assert imposed_order(pages) == sides
    assert all(left + right == pages + 1 for left, right in sides)
    assert sorted(n for side in sides for n in side) == list(range(1, pages + 1))
    # Flipped on the short edge, a sheet's back has the page after its front's right
    # page on the left, and the page before its front's left page on the right.
    for (front_left, front_right), (back_left, back_right) in zip(
            sides[::2], sides[1::2], strict=True):
        assert (back_left, back_right) == (front_right + 1, front_left - 1)


@pytest.mark.parametrize("pages", [0, 2, 6, -4])
def test_a_count_not_a_multiple_of_4_is_refused(pages: int) -> None:
    with pytest.raises(ValueError, match=f"multiple of 4 pages, not {pages}"):
        imposed_order(pages)


def test_half_letter_pages_go_two_up_on_letter_landscape(booklet: pymupdf.Document) -> None:
    assert booklet.page_count == 4
    for page, (left, right) in zip(booklet, imposed_order(8), strict=True):
        assert page.rect == pymupdf.Rect(0, 0, 792, 612)
        assert halves(page) == (f"Page {left}", f"Page {right}")


def test_a5_pages_go_two_up_on_a4_landscape() -> None:
    with pymupdf.open(stream=impose_booklet(reading_order(4, A5))) as sheets:
        assert sheets.page_count == 2
        for page, (left, right) in zip(sheets, imposed_order(4), strict=True):
            assert (page.rect.width, page.rect.height) == pytest.approx(landscape(A4), abs=0.01)
            assert halves(page) == (f"Page {left}", f"Page {right}")


def test_the_font_stays_embedded_and_is_stored_once(booklet: pymupdf.Document) -> None:
    fonts = {font[:4] for page in booklet for font in page.get_fonts(full=True)}
    # (xref, file type, font type, name): one embedded TrueType subset, shared by all
    # the sides rather than copied with every page.
    assert len(fonts) == 1
    ((_, ext, kind, name),) = fonts
    assert (ext, kind) == ("ttf", "TrueType")
    assert name.endswith("+AtkinsonHyperlegibleNext-Regular")


def test_both_halves_of_a_side_are_drawn(booklet: pymupdf.Document) -> None:
    pix = booklet[0].get_pixmap(dpi=50, colorspace=pymupdf.csRGB, alpha=False)
    pixels = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
    left, right = np.array_split(pixels, 2, axis=1)
    assert left.min() < 60
    assert right.min() < 60


def edited(pdf: bytes, change: Callable[[pikepdf.Pdf], object]) -> bytes:
    """`pdf` after `change` (which ReportLab cannot make) is made to it with pikepdf."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        change(doc)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def offset_mediabox(doc: pikepdf.Pdf) -> None:
    doc.pages[2].MediaBox = [36, 36, 36 + HALF_LETTER[0], 36 + HALF_LETTER[1]]


def inherited_cropbox(doc: pikepdf.Pdf) -> None:
    doc.Root.Pages.CropBox = [0, 0, 300, 500]


def inherited_mediabox(doc: pikepdf.Pdf) -> None:
    doc.Root.Pages.MediaBox = [0, 0, *HALF_LETTER]
    for page in doc.pages:
        del page.obj.MediaBox


@pytest.mark.parametrize(("pdf", "message"), [
    (lambda: reading_order(6), "multiple of 4 pages, not 6"),
    (lambda: b"%PDF-1.4 not really", "not a readable PDF"),
    (lambda: edited(reading_order(4), offset_mediabox), "page 3 has no MediaBox of its own at"),
    (lambda: edited(reading_order(4), inherited_mediabox), "page 1 has no MediaBox of its own"),
    (lambda: edited(reading_order(4), inherited_cropbox), "page 1 is cropped by its page tree"),
    (lambda: reading_order(4, each=lambda c, n: c.setTrimBox(
        (9, 9, HALF_LETTER[0] - 9, HALF_LETTER[1] - 9))), "page 1 has a TrimBox other"),
    (lambda: reading_order(4, each=lambda c, n: n == 4 and c.setCropBox(
        (0, 0, 300, 500))), "page 4 has a CropBox other"),
    (lambda: reading_order(4, each=lambda c, n: n == 2 and c.setPageRotation(90)),
     "page 2 is rotated"),
    (lambda: reading_order(4, each=lambda c, n: n == 3 and c.setPageSize(A5)),
     "page 3 is 419.528 x 595.276 pt, page 1 is 396 x 612"),
])
def test_what_is_not_an_office_booklet_is_refused(pdf: Callable[[], bytes],
                                                  message: str) -> None:
    with pytest.raises(ValueError, match=message):
        impose_booklet(pdf())


def test_a_cropbox_equal_to_the_mediabox_is_fine() -> None:
    full = (0, 0, *HALF_LETTER)
    with pymupdf.open(stream=impose_booklet(reading_order(
            4, each=lambda c, n: c.setCropBox(full)))) as sheets:
        assert [halves(page) for page in sheets] == [("Page 4", "Page 1"), ("Page 2", "Page 3")]


def test_the_same_pages_give_the_same_bytes() -> None:
    """PDFium stamps the save time and a random file ID; the imposed file carries neither."""
    pdf = reading_order(8)
    first, second = impose_booklet(pdf), impose_booklet(pdf)
    assert first == second
    assert b"/CreationDate(D:20000101000000" in first
    with pymupdf.open(stream=first) as doc:
        assert doc.page_count == 4  # still a whole PDF after the fix in place
