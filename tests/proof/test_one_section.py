"""The shortest sleep handout, its first section alone, as a document: built, not refused,
and every page rule kept (the last page may end part-way: it holds the references that
run on from the help panel's page)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from handout.common.errors import ContentError
from handout.pipeline.build import Options, build
from tests.proof.conftest import ROOT
from tests.proof.pages import RULES, check, read, tokens

SLEEP = ROOT / "examples" / "sleep"


def _one_section(folder: Path) -> Path:
    """The sleep example with only its first section, beside a copy of its picture."""
    data = yaml.safe_load((SLEEP / "content.yaml").read_text(encoding="utf-8"))
    data["sections"] = data["sections"][:1]
    data["clinic"] = str((SLEEP / data["clinic"]).resolve())
    del data["glossary"]  # its words are in the sections left out
    shutil.copy(SLEEP / "bedroom.svg", folder / "bedroom.svg")
    content = folder / "content.yaml"
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    return content


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_one_section_document_builds_and_keeps_the_rules(tmp_path: Path, paper: str) -> None:
    content = _one_section(tmp_path)
    out = tmp_path / "one.pdf"
    build(content, out, Options(format="document", paper=paper, check=False,
                                cache_dir=tmp_path / "charts"))
    printed = read(out, "document")
    words = tokens(content)
    found = {rule: v for rule in RULES if (v := check(printed, rule, words))}
    assert found == {}, found
    assert len(printed.pages) <= 4


def test_a_booklet_with_a_blank_page_asks_for_more_content_not_less(tmp_path: Path) -> None:
    """Its pages come in fours: page 7 of 8 stays blank. The refusal says the text ends
    before it and asks for more, at the part before it (nothing moved on from it)."""
    content = _one_section(tmp_path)
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "one.pdf", Options(format="booklet", check=False,
                                                     cache_dir=tmp_path / "charts"))
    [problem] = caught.value.problems
    message = str(problem)
    assert re.search(r"page 7 is 100% empty .*; the text ends before it .*a booklet's "
                     r"come in fours\); add to this part or the parts before it", message), message
    assert "Shorten" not in message and "does not fit" not in message
