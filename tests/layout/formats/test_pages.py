"""Each rack format's page count and page size, per paper, read from the real PDF; and which
format a plain build makes (the content file's `format:`, unless --format says otherwise)."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from handout.commands.cli import main
from tests.conftest import CONTENT, ROOT
from tests.layout.formats.conftest import Builder, Print
from tests.layout.formats.measure import MM

LETTER, A4 = (612.0, 792.0), (210 * MM, 297 * MM)
HALF_LETTER, A5 = (396.0, 612.0), (148 * MM, 210 * MM)
PAPER = {"letter": LETTER, "a4": A4}  # portrait
HALF = {"letter": HALF_LETTER, "a4": A5}  # a booklet's page


def sizes(path: Path) -> tuple[int, set[tuple[float, float]]]:
    """The page count and every page's (width, height), rounded to 0.1 pt."""
    with pymupdf.open(path) as pdf:
        return len(pdf), {(round(p.rect.width, 1), round(p.rect.height, 1)) for p in pdf}


def rounded(size: tuple[float, float]) -> tuple[float, float]:
    return round(size[0], 1), round(size[1], 1)


def landscape(size: tuple[float, float]) -> tuple[float, float]:
    return size[1], size[0]


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_booklet_has_the_12_pages_the_content_file_allows(rack: Builder,
                                                              paper: str) -> None:
    # content.yaml allows 12 pages (`pages: 12`) and needs them: a multiple of 4, no more.
    count, _ = sizes(rack(Print(format="booklet", paper=paper)))
    assert count == 12


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_booklet_pages_are_half_letter_or_a5(rack: Builder, paper: str) -> None:
    _, pages = sizes(rack(Print(format="booklet", paper=paper)))
    assert pages == {rounded(HALF[paper])}


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_imposed_booklet_is_its_pages_two_up_on_landscape_sheets(rack: Builder,
                                                                     paper: str) -> None:
    # Two A5 pages are 296 mm wide; the sheet takes A4's 297 mm (pdf/impose.py).
    sides = sizes(rack(Print(format="booklet", paper=paper, imposed=True)))
    assert sides == (12 // 2, {rounded(landscape(PAPER[paper]))})


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_trifold_is_one_landscape_sheet(rack: Builder, paper: str) -> None:
    sheet = rounded(landscape(PAPER[paper]))
    assert sizes(rack(Print(format="trifold", paper=paper))) == (2, {sheet})


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_sheet_is_one_portrait_sheet(rack: Builder, paper: str) -> None:
    assert sizes(rack(Print(format="sheet", paper=paper))) == (2, {rounded(PAPER[paper])})


# The Spanish handout on A4: on Letter its tri-fold leaves a panel a quarter empty and is
# refused (tests/proof/test_rules.py REFUSED).
@pytest.mark.parametrize(("content", "paper"), [("es", "a4"), ("riverside", "letter")])
def test_spanish_and_the_second_clinic_keep_each_formats_pages(rack: Builder, content: str,
                                                               paper: str) -> None:
    riverside = content == "riverside"
    language = "en" if riverside else content
    counts = {fmt: sizes(rack(Print(language, fmt, paper, riverside=riverside)))
              for fmt in ("booklet", "trifold", "sheet")}
    width, height = rounded(PAPER[paper])
    assert counts == {"booklet": (12, {rounded(HALF[paper])}), "trifold": (2, {(height, width)}),
                      "sheet": (2, {(width, height)})}


@pytest.fixture
def trifold_content(tmp_path: Path) -> Path:
    """content.yaml with `formats: [trifold, document]`, beside a link to the real assets."""
    text = CONTENT.read_text(encoding="utf-8")
    listed = r"^formats: \[document, booklet, trifold, sheet\]$"
    assert re.search(listed, text, re.MULTILINE)
    path = tmp_path / "content.yaml"
    path.write_text(re.sub(listed, "formats: [trifold, document]", text, flags=re.MULTILINE),
                    encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return path


def test_the_first_format_the_content_file_lists_is_the_one_built(trifold_content: Path) -> None:
    out = trifold_content.parent / "plain.pdf"
    assert main(["build", str(trifold_content), "-o", str(out), "--no-check"]) == 0
    assert sizes(out) == (2, {(792.0, 612.0)})


def test_format_on_the_command_line_wins(trifold_content: Path) -> None:
    out = trifold_content.parent / "document.pdf"
    assert main(["build", str(trifold_content), "--format", "document", "-o", str(out),
                 "--no-check"]) == 0
    count, pages = sizes(out)
    assert count > 2 and pages == {LETTER}
