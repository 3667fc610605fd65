"""The clinic's logo and a section's pictures as the PDF draws them: SVG files parsed into
ReportLab drawings (svglib), raster files as images (input/images.py reads them)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Image

from handout.common.colours import to_gray
from handout.input.images import inside, load_raster
from handout.input.sections import Section, images

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage


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
    SVG), and what to draw: the vector drawing, or the raster (input/images.Raster)."""

    width: float
    height: float
    pixels: tuple[int, int] | None = None
    raster: str | PILImage | None = None
    drawing: Drawing | None = None


def load_picture(path: Path, *, grayscale: bool = False) -> Picture:
    """A picture file (checked by preflight) as printed; in grayscale builds, gray."""
    if path.suffix.lower() == ".svg":
        drawing = read_svg(path)
        assert drawing is not None, "preflight checks pictures before layout"
        return Picture(drawing.width, drawing.height,
                       drawing=gray_drawing(drawing) if grayscale else drawing)
    raster = load_raster(path, grayscale=grayscale)
    return Picture(raster.width, raster.height, raster.pixels, raster=raster.image)


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
