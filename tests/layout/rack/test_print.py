"""The low-vision print rules in the rack formats, from the rendered pages: contrast under
every text span, nothing under 10 pt, body at 12 pt or more (fitting's floor)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pymupdf
import pytest

from handout.common.colours import contrast_ratio
from tests.layout.rack.conftest import Builder, Print
from tests.layout.test_print_quality import DPI, background, hex_of, spans

PRINTS = {f"{fmt}-{who}": Print(content, fmt, riverside=who == "riverside")
          for fmt in ("booklet", "trifold", "sheet")
          for who, content in (("en", "en"), ("es", "es"), ("riverside", "en"))}


@pytest.mark.parametrize("case", list(PRINTS))
def test_every_text_span_has_contrast_on_what_is_under_it(rack: Builder, case: str) -> None:
    failures = []
    with pymupdf.open(rack(PRINTS[case])) as pdf:
        for number, page in enumerate(pdf, start=1):
            pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)
            pixels = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
            for _, span in spans(page):
                fg, bg = hex_of(span["color"]), background(pixels, span["bbox"])
                large = span["size"] >= 18 or (span["size"] >= 14 and span["flags"] & 16)
                if contrast_ratio(fg, bg) < (3.0 if large else 4.5):
                    failures.append((number, span["text"][:30], fg, bg))
    assert not failures, failures


@pytest.mark.parametrize("case", list(PRINTS))
def test_no_text_under_10pt_and_the_body_at_12_or_more(rack: Builder, case: str) -> None:
    with pymupdf.open(rack(PRINTS[case])) as pdf:
        sizes = Counter(round(span["size"], 1) for page in pdf for _, span in spans(page))
    assert min(sizes) >= 9.95, sorted(sizes)[:3]
    assert sizes.most_common(1)[0][0] >= 12
