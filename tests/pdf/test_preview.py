"""`handout preview`: page images drawn by PDFium (pypdfium2), the runtime renderer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image

from handout.commands.cli import main
from handout.pipeline.build import Result


def blocks(pixels: np.ndarray, size: int = 5) -> np.ndarray:
    """The image's mean colour over size x size blocks."""
    h, w = pixels.shape[0] // size * size, pixels.shape[1] // size * size
    return pixels[:h, :w].reshape(h // size, size, w // size, size, 3).mean(axis=(1, 3))


def test_each_page_becomes_a_png_that_matches_pymupdfs_render(
        built: Result, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "png"
    folder.mkdir()
    (folder / "page-99.png").write_bytes(b"left by a longer PDF")
    assert main(["preview", str(built.path), "-o", str(folder), "--dpi", "50"]) == 0
    assert capsys.readouterr().out == f"Wrote {built.pages} page images to {folder}/\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"page-{n}.png" for n in range(1, built.pages + 1))
    # A second, independent renderer draws the same pages: same size, and the same picture
    # once anti-aliasing is averaged out over 5 x 5 pixel blocks (same page: under 4 levels
    # apart on average; two different pages of the handout: over 12).
    with pymupdf.open(built.path) as pdf:
        for number, page in enumerate(pdf, start=1):
            pix = page.get_pixmap(dpi=50, colorspace=pymupdf.csRGB, alpha=False)
            theirs = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
            with Image.open(folder / f"page-{number}.png") as png:
                ours = np.asarray(png.convert("RGB"))
            assert ours.shape == theirs.shape
            assert np.abs(blocks(ours) - blocks(theirs)).mean() < 6, f"page {number}"
            assert ours.min() < 60, f"page {number} is blank"


def test_a_missing_pdf_says_to_build_it(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(tmp_path / "none.pdf"), "-o", str(tmp_path / "png")]) == 2
    assert capsys.readouterr().err == (f"handout: PDF not found: {tmp_path / 'none.pdf'} "
                                       "(build it first with `handout build`)\n")
    assert not (tmp_path / "png").exists()


def test_a_file_that_is_not_a_pdf_is_named(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "handout.pdf"
    bad.write_text("not a PDF", encoding="utf-8")
    assert main(["preview", str(bad), "-o", str(tmp_path / "png")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"handout: cannot read {bad} as a PDF (")
    assert err.endswith("); build it again with `handout build`\n")
