"""The contact box: its URL beside the QR code when it fits there, else under it at the box's
full width, on one line where that is wide enough; tagged in the order it is read."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pymupdf
import pytest

from handout.pipeline.build import Options, build, read_document
from tests.conftest import CONTENT, ROOT
from tests.pdf_structure import content_marks, sequence_texts, spoken, squash

RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"


def contact(path: Path) -> tuple[list[tuple[str, pymupdf.Rect]], pymupdf.Rect]:
    """The contact page's text lines above the footer (text, box) and the QR code's box."""
    with pymupdf.open(path) as pdf:
        for page in pdf:
            lines = [("".join(s["text"] for s in line["spans"]).replace("\u00a0", " "),
                      pymupdf.Rect(line["bbox"]))
                     for block in page.get_text("dict")["blocks"]
                     for line in block.get("lines", [])
                     if line["bbox"][3] < page.rect.height - 72]  # not the footer
            if any(text.startswith(("Scan the code", "Escanee")) for text, _ in lines):
                [code] = [pymupdf.Rect(d["rect"]) for d in page.get_drawings()
                          if abs(d["rect"].width - d["rect"].height) < 0.1
                          and d["rect"].width > 50]
                return lines, code
    raise AssertionError("no contact box")


@pytest.mark.parametrize(("clinic", "options", "beside", "one_line"), [
    (None, {}, True, True),  # www.mindbody7.example/book fits beside the code
    (RIVERSIDE, {}, False, True),  # under the code, whole on the box's width
    (RIVERSIDE, {"large_print": True}, False, True),
    (RIVERSIDE, {"large_print": True, "paper": "a4"}, False, False),  # breaks after the /
], ids=["mind-body-7", "riverside", "riverside-large", "riverside-large-a4"])
def test_the_url_goes_under_the_code_only_when_it_would_break_beside_it(
        tmp_path: Path, clinic: Path | None, options: dict[str, object], beside: bool,
        one_line: bool) -> None:
    out = tmp_path / "h.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic, **options))  # type: ignore[arg-type]
    url = read_document(CONTENT, clinic).clinic.call_to_action.url.split("://")[1]
    lines, code = contact(out)
    parts = [box for text, box in lines if text.strip() and text.strip() in url]
    assert parts and "".join(t.strip() for t, _ in lines if t.strip() in url) == url
    assert len(parts) == (1 if one_line else 2)
    assert all((box.y0 < code.y1) == beside for box in parts)
    assert all(box.x1 <= code.x0 for box in parts) or not beside


def test_the_box_under_the_code_reads_in_order_and_is_tagged(tmp_path: Path) -> None:
    """The code is read where it stands: after "Scan the code or go to:", before the URL."""
    out = tmp_path / "h.pdf"
    build(CONTENT, out, Options(check=False, clinic=RIVERSIDE, large_print=True, paper="a4"))
    clinic = read_document(CONTENT, RIVERSIDE).clinic
    url = clinic.call_to_action.url
    with pikepdf.open(out) as pdf:
        list(content_marks(pdf))  # every painting operator is marked
        text = spoken(pdf, sequence_texts(out))
    expected = [clinic.call_to_action.text, "Scan the code or go to:", f"QR code for {url}",
                url.split("://")[1], "Call us:", clinic.phone, clinic.address]
    at = 0
    for part in map(squash, expected):
        found = text.find(part, at)
        assert found >= 0, f"not in reading order: {part}"
        at = found + len(part)
