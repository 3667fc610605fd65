"""The Vietnamese tri-fold (content.vi.po), whose words run longer than English and print in
Noto Sans, wider than Atkinson: its back cover cannot hold the contact box, the sources,
the review dates and the disclaimer even at 12 pt with tight spacing, so the review dates
and disclaimer close the inside panels (the last panel before the back cover), as the
document moves them after the references; the contact box is measured in the font it
prints in, so the web address is never cut inside a word; the question area's title never
ends on one word."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from handout.common.translations import strings
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT
from tests.pdf_structure import squash

VI = ROOT / "content.vi.po"
URL = "www.mindbody7.example/book"


@pytest.fixture(scope="module")
def trifold(tmp_path_factory: pytest.TempPathFactory) -> pymupdf.Document:
    out = tmp_path_factory.mktemp("vi") / "trifold.pdf"
    build(CONTENT, out, Options(format="trifold", translation=VI, check=False))
    return pymupdf.open(out)


def panel_text(page: pymupdf.Page, left: float, right: float) -> str:
    words = [w for w in page.get_text("words") if left <= w[0] and w[2] <= right]
    return squash(" ".join(w[4] for w in sorted(words, key=lambda w: (round(w[3]), w[0]))))


def test_the_review_dates_and_disclaimer_close_the_inside_panels(
        trifold: pymupdf.Document) -> None:
    words = strings("vi")
    outside, inside = trifold[0], trifold[1]
    third = outside.rect.width / 3
    back = panel_text(outside, third, 2 * third)
    right = panel_text(inside, 2 * third, inside.rect.width)
    assert squash(words("sources_title")) in back and squash(words("call_us")) in back
    assert squash(words("last_reviewed")) not in back
    assert squash(words("last_reviewed")) in right and squash(words("next_review")) in right
    assert squash("Tờ thông tin này chỉ nhằm cung cấp kiến thức.") in right  # the disclaimer
    # They close the panel: nothing of the sections after them.
    assert right.endswith(squash("nói chuyện với họ."))


def test_the_web_address_breaks_only_after_a_slash(trifold: pymupdf.Document) -> None:
    lines = ["".join(span["text"] for span in line["spans"]).strip()
             for block in trifold[0].get_text("dict")["blocks"]
             for line in block.get("lines", [])]
    parts = [line for line in lines if line and line in URL]
    assert "".join(parts) == URL
    assert all(part.endswith("/") for part in parts[:-1]), parts


def test_the_question_area_title_keeps_its_last_two_words_together(
        trifold: pymupdf.Document) -> None:
    title = strings("vi")("notes_title")
    lines = [" ".join(w[4] for w in ws) for ws in _rows(trifold[0])]
    start = next(i for i, line in enumerate(lines) if title.startswith(line) and line)
    shown = lines[start:start + 2] if lines[start] != title else [title]
    assert " ".join(shown) == title
    assert len(shown[-1].split()) > 1, shown


def _rows(page: pymupdf.Page) -> list[list[tuple[float, ...]]]:
    """The page's words, line by line (by baseline, then x), panels apart."""
    rows: dict[tuple[int, int], list[tuple[float, ...]]] = {}
    third = page.rect.width / 3
    for w in page.get_text("words"):
        rows.setdefault((int(w[0] // third), round(w[3])), []).append(w)
    return [sorted(ws) for _, ws in sorted(rows.items())]


def test_english_keeps_them_on_the_back_cover(tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    build(CONTENT, out, Options(format="trifold", check=False))
    with pymupdf.open(out) as pdf:
        third = pdf[0].rect.width / 3
        back = panel_text(pdf[0], third, 2 * third)
    assert squash(strings("en")("last_reviewed")) in back
