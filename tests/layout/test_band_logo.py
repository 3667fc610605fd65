"""A clinic's logo in the brand band, whatever its shape: a wordmark six times as wide as it
is tall used to be scaled into a 60 pt square (10 pt tall, its lettering about 6 pt) and set
at the band's foot. It is now as legible as the band allows, centred on the band's height,
and the name starts just after it."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from handout.layout.band import BAND_HEIGHT, BAND_INSET, LOGO_SIZE
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT

DATA = Path(__file__).parent / "data"
MARK = (0xFE / 255, 0xDC / 255, 0xBA / 255)  # the logo's fill: found among the drawings


LONG = "Northkingsbridge Community Behavioral Health and Wellness Ctr"


def clinic_with_logo(folder: Path, width: int, height: int, name: str = LONG) -> Path:
    """The Northkingsbridge clinic, named `name`, with a plain `width` x `height` logo of
    colour MARK."""
    (folder / "logo.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" '
        'fill="#FEDCBA"/></svg>', encoding="utf-8")
    text = (DATA / "northkingsbridge.yaml").read_text(encoding="utf-8")
    clinic = folder / "clinic.yaml"
    assert LONG in text
    clinic.write_text(text.replace("northkingsbridge-logo.svg", "logo.svg").replace(LONG, name),
                      encoding="utf-8")
    return clinic


def logo_rect(page: pymupdf.Page) -> pymupdf.Rect:
    rects = [d["rect"] for d in page.get_drawings()
             if d.get("fill") and all(abs(a - b) < 0.01 for a, b in zip(d["fill"], MARK,
                                                                          strict=True))]
    assert len(rects) == 1
    return rects[0]


@pytest.mark.parametrize(("fmt", "least"), [("document", 24.0), ("booklet", 14.0),
                                            ("trifold", 10.0)])
def test_a_wide_logo_is_legible_centred_and_the_name_follows_it(
        tmp_path: Path, fmt: str, least: float) -> None:
    out = tmp_path / f"{fmt}.pdf"
    clinic = clinic_with_logo(tmp_path, 600, 100, name="Northkingsbridge Family Clinic")
    build(CONTENT, out, Options(check=False, clinic=clinic, format=fmt))
    with pymupdf.open(out) as pdf:
        page = pdf[0]
        logo = logo_rect(page)
        name = [w for w in page.get_text("words") if w[4] == "Northkingsbridge"]
    assert logo.height >= least - 0.01  # the tri-fold: never smaller than it was
    assert logo.width <= LOGO_SIZE * 2.5 + 0.5
    assert abs((logo.y0 + logo.y1) / 2 - (BAND_INSET + BAND_HEIGHT / 2)) < 1
    assert name and 8 <= name[0][0] - logo.x1 <= 20  # the name just after the logo
    assert name[0][1] < logo.y1 + 20 and name[0][3] > logo.y0 - 20  # beside it


@pytest.mark.parametrize("fmt", ["booklet", "trifold"])
def test_a_wide_logo_narrows_for_a_long_name_which_stays_easy_to_read(
        tmp_path: Path, fmt: str) -> None:
    """A 61-character name beside a wordmark: the logo is as wide as leaves the name 14 pt
    (the booklet's half-letter band: three lines beside a 24 pt tall logo), else down to
    the square it used to fit, where the name is as large as it was before (the tri-fold's
    cover band)."""
    out = tmp_path / f"{fmt}.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic_with_logo(tmp_path, 600, 100),
                                format=fmt))
    with pymupdf.open(out) as pdf:
        page = pdf[0]
        logo = logo_rect(page)
        sizes = [span["size"] for block in page.get_text("dict")["blocks"]
                 for line in block.get("lines", []) for span in line["spans"]
                 if span["text"].startswith("Northkingsbridge") and span["bbox"][1] < 100]
    assert LOGO_SIZE / 6 - 0.1 <= logo.height <= LOGO_SIZE * 2.5 / 6 + 0.1
    assert sizes and (min(sizes) >= 14 or logo.height == pytest.approx(LOGO_SIZE / 6, abs=0.1))


def test_a_square_logo_keeps_its_60_pt_square(tmp_path: Path) -> None:
    out = tmp_path / "document.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic_with_logo(tmp_path, 64, 64)))
    with pymupdf.open(out) as pdf:
        logo = logo_rect(pdf[0])
    assert logo.width == pytest.approx(LOGO_SIZE, abs=0.2)
    assert logo.height == pytest.approx(LOGO_SIZE, abs=0.2)


def test_a_tall_logo_leaves_the_name_the_room_it_does_not_take(tmp_path: Path) -> None:
    out = tmp_path / "document.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic_with_logo(tmp_path, 25, 100)))
    with pymupdf.open(out) as pdf:
        page = pdf[0]
        logo = logo_rect(page)
        name = [w for w in page.get_text("words") if w[4] == "Northkingsbridge"]
    assert logo.height == pytest.approx(LOGO_SIZE, abs=0.2)
    assert name and name[0][0] - logo.x1 <= 20
