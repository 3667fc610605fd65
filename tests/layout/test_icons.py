"""Icons in the built PDF: vector drawings where the content names them, in the theme's
colour (gray in a grayscale build), beside the first line of their text, and tagged as
artifacts unless the content gives alt text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from handout.input.fields import Icon
from handout.input.model import Document
from handout.layout.help_panel import LOOKS
from handout.pipeline.build import Options, Result, build, read_document, render
from tests.conftest import CONTENT
from tests.pdf_structure import elements, page_numbers, tree_marks

DOC = read_document(CONTENT)
FORM = re.compile(r"/FormXob\.icon-(.+)-([0-9A-F]{6})$")


def wanted(doc: Document) -> Counter[str]:
    """The icons the content asks for (a tier without one gets its level's)."""
    icons = [doc.icon, *(s.icon for s in doc.sections), *(p.icon for p in doc.key_points.items),
             *(s.icon for s in doc.plan.steps)]
    names = [icon.name for icon in icons if icon is not None]
    names += [(t.icon.name if t.icon else LOOKS[t.level].icon) for t in doc.help.tiers]
    return Counter(names)


def icon_uses(pdf: pikepdf.Pdf) -> Iterator[tuple[int, str, str, str, int | None]]:
    """(page, icon name, colour, marked-content role, MCID) of each icon drawn."""
    for number, page in enumerate(pdf.pages):
        role, mcid = "", None
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "BDC":
                role = str(operands[0])
                mcid = operands[1].get("/MCID") if isinstance(operands[1], pikepdf.Dictionary) \
                    else None
            elif str(op) == "EMC":
                role, mcid = "", None
            elif str(op) == "Do" and (m := FORM.match(str(operands[0]))):
                yield number, m[1], m[2], role, None if mcid is None else int(mcid)


def test_each_icon_is_drawn_where_the_content_asks_as_decoration(built: Result) -> None:
    with pikepdf.open(built.path) as pdf:
        uses = list(icon_uses(pdf))
        assert Counter(name for _, name, _, _, _ in uses) == wanted(DOC)
        assert {role for _, _, _, role, _ in uses} == {"/Artifact"}  # no alt: decoration
        assert not any(e.S == "/Figure" and "icon" in str(e.get("/Alt", "")).lower()
                       for e in elements(pdf))


def test_icons_are_vector_drawings(built: Result) -> None:
    with pikepdf.open(built.path) as pdf:
        forms = {str(name): xobject for page in pdf.pages
                 for name, xobject in page.Resources.get("/XObject", {}).items()
                 if FORM.match(str(name))}
        assert forms
        for name, form in forms.items():
            assert form.Subtype == "/Form", name
            ops = {str(op) for _, op in pikepdf.parse_content_stream(form)}
            assert {"m", "c"} <= ops and ops & {"f", "f*"}, name  # paths, filled
            assert not ops & {"Do", "BI", "Tj", "TJ"}, name  # no picture, no text
            assert "/XObject" not in form.get("/Resources", {})


@pytest.mark.parametrize(("grayscale", "colours"), [
    (False, {"1F4E79", "FFFFFF", "7A2E00"}),  # the clinic's primary, on-band white, crisis
    (True, {"4B4B4B", "FFFFFF", "464646"}),  # the same, each as its equal-luminance gray
], ids=["colour", "grayscale"])
def test_icons_take_the_themes_colour_or_its_gray(tmp_path: Path, grayscale: bool,
                                                 colours: set[str]) -> None:
    result = build(CONTENT, tmp_path / "h.pdf", Options(grayscale=grayscale, check=False))
    with pikepdf.open(result.path) as pdf:
        assert {colour for _, _, colour, _, _ in icon_uses(pdf)} == colours


def test_an_icon_stands_at_the_first_line_of_its_text(pdf: pymupdf.Document) -> None:
    section = next(s for s in DOC.sections if s.icon)
    page = next(p for p in pdf if p.search_for(section.heading))
    [line] = page.search_for(section.heading)  # one line: the heading's first
    glyphs = [d["rect"] for d in page.get_drawings() if d.get("fill")
              and d["rect"].x1 <= line.x0 and abs(d["rect"].y0 - line.y0) < line.height]
    assert glyphs, "no icon beside the heading"
    icon = glyphs[0]
    for rect in glyphs[1:]:
        icon |= rect
    assert line.x0 - icon.x1 < line.height  # close beside the text
    assert abs((icon.y0 + icon.y1) / 2 - (line.y0 + line.y1) / 2) < 0.15 * line.height
    assert 0.6 * line.height < icon.height <= 1.2 * line.height  # the size of the text


def test_an_icon_with_alt_text_is_a_figure_read_before_its_text(tmp_path: Path) -> None:
    first = DOC.sections[0]
    sections = [first.model_copy(update={"icon": Icon(name="stomach", alt="A stomach")}),
                *DOC.sections[1:]]
    points = [DOC.key_points.items[0].model_copy(
        update={"icon": Icon(name="neurology", alt="A brain")}), *DOC.key_points.items[1:]]
    doc = DOC.model_copy(update={
        "sections": sections,
        "key_points": DOC.key_points.model_copy(update={"items": points})})
    data, _ = render(doc, CONTENT.parent)
    (tmp_path / "alt.pdf").write_bytes(data)
    with pikepdf.open(tmp_path / "alt.pdf") as pdf:
        pages = page_numbers(pdf)
        figures = {str(e.Alt): e for e in elements(pdf) if e.S == "/Figure" and "/Alt" in e}
        uses = {name: (page, role, mcid) for page, name, _, role, mcid in icon_uses(pdf)
                if name in {"stomach", "neurology"}}
        for name, alt, parent, then in (("stomach", "A stomach", "/Sect", "/H2"),
                                        ("neurology", "A brain", "/LI", "/LBody")):
            figure = figures[alt]
            page, role, mcid = uses[name]
            assert role == "/Figure" and tree_marks(figure, pages) == [(page, mcid)]
            assert str(figure.P.S) == parent
            kids = list(figure.P.K)
            assert str(kids[kids.index(figure) + 1].S) == then  # the text it stands beside
