"""What the checks read of a section's blocks: every printed text, in printed order, each
at its place in the file; and a picture counts as a visual aid."""

from __future__ import annotations

from pathlib import Path

from handout.check.passages import blocks, printed
from handout.check.visuals import visual_aids
from handout.pipeline.build import prepare
from tests.input.test_sections import EVERY_KIND, write


def test_every_printed_text_of_the_blocks_is_graded(tmp_path: Path) -> None:
    doc, _ = prepare(write(tmp_path, EVERY_KIND))
    [block] = [b for b in blocks(doc) if b.name == "6. What you can do"]
    section = ("sections", 5, "blocks")
    assert [(p.loc[3:], p.text, p.role) for p in block.parts] == [
        ((), "What you can do", "heading"),
        ((0, "paragraph"), "Small, steady changes work best.", "paragraph"),
        ((1, "bullets", 0), "Oats.", "item"), ((1, "bullets", 1), "Beans.", "item"),
        ((2, "steps", 0), "Pick one fiber food.", "item"),
        ((2, "steps", 1), "Eat it each day.", "item"),
        ((3, "checklist", 0), "I ate a fiber food today.", "item"),
        ((4, "table", "caption"), "Fiber in some foods", "paragraph"),
        ((4, "table", "header", 0), "Food", "item"), ((4, "table", "header", 1), "Fiber", "item"),
        ((4, "table", "rows", 0, 0), "Oats", "item"),
        ((4, "table", "rows", 0, 1), "4 grams", "item"),
        ((4, "table", "rows", 1, 0), "Lentils", "item"),
        ((4, "table", "rows", 1, 1), "8 grams", "item"),
        ((5, "box", "title"), "A tip", "heading"),
        ((5, "box", "bullets", 0), "Drink water.", "item"),
        ((6, "image", "caption"), "A calm room helps you sleep.", "paragraph"),
        ((6, "image", "credit"), "Drawing by the clinic team.", "item"),
    ]
    assert all(p.loc[:3] == section for p in block.parts[1:])
    # In printed order, Fig. 1 follows the picture: the section's `figure: true` is last.
    texts = [p.text for p in printed(doc)]
    assert texts.index("Drawing by the clinic team.") + 1 == texts.index(
        "Gut bacteria variety in depression: results are mixed")


def test_a_picture_and_a_figure_are_visual_aids(tmp_path: Path) -> None:
    doc, _ = prepare(write(tmp_path, EVERY_KIND))
    aids = visual_aids(doc)
    assert ("figure",) in aids
    assert ("sections", 5, "blocks", 6, "image") in aids
