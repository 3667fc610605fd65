"""Page furniture on paper: the footer stays where office printers print."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from handout.commands.cli import main
from tests.conftest import CONTENT, ROOT

RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"


@pytest.mark.parametrize("options", [
    [],
    ["--paper", "a4", "--large-print"],
    ["--paper", "a4", "--clinic", str(RIVERSIDE)],
])
def test_no_footer_text_nearer_the_paper_edge_than_half_an_inch(
        tmp_path: Path, options: list[str]) -> None:
    out = tmp_path / "h.pdf"
    assert main(["build", str(CONTENT), "-o", str(out), "--no-check", *options]) == 0
    with pymupdf.open(out) as pdf:
        for page in pdf:
            # The "SAMPLE – not for patients" mark of a handout with made-up contact
            # details (Mind Body 7's) sits under the footer, inside the quarter-inch safe
            # area: tests/pipeline/test_sample_mark.py.
            sample = page.search_for("SAMPLE – not for patients")
            words = [w for w in page.get_text("words")
                     if not any(pymupdf.Rect(w[:4]).intersects(r) for r in sample)]
            lowest = max(word[3] for word in words)  # text box bottoms
            assert page.rect.height - lowest >= 0.5 * 72 - 0.01, (options, page.number)
            assert len(sample) == 1


def band(pdf_path: Path) -> pymupdf.Rect:
    """The header band on page 1: the widest filled shape near the top."""
    with pymupdf.open(pdf_path) as pdf:
        page = pdf[0]
        shapes = [d["rect"] for d in page.get_drawings()
                  if d.get("fill") is not None and d["rect"].width > page.rect.width / 2
                  and d["rect"].y0 < 72]
        return max(shapes, key=lambda r: r.width)


def test_the_header_band_stays_off_the_paper_edge_unless_for_a_print_shop(
        tmp_path: Path) -> None:
    office, shop = tmp_path / "office.pdf", tmp_path / "shop.pdf"
    assert main(["build", str(CONTENT), "-o", str(office), "--no-check"]) == 0
    assert main(["build", str(CONTENT), "-o", str(shop), "--no-check", "--print-shop"]) == 0
    inset = 0.25 * 72 - 0.01
    with pymupdf.open(office) as pdf:
        width = pdf[0].rect.width
    rect = band(office)
    assert rect.x0 >= inset and rect.y0 >= inset and width - rect.x1 >= inset
    # The print shop's file is the trimmed page on a larger sheet: the band runs past the trim.
    with pymupdf.open(shop) as pdf:
        trim = pdf[0].trimbox
    bled = band(shop)
    assert bled.x0 < trim.x0 and bled.x1 > trim.x1 and bled.y0 < trim.y0


def footer_lines(page: pymupdf.Page, under: float = 1.2) -> list[tuple[str, float, float]]:
    """The footer's printed lines (text, size, top), read back: what starts under the
    text's frame, whose foot is `under` inches or more above the paper's edge (1.2 in
    large print, 0.9 in regular print), less the "SAMPLE" mark."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            text = " ".join("".join(s["text"] for s in spans).replace("\u00a0", " ").split())
            top = line["bbox"][1]
            if spans and top > page.rect.height - under * 72 and "SAMPLE" not in text:
                found.append((text, max(s["size"] for s in spans), top))
    return sorted(found, key=lambda found: (found[2], found[0]))


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_large_print_footer_grows_on_one_or_two_planned_lines(tmp_path: Path,
                                                                  paper: str) -> None:
    out = tmp_path / "large.pdf"
    assert main(["build", str(CONTENT), "-o", str(out), "--no-check", "--large-print",
                 "--paper", paper]) == 0
    with pymupdf.open(out) as pdf:
        for page in pdf:
            lines = footer_lines(page)
            # 16 pt (the NHS's least large print), Mind Body 7's name, phone and website
            # too wide for one line there: two lines, split where planned, never wrapped.
            assert [(text, size) for text, size, _ in lines] == [
                ("Mind Body 7 · (555) 010-0107", 16.0),
                (f"Page {page.number + 1} of {len(pdf)}", 16.0),
                ("www.mindbody7.example", 16.0)], lines
            # The text keeps clear of the footer's rule, and the rule of the footer.
            rule = min(d["rect"].y0 for d in page.get_drawings()
                       if d["rect"].height < 1 and d["rect"].y0 > page.rect.height - 1.5 * 72)
            body = [w[3] for w in page.get_text("words") if w[3] < rule + 1]
            assert max(body) < rule < min(top for _, _, top in lines), page.number


def test_regular_print_keeps_the_small_footer(pdf: pymupdf.Document) -> None:
    assert {size for page in pdf for _, size, _ in footer_lines(page, 0.9)} == {10.0}
