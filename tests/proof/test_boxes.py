"""The boxes-apart rule on pages drawn for it: two boxes set corner to corner (apart in x
and in y) are measured by the true distance between them, the corners' (pages.py)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from tests.proof.pages import boxes, boxes_apart, read

A = (100.0, 100.0, 250.0, 200.0)  # the first box; the second starts past its lower right


def _page(path: Path, how: str, dx: float, dy: float) -> None:
    """A Letter page with two boxes, each with a line of text in it: the second `dx` right
    of the first's right side and `dy` under its foot. `how`: "outline" (four stroked
    lines, as a table's BOX draws one), "frame" (a stroked rectangle), "fill" (a filled one)."""
    pdf = pymupdf.open()  # type: ignore[no-untyped-call]
    page = pdf.new_page(width=612, height=792)
    b = (A[2] + dx, A[3] + dy, A[2] + dx + 150, A[3] + dy + 100)
    for (x0, y0, x1, y1), words in ((A, "Box one"), (b, "Box two")):
        if how == "outline":
            corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            for p, q in zip(corners, corners[1:] + corners[:1], strict=True):
                page.draw_line(p, q, color=(0, 0, 0), width=1)
        elif how == "frame":
            page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=1)
        else:
            page.draw_rect((x0, y0, x1, y1), fill=(0.9, 0.9, 1.0), color=None)
        page.insert_text((x0 + 10, y0 + 30), words, fontsize=12)
    pdf.save(path)  # type: ignore[no-untyped-call]


def _found(tmp_path: Path, how: str, dx: float, dy: float) -> list[str]:
    path = tmp_path / f"{how}-{dx}-{dy}.pdf"
    _page(path, how, dx, dy)
    printed = read(path, "document")
    assert [box.words for box in boxes(printed.pages[0])] == ["Box one", "Box two"]
    return boxes_apart(printed)


@pytest.mark.parametrize("how", ["outline", "frame", "fill"])
def test_boxes_meeting_corner_to_corner_are_found(tmp_path: Path, how: str) -> None:
    # Ink, not the path: a 1 pt border reaches half a point past it, so two bordered boxes
    # whose corners meet overlap there, and two filled ones touch.
    found = _found(tmp_path, how, 0, 0)
    how_near = "meet corner to corner" if how == "fill" else "overlap"
    assert found == ["document letter p1: the boxes 'Box one' (y=" + ("100..200" if how == "fill"
                     else "99.5..200.5") + ") and 'Box two' (y=" + ("200..300" if how == "fill"
                     else "199.5..300.5") + f") {how_near}"], found


@pytest.mark.parametrize("how", ["outline", "frame"])
def test_outlines_a_near_miss_apart_are_two_boxes(tmp_path: Path, how: str) -> None:
    # The corners' ends 0.5 pt apart: within what joins one outline's own sides.
    found = _found(tmp_path, how, 0.5, 0.5)
    assert len(found) == 1 and found[0].endswith("overlap"), found


def test_a_diagonal_near_miss_is_measured_corner_to_corner(tmp_path: Path) -> None:
    # 1 pt apart each way: the corners are 1.4 pt apart, under the 2 pt boxes keep.
    assert _found(tmp_path, "fill", 1, 1) == [
        "document letter p1: the boxes 'Box one' (y=100..200) and 'Box two' (y=201..301) "
        "are 1.4 pt apart corner to corner"]
    # 1.5 pt each way: under 2 pt in x and in y, but the corners are 2.1 pt apart.
    assert _found(tmp_path, "fill", 1.5, 1.5) == []


def test_side_by_side_boxes_are_measured_across(tmp_path: Path) -> None:
    # Overlapping in y, 1 pt apart in x: the gap between their sides.
    found = _found(tmp_path, "fill", 1, -50)
    assert found == ["document letter p1: the boxes 'Box one' (y=100..200) and 'Box two' "
                     "(y=150..250) are 1 pt apart"], found
