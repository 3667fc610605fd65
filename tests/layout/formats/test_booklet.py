"""The folded booklet read back from the PDF: what the cover, the last pages and the plan's
page carry, where notes pages go, and the imposed print file's saddle-stitch order."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from handout.common.translations import strings
from handout.input.model import Document
from handout.pipeline.build import read_document
from tests.layout.formats.conftest import FILES, Builder, Print
from tests.layout.formats.measure import INCH, body_size, lines
from tests.pdf_structure import squash

PRINTS = {"en": Print(format="booklet"), "a4": Print(format="booklet", paper="a4"),
          "es": Print("es", "booklet"), "riverside": Print(format="booklet", riverside=True)}
# Reading-order pages on each side of the imposed 12-page booklet, left | right.
SIDES_12 = [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]


def page_lines(page: pymupdf.Page) -> list[str]:
    """The page's text lines top to bottom, without the page number at its foot."""
    found = sorted(lines(page), key=lambda line: (line.rect.y0, line.rect.x0))
    return [line.text for line in found
            if not (line.text == str(page.number + 1)
                    and line.rect.y0 > page.rect.height - 0.8 * INCH)]


def pages_text(path: Path) -> list[str]:
    """Each page's text, white space squashed out."""
    with pymupdf.open(path) as pdf:
        return [squash(" ".join(page_lines(page))) for page in pdf]


def on(pages: list[str], text: str) -> list[int]:
    """The numbers (from 1) of the pages that print `text`."""
    return [n for n, page in enumerate(pages, 1) if squash(text) in page]


@pytest.fixture(scope="module", params=list(PRINTS))
def booklet(request: pytest.FixtureRequest, rack: Builder) -> tuple[Document, Path]:
    p = PRINTS[request.param]
    return read_document(FILES[p.content], p.clinic), rack(p)


def test_the_cover_has_the_title_and_the_key_points(booklet: tuple[Document, Path]) -> None:
    doc, path = booklet
    pages = pages_text(path)
    assert on(pages, doc.title)[0] == 1
    assert 1 in on(pages, doc.key_points.title)
    assert 1 in on(pages, doc.key_points.items[-1].text)  # all of them


def test_the_back_cover_has_the_phone_number_and_review_date(
        booklet: tuple[Document, Path]) -> None:
    doc, path = booklet
    pages = pages_text(path)
    last = len(pages)
    assert last in on(pages, doc.clinic.phone)
    assert last in on(pages, strings(doc.language)("last_reviewed"))
    assert last in on(pages, strings(doc.language).date(doc.review.next_review))


def notes_only(pages: list[str], doc: Document) -> list[int]:
    """Pages that hold nothing but the notes box (lines to write on)."""
    title = squash(strings(doc.language)("notes_title"))
    return [n for n, page in enumerate(pages, 1) if page == title]


def test_help_comes_last_before_the_back_cover_and_any_notes_pages(
        booklet: tuple[Document, Path]) -> None:
    """"When to get help" ends on the page before the back cover, or before the notes pages
    that come just before it; it starts on that page or, when it must, the one before."""
    doc, path = booklet
    pages = pages_text(path)
    start = on(pages, doc.help.title)
    end = on(pages, doc.help.tiers[-1].items[-1])
    notes = notes_only(pages, doc)
    assert len(start) == 1 and len(end) == 1
    assert notes == list(range(end[0] + 1, len(pages)))
    assert start[0] in (end[0], end[0] - 1)


def test_content_yaml_has_help_on_the_page_before_the_back_cover(rack: Builder) -> None:
    doc = read_document(FILES["en"])
    pages = pages_text(rack(PRINTS["en"]))
    assert on(pages, doc.help.title) == on(pages, doc.help.tiers[-1].items[-1]) == [11]
    assert not notes_only(pages, doc)


def test_my_plan_has_a_page_of_its_own(booklet: tuple[Document, Path]) -> None:
    """The plan's title opens its page, its last step is on it, and no other section's
    heading is."""
    doc, path = booklet
    pages = pages_text(path)
    (page,) = on(pages, doc.plan.title + doc.plan.intro)
    assert pages[page - 1].startswith(squash(doc.plan.title))
    assert page in on(pages, doc.plan.steps[-1].text)
    with pymupdf.open(path) as pdf:
        body = body_size(pdf)
        headings = [line.text for line in lines(pdf[page - 1])
                    if line.bold and line.size >= 1.4 * body]
    assert headings == [doc.plan.title]


def distinctive(pages: list[list[str]]) -> list[str]:
    """For each page (its lines), its longest line printed on no other page, squashed."""
    squashed = [squash(" ".join(page)) for page in pages]
    out = []
    for n, page in enumerate(pages, 1):
        unique = [squash(line) for line in page if len(squash(line)) >= 12
                  and sum(squash(line) in other for other in squashed) == 1]
        assert unique, f"page {n} has no line of its own"
        out.append(max(unique, key=len))
    return out


def halves(page: pymupdf.Page) -> tuple[str, str]:
    """The text on the left and on the right half of a sheet side, white space squashed."""
    width, height = page.rect.width, page.rect.height
    return (squash(page.get_text(clip=pymupdf.Rect(0, 0, width / 2, height))),
            squash(page.get_text(clip=pymupdf.Rect(width / 2, 0, width, height))))


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_imposed_sides_follow_the_saddle_stitch_order(rack: Builder, paper: str) -> None:
    with pymupdf.open(rack(Print(format="booklet", paper=paper))) as pdf:
        marks = distinctive([page_lines(page) for page in pdf])
    with pymupdf.open(rack(Print(format="booklet", paper=paper, imposed=True))) as sheets:
        found = []
        for side in sheets:
            left, right = halves(side)
            found.append((next(n for n, m in enumerate(marks, 1) if m in left),
                          next(n for n, m in enumerate(marks, 1) if m in right)))
    assert found == SIDES_12


def test_the_imposed_file_keeps_every_font_embedded(rack: Builder) -> None:
    def fonts(path: Path) -> set[tuple[str, str]]:
        with pymupdf.open(path) as pdf:  # (file type, name less its subset tag)
            return {(f[1], f[3].split("+")[-1]) for page in pdf
                    for f in page.get_fonts(full=True)}
    imposed = fonts(rack(Print(format="booklet", imposed=True)))
    assert imposed == fonts(rack(PRINTS["en"]))
    assert imposed and all(ext == "ttf" for ext, _ in imposed)
