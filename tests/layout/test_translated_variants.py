"""The example translations (content.vi.po, content.zh-Hans.po) in the print variants
batch.yaml builds beyond the four formats, where their pages came out a quarter empty:
large print for both clinics, the A4 grayscale tri-fold. The design moves that fill them:
the question area takes the room a help tier or the plan leaves where it moves on to the
next page (a third of it, more than its gaps take); a contact box that would leave its page
a quarter empty grows its QR code; and in the tri-fold the question area goes under the
plan where the plan leaves its panel more room than the panel it moved on from. In large
print a cover whose title and subtitle leave too little room for the key points sets the
subtitle smaller (never under 18 pt), and a contact box with no room after the sections
follows the help panel where its page has room (else it starts the references' page)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
import yaml

from handout.common.errors import ContentError
from handout.common.translations import strings
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT

RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"
CASES = [("vi", None), ("vi", RIVERSIDE), ("zh-Hans", None), ("zh-Hans", RIVERSIDE)]
Built = Callable[[str, "Path | None"], Path]


@pytest.fixture(scope="module")
def large_print(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The large-print document in a language ("en": content.yaml itself) with a clinic
    (None: the content's own), built once per module."""
    built: dict[tuple[str, Path | None], Path] = {}

    def get(language: str, clinic: Path | None) -> Path:
        if (language, clinic) not in built:
            out = tmp_path_factory.mktemp("large") / "large.pdf"
            build(CONTENT, out, Options(
                large_print=True, clinic=clinic, check=False,
                translation=None if language == "en" else ROOT / f"content.{language}.po"))
            built[language, clinic] = out
        return built[language, clinic]
    return get


@pytest.mark.parametrize(("language", "clinic"), CASES,
                         ids=["vi", "vi-riverside", "zh-Hans", "zh-Hans-riverside"])
def test_large_print_builds_with_at_most_one_question_area(
        large_print: Built, language: str, clinic: Path | None) -> None:
    out = large_print(language, clinic)
    title = strings(language)("notes_title")
    with pymupdf.open(out) as pdf:
        pages = ["".join(page.get_text().split()) for page in pdf]
    assert len([p for p in pages if "".join(title.split()) in p]) <= 1


def test_the_a4_grayscale_trifold_in_chinese_has_the_question_area_under_the_plan(
        tmp_path: Path) -> None:
    out = tmp_path / "trifold.pdf"
    build(CONTENT, out, Options(format="trifold", paper="a4", grayscale=True, check=False,
                                translation=ROOT / "content.zh-Hans.po"))
    words = strings("zh-Hans")
    with pymupdf.open(out) as pdf:
        inside = pdf[1]
        third = inside.rect.width / 3
        right = "".join(w[4] for w in inside.get_text("words") if w[0] >= 2 * third)
    assert words("notes_title") in right and "我的计划" in right


def test_in_large_print_the_question_area_takes_its_page_without_a_callout(
        large_print: Built) -> None:
    """The question area under the help panel takes the page's room down to the review
    dates under it (large print sets them there when the page has room): no pulled key
    fact fills a hole beside it."""
    out = large_print("en", None)
    with pymupdf.open(out) as pdf:
        [page] = [p for p in pdf if "Questions for my care team" in p.get_text()]
        text = " ".join(page.get_text().split())
    assert "Your gut and your brain send signals" not in text  # no callout under it


def _spans(page: pymupdf.Page) -> list[tuple[float, str]]:
    """Each line's first span on the page: its size and its line's text."""
    return [(line["spans"][0]["size"], "".join(span["text"] for span in line["spans"]))
            for block in page.get_text("dict")["blocks"] for line in block.get("lines", [])]


@pytest.mark.parametrize("clinic", [None, RIVERSIDE], ids=["default", "riverside"])
def test_vietnamese_large_print_keeps_its_key_points_on_page_1_under_a_smaller_subtitle(
        large_print: Built, clinic: Path | None) -> None:
    """The two-line title and the subtitle at its usual 21.6 pt (three lines) left 355 pt
    for a 376 pt key points box: the subtitle is set at 20 pt (two lines), still above the
    18 pt body, and the whole box prints on page 1."""
    with pymupdf.open(large_print("vi", clinic)) as pdf:
        first = _spans(pdf[0])
    subtitle = [size for size, text in first if text.startswith("Mối liên hệ")]
    assert subtitle == [20.0]
    assert any(text == "Những điểm chính" for _, text in first)  # the box's title
    assert any(text.startswith("Nếu bạn có ý nghĩ tự tử") for _, text in first)  # its last


def test_the_usual_subtitle_size_where_the_key_points_fit(large_print: Built) -> None:
    with pymupdf.open(large_print("en", None)) as pdf:
        first = _spans(pdf[0])
    assert [size for size, text in first if text.startswith("The gut-brain link")] == \
        [pytest.approx(21.6)]


def test_a_cover_that_cannot_hold_its_key_points_is_refused_at_the_key_points(
        tmp_path: Path) -> None:
    """A three-line title and a subtitle of three lines even at 18 pt (the body size, the
    least it is set at) leave page 1 too little room for the key points box, which moves
    on to page 2 and leaves page 1 two-thirds empty: the refusal names the key points
    (their line), not the content file's first line."""
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    data["title"] = "Your gut, your brain and your mood: what we know about depression"
    data["subtitle"] = ("The gut-brain link and depression: what we know, what we do not "
                        "know yet, and the steps you can take with your care team")
    content = tmp_path / "content.yaml"
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "large.pdf", Options(large_print=True, check=False))
    first = str(caught.value.problems[0])
    assert re.match(r".*content\.yaml:\d+:\d+: key_points: page 1 is \d+% empty", first), first


@pytest.mark.parametrize(("language", "clinic", "help_page"),
                         [("vi", None, 14), ("zh-Hans", RIVERSIDE, 11)],
                         ids=["vi", "zh-Hans-riverside"])
def test_a_contact_box_with_no_room_after_the_sections_follows_the_help_panel(
        large_print: Built, language: str, clinic: Path | None, help_page: int) -> None:
    """At the handout's end the box moved on from the references' last page and left it a
    third empty (Vietnamese, 219 pt) and the puzzle's first page half empty (Chinese with
    the Riverside clinic, 305 pt): it follows the help panel, on the help panel's last page,
    and the references end the handout."""
    words = strings(language)
    with pymupdf.open(large_print(language, clinic)) as pdf:
        pages = ["".join(page.get_text().split()) for page in pdf]
    call = "".join(words("call_us").split())
    assert [n for n, page in enumerate(pages, 1) if call in page] == [help_page]
    assert "".join(words("references_title").split()) in pages[-2]
