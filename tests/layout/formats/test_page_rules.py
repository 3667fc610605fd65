"""Rules every page, column and panel keeps, measured on the real PDFs of content.yaml,
content.es.yaml, the second clinic and large print (../shared/print-formats.md):

- at most a quarter of its text area left empty (a document's last page excepted): the
  empty share is the height no text line, drawing or image covers, gaps between blocks up
  to three body lines counted as used (measure.py);
- no heading as the last line of a page, column or panel;
- text at least 0.25 in inside the paper's edges (the tri-fold: test_trifold.py);
- phone numbers, dates and short URLs never split across lines, and a long URL only after
  a slash.

A frame known to break a rule is an expected failure of its own, with its measured numbers,
so the rest of the suite stays strict and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from handout.common.translations import strings
from handout.pipeline.build import read_document
from tests.layout.formats.conftest import FILES, Builder, Print
from tests.layout.formats.measure import (
    INCH,
    UNCLIPPED,
    Area,
    areas,
    body_size,
    empty_share,
    inside,
    is_heading,
    lines,
    page_text,
    printed,
)

MOST_EMPTY = 0.25
CASES = {
    **{f"en-{fmt}": Print(format=fmt) for fmt in ("document", "booklet", "trifold", "sheet")},
    **{f"es-{fmt}": Print("es", fmt) for fmt in ("document", "booklet", "trifold", "sheet")},
    **{f"riverside-{fmt}": Print(format=fmt, riverside=True)
       for fmt in ("document", "booklet", "trifold", "sheet")},
    **{f"a4-{fmt}": Print(format=fmt, paper="a4") for fmt in ("booklet", "trifold", "sheet")},
    # Large print: the document only (the rack formats refuse it for content.yaml).
    "en-large-document": Print(large_print=True),
}


def label(area: Area, fmt: str) -> str:
    """How a frame is named: "page 3", "page 2 left" (a sheet's column), "flap" (a panel)."""
    if fmt == "trifold":
        return area.name
    if fmt == "sheet":
        return f"page {area.page + 1} {area.name}"
    return f"page {area.page + 1}"


def measured(p: Print, path: Path) -> dict[str, float]:
    """The empty share of each frame's text area, by frame; a document's last page left out."""
    with pymupdf.open(path) as pdf:
        body = body_size(pdf)
        found = areas(pdf, p.format, p.paper, p.large_print)
        if p.format == "document":
            found = found[:-1]
        return {label(a, p.format): empty_share(pdf[a.page], a.rect, body) for a in found}


def report(shares: dict[str, float]) -> str:
    return ", ".join(f"{name}: {share:.1%}" for name, share in shares.items())


@pytest.mark.parametrize("case", list(CASES))
def test_no_page_or_panel_is_more_than_a_quarter_empty(rack: Builder, case: str) -> None:
    p = CASES[case]
    shares = measured(p, rack(p))
    over = {name: share for name, share in shares.items()
            if share > MOST_EMPTY}
    assert not over, f"{case}: more than 25 % empty: {report(over)} (all: {report(shares)})"


@pytest.mark.parametrize("case", list(CASES))
def test_no_heading_ends_a_page_or_panel(rack: Builder, case: str) -> None:
    p = CASES[case]
    ending = []
    with pymupdf.open(rack(p)) as pdf:
        body = body_size(pdf)
        for area in areas(pdf, p.format, p.paper, p.large_print):
            found = [line for line in lines(pdf[area.page]) if inside(line.rect, area.rect)]
            if found:
                last = max(found, key=lambda line: line.rect.y1)
                if is_heading(last, body):
                    ending.append((label(area, p.format), last.text))
    assert not ending, f"{case}: a heading is the last line of {ending}"


TRIM = {case: CASES[case] for case in CASES if case.endswith(("-booklet", "-sheet"))}


@pytest.mark.parametrize("case", list(TRIM))
def test_text_stays_a_quarter_inch_inside_the_paper(rack: Builder, case: str) -> None:
    near = []
    with pymupdf.open(rack(TRIM[case])) as pdf:
        for page in pdf:
            # PyMuPDF leaves out text past the page's edge unless asked for it.
            for block in page.get_text("dict", flags=UNCLIPPED,
                                       clip=pymupdf.INFINITE_RECT())["blocks"]:
                for line in block.get("lines", []):
                    box = pymupdf.Rect(line["bbox"])
                    room = min(box.x0, box.y0, page.rect.width - box.x1,
                               page.rect.height - box.y1)
                    if room < 0.25 * INCH - 0.01:
                        text = "".join(s["text"] for s in line["spans"])
                        near.append((page.number + 1, text, round(box.x1, 1),
                                     round(room / INCH, 3)))
    assert not near, f"{case}: text nearer the paper's edge than 0.25 in: {near}"


WHOLE = {case: CASES[case] for case in CASES if not case.endswith("-document")}


@pytest.mark.parametrize("case", list(WHOLE))
def test_phone_dates_and_urls_stay_whole(rack: Builder, case: str) -> None:
    """Phone numbers, dates and short URLs on one line; the booking URL breaks only right
    after a slash (../shared/print-formats.md)."""
    p = WHOLE[case]
    doc = read_document(FILES[p.content], p.clinic)
    words = strings(doc.language)
    with pymupdf.open(rack(p)) as pdf:
        text = "\n\f\n".join(page_text(page) for page in pdf)
    whole = [doc.clinic.phone, words.date(doc.review.last_reviewed),
             words.date(doc.review.next_review), "988lifeline.org", doc.clinic.website_text]
    broken = [(token, at) for token in whole for at in printed(token, text) if "\n" in at]
    assert all(printed(token, text) for token in whole)
    url = doc.clinic.call_to_action.url.split("://", 1)[1].rstrip("/")
    urls = printed(url, text)
    assert urls, f"{url} is not printed"
    broken += [(url, at) for at in urls
               if any(c == "\n" and at[i - 1] != "/" for i, c in enumerate(at))]
    assert not broken, f"{case}: broken across lines: {broken}"
