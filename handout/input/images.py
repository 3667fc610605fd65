"""The picture files a content file names: where they are, and a raster file's pixels and
printed size. Nothing here draws: layout/drawings.py turns files into what the PDF draws."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

DEFAULT_DPI = 72.0  # a raster file that does not say: one pixel a point, as ReportLab draws it
TALLEST = 0.6  # a picture takes at most this share of the page's text height


def inside(base_dir: Path, name: str) -> Path | None:
    """The file `name` names, relative to `base_dir`, or None when it leads out of that
    folder ('../', an absolute path elsewhere). Judged on the path as written."""
    path = Path(os.path.normpath(base_dir / name))
    return path if path.is_relative_to(os.path.normpath(base_dir)) else None


@dataclass(frozen=True)
class Raster:
    """A PNG or JPEG as printed: its natural size in points, its pixels, and the image
    (the file's name, which keeps a JPEG's own bytes, or a converted Pillow image)."""

    width: float
    height: float
    pixels: tuple[int, int]
    image: str | PILImage


def load_raster(path: Path, *, grayscale: bool = False) -> Raster:
    """A raster picture file (checked by preflight) as printed; in grayscale builds, gray."""
    from PIL import Image as PILImageModule
    from PIL import ImageOps

    with PILImageModule.open(path) as opened:
        dpi = _dpi(opened)
        turned = opened.getexif().get(0x0112, 1) not in (0, 1)  # EXIF orientation
        picture: str | PILImage = str(path)
        if grayscale or turned:
            image = ImageOps.exif_transpose(opened)
            alpha = "A" in image.getbands() or "transparency" in image.info
            picture = image.convert(("LA" if alpha else "L") if grayscale else
                                    ("RGBA" if alpha else "RGB"))
            size = picture.size
        else:
            size = opened.size
    return Raster(size[0] / dpi[0] * 72, size[1] / dpi[1] * 72, size, picture)


def _dpi(image: PILImage) -> tuple[float, float]:
    """The resolution the file states, or DEFAULT_DPI (also for nonsense values)."""
    stated = image.info.get("dpi")
    try:
        x, y = (float(v) for v in stated)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return DEFAULT_DPI, DEFAULT_DPI
    return (x, y) if 10 <= x <= 5000 and 10 <= y <= 5000 else (DEFAULT_DPI, DEFAULT_DPI)


def printed_size(width: float, height: float, column: float, text_height: float
                 ) -> tuple[float, float]:
    """The size a picture of natural size `width` x `height` prints at: made smaller to
    fit the column and TALLEST of the text height; never larger than it is."""
    scale = min(1.0, column / width, TALLEST * text_height / height)
    return width * scale, height * scale
