"""The tagged PDF, read back: structure tree, marked content, alt text, reading order.

Helpers in pdf_structure.py read it with pikepdf and pdfminer.six; PyMuPDF (MuPDF) checks
that a third reader, too, sees a tagged file.
"""

from __future__ import annotations

import itertools
import re
from functools import partial
from pathlib import Path

import pikepdf
import pymupdf
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from handout.commands.cli import main
from handout.layout.theme import REGULAR, register_fonts
from handout.pdf import Recorder, TaggingCanvas, tag
from handout.pipeline.build import Options, Result, build, read_document
from tests.conftest import CONTENT, ROOT
from tests.pdf_structure import (
    content_marks,
    elements,
    page_numbers,
    sequence_texts,
    spoken,
    squash,
    tree_marks,
)

DOC = read_document(CONTENT)


@pytest.fixture(scope="module")
def tagged(built: Result) -> pikepdf.Pdf:
    return pikepdf.open(built.path)


@pytest.fixture(scope="module")
def untagged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("untagged") / "handout.pdf"
    assert main(["build", str(CONTENT), "-o", str(out), "--no-check", "--no-tags"]) == 0
    return out


def test_catalog_marks_the_file_tagged_with_language_title_and_xmp(tagged: pikepdf.Pdf) -> None:
    with pymupdf.open(tagged.filename) as pdf:  # MuPDF, independently, sees it tagged too
        assert pdf.markinfo["Marked"] is True
        assert pdf.xref_get_key(pdf.pdf_catalog(), "StructTreeRoot")[0] == "xref"
    root = tagged.Root
    assert root.StructTreeRoot.Type == "/StructTreeRoot"
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == DOC.language
    assert root.ViewerPreferences.DisplayDocTitle is True
    meta = tagged.open_metadata()
    assert meta["dc:title"] == DOC.title
    assert meta["dc:creator"] == [DOC.clinic.name]
    assert meta["dc:language"] == {DOC.language}
    assert tagged.pdf_version == "1.7"
    assert tagged.check_pdf_syntax() == []  # qpdf's own check of the whole file


def test_every_mcid_is_in_the_tree_and_the_parent_tree(tagged: pikepdf.Pdf) -> None:
    marks = [(page, mcid) for page, role, mcid in content_marks(tagged) if role != "/Artifact"]
    in_content = {(page, mcid) for page, mcid in marks if mcid is not None}
    assert len(in_content) == len(marks), "a tagged sequence without its own MCID"
    pages = page_numbers(tagged)
    owners = {key: element for element in elements(tagged)
              for key in tree_marks(element, pages)}
    assert set(owners) == in_content
    parents = pikepdf.NumberTree(tagged.Root.StructTreeRoot.ParentTree)
    for number, page in enumerate(tagged.pages):
        assert page.obj.StructParents == number
        for mcid, element in enumerate(parents[number]):
            assert element.objgen == owners[number, mcid].objgen


def test_artifacts_and_structure_roles(tagged: pikepdf.Pdf) -> None:
    roles = {role for _, role, _ in content_marks(tagged)}
    assert roles <= {"/Artifact", "/H1", "/H2", "/H3", "/P", "/Lbl", "/LBody", "/Figure"}
    used = {str(e.S) for e in elements(tagged)}
    assert {"/Document", "/Sect", "/Div", "/L", "/LI", "/Link"} <= used


def test_headings_in_order_without_skipping_a_level(tagged: pikepdf.Pdf) -> None:
    texts = sequence_texts(Path(tagged.filename))
    pages = page_numbers(tagged)
    headings = [(int(str(e.S)[2]), squash("".join(texts[k] for k in tree_marks(e, pages))))
                for e in elements(tagged) if re.fullmatch(r"/H\d", str(e.S))]
    assert headings[0] == (1, squash(DOC.title))
    assert [level for level, _ in headings].count(1) == 1
    for (before, _), (level, text) in itertools.pairwise(headings):
        assert level <= before + 1, f"{text} skips a level"
    sections = [(2, squash(s.heading)) for s in DOC.sections]
    found = [h for h in headings if h in sections]
    assert found == sections


def test_every_figure_has_alt_text(tagged: pikepdf.Pdf) -> None:
    alts = [str(e.Alt) for e in elements(tagged) if e.S == "/Figure"]
    assert all(alt.strip() for alt in alts)
    assert DOC.figure is not None and DOC.figure.alt_text in alts
    assert alts[0] == DOC.clinic.logo_alt  # the logo, first on page 1
    assert f"QR code for {DOC.clinic.call_to_action.url}" in alts
    assert any(alt.startswith("Word search:") for alt in alts)


def test_structure_order_is_the_reading_order(tagged: pikepdf.Pdf) -> None:
    text = spoken(tagged, sequence_texts(Path(tagged.filename)))
    assert DOC.puzzle is not None and DOC.figure is not None
    expected = [DOC.title, DOC.subtitle, *(p.text for p in DOC.key_points.items), *DOC.intro]
    for section in DOC.sections:
        expected += [section.heading, *section.paragraphs, *section.bullets]
        if section.figure:
            expected += [DOC.figure.title, DOC.figure.alt_text, DOC.figure.caption]
        if section.box:
            expected += [section.box.title, *section.box.paragraphs, *section.box.bullets]
    expected += [DOC.plan.title, *(s.text for s in DOC.plan.steps), DOC.help.title]
    for tier in DOC.help.tiers:
        expected += [tier.heading, *tier.items]
    expected += [DOC.disclaimer, DOC.puzzle.title, *(r.question for r in DOC.puzzle.riddles)]
    assert DOC.puzzle.word_search is not None
    expected += [DOC.puzzle.word_search.title, "Find these words:", "Word search:", "Answers"]
    expected += [f"{i}. {r.answer}" for i, r in enumerate(DOC.puzzle.riddles, 1)]
    expected += [r.text for r in DOC.references]
    at = 0
    for part in map(squash, expected):
        found = text.find(part, at)
        assert found >= 0, f"not in reading order: {part[:60]}"
        at = found + len(part)
    last = DOC.references[-1]
    assert text.endswith(squash(f"doi:{last.doi}" if last.doi else last.url.split("://")[1]))


def test_links_are_link_elements_with_their_url(tagged: pikepdf.Pdf) -> None:
    parents = pikepdf.NumberTree(tagged.Root.StructTreeRoot.ParentTree)
    links = [a for page in tagged.pages for a in page.obj.get("/Annots", [])]
    assert len(links) == sum(1 for r in DOC.references if r.doi or r.url)
    for page in tagged.pages:
        assert ("/Annots" in page.obj) == (page.obj.get("/Tabs") == "/S")
    for annot in links:
        link = parents[int(annot.StructParent)]
        assert link.S == "/Link" and link.P.S == "/LBody"
        assert [k.Obj.objgen for k in link.K] == [annot.objgen]
        assert str(annot.Contents) == str(annot.A.URI)


def test_no_tags_gives_an_untagged_pdf_that_looks_the_same(built: Result,
                                                          untagged: Path) -> None:
    with pikepdf.open(untagged) as pdf:
        assert "/StructTreeRoot" not in pdf.Root and "/MarkInfo" not in pdf.Root
        for page in pdf.pages:
            ops = {str(op) for _, op in pikepdf.parse_content_stream(page)}
            assert not ops & {"BDC", "BMC", "EMC"}
    with pymupdf.open(built.path) as a, pymupdf.open(untagged) as b:
        assert a.page_count == b.page_count
        for pa, pb in zip(a, b, strict=True):
            assert pa.get_pixmap(dpi=40).samples == pb.get_pixmap(dpi=40).samples


@pytest.mark.parametrize("options", [
    Options(print_shop=True, check=False),  # crop marks, drawn by ReportLab itself
    Options(large_print=True, paper="a4", grayscale=True, check=False),
], ids=["print-shop", "large-a4-gray"])
def test_variants_are_tagged_throughout(tmp_path: Path, options: Options) -> None:
    for content in (CONTENT, ROOT / "content.es.yaml"):
        result = build(content, tmp_path / f"{content.stem}.pdf", options)
        with pikepdf.open(result.path) as pdf:
            marks = list(content_marks(pdf))  # asserts every painting operator is marked
            assert {role for _, role, _ in marks} >= {"/Artifact", "/H1", "/Figure"}
            assert str(pdf.Root.Lang) == read_document(content).language


def test_a_paragraph_split_across_pages_stays_one_element(tmp_path: Path) -> None:
    out = tmp_path / "split.pdf"
    style = ParagraphStyle("plain", fontName=REGULAR, fontSize=12, leading=15)
    register_fonts()
    story = [tag(Paragraph(" ".join(["word"] * 300), style), "P")]
    SimpleDocTemplate(str(out), pagesize=(200, 200), invariant=1).build(
        story, canvasmaker=partial(TaggingCanvas, tags=Recorder()))
    with pikepdf.open(out) as pdf:
        [para] = [e for e in elements(pdf) if e.S == "/P"]
        marks = tree_marks(para, page_numbers(pdf))
        assert len(pdf.pages) > 1
        assert [page for page, _ in marks] == list(range(len(pdf.pages)))
        parents = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        assert all(parents[page][mcid].objgen == para.objgen for page, mcid in marks)
