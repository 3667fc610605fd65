"""Pages a quarter empty: the design moves that fill them (a long box split with its title
continued, the care team tier split in large print, the question area where a page has
the room), and the build's refusal of a page it still cannot fill. Read back from real PDFs."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
import yaml

from handout.common.errors import ContentError
from handout.layout.spread import FrameEnd
from handout.pipeline.build import Options, Result, build
from tests.conftest import ROOT
from tests.proof.pages import empty_share, read

BOX = "What we know, and what we don't know yet"
KNOW = ("We know:", "Not known yet:")


def _lines(page: pymupdf.Page) -> list[str]:
    return [" ".join(line.split()).lstrip("\u2022 ") for line in page.get_text().splitlines()
            if line.strip()]


def test_a_long_box_splits_between_its_items_its_title_continued(pdf: pymupdf.Document
                                                                  ) -> None:
    pages = [_lines(page) for page in pdf]
    joined = [" ".join(lines) for lines in pages]
    continued = [n for n, text in enumerate(joined) if f"{BOX} (continued)" in text]
    assert len(continued) == 1, continued
    n = continued[0]
    assert BOX in joined[n - 1] and f"{BOX} (continued)" not in joined[n - 1]
    # Two items at least on each side; each item once, in order.
    before = [line for line in pages[n - 1] if line.startswith(KNOW)]
    after = [line for line in pages[n] if line.startswith(KNOW)]
    assert len(before) >= 2 and len(after) >= 2, (before, after)
    assert len(before) + len(after) == 7
    # The continued title opens its page: nothing of the text above it.
    top = " ".join(pdf[n].get_text(sort=True).split())
    assert top.startswith(f"{BOX} (continued)"), top[:80]


def test_the_section_with_the_box_starts_on_the_page_it_would_have_left_empty(
        pdf: pymupdf.Document, built: Result) -> None:
    number = next(n for n, p in enumerate(pdf)
                  if BOX in p.get_text() and "(continued)" not in p.get_text())
    assert pdf[number].search_for("The science is still growing")
    # The page is full, as the proof measures a printed page (tests/proof/pages.py).
    printed = read(built.path, "document")
    frame = printed.frames[number]
    assert empty_share(printed, frame) < 0.1, empty_share(printed, frame)


def test_large_print_splits_the_care_team_tier_not_the_urgent_ones(tmp_path: Path) -> None:
    out = tmp_path / "large.pdf"
    build(ROOT / "content.yaml", out, Options(large_print=True, check=False))
    with pymupdf.open(out) as doc:
        texts = [" ".join(page.get_text().split()) for page in doc]
    help_page = next(n for n, t in enumerate(texts) if "When to get help" in t)
    assert "EMERGENCY" in texts[help_page] and "CRISIS LINE" in texts[help_page]
    assert "YOUR CARE TEAM" in texts[help_page]
    assert "(continued)" in texts[help_page + 1] and "YOUR CARE TEAM" in texts[help_page + 1]
    assert "EMERGENCY" not in texts[help_page + 1]


SLEEP = ROOT / "examples" / "sleep" / "content.yaml"


def one_section(tmp_path: Path) -> Path:
    """The sleep example with its first section only: the help panel's page is left a third
    empty, with no room the layout can fill (the question area is beside the contact box,
    the references, short, start a page of their own, and a callout fills only part)."""
    folder = tmp_path / "examples" / "sleep"
    folder.mkdir(parents=True)
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    for picture in SLEEP.parent.glob("*.svg"):
        (folder / picture.name).symlink_to(picture)
    data = yaml.safe_load(SLEEP.read_text(encoding="utf-8"))
    data["sections"] = data["sections"][:1]
    out = folder / "content.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return out


def test_a_page_the_layout_cannot_fill_is_refused_located_and_nothing_written(
        tmp_path: Path) -> None:
    content, out = one_section(tmp_path), tmp_path / "short.pdf"
    with pytest.raises(ContentError) as caught:
        build(content, out, Options(check=False))
    message = str(caught.value)
    # Located at the references' first entry, the part that moved on and left the room.
    line = next(n for n, text in enumerate(content.read_text("utf-8").splitlines(), start=1)
                if text.startswith("references:")) + 1
    assert message.startswith(f"{content}:{line}:1: references: page 3 is "), message
    assert "% empty" in message and "starts on page 4" in message
    assert not out.exists()


def test_allow_check_errors_prints_the_page_and_lists_it(tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    result = build(one_section(tmp_path), out, Options(check=False, allow_check_errors=True))
    assert out.exists()
    assert any("page 3 is" in str(p) for p in result.page_problems)


def test_emptiness_counts_holes_taller_than_the_allowance_wherever_they_are() -> None:
    end = FrameEnd(1, "later", left=10.0, height=600.0,
                   filled=((0.0, 100.0), (130.0, 300.0), (420.0, 590.0)))
    # 30 pt between the first two blocks reads as space; 120 pt between the next two is a
    # hole, though the foot has only 10 pt left.
    assert end.empty(allowed=50.0) == pytest.approx(120.0)
    assert FrameEnd(1, "later", 200.0, 600.0, ((0.0, 400.0),)).empty(50.0) == 200.0
    assert FrameEnd(1, "later", 600.0, 600.0).empty(50.0) == 600.0  # nothing printed
