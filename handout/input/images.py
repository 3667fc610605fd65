"""Load the clinic's logo and a section's pictures (checked beforehand by preflight)."""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Image

from handout.common.colours import to_gray
from handout.input.sections import Section, images

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

DEFAULT_DPI = 72.0  # a raster file that does not say: one pixel a point, as ReportLab draws it
TALLEST = 0.6  # a picture takes at most this share of the page's text height


def load_logo(path: Path, *, grayscale: bool = False) -> Drawing:
    """A logo as a Drawing: SVG stays vector (svglib); PNG/JPEG is embedded as an image."""
    if path.suffix.lower() == ".svg":
        drawing = read_svg(path)
        assert drawing is not None, "preflight checks the logo before layout"
        return gray_drawing(drawing) if grayscale else drawing
    from PIL import Image as PILImage

    with PILImage.open(path) as picture:
        image = picture.convert("LA" if grayscale else "RGBA")
    drawing = Drawing(*image.size)
    drawing.add(Image(0, 0, image.size[0], image.size[1], image))
    return drawing


def read_svg(path: Path) -> Drawing | None:
    """Parse an SVG file (None if unreadable); parsed once per file version, as preflight
    and the layout both need it."""
    stat = path.stat()
    return _read_svg(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read_svg(path: Path, mtime_ns: int, size: int) -> Drawing | None:
    return parse_svg(path)


def parse_svg(path: Path) -> Drawing | None:
    """Parse an SVG file afresh (None if unreadable): a drawing the caller may change."""
    from svglib.svglib import svg2rlg  # deferred: only SVG logos and icons need it

    try:
        drawing: Drawing | None = svg2rlg(str(path))
    except Exception:  # svglib/lxml raise many kinds for a broken file
        return None
    return drawing


def gray_drawing(drawing: Drawing) -> Drawing:
    """A copy of the drawing with every fill and stroke as its equal-luminance gray."""
    from reportlab.lib.colors import Color, HexColor

    def walk(node: object) -> None:
        for attr in ("fillColor", "strokeColor"):
            colour = getattr(node, attr, None)
            if isinstance(colour, Color):
                gray = HexColor(to_gray(colour.hexval().replace("0x", "#")[:7]))
                setattr(node, attr, gray)
        for child in getattr(node, "contents", []):
            walk(child)

    drawing = copy.deepcopy(drawing)  # the parsed logo is cached: never change it in place
    walk(drawing)
    return drawing


@dataclass(frozen=True)
class Picture:
    """A picture file ready to print: its natural size in points, its pixels (None for an
    SVG), and what to draw: the vector drawing, or the raster (a file name, which keeps a
    JPEG's own bytes, or a converted Pillow image)."""

    width: float
    height: float
    pixels: tuple[int, int] | None = None
    raster: str | PILImage | None = None
    drawing: Drawing | None = None


def inside(base_dir: Path, name: str) -> Path | None:
    """The file `name` names, relative to `base_dir`, or None when it leads out of that
    folder ('../', an absolute path elsewhere). Judged on the path as written."""
    path = Path(os.path.normpath(base_dir / name))
    return path if path.is_relative_to(os.path.normpath(base_dir)) else None


def load_picture(path: Path, *, grayscale: bool = False) -> Picture:
    """A picture file (checked by preflight) as printed; in grayscale builds, gray."""
    if path.suffix.lower() == ".svg":
        drawing = read_svg(path)
        assert drawing is not None, "preflight checks pictures before layout"
        return Picture(drawing.width, drawing.height,
                       drawing=gray_drawing(drawing) if grayscale else drawing)
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
    return Picture(size[0] / dpi[0] * 72, size[1] / dpi[1] * 72, size, raster=picture)


def _dpi(image: PILImage) -> tuple[float, float]:
    """The resolution the file states, or DEFAULT_DPI (also for nonsense values)."""
    stated = image.info.get("dpi")
    try:
        x, y = (float(v) for v in stated)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return DEFAULT_DPI, DEFAULT_DPI
    return (x, y) if 10 <= x <= 5000 and 10 <= y <= 5000 else (DEFAULT_DPI, DEFAULT_DPI)


def printed_size(picture: Picture, column: float, text_height: float) -> tuple[float, float]:
    """The size a picture prints at: its natural size, made smaller to fit the column and
    TALLEST of the text height; never larger than it is."""
    scale = min(1.0, column / picture.width, TALLEST * text_height / picture.height)
    return picture.width * scale, picture.height * scale


def load_pictures(sections: list[Section], base_dir: Path, *, grayscale: bool = False
                  ) -> dict[str, Picture]:
    """Every picture the sections show, by the file name as written."""
    out: dict[str, Picture] = {}
    for _, image in images(sections):
        path = inside(base_dir, image.file)
        assert path is not None, "preflight checks pictures before layout"
        if image.file not in out:
            out[image.file] = load_picture(path, grayscale=grayscale)
    return out
