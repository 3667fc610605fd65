"""Whatever staff type is printed literally; the only emphasis is our own **bold**."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from handout.input.model import Document
from handout.layout.markup import markup, plain
from handout.pipeline.build import render
from tests.conftest import ROOT, content_data

HOSTILE = ('Fish & chips <b>not bold</b> <img src="/etc/passwd"/> <font size=40>big</font> '
           '<a href="file:///etc/passwd">link</a> <para>p</para> **really bold**')


def test_markup_escapes_tags_and_keeps_bold() -> None:
    assert markup("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert markup("**Eat** more") == "<b>Eat</b> more"
    assert markup("2 ** 3 and ** x") == "2 ** 3 and ** x"
    assert plain("**Eat** more") == "Eat more"


def test_hostile_text_is_printed_literally(tmp_path: Path) -> None:
    data = content_data()
    data["intro"] = [HOSTILE]
    pdf, _ = render(Document.model_validate(data), ROOT)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        page = doc[0]
        text = " ".join(page.get_text().split())
        assert plain(HOSTILE) in text
        assert len(page.get_images()) == 0, "an <img> tag pulled a file into the PDF"
        bold_spans = [s["text"] for b in page.get_text("dict")["blocks"]
                      for line in b.get("lines", []) for s in line["spans"]
                      if s["flags"] & 16 and "really" in s["text"]]
        assert bold_spans, "**bold** should still be bold"


def test_a_heading_keeps_its_last_two_words_together_in_the_font_it_prints_in() -> None:
    """Russian prints in Noto Sans, which Atkinson's widths do not measure: "которые
    помогают" (81% of a tri-fold panel) is kept together in a heading, which has the
    column's width, and not in a box's text, which may have less."""
    from handout.input.clinic import Colours
    from handout.layout.blocks import Heading
    from handout.layout.markup import runt_free
    from handout.layout.measure import lines_of
    from handout.layout.theme import make_theme
    from handout.layout.unbroken import NBSP

    theme = make_theme(Colours(primary="#1F4E79", accent="#0B6E4F"), language="ru",
                       body_size=12, column=210.6)
    h1 = theme.style("h1")
    heading = Heading("Привычки, которые помогают", h1, 0, theme.frame_width)
    heading.wrap(theme.frame_width, 1000)
    assert lines_of(heading) == ["Привычки,", "которые помогают"]
    assert NBSP not in runt_free("Привычки, которые помогают", h1, theme.frame_width)
