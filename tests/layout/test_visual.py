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

REFERENCE_DIR = Path(__file__).parent / "reference"
DPI = 40
# Mean absolute difference per channel, out of 255: a moved line of text scores well above
# this, while anti-aliasing noise from a library update stays below it.
TOLERANCE = 1.5


def pixels(pix: pymupdf.Pixmap) -> np.ndarray:
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)


def render(page: pymupdf.Page) -> pymupdf.Pixmap:
    return page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)


def test_pages_match_references(pdf: pymupdf.Document) -> None:
    if os.environ.get("HANDOUT_REFRESH_REFERENCES"):
        REFERENCE_DIR.mkdir(exist_ok=True)
        for old in REFERENCE_DIR.glob("page-*.png"):
            old.unlink()
        for number, page in enumerate(pdf, start=1):
            render(page).save(REFERENCE_DIR / f"page-{number}.png")
    references = sorted(REFERENCE_DIR.glob("page-*.png"))
    assert len(references) == pdf.page_count, "page count changed: refresh the references"
    failures = []
    for number, page in enumerate(pdf, start=1):
        expected = pixels(pymupdf.Pixmap(str(REFERENCE_DIR / f"page-{number}.png")))
        actual = pixels(render(page))
        if expected.shape != actual.shape:
            failures.append(f"page {number}: size {actual.shape} != {expected.shape}")
            continue
        diff = float(np.abs(expected.astype(np.int16) - actual.astype(np.int16)).mean())
        if diff > TOLERANCE:
            failures.append(f"page {number}: mean difference {diff:.2f} > {TOLERANCE}")
    if failures:
        pytest.fail("; ".join(failures))
