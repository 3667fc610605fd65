"""The PO file `handout translate` writes: one entry per printed text, each with its place
(msgctxt) and the line of content.yaml it comes from, in a file gettext's own tools accept."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
import yaml

from handout.input.loader import load
from handout.input.po_write import write_po
from handout.input.translation import printed_parts
from tests.conftest import CONTENT, ROOT

SLEEP = ROOT / "examples" / "sleep" / "content.yaml"


def written(tmp_path: Path, content: Path = CONTENT, language: str = "vi") -> polib.POFile:
    out = tmp_path / f"content.{language}.po"
    write_po(load(content), content, out, language)
    return polib.pofile(str(out))


def texts_in(data: object) -> list[str]:
    """Every string in plain data."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [t for v in data.values() for t in texts_in(v)]
    if isinstance(data, list):
        return [t for v in data for t in texts_in(v)]
    return []


def test_an_entry_for_each_printed_text_of_content_yaml(tmp_path: Path) -> None:
    po = written(tmp_path)
    by_place = {e.msgctxt: e.msgid for e in po}
    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    assert by_place["title"] == data["title"]
    assert by_place["subtitle"] == data["subtitle"]
    assert by_place["disclaimer"] == data["disclaimer"]
    for i, section in enumerate(data["sections"]):
        assert by_place[f"sections[{i}].heading"] == section["heading"]
    for i, text in enumerate(data["sections"][0]["paragraphs"]):
        assert by_place[f"sections[0].paragraphs[{i}]"] == text
    assert by_place["sections[1].blocks[2].image.caption"] == \
        data["sections"][1]["blocks"][2]["image"]["caption"]
    assert by_place["sections[6].box.title"] == data["sections"][6]["box"]["title"]
    for i, item in enumerate(data["key_points"]["items"]):
        assert by_place[f"key_points.items[{i}].text"] == item["text"]
    assert by_place["figure.caption"] == data["figure"]["caption"]
    assert by_place["figure.rows[0].label"] == data["figure"]["rows"][0]["label"]
    for i, step in enumerate(data["plan"]["steps"]):
        text = step["text"] if isinstance(step, dict) else step
        assert by_place[f"plan.steps[{i}]" + (".text" if isinstance(step, dict) else "")] \
            == text
    for t, tier in enumerate(data["help"]["tiers"]):
        for i, item in enumerate(tier["items"]):
            assert by_place[f"help.tiers[{t}].items[{i}]"] == item
    assert by_place["puzzle.riddles[0].question"] == data["puzzle"]["riddles"][0]["question"]
    assert by_place["puzzle.word_search.words"] == ", ".join(data["puzzle"]["word_search"]
                                                             ["words"])
    # Not printed or not translated: settings, icon names, the clinic, references, glossary.
    places = " ".join(by_place)
    for key in ("language", "clinic", "references", "glossary", "checks", "icon", "formats",
                "review.reviewer", "image.file", "level"):
        assert key not in places
    # Every string of the content file is either an entry or one of those.
    entries = set(by_place.values())
    left = [t for key in ("title", "intro", "sections", "plan", "help", "key_points",
                          "disclaimer") for t in texts_in(data[key])
            if t not in entries and not re.fullmatch(r"[a-z_-]+|assets/.*\.svg", t)]
    assert left == [], "printed texts with no entry"


def test_tables_lists_and_pictures_of_the_sleep_example(tmp_path: Path) -> None:
    po = written(tmp_path, SLEEP)
    places = {e.msgctxt for e in po}
    data = yaml.safe_load(SLEEP.read_text(encoding="utf-8"))
    kinds = {key for section in data["sections"] for block in section.get("blocks", [])
             for key in block}
    assert {"table", "steps", "checklist", "image"} <= kinds
    for i, section in enumerate(data["sections"]):
        for j, block in enumerate(section.get("blocks", [])):
            if "table" in block:
                table = block["table"]
                for c in range(len(table["header"])):
                    assert f"sections[{i}].blocks[{j}].table.header[{c}]" in places
                for r, row in enumerate(table["rows"]):
                    for c, cell in enumerate(row):
                        if cell:
                            assert f"sections[{i}].blocks[{j}].table.rows[{r}][{c}]" in places
            for kind in ("steps", "checklist", "bullets"):
                for k in range(len(block.get(kind, []))):
                    assert f"sections[{i}].blocks[{j}].{kind}[{k}]" in places


def test_each_reference_points_at_the_line_the_text_is_on(tmp_path: Path) -> None:
    po = written(tmp_path)
    lines = CONTENT.read_text(encoding="utf-8").splitlines()
    for entry in po:
        (file, line), = entry.occurrences
        assert (tmp_path / file).resolve() == CONTENT
        written_line = lines[int(line) - 1]
        if "Not written in" in entry.comment:  # a default title: the line of its parent
            assert written_line.rstrip().endswith(":")
            continue
        first = entry.msgid.split(", ")[0] if entry.msgctxt.endswith("words") else entry.msgid
        assert first[:30] in written_line.replace('\\"', '"'), (entry.msgctxt, line)
    assert po.find("Some studies find fewer kinds of gut bacteria in people with "
                   "depression. Other studies find more, or no change. When all the studies "
                   "are combined, there is no clear difference yet. Scientists measure "
                   "variety in a few ways. Figure 1 below shows three of them.",
                   msgctxt="sections[2].paragraphs[0]") is not None


def test_the_entries_are_the_printed_parts_in_file_order(tmp_path: Path) -> None:
    po = written(tmp_path)
    parts = printed_parts(load(CONTENT))
    assert [e.msgctxt for e in po] == [p.path for p in parts]
    assert len({e.msgctxt for e in po}) == len(po)  # one entry per place


def test_header_names_the_language_the_source_and_the_review(tmp_path: Path) -> None:
    po = written(tmp_path, language="zh-Hans")
    assert po.metadata["Language"] == "zh-Hans"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert (tmp_path / po.metadata["X-Handout-Source"]).resolve() == CONTENT
    assert po.metadata["X-Handout-Status"] == "draft"


def test_placeholders_are_marked_for_translators_tools(tmp_path: Path) -> None:
    po = written(tmp_path)
    entry = po.find("help.tiers[2].heading", by="msgctxt")
    assert entry is not None and "{clinic}" in entry.msgid
    assert "python-brace-format" in entry.flags
    assert "Keep {clinic}" in entry.comment


def test_gettext_accepts_the_file(tmp_path: Path) -> None:
    po = written(tmp_path)
    path = tmp_path / "content.vi.po"
    msgfmt = shutil.which("msgfmt")
    if msgfmt is not None:
        done = subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "out.mo"), str(path)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    # And polib reads back what it wrote, entry for entry.
    again = polib.pofile(str(po))
    assert [(e.msgctxt, e.msgid) for e in again] == [(e.msgctxt, e.msgid) for e in po]


@pytest.mark.parametrize("language", ["vi x", "", "v"])
def test_a_language_must_be_a_tag(tmp_path: Path, language: str) -> None:
    from handout.common.errors import HandoutError

    with pytest.raises(HandoutError, match="BCP 47"):
        write_po(load(CONTENT), CONTENT, tmp_path / "x.po", language)
