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


def first_sections(tmp_path: Path, count: int = 2) -> Path:
    """The sleep example with its first `count` sections only. With two, the plan, kept
    whole, moves on from the sections' last page and leaves it 29 % empty, with no room the
    layout can fill (less than the third the question area takes there, the contact box
    already grown, and a callout fills only part). With one, the help panel's page would be
    left a third empty: the references run on from it."""
    folder = tmp_path / "examples" / "sleep"
    folder.mkdir(parents=True)
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    for picture in SLEEP.parent.glob("*.svg"):
        (folder / picture.name).symlink_to(picture)
    data = yaml.safe_load(SLEEP.read_text(encoding="utf-8"))
    data["sections"] = data["sections"][:count]
    out = folder / "content.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return out


def test_a_page_the_layout_cannot_fill_is_refused_located_and_nothing_written(
        tmp_path: Path) -> None:
    content, out = first_sections(tmp_path), tmp_path / "short.pdf"
    with pytest.raises(ContentError) as caught:
        build(content, out, Options(check=False))
    message = str(caught.value)
    # Located at the plan's title, the part that moved on and left the room.
    line = next(n for n, text in enumerate(content.read_text("utf-8").splitlines(), start=1)
                if text.startswith("plan:")) + 1
    assert message.startswith(f"{content}:{line}:3: plan: page 3 is "), message
    assert "% empty" in message and "starts on page 4" in message
    assert not out.exists()


def test_allow_check_errors_prints_the_page_and_lists_it(tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    result = build(first_sections(tmp_path), out, Options(check=False, allow_check_errors=True))
    assert out.exists()
    assert any("page 3 is" in str(p) for p in result.page_problems)


def test_the_references_run_on_from_a_page_they_would_leave_a_quarter_empty(
        tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    build(first_sections(tmp_path, 1), out, Options(check=False))
    with pymupdf.open(out) as doc:
        texts = [" ".join(page.get_text().split()) for page in doc]
    [where] = [n for n, t in enumerate(texts) if "Where this information comes from" in t]
    assert "When to get help" in texts[where]  # on the help panel's page, under it
    assert where == len(texts) - 2  # and on to the last page


def test_emptiness_counts_holes_taller_than_the_allowance_wherever_they_are() -> None:
    end = FrameEnd(1, "later", left=10.0, height=600.0,
                   filled=((0.0, 100.0), (130.0, 300.0), (420.0, 590.0)))
    # 30 pt between the first two blocks reads as space; 120 pt between the next two is a
    # hole, though the foot has only 10 pt left.
    assert end.empty(allowed=50.0) == pytest.approx(120.0)
    assert FrameEnd(1, "later", 200.0, 600.0, ((0.0, 400.0),)).empty(50.0) == 200.0
    assert FrameEnd(1, "later", 600.0, 600.0).empty(50.0) == 600.0  # nothing printed


def test_a_page_before_a_template_change_keeps_a_gap_at_its_foot() -> None:
    """The booklet's help page ends with a template change, then the break to the back
    cover: the gap at its foot (where a callout may go) is there all the same."""
    from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

    from handout.layout.spread import Gap, with_gaps

    story, gaps = with_gaps([Spacer(1, 10), Spacer(1, 10), NextPageTemplate("back"),
                             PageBreak(), Spacer(1, 10)])
    assert [type(f).__name__ for f in story] == [
        "Spacer", "Gap", "Spacer", "NextPageTemplate", "Gap", "PageBreak", "Gap", "Spacer",
        "Gap"]
    assert len(gaps) == 4 and all(isinstance(g, Gap) for g in gaps)


def test_a_callout_goes_where_the_page_would_still_look_a_quarter_empty() -> None:
    """The foot's room measured as the proof measures it (the space after the last block
    counts): 156 pt left in the frame, but 162 pt under the last block's ink."""
    from handout.layout.spread import Gap, spread

    def gap(page: int, left: float) -> Gap:
        g = Gap()
        g.page, g.frame, g.at_top, g.left = page, "back", False, left
        return g

    end = FrameEnd(8, "back", left=156.0, height=515.0,
                   filled=((0.0, 241.0), (249.0, 308.0), (314.0, 353.0)))
    gaps = [gap(8, 274.0), gap(8, 207.0), gap(8, 156.0)]
    plan = spread(gaps, [end], 14.0, facts=["A key fact."], callout=lambda _: 71.0)
    assert plan.callouts == {2: "A key fact."}
