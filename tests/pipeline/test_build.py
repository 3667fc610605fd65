"""End-to-end checks on the real handout PDF built from content.yaml."""

from __future__ import annotations

import re

import pikepdf
import pymupdf
import pytest
from matplotlib.text import Text

from handout.chart.render import _build_figure
from handout.input.riddles import hint
from handout.layout.markup import plain
from handout.pipeline.build import Result, read_document
from tests.conftest import CONTENT
from tests.pdf_structure import elements

DOC = read_document(CONTENT)
LETTER = (612.0, 792.0)


def norm(s: str) -> str:
    return " ".join(plain(s).split())


def test_page_count_and_size(pdf: pymupdf.Document, built: Result) -> None:
    assert 6 <= pdf.page_count <= 12
    assert built.pages == pdf.page_count
    for page in pdf:
        assert (round(page.rect.width), round(page.rect.height)) == LETTER


def test_every_heading_and_section_text_is_printed(text: str) -> None:
    for section in DOC.sections:
        assert norm(section.heading) in text
        for para in section.paragraphs:
            assert norm(para) in text


@pytest.mark.parametrize("step", [step.text for step in DOC.plan.steps])
def test_every_plan_step_is_printed(text: str, step: str) -> None:
    assert norm(step) in text


def test_crisis_panel_and_contact(text: str) -> None:
    for tier in DOC.help.tiers:
        assert norm(tier.heading) in text
        for item in tier.items:
            assert norm(item) in text
    assert DOC.clinic.phone in text
    assert DOC.clinic.website_text in text
    assert DOC.clinic.call_to_action.url.split("://")[1] in text


def test_riddles_with_computed_hints(text: str) -> None:
    assert DOC.puzzle is not None
    for riddle in DOC.puzzle.riddles:
        assert norm(riddle.question) in text
        assert hint(riddle.answer) in text


def test_references_and_review(text: str) -> None:
    for ref in DOC.references:
        assert norm(ref.text) in text
        if ref.doi:
            assert f"doi:{ref.doi}" in text
    assert "Last reviewed:" in text and "Next review due:" in text
    assert norm(DOC.disclaimer) in text


def test_footer_on_every_page(pdf: pymupdf.Document) -> None:
    total = pdf.page_count
    for number, page in enumerate(pdf, start=1):
        words = " ".join(page.get_text().split())
        assert f"Page {number} of {total}" in words
        assert DOC.clinic.name in words


def test_every_font_is_embedded_and_subset(pdf: pymupdf.Document) -> None:
    fonts = {f[3]: f for page in pdf for f in page.get_fonts(full=True)}
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        assert font[1] in {"ttf", "cff", "otf"}, f"{name} is not embedded ({font[1]})"
        assert re.match(r"^[A-Z]{6}\+", name), f"{name} is not a subset"
        assert "Atkinson" in name or "AtkinsonHyperlegible" in name


def test_no_text_under_10pt(pdf: pymupdf.Document) -> None:
    for page in pdf:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if span["text"].strip():
                        assert span["size"] >= 9.95, (span["text"], span["size"])


def test_metadata_and_outline(pdf: pymupdf.Document) -> None:
    meta = pdf.metadata
    assert meta["title"] == DOC.title
    assert meta["author"] == DOC.clinic.name
    toc = [title for _, title, _ in pdf.get_toc()]
    for section in DOC.sections:
        assert section.heading in toc
    assert pdf.xref_get_key(pdf.pdf_catalog(), "Lang") == ("string", DOC.language)


def test_answer_key_is_printed_the_right_way_up(pdf: pymupdf.Document) -> None:
    """Upside-down print is hard for low vision: the key is kept apart by space and a box
    (tests/layout/test_answer_key.py), not by turning it round."""
    assert DOC.puzzle is not None
    answers = {r.answer.lower() for r in DOC.puzzle.riddles}
    upright, turned = set(), set()
    for page in pdf:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                words = set("".join(s["text"] for s in line["spans"]).lower().split())
                (upright if line["dir"][0] > 0.99 else turned).update(answers & words)
    assert upright == answers and not turned


def test_chart_is_vector(pdf: pymupdf.Document) -> None:
    drawings = sum(len(page.get_drawings()) for page in pdf)
    images = sum(len(page.get_images()) for page in pdf)
    assert drawings > 50
    assert images == 0, "the chart and logo should be vector, not raster"


# Researchers' words that Fig. 1 keeps for its source line (issue 13).
RESEARCH_WORDS = ("standardized", "standardised", "shannon", "observed", "estimated", "chao1",
                  "richness")


def figure_text(pdf: pymupdf.Document) -> tuple[str, str]:
    """Fig. 1 as printed around the chart: (title and caption, the source line). Each is a
    paragraph of its own, so a text block of its own."""
    for page in pdf:
        blocks = [" ".join(b[4].split()) for b in page.get_text("blocks")]
        start = next((i for i, b in enumerate(blocks) if b.startswith("Fig. 1. ")), None)
        if start is not None:
            end = next(i for i in range(start, len(blocks)) if blocks[i].startswith("Source:"))
            return " ".join(blocks[start:end]), blocks[end]
    raise AssertionError("Fig. 1 is not printed")


def chart_words() -> str:
    """The words drawn on the chart (outlines in the PDF, so read from the chart itself)."""
    assert DOC.figure is not None
    fig = _build_figure(DOC.figure, width_in=5.9, primary="#1F4E79", accent="#2E8B57",
                        language=DOC.language)
    found = fig.findobj(lambda a: isinstance(a, Text) and a.get_visible() and a.get_text())
    return " ".join(" ".join(t.get_text().split()) for t in found if isinstance(t, Text))


def test_fig1_is_in_patients_words_and_its_source_names_the_measures(
        pdf: pymupdf.Document, built: Result) -> None:
    assert DOC.figure is not None
    printed, source = figure_text(pdf)
    drawn = chart_words()
    with pikepdf.open(built.path) as tagged:
        [alt] = [str(e.Alt) for e in elements(tagged)
                 if e.S == "/Figure" and str(e.Alt).startswith("Chart ")]
    assert norm(DOC.figure.caption) in printed and "Number of kinds found" in drawn  # premise
    for words in (printed, drawn, alt):
        assert not [w for w in RESEARCH_WORDS if w in words.lower()], words
    # The technical names moved to the source line, in the rows' order, top to bottom.
    measures = ["observed species", "Chao1", "Shannon index"]
    assert [source.index(m) for m in measures] == sorted(source.index(m) for m in measures)
    assert "standardized mean differences" in source
    for row in DOC.figure.rows:  # each row's words are drawn, and spoken in the alt text
        assert row.label in drawn and row.label in alt
