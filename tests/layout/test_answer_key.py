"""The riddles' answer key, kept apart from the word search: in its own box at the foot of
the puzzle page, a rule above it, at least half an inch under the grid, upright and at
least 10 pt; the puzzle still on one page (large print, and a page that cannot hold it all,
as the Vietnamese one with its roomier lines: the riddles, then a page with the word search
and the key) and the handout as long as before."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from handout.common.translations import strings
from handout.input.sources import load_content
from handout.input.validate import parse_document
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT

HALF_INCH = 36.0


def grid_box(page: pymupdf.Page) -> pymupdf.Rect | None:
    """The word search's outline: the one large square of straight lines on the page, drawn
    not filled (a notes box, drawn with rounded corners, may be square too, and a QR code
    grown into a page's room is a square of filled ones)."""
    squares = [pymupdf.Rect(d["rect"]) for d in page.get_drawings()
               if abs(d["rect"].width - d["rect"].height) < 0.5 and d["rect"].width > 100
               and all(item[0] in ("l", "re") for item in d["items"]) and d.get("fill") is None]
    return max(squares, key=lambda r: r.width) if squares else None


def words(page: pymupdf.Page) -> list[tuple[pymupdf.Rect, str]]:
    """The page's words above its footer (under the footer's rule: one line, or two for a
    draft translation's), with their boxes."""
    found = [(pymupdf.Rect(w[:4]), w[4]) for w in page.get_text("words")]
    rules = [d["rect"].y0 for d in page.get_drawings() if d["rect"].height < 3
             and d["rect"].width > page.rect.width / 2
             and d["rect"].y0 > page.rect.height - 1.5 * 72]
    footer = max(rules) if rules else max(box.y1 for box, _ in found) - 3
    return [(box, word) for box, word in found if box.y1 < footer]


@pytest.mark.parametrize(("content", "options", "pages"), [
    # A long box that splits (its title continued) no longer leaves a page part empty: one
    # page fewer in content.yaml's Letter document and large-print A4, and in Spanish.
    (CONTENT, {}, 10),
    (CONTENT, {"paper": "a4"}, 10),
    (CONTENT, {"large_print": True}, 17),
    (CONTENT, {"large_print": True, "paper": "a4"}, 16),
    (ROOT / "content.es.yaml", {}, 11),
    (CONTENT, {"translation": ROOT / "content.vi.po"}, 13),
], ids=["letter", "a4", "large-print", "large-print-a4", "spanish", "vietnamese"])
def test_the_answers_sit_boxed_at_the_foot_well_under_the_grid(
        tmp_path: Path, content: Path, options: dict[str, object], pages: int) -> None:
    out = tmp_path / "h.pdf"
    build(content, out, Options(check=False, **options))  # type: ignore[arg-type]
    translation = options.get("translation")
    assert translation is None or isinstance(translation, Path)
    doc = parse_document(load_content(content, translation=translation))
    puzzle, heading = doc.puzzle, strings(doc.language)("answer_key")
    assert puzzle is not None and puzzle.word_search is not None
    answers = {word for r in puzzle.riddles for word in r.answer.split()}  # "loạn khuẩn"
    with pymupdf.open(out) as pdf:
        assert pdf.page_count == pages  # the handout's own length: the key takes no page
        [title] = [page.number for page in pdf if puzzle.title in page.get_text().splitlines()]
        [(number, grid)] = [(p.number, box) for p in pdf if (box := grid_box(p)) is not None]
        page = pdf[number]
        text = words(page)
        rules = [pymupdf.Rect(d["rect"]) for d in page.get_drawings()
                 if d["rect"].height < 3 and d["rect"].width >= grid.width]
        spans = [(span, line["dir"]) for block in page.get_text("dict")["blocks"]
                 for line in block.get("lines", []) for span in line["spans"]
                 if set(span["text"].split()) & answers]
    # One page for the puzzle; large print, and Vietnamese, give the word search and key
    # the next one.
    assert number == title + (1 if options.get("large_print") or translation else 0)
    key = [box for box, word in text if word in answers]
    assert len(key) == len(answers)
    top = min(box.y0 for box in key)
    assert top - grid.y1 >= HALF_INCH  # under the grid, well apart from it
    around = pymupdf.Rect(grid.x0 - HALF_INCH, grid.y0 - HALF_INCH, grid.x1 + HALF_INCH,
                          grid.y1 + HALF_INCH)
    assert not any(box.intersects(around) for box in key)
    # Nothing but the key (its heading, numbers and answers) under the grid: the page's foot.
    under = [word for box, word in text if box.y0 > grid.y1]
    assert set(under) == {*heading.split(), *answers,
                          *(f"{i}." for i in range(1, len(puzzle.riddles) + 1))}
    assert any(grid.y1 < rule.y0 and rule.y1 < top for rule in rules)  # a rule above the key
    assert spans and all(span["size"] >= 10 and direction == (1.0, 0.0)
                         for span, direction in spans)
