"""Load the clinic's logo into a ReportLab drawing; paths are relative to the content file."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.shapes import Drawing, Image

from handout.errors import HandoutError

MAX_IMAGE_BYTES = 5_000_000
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg"}


def resolve(base_dir: Path, name: str) -> Path:
    return (base_dir / name).resolve()


def load_logo(path: Path) -> Drawing:
    """A logo as a Drawing: SVG stays vector (svglib); PNG/JPEG is embedded as an image."""
    if not path.is_file():
        raise HandoutError(f"logo file not found: {path}")
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise HandoutError(f"logo file is too large (over 5 MB): {path}")
    suffix = path.suffix.lower()
    if suffix == ".svg":
        from svglib.svglib import svg2rlg  # deferred: only SVG logos need it

        drawing = svg2rlg(str(path))
        if drawing is None:
            raise HandoutError(f"logo is not a readable SVG file: {path}")
    elif suffix in IMAGE_SUFFIXES:
        from reportlab.lib.utils import ImageReader

        try:
            width, height = ImageReader(str(path)).getSize()
        except Exception as exc:  # PIL raises many types for a broken file
            raise HandoutError(f"logo is not a readable image: {path}") from exc
        drawing = Drawing(width, height)
        drawing.add(Image(0, 0, width, height, str(path)))
    else:
        raise HandoutError(f"logo must be .svg, .png or .jpg: {path}")
    return drawing
