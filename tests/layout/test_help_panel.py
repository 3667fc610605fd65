"""The "When to get help" tiers survive black-and-white printing.

Measured on the rendered page: in grayscale the emergency tier is the darkest and the most
heavily bordered, then the crisis tier, then the care team; each tier has its label and
icon; in colour each keeps its own colour, as before.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest

from handout.common.colours import contrast_ratio, to_gray
from handout.layout.help_panel import LOOKS
from handout.layout.theme import make_theme
from handout.pipeline.build import Options, build, read_document
from tests.conftest import CONTENT, ROOT

DPI = 144
MARGIN = make_theme(read_document(CONTENT).clinic.colours).margin
LABELS = {"en": ("EMERGENCY", "CRISIS LINE", "YOUR CARE TEAM"),
          "es": ("EMERGENCIA", "LÍNEA DE CRISIS", "SU EQUIPO DE ATENCIÓN")}


def help_page(path: Path, labels: tuple[str, ...]
              ) -> tuple[pymupdf.Page, list[pymupdf.Rect], list[pymupdf.Rect]]:
    """The page with the help panel; each tier's area, most urgent first (from above its
    label down to the next label, or to the last line of its list, the frame's width); and
    each tier's label line, the frame's width."""
    doc = pymupdf.open(path)
    page = next(p for p in doc if all(p.search_for(label) for label in labels))
    tops = [page.search_for(label)[0] for label in labels]
    words = page.get_text("words")
    last = max(w[3] for w in words if tops[-1].y1 < w[1] < page.rect.height - 80)
    left, right = MARGIN - 3, page.rect.width - MARGIN + 3
    bottoms = [t.y0 - 8 for t in tops[1:]] + [last + 8]
    tiers = [pymupdf.Rect(left, t.y0 - 8, right, b) for t, b in zip(tops, bottoms, strict=True)]
    return page, tiers, [pymupdf.Rect(left, t.y0, right, t.y1) for t in tops]


def gray_pixels(page: pymupdf.Page, area: pymupdf.Rect) -> np.ndarray:
    pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False, clip=area)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)


def border_width(pixels: np.ndarray) -> int:
    """Dark pixels in a row across the box's left edge, at the middle of the tier."""
    row = pixels[pixels.shape[0] // 2]
    dark = np.flatnonzero(row < 128)
    first = dark[0]
    run = 1
    while first + run < len(row) and row[first + run] < 128:
        run += 1
    return run


@pytest.fixture(scope="module")
def grayscale(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gray") / "handout.pdf"
    return build(CONTENT, out, Options(grayscale=True, check=False)).path


def test_in_grayscale_the_emergency_tier_is_darkest_and_most_marked(grayscale: Path) -> None:
    page, tiers, labels = help_page(grayscale, LABELS["en"])
    pixels = [gray_pixels(page, tier) for tier in tiers]
    darkness = [1 - float(p.mean()) / 255 for p in pixels]
    # The band behind the label: solid dark for the emergency, light for the crisis line.
    bands = [1 - float(gray_pixels(page, label).mean()) / 255 for label in labels]
    borders = [border_width(p) for p in pixels]
    emergency, crisis, care = darkness
    assert emergency > 1.5 * crisis and crisis > care, darkness
    assert bands[0] > 0.5 > bands[1] > bands[2], bands
    assert borders[0] > borders[1] > borders[2] >= 1, borders
    # The old panel's tiers were near-identical greys (#525252, #464646, #4B4B4B), the most
    # urgent the lightest; now the heading colours alone need not tell them apart.


def test_each_tier_has_its_label_and_icon(grayscale: Path) -> None:
    page, tiers, _ = help_page(grayscale, LABELS["en"])
    drawn = {name for _, name, _, _ in page.get_xobjects()}
    for look in LOOKS.values():
        assert any(name.startswith(f"FormXob.icon-{look.icon}-") for name in drawn)
    for tier in tiers:  # an icon's lines beside the label, left of the text
        label = next(b for b in page.get_text("blocks") if pymupdf.Rect(b[:4]) in tier)
        assert any(d["rect"] in tier and d["rect"].x1 <= label[0] for d in page.get_drawings()
                   if d.get("fill"))


def test_in_colour_the_tiers_keep_their_colours(built_pdf: Path) -> None:
    page, _, labels = help_page(built_pdf, LABELS["en"])
    spans = [(s["text"], s["color"]) for b in page.get_text("dict")["blocks"]
             for line in b.get("lines", []) for s in line["spans"]]
    colour_of = {label: next(c for t, c in spans if t.startswith(label))
                 for label in LABELS["en"]}
    assert colour_of["EMERGENCY"] == 0xFFFFFF  # white on the red band
    assert colour_of["CRISIS LINE"] == 0x7A2E00
    assert colour_of["YOUR CARE TEAM"] == 0x1F4E79  # the clinic's primary colour
    pix = page.get_pixmap(dpi=DPI, alpha=False, clip=labels[0])
    rgb = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
    red = rgb.reshape(-1, 3).mean(axis=0)
    assert red[0] > red[1] + 60 and red[0] > red[2] + 60, red  # the emergency band is red


def test_band_text_is_readable_in_colour_and_in_gray() -> None:
    for look in LOOKS.values():
        if look.band and look.ink:
            text = look.on_band or look.ink
            assert contrast_ratio(text, look.band) >= 4.5
            assert contrast_ratio(to_gray(text), to_gray(look.band)) >= 4.5


def test_the_spanish_panel_has_its_own_labels(tmp_path: Path) -> None:
    result = build(ROOT / "content.es.yaml", tmp_path / "es.pdf",
                   Options(grayscale=True, check=False))
    _, tiers, _ = help_page(result.path, LABELS["es"])
    assert len(tiers) == 3


@pytest.fixture(scope="module")
def built_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("colour") / "handout.pdf"
    return build(CONTENT, out, Options(check=False)).path


def test_a_phone_too_wide_beside_the_tier_icon_puts_the_icon_over_the_heading(
        tmp_path: Path) -> None:
    """In a tri-fold panel, "+1 (212) 555-0199 ext. 40217," (kept whole with its comma) is
    wider than the care team heading's line beside its icon: ReportLab cut it, and a line
    opened with ", if:". The icon now stands over the heading, which takes the box's width."""
    data = Path(__file__).parent / "data"
    text = (data / "northkingsbridge.yaml").read_text(encoding="utf-8")
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(text.replace("+1 (718) 555-0142 ext. 3307", "+1 (212) 555-0199 ext. 40217")
                      .replace("logo: northkingsbridge-logo.svg",
                               f"logo: {data / 'northkingsbridge-logo.svg'}"), encoding="utf-8")
    out = tmp_path / "trifold.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic, format="trifold"))
    with pymupdf.open(out) as pdf:
        lines = [line for page in pdf for line in page.get_text().splitlines()]
        words = pdf[1].get_text("words")
    assert [line for line in lines if line.lstrip().startswith((",", ".", ":"))] == []
    heading = [w for w in words if w[4] == "YOUR"]  # "YOUR CARE TEAM – Call ..."
    assert heading and [w for w in words if w[4] == "40217,"]
    # The heading starts at the box's left padding, as its list's bullets do, not beside
    # the icon (26 pt further right).
    x, y = heading[0][0], heading[0][1]
    bullets = [w for w in words if w[4] == "\u2022" and abs(w[0] - x) < 60 and w[1] > y]
    assert bullets and abs(x - bullets[0][0]) < 3
