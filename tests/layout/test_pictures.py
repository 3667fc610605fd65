"""Pictures in the built PDF: a Figure with its alt text (an artifact when decorative),
as wide as the column or their own size, and gray in a grayscale build."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pymupdf
from PIL import Image

from handout.pipeline.build import Options
from tests.input.test_sections import EVERY_KIND
from tests.layout.test_tables import built
from tests.pdf_structure import elements

ALT = "A red square with a blue circle in it."


def picture(folder: Path, *, decorative: bool = False, size: int = 600, dpi: int = 72) -> str:
    """The section with a coloured PNG in place of the SVG drawing."""
    image = Image.new("RGB", (size, size * 2 // 3), (200, 30, 30))
    image.paste((20, 90, 200), (size // 3, size // 6, size * 2 // 3, size // 2))
    image.save(folder / "square.png", dpi=(dpi, dpi))
    described = "decorative: true" if decorative else f'alt: "{ALT}"'
    return EVERY_KIND.replace('file: bedroom.svg\n          alt: "A bed under a window with '
                              'the moon outside."', f"file: square.png\n          {described}")


def image_roles(pdf: pikepdf.Pdf) -> list[str]:
    """The marked-content role around each raster image drawn (not the vector icons)."""
    roles = []
    for page in pdf.pages:
        names = {str(k) for k, v in page.Resources.get("/XObject", {}).items()
                 if v.get("/Subtype") == "/Image"}
        role = ""
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "BDC":
                role = str(operands[0])
            elif str(op) == "Do" and str(operands[0]) in names:
                roles.append(role)
    return roles


def test_a_picture_with_alt_text_is_a_figure(tmp_path: Path) -> None:
    out = built(tmp_path, picture(tmp_path))
    with pikepdf.open(out) as pdf:
        assert image_roles(pdf) == ["/Figure"]
        figures = [str(e.Alt) for e in elements(pdf) if e.S == "/Figure"]
    assert ALT in figures
    with pymupdf.open(out) as pdf:
        [page] = [p for p in pdf if "A calm room helps you sleep." in p.get_text()]
        [shown] = page.get_image_info()
        caption = page.search_for("A calm room")[0]
    # 600 pixels at 72 dpi is 600 pt: wider than the column (8.5 in less 1.3 in margins),
    # so it prints at the column's width; the caption follows it.
    assert round(shown["bbox"][2] - shown["bbox"][0], 1) == round(612 - 2 * 1.3 * 72, 1)
    assert caption.y0 > shown["bbox"][3]


def test_a_picture_at_300_dpi_prints_at_its_own_size(tmp_path: Path) -> None:
    out = built(tmp_path, picture(tmp_path, size=450, dpi=300))
    with pymupdf.open(out) as pdf:
        [shown] = [i for page in pdf for i in page.get_image_info()]
    assert round(shown["bbox"][2] - shown["bbox"][0], 1) == 108.0  # 1.5 in, not enlarged


def test_a_decorative_picture_is_an_artifact(tmp_path: Path) -> None:
    out = built(tmp_path, picture(tmp_path, decorative=True))
    with pikepdf.open(out) as pdf:
        assert image_roles(pdf) == ["/Artifact"]
        assert ALT not in [str(e.Alt) for e in elements(pdf) if e.S == "/Figure"]
    with pymupdf.open(out) as pdf:
        assert "A calm room helps you sleep." in " ".join(p.get_text() for p in pdf)


def test_grayscale_prints_the_picture_gray(tmp_path: Path) -> None:
    section = picture(tmp_path)
    for grayscale in (False, True):
        out = built(tmp_path, section, Options(grayscale=grayscale))
        with pymupdf.open(out) as pdf:
            [page] = [p for p in pdf if p.get_image_info()]
            [shown] = page.get_image_info()
            pixmap = page.get_pixmap(dpi=50, clip=pymupdf.Rect(shown["bbox"]))
        pixels = set(zip(*[iter(pixmap.samples)] * pixmap.n, strict=True))
        gray = all(r == g == b for r, g, b in pixels)
        assert gray is grayscale, f"grayscale={grayscale}: {sorted(pixels)[:5]}"
