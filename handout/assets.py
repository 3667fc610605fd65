"""Load the clinic's logo into a ReportLab drawing (checked beforehand by preflight)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.shapes import Drawing, Image

from handout.colour import to_gray


def load_logo(path: Path, *, grayscale: bool = False) -> Drawing:
    """A logo as a Drawing: SVG stays vector (svglib); PNG/JPEG is embedded as an image."""
    if path.suffix.lower() == ".svg":
        from svglib.svglib import svg2rlg  # deferred: only SVG logos need it

        drawing: Drawing = svg2rlg(str(path))
        return gray_drawing(drawing) if grayscale else drawing
    from PIL import Image as PILImage

    with PILImage.open(path) as picture:
        image = picture.convert("LA" if grayscale else "RGBA")
    drawing = Drawing(*image.size)
    drawing.add(Image(0, 0, image.size[0], image.size[1], image))
    return drawing


def gray_drawing(drawing: Drawing) -> Drawing:
    """The drawing with every fill and stroke turned to its equal-luminance gray, in place."""
    from reportlab.lib.colors import Color, HexColor

    def walk(node: object) -> None:
        for attr in ("fillColor", "strokeColor"):
            colour = getattr(node, attr, None)
            if isinstance(colour, Color):
                gray = HexColor(to_gray(colour.hexval().replace("0x", "#")[:7]))
                setattr(node, attr, gray)
        for child in getattr(node, "contents", []):
            walk(child)

    walk(drawing)
    return drawing
