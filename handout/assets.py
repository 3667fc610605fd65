"""Load the clinic's logo into a ReportLab drawing (checked beforehand by preflight)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.shapes import Drawing, Image


def load_logo(path: Path) -> Drawing:
    """A logo as a Drawing: SVG stays vector (svglib); PNG/JPEG is embedded as an image."""
    if path.suffix.lower() == ".svg":
        from svglib.svglib import svg2rlg  # deferred: only SVG logos need it

        drawing: Drawing = svg2rlg(str(path))
        return drawing
    from reportlab.lib.utils import ImageReader

    width, height = ImageReader(str(path)).getSize()
    drawing = Drawing(width, height)
    drawing.add(Image(0, 0, width, height, str(path)))
    return drawing
