"""Every page, rendered, against committed reference images (small tolerance).

`make refresh-references` rewrites the references on purpose after a deliberate layout change;
look at the new PNGs before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pymupdf
import pytest

from handout.pipeline.build import read_document
from handout.pipeline.build import render as render_pdf
from tests.conftest import CONTENT, ROOT

REFERENCE_DIR = Path(__file__).parent / "reference"
DPI = 40
# Mean absolute difference per channel, out of 255: a moved line of text scores well above
# this, and so does a colour shifted slightly everywhere.
TOLERANCE = 1.5
# The same in any 4 x 4 pixel tile: at 40 dpi a footer digit is about 3 x 5 pixels, and one
# changed digit ("(556)" for "(555)") scores 9 in its tile while the page mean stays near
# 0.05. The renders are PyMuPDF's own bundled rasteriser, so they repeat to the pixel on
# every machine (today's difference is 0); a new PyMuPDF that draws differently needs a
# look and `make refresh-references`.
TILE = 4
TILE_TOLERANCE = 4.0


def pixels(pix: pymupdf.Pixmap) -> np.ndarray:
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)


def render(page: pymupdf.Page) -> pymupdf.Pixmap:
    return page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)


def worst_tile(diff: np.ndarray) -> tuple[float, int, int]:
    """The largest mean difference of a TILE x TILE block, and its top-left pixel (x, y)."""
    height, width = -(-diff.shape[0] // TILE) * TILE, -(-diff.shape[1] // TILE) * TILE
    padded = np.zeros((height, width), dtype=np.float64)
    padded[: diff.shape[0], : diff.shape[1]] = diff.mean(axis=2)
    tiles = padded.reshape(height // TILE, TILE, width // TILE, TILE).mean(axis=(1, 3))
    row, col = np.unravel_index(int(tiles.argmax()), tiles.shape)
    return float(tiles[row, col]), int(col) * TILE, int(row) * TILE


def differences(pdf: pymupdf.Document) -> list[str]:
    """How each page differs from its reference beyond the tolerances (empty: a match)."""
    failures = []
    for number, page in enumerate(pdf, start=1):
        expected = pixels(pymupdf.Pixmap(str(REFERENCE_DIR / f"page-{number}.png")))
        actual = pixels(render(page))
        if expected.shape != actual.shape:
            failures.append(f"page {number}: size {actual.shape} != {expected.shape}")
            continue
        diff = np.abs(expected.astype(np.int16) - actual.astype(np.int16))
        mean = float(diff.mean())
        if mean > TOLERANCE:
            failures.append(f"page {number}: mean difference {mean:.2f} > {TOLERANCE}")
        tile, x, y = worst_tile(diff)
        if tile > TILE_TOLERANCE:
            failures.append(f"page {number}: the {TILE} x {TILE} pixels at ({x}, {y}) differ "
                            f"by {tile:.1f} > {TILE_TOLERANCE}")
    return failures


def test_pages_match_references(pdf: pymupdf.Document) -> None:
    if os.environ.get("HANDOUT_REFRESH_REFERENCES"):
        REFERENCE_DIR.mkdir(exist_ok=True)
        for old in REFERENCE_DIR.glob("page-*.png"):
            old.unlink()
        for number, page in enumerate(pdf, start=1):
            render(page).save(REFERENCE_DIR / f"page-{number}.png")
    references = sorted(REFERENCE_DIR.glob("page-*.png"))
    assert len(references) == pdf.page_count, "page count changed: refresh the references"
    failures = differences(pdf)
    if failures:
        pytest.fail("; ".join(failures))


def test_one_changed_phone_digit_fails_the_comparison(pdf: pymupdf.Document) -> None:
    """The tolerance itself: a clinic whose phone differs by one digit, and by a digit
    that looks much like it, is caught on every page (the footer prints the phone)."""
    doc = read_document(CONTENT)
    assert doc.clinic.phone == "(555) 010-0107"
    clinic = doc.clinic.model_copy(update={"phone": "(556) 010-0107"})
    changed, pages = render_pdf(doc.model_copy(update={"clinic": clinic}), ROOT)
    assert pages == pdf.page_count
    with pymupdf.open(stream=changed, filetype="pdf") as other:
        failures = differences(other)
    assert [f.split(":")[0] for f in failures] == [f"page {n}" for n in range(1, pages + 1)]
    assert all("pixels at" in f for f in failures)  # the mean alone would pass it
