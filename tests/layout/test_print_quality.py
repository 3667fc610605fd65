"""Print and low-vision rules, measured on the real PDF: contrast, sizes, spacing, line length."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from typing import Any

import numpy as np
import pymupdf
import pytest

from handout.common.colours import contrast_ratio
from handout.pipeline.build import read_document
from tests.conftest import CONTENT

DOC = read_document(CONTENT)
BODY_SIZE = 14.0
DPI = 144


def spans(page: pymupdf.Page) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if span["text"].strip():
                    yield line, span


def hex_of(rgb: tuple[int, ...] | int) -> str:
    if isinstance(rgb, int):
        return f"#{rgb:06X}"
    return "#{:02X}{:02X}{:02X}".format(*rgb[:3])


def background(pixels: np.ndarray, bbox: tuple[float, ...]) -> str:
    """The commonest colour inside a span's box: glyph strokes are thin, the ground wins."""
    scale = DPI / 72
    x0, y0, x1, y1 = (int(v * scale) for v in bbox)
    area = pixels[max(y0, 0):y1, max(x0, 0):x1].reshape(-1, 3)
    colour, _ = Counter(map(tuple, area)).most_common(1)[0]
    return hex_of(colour)


def low_contrast(pdf: pymupdf.Document) -> list[str]:
    """Each text span under 4.5:1 (3:1 when large) against the colour rendered under it."""
    failures = []
    for number, page in enumerate(pdf, start=1):
        pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)
        pixels = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
        for _, span in spans(page):
            fg, bg = hex_of(span["color"]), background(pixels, span["bbox"])
            large = span["size"] >= 18 or (span["size"] >= 14 and span["flags"] & 16)
            need = 3.0 if large else 4.5
            ratio = contrast_ratio(fg, bg)
            if ratio < need:
                failures.append(f"p{number} {span['text'][:30]!r} {fg} on {bg}: {ratio:.2f}")
    return failures


def test_every_text_colour_has_contrast(pdf: pymupdf.Document) -> None:
    failures = low_contrast(pdf)
    assert not failures, failures


def test_no_text_smaller_than_10pt_and_body_at_least_13(pdf: pymupdf.Document) -> None:
    sizes = Counter(round(span["size"], 1) for page in pdf for _, span in spans(page))
    assert min(sizes) >= 9.95
    assert sizes.most_common(1)[0][0] >= 13, "body text should be 13-14 pt"


def test_section_headings_are_at_least_16pt(pdf: pymupdf.Document) -> None:
    headings = {s.heading for s in DOC.sections}
    found = {}
    for page in pdf:
        for _, span in spans(page):
            if span["text"].strip() in headings:
                found[span["text"].strip()] = span["size"]
    assert set(found) == headings
    assert min(found.values()) >= 16


def body_lines(pdf: pymupdf.Document) -> Iterator[list[dict[str, Any]]]:
    """Lines of body-size text, grouped by block (one paragraph or list item each)."""
    for page in pdf:
        for block in page.get_text("dict")["blocks"]:
            lines = [line for line in block.get("lines", [])
                     if line["spans"] and abs(line["spans"][0]["size"] - BODY_SIZE) < 0.2
                     and line["dir"] == (1.0, 0.0)]
            if lines:
                yield lines


def test_line_spacing_at_least_1_3(pdf: pymupdf.Document) -> None:
    gaps = [(b["bbox"][3] - a["bbox"][3]) / BODY_SIZE
            for lines in body_lines(pdf) for a, b in itertools.pairwise(lines)
            if 0 < b["bbox"][3] - a["bbox"][3] < 3 * BODY_SIZE]
    assert gaps, "no multi-line body text found"
    assert min(gaps) >= 1.3, min(gaps)


def test_line_length_50_to_75_characters(pdf: pymupdf.Document) -> None:
    # Full lines only: the last line of a paragraph is short by nature.
    lengths = [len("".join(s["text"] for s in line["spans"]))
               for lines in body_lines(pdf) if len(lines) >= 3 for line in lines[:-1]]
    assert lengths
    assert max(lengths) <= 75, max(lengths)
    assert 50 <= float(np.median(lengths)) <= 75, np.median(lengths)


def test_body_text_is_not_italic(pdf: pymupdf.Document) -> None:
    italic = [span["text"] for page in pdf for _, span in spans(page) if span["flags"] & 2]
    assert not italic


@pytest.mark.parametrize("colour", ["primary", "accent"])
def test_brand_colours_pass_as_text_on_white_and_tint(colour: str) -> None:
    value = getattr(DOC.clinic.colours, colour)
    assert contrast_ratio(value, "#FFFFFF") >= 4.5
    assert contrast_ratio(value, DOC.clinic.colours.tint) >= 4.5


@pytest.mark.parametrize("dpi", [150, 100])  # a good phone camera, and a poor one
def test_the_qr_code_scans_to_the_booking_url(pdf: pymupdf.Document, dpi: int) -> None:
    """Decoded by zxing-cpp from the rendered page, in gray as a laser printer prints it."""
    import zxingcpp

    url = read_document(CONTENT).clinic.call_to_action.url
    found = []
    for page in pdf:
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        image = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
        found += [code.text for code in zxingcpp.read_barcodes(image)]
    assert found == [url]
