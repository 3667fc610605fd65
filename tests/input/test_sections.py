"""A section's `blocks:` in the content model: each kind read, the old fields as their
shorthand, and a located, friendly error for each way to get them wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from handout.common.errors import ContentError
from handout.input.sections import Block, Section, section_blocks
from handout.pipeline.build import prepare
from tests.conftest import CONTENT, ROOT

GOOD = CONTENT.read_text(encoding="utf-8").replace(
    "clinic: assets/clinics/", f"clinic: {ROOT}/assets/clinics/")
OLD = GOOD[GOOD.index("  - heading: What you can do"):GOOD.index("  - heading: The science")]

EVERY_KIND = """  - heading: What you can do
    blocks:
      - paragraph: "Small, steady changes work best."
      - bullets: ["Oats.", "Beans."]
      - steps: ["Pick one fiber food.", "Eat it each day."]
      - checklist: ["I ate a fiber food today."]
      - table:
          caption: "Fiber in some foods"
          header: [Food, Fiber]
          rows:
            - [Oats, "4 grams"]
            - [Lentils, "8 grams"]
      - box:
          title: A tip
          bullets: ["Drink water."]
      - image:
          file: bedroom.svg
          alt: "A bed under a window with the moon outside."
          caption: "A calm room helps you sleep."
          credit: "Drawing by the clinic team."
      - figure: true

"""


def write(folder: Path, section: str, *, drop_figure_mark: bool = True) -> Path:
    """content.yaml in `folder` with "What you can do" replaced by `section`."""
    text = GOOD.replace(OLD, section)
    if drop_figure_mark:  # the section text places Fig. 1 itself
        text = text.replace("    figure: true\n", "", 1)
    path = folder / "content.yaml"
    path.write_text(text, encoding="utf-8")
    (folder / "bedroom.svg").write_bytes((ROOT / "examples/sleep/bedroom.svg").read_bytes())
    if not (folder / "assets").exists():  # content.yaml's own picture
        (folder / "assets").symlink_to(ROOT / "assets")
    return path


def problems(path: Path) -> dict[str, tuple[int, str]]:
    with pytest.raises(ContentError) as caught:
        prepare(path)
    return {p.path: (p.line, p.message) for p in caught.value.problems}


def line(path: Path, snippet: str, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, text in enumerate(lines) if "What you can do" in text)
    return next(i for i, text in enumerate(lines) if i > start and snippet in text) + 1 + after


def test_every_kind_of_block_is_read_in_order(tmp_path: Path) -> None:
    doc, _ = prepare(write(tmp_path, EVERY_KIND))
    [section] = [s for s in doc.sections if s.heading == "What you can do"]
    kinds = [block.kind for block in section.blocks]
    assert kinds == ["paragraph", "bullets", "steps", "checklist", "table", "box", "image",
                     "figure"]
    table = section.blocks[4].table
    assert table is not None and table.rows[1] == ["Lentils", "8 grams"]
    assert [loc for loc, _ in section_blocks(section)][4] == ("blocks", 4, "table")


def test_the_old_fields_are_shorthand_for_blocks() -> None:
    section = Section.model_validate({"heading": "H", "paragraphs": ["One.", "Two."],
                                      "bullets": ["A."], "figure": True,
                                      "box": {"title": "Box"}})
    assert [(loc, block.kind) for loc, block in section_blocks(section)] == [
        (("paragraphs", 0), "paragraph"), (("paragraphs", 1), "paragraph"),
        (("bullets",), "bullets"), (("figure",), "figure"), (("box",), "box")]
    assert section_blocks(section)[1][1] == Block.model_construct(paragraph="Two.")


def test_blocks_and_the_old_fields_together_say_which_to_use(tmp_path: Path) -> None:
    path = write(tmp_path, EVERY_KIND.replace(
        "    blocks:\n", '    paragraphs: ["An old paragraph."]\n    blocks:\n'))
    assert problems(path)["sections[5].blocks"] == (  # a list is where its first item is
        line(path, "blocks:", after=1), "this section has both `blocks` and `paragraphs`: use "
        "`blocks` only, with `- paragraph: ...` in it, or leave `blocks` out")


@pytest.mark.parametrize(("old", "new", "place", "message"), [
    ("header: [Food, Fiber]", "header: [Food, Fiber, Serving, Vitamins, Price]",
     ("sections[5].blocks[4].table.header", "header:"),
     "a table has at most 4 columns, this one has 5: split it into two tables, or make it "
     "a list"),
    ('- [Lentils, "8 grams"]', "- [Lentils]",
     ("sections[5].blocks[4].table.rows[1]", "- [Lentils]"),
     "this row has 1 cell and the header 2: give every row one cell per column (\"\" for "
     "an empty cell)"),
    ('          alt: "A bed under a window with the moon outside."\n', "",
     ("sections[5].blocks[6].image", "file: bedroom.svg"),
     "an image needs `alt` text (what it shows, in a sentence, for readers who cannot see "
     "it), or `decorative: true` when it adds nothing to the words"),
    ('alt: "A bed under', 'decorative: true\n          alt: "A bed under',
     ("sections[5].blocks[6].image", "file: bedroom.svg"),
     "a decorative image is skipped by screen readers, so its `alt` text is never read: "
     "remove `alt` or `decorative: true`"),
    ('- paragraph: "Small', '- paragraph: "Small."\n        bullets: ["Two kinds"]\n'
     '      - paragraph: "Small', ("sections[5].blocks[0]", "- paragraph:"),
     "a block is one thing, this one has paragraph and bullets: start each with its own "
     "'- '"),
    ("- checklist:", "- check_list:", ("sections[5].blocks[3].check_list", "- check_list:"),
     "unknown key 'check_list'; did you mean 'checklist'?"),
])
def test_a_bad_block_is_a_located_error(tmp_path: Path, old: str, new: str,
                                        place: tuple[str, str], message: str) -> None:
    """`place`: the problem's path, and text on the line it is reported at."""
    where, at = place
    assert old in EVERY_KIND
    path = write(tmp_path, EVERY_KIND.replace(old, new, 1))
    found = problems(path)
    assert found[where] == (line(path, at), message), found


@pytest.mark.parametrize(("file", "message"), [
    ("nope.png", "no file at nope.png; check the name (it is relative to the content file)"),
    ("../outside.png", "../outside.png is outside the content file's folder; copy the "
                       "picture into that folder (or a folder in it) and write its name from "
                       "there"),
    ("/etc/hostname", "/etc/hostname is outside the content file's folder; copy the picture "
                      "into that folder (or a folder in it) and write its name from there"),
    ("notes.txt", "an image must be an .svg, .png or .jpg file"),
])
def test_a_picture_file_must_be_there_and_inside_the_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, message: str) -> None:
    folder = tmp_path / "handout"
    folder.mkdir()
    (tmp_path / "outside.png").write_bytes((ROOT / "docs/page-1.png").read_bytes())
    (folder / "notes.txt").write_text("not a picture", encoding="utf-8")
    monkeypatch.chdir(folder)
    path = write(folder, EVERY_KIND.replace("file: bedroom.svg", f"file: {file}"))
    assert problems(path)["sections[5].blocks[6].image.file"] == (
        line(path, f"file: {file}"), message)


def test_figure_and_figures_together_say_which_to_use(tmp_path: Path) -> None:
    path = write(tmp_path, OLD, drop_figure_mark=False)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nplan:\n", "\nfigures: []\nplan:\n").replace(
        "figures: []", "figures:\n  - " + text[text.index("\nfigure:\n") + 9:
                                               text.index("\n# A checklist")].strip()
        .replace("\n  ", "\n    ")), encoding="utf-8")
    found = problems(path)
    assert found["figures"][1] == ("this handout has both `figure` and `figures`: move the "
                                   "`figure` into the `figures` list (as its first item)")
