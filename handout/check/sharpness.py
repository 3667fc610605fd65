"""Pictures sharp enough for paper: 300 dpi at the largest size a build prints them.

A picture prints at the column's width, or at its own size when that is smaller (the
resolution its file states; 72 dpi when it states none). A raster picture with too few
pixels for that size prints blurry; an SVG drawing is sharp at any size.
"""

from __future__ import annotations

import math
from pathlib import Path

from handout.check.findings import Finding, Where
from handout.input.images import inside, load_raster, printed_size
from handout.input.model import Document
from handout.input.sections import images

PRINT_DPI = 300
# The widest text column and tallest text area of any build: the large-print document on
# letter paper (1-inch side margins, layout/theme.py). Sharp there, sharp in every build.
WIDEST_COLUMN = 6.5 * 72
TALLEST_TEXT = (11 - 0.85 - 0.95) * 72


def sharpness_findings(doc: Document, where: Where, base_dir: Path) -> list[Finding]:
    """A warning for each raster picture under PRINT_DPI at its largest printed size.
    A missing or unreadable file is the build's preflight error, not a finding here."""
    out = []
    for loc, image in images(doc.sections):
        path = inside(base_dir, image.file)
        if path is None or not path.is_file() or path.suffix.lower() == ".svg":
            continue
        try:
            picture = load_raster(path)
        except Exception:  # Pillow raises many kinds for a broken file
            continue
        points = printed_size(picture.width, picture.height, WIDEST_COLUMN * image.share,
                              TALLEST_TEXT)[0]
        width = points / 72  # inches
        dpi = picture.pixels[0] / width
        if round(dpi) < PRINT_DPI:
            need = math.ceil(PRINT_DPI * width)
            out.append(where.warning(
                (*loc, "file"), f"this picture prints at {dpi:.0f} dpi ({picture.pixels[0]} "
                f"pixels across {width:.1f} in, its largest size, in large print); under "
                f"{PRINT_DPI} dpi it looks blurry on paper",
                f"Use a larger image, at least {need} pixels wide, or an SVG drawing."))
    return out
