"""Pictures sharp enough for paper: a located warning, with the measured dpi, for a raster
picture under 300 dpi at the largest size a build prints it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handout.check.runner import check_file
from handout.check.sharpness import TALLEST_TEXT, WIDEST_COLUMN
from handout.layout.theme import make_theme
from handout.pipeline.build import read_document
from tests.conftest import CONTENT
from tests.input.test_sections import line, write
from tests.layout.test_pictures import picture


def test_the_widest_column_is_the_large_print_documents() -> None:
    theme = make_theme(read_document(CONTENT).clinic.colours, large_print=True)
    assert theme.frame_width == WIDEST_COLUMN
    text_height = theme.page_size[1] - theme.top_margin - theme.bottom_margin
    assert text_height == pytest.approx(TALLEST_TEXT)


def sharpness(folder: Path, **image: int) -> list[str]:
    path = write(folder, picture(folder, **image))
    report = check_file(path, today=dt.date(2027, 1, 1))
    return [f"{f.line}: {f.severity}: {f.message} / {f.fix}" for f in report.findings
            if f.path == "sections[5].blocks[6].image.file"]


def test_a_low_resolution_picture_gets_a_located_warning(tmp_path: Path) -> None:
    # 600 pixels at 72 dpi would be 8.3 in wide: it prints at the column's 6.5 in.
    assert sharpness(tmp_path) == [
        f"{line(tmp_path / 'content.yaml', 'file: square.png')}: warning: this picture prints "
        "at 92 dpi (600 pixels across 6.5 in, its largest size, in large print); under 300 "
        "dpi it looks blurry on paper / Use a larger image, at least 1950 pixels wide, or an "
        "SVG drawing."]


def test_enough_pixels_or_a_drawing_is_sharp(tmp_path: Path) -> None:
    assert sharpness(tmp_path, size=2000) == []  # 2000 pixels over 6.5 in: 308 dpi
    assert sharpness(tmp_path, size=450, dpi=300) == []  # prints 1.5 in wide, at 300 dpi
    path = write(tmp_path, picture(tmp_path).replace("square.png", "bedroom.svg"))
    assert not [f for f in check_file(path).findings if "dpi" in f.message]


def test_a_third_width_picture_needs_a_third_of_the_pixels(tmp_path: Path) -> None:
    def third(size: int) -> list[str]:
        path = write(tmp_path, picture(tmp_path, size=size).replace(
            '          credit: "Drawing by the clinic team."\n',
            '          credit: "Drawing by the clinic team."\n          width: third\n'))
        return [f.message for f in check_file(path, today=dt.date(2027, 1, 1)).findings
                if "dpi" in f.message]

    assert third(650) == []  # 650 pixels over 6.5 / 3 in: 300 dpi
    assert third(600) == ["this picture prints at 277 dpi (600 pixels across 2.2 in, its "
                          "largest size, in large print); under 300 dpi it looks blurry on "
                          "paper"]
