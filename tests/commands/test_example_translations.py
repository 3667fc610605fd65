"""The shipped example translations (issue 20, item 6): content.vi.po and content.zh-Hans.po,
drafts of content.yaml. Every entry is translated and the file is a draft; each builds in
every format, its pages proved, with its tag as /Lang and every character of its title and
headings in the PDF's text."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pymupdf
import pytest

from handout.input.sources import load_content
from handout.input.validate import parse_document
from handout.pipeline.build import Options, build
from tests.conftest import ROOT

EXAMPLES = {"vi": ROOT / "content.vi.po", "zh-Hans": ROOT / "content.zh-Hans.po"}
FORMATS = ["document", "booklet", "trifold", "sheet"]


@pytest.mark.parametrize("language", EXAMPLES)
def test_each_entry_is_translated_and_the_file_is_a_draft(language: str) -> None:
    po = polib.pofile(str(EXAMPLES[language]))
    assert po.metadata["Language"] == language
    assert po.metadata["X-Handout-Status"] == "draft"
    assert "DRAFT" in po.header
    live = [e for e in po if not e.obsolete]
    assert live and all(e.msgstr.strip() and not e.fuzzy for e in live)
    doc = parse_document(load_content(ROOT / "content.yaml", translation=EXAMPLES[language]))
    assert doc.language == language and doc.translation is not None and doc.translation.draft


@pytest.mark.parametrize("language", EXAMPLES)
def test_each_builds_in_every_format(
        tmp_path: Path, language: str) -> None:
    doc = parse_document(load_content(ROOT / "content.yaml", translation=EXAMPLES[language]))
    for name in FORMATS:
        result = build(ROOT / "content.yaml", tmp_path / f"{name}.pdf",
                       Options(format=name, translation=EXAMPLES[language],  # type: ignore[arg-type]
                               cache_dir=tmp_path / "cache"))
        with pymupdf.open(result.path) as pdf:
            assert pdf.xref_get_key(pdf.pdf_catalog(), "Lang") == ("string", language)
            text = "".join(page.get_text() for page in pdf)
        wanted = [doc.title] + ([s.heading for s in doc.sections] if name == "document" else [])
        missing = {c for words in wanted for c in words if not c.isspace() and c not in text}
        assert missing == set(), (name, missing)
        # Full-width punctuation carries its own space: none is printed after it, where
        # code joins "最近审核：" and a date, or one sentence and the next.
        after = r".{0,6}[，。、：；！？）」』】〕》〉][ \u00a0\u2009].{0,6}"
        assert re.findall(after, text) == [], name
