"""The build's own proof of where blocks printed (layout/proof_boxes.py, read from what
layout/placing.py records as the layout places each block): real blocks laid out by the
document template in frames made to break each rule; a build that breaks one, refused and
located; and every format's frames inside the page's safe area."""

from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from reportlab.platypus import Flowable, Frame, PageTemplate, Spacer

from handout.chart.art import draw_later
from handout.common.errors import ContentError
from handout.input.model import HelpPanel
from handout.layout.blocks import boxed, grid
from handout.layout.continued import split_box
from handout.layout.drawings import load_pictures
from handout.layout.formats import FORMATS
from handout.layout.formats.fillers import Questions, QuestionsBox
from handout.layout.formats.parts import Parts, figure_maker
from handout.layout.help_panel import help_flowables, tier_box
from handout.layout.page import HandoutTemplate
from handout.layout.proof import BOX_GAP, prove
from handout.layout.proof_boxes import distance
from handout.layout.runs import Paragraph
from handout.layout.theme import make_theme
from handout.pipeline.build import Options, build, read_document
from tests.conftest import CONTENT, ROOT

DOC = read_document(CONTENT)
COLUMN = 250.0
THEME = make_theme(DOC.clinic.colours, column=COLUMN)
SAFE = 0.25 * 72  # from the trim and from each fold (../shared/print-formats.md)
NEAREST = THEME.gap(BOX_GAP)  # what boxes keep between them, as the build holds them
KEEP = f"boxes keep at least {NEAREST:.1f} pt between them"


def found(story: list[Flowable], height: float = 600.0) -> list[str]:
    """What the proof finds in `story` laid out on Letter pages of two columns,
    `height` points tall, named "p1 col0", "p1 col1", ..."""
    frames = [Frame(36 + n * (COLUMN + 40), 36, COLUMN, height, id=f"col{n}",
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
              for n in range(2)]
    template = HandoutTemplate(BytesIO(), THEME, DOC.clinic, None,
                               [PageTemplate("page", frames)])
    template.build(story)
    names = {(p.page, p.frame): f"p{p.page} {p.frame}" for p in template.placed}
    return [b.message for b in prove(template.placed, [], names, last_page_ends=True,
                                     nearest=NEAREST)]


def box(title: str, *texts: str) -> Flowable:
    """A shaded box with a rule, kept whole, as a section's box is drawn."""
    style = THEME.style("body")
    return boxed([Paragraph(title, THEME.style("h2")), *(Paragraph(t, style) for t in texts)],
                 THEME, background=THEME.tint, rule=THEME.accent)


def test_boxes_set_with_no_gap_between_them_are_found() -> None:
    assert NEAREST > 2  # the theme's gap, not the reader's least (tests/proof/pages.py)
    assert found([box("Box one"), box("Box two")]) == [
        f'the boxes "Box one" and "Box two" touch on p1 col0; {KEEP}']
    assert found([box("Box one"), Spacer(1, 2), box("Box two")]) == [
        f'the boxes "Box one" and "Box two" are 2.0 pt apart on p1 col0; {KEEP}']
    assert found([box("Box one"), Spacer(1, NEAREST), box("Box two")]) == []


def two_tiers() -> HelpPanel:
    """The help panel's first two tiers (all three are taller than a page at this width)."""
    assert DOC.help is not None
    return DOC.help.model_copy(update={"tiers": DOC.help.tiers[:2]})


def test_help_tiers_kept_apart_pass_and_tiers_set_on_each_other_overlap() -> None:
    panel = two_tiers()
    assert found(help_flowables(panel, THEME)) == []
    # Their borders (4 pt, then 2 pt) reach half their width past the boxes.
    tiers = [tier_box(tier, THEME) for tier in panel.tiers[:2]]
    [message] = found(tiers)
    assert message.startswith('the boxes "EMERGENCY – ') and " overlap on p1 col0" in message


def test_the_question_area_is_a_box_too() -> None:
    under = box("Box two")
    # The area takes the room left above what must follow it, down to that block's top.
    assert found([box("Box one"), QuestionsBox(THEME, Questions(), below=[under]), under]) \
        == [f'the boxes "the question area" and "Box two" overlap on p1 col0; {KEEP}']


def test_boxes_set_corner_to_corner_are_measured_between_their_corners() -> None:
    assert distance((0, 0, 10, 10), (11, 11, 5, 5)) == pytest.approx(math.sqrt(2))
    assert distance((0, 0, 10, 10), (11, -20, 5, 50)) == pytest.approx(1)
    assert distance((0, 0, 10, 10), (5, 5, 10, 10)) == pytest.approx(-5)


def test_a_table_wider_than_its_column_is_found() -> None:
    def wide(align: str) -> Flowable:
        table = grid([[Paragraph("Too wide", THEME.style("body"))]], [COLUMN + 30], [])
        table.hAlign = align
        return table
    assert found([wide("CENTER")]) == [
        'a block ("Too wide") runs 15 pt past the left of its column on p1 col0, out of '
        "the page's safe area"]
    assert found([wide("LEFT")]) == [
        'a block ("Too wide") runs 30 pt past the right of its column on p1 col0, out of '
        "the page's safe area"]
    assert found([grid([[Paragraph("Fits", THEME.style("body"))]], [COLUMN], [])]) == []


LONG = ("Research on the gut and mood is new, and much of it was done in animals or in "
        "small groups of people.")


def test_a_box_split_between_columns_is_found_and_one_made_to_split_is_not() -> None:
    # Too tall for one column: ReportLab splits a group kept together that is taller.
    assert found([box("A long box", *[LONG] * 8)], height=300) == [
        '"A long box" is split between p1 col0 and p1 col1; a box, a help panel, the plan '
        "or a figure is kept whole on one page or panel"]
    title = Paragraph("A long box", THEME.style("h2"))
    made = split_box(title, "A long box", [], [LONG] * 6, THEME)
    assert made is not None
    assert found([made], height=300) == []  # its title continued (layout/continued.py)


def test_a_help_panel_kept_whole_is_found_split_and_its_tiers_may_go_on_one_by_one(
        ) -> None:
    panel = two_tiers()
    [message] = found(help_flowables(panel, THEME), height=400)
    assert message.startswith('"When to get help" is split between p1 col0 and p1 col1')
    assert found(help_flowables(panel, THEME, whole=False), height=400) == []


def test_a_build_with_a_box_taller_than_a_page_is_refused_located_and_nothing_written(
        tmp_path: Path) -> None:
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    section = next(s for s in data["sections"] if s.get("box"))
    section["box"] = {"title": section["box"]["title"], "paragraphs": [LONG * 3] * 10}
    content, out = tmp_path / "content.yaml", tmp_path / "handout.pdf"
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(ContentError) as caught:
        build(content, out, Options(check=False))
    line = next(n for n, text in enumerate(content.read_text("utf-8").splitlines(), start=1)
                if text == f"- heading: {section['heading']}")
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{content}:{line}:3: sections[") and " is split between page "
               in p for p in problems), problems
    assert not out.exists()


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_frame_lies_inside_the_safe_area(name: str, paper: str) -> None:
    """At least 0.25 in from the trim and from each fold, on every page of the format
    (the largest print too: the document's footer grows with it)."""
    fmt = FORMATS[name]
    for large in (False, True):
        step = fmt.steps(DOC, [], large_print=large)[0][0]
        theme = fmt.theme(DOC, step, paper=paper, large_print=large, grayscale=False,
                          print_shop=False)
        parts = Parts(name, figure_maker(DOC, theme, False, draw_later),
                      pictures=load_pictures(DOC.sections, ROOT), split_boxes=fmt.splits_boxes)
        layout = fmt.layout(DOC, theme, parts, step, None)
        width, height = theme.page_size
        folds: list[tuple[int, float]] = []
        if layout.geometry is None:  # the document's own pages
            template = HandoutTemplate(BytesIO(), theme, DOC.clinic, None)
            frames = [(0, f) for t in template.pageTemplates for f in t.frames]
        else:
            width, height = layout.geometry.page
            folds = list(layout.geometry.folds)
            frames = [(page, f) for page in range(layout.geometry.slots[-1].page + 1)
                      for f in layout.geometry.frames(page)]
        assert frames
        for page, f in frames:
            x0, y0, x1, y1 = f._x1, f._y1, f._x1 + f._width, f._y1 + f._height
            where = (name, paper, large, page, f.id)
            assert min(x0, y0, width - x1, height - y1) >= SAFE - 0.01, where
            for at, x in folds:
                if at == page:
                    assert min(abs(x - x0), abs(x1 - x)) >= SAFE - 0.01 and \
                        not x0 < x < x1, (where, x)
