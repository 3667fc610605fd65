"""Issue 19, item 5: the parser's words replaced by ones a clinic coordinator can act on.

Each case reads a small file with the real loader (both YAML parsers where they apply) and
quotes the whole message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handout.commands.cli import main
from handout.common.errors import ContentError
from handout.input import loader
from tests.conftest import CONTENT, ROOT


def message(tmp_path: Path, text: str, name: str = "content.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    results = []
    for c_parser in (True, False):
        with pytest.raises(ContentError) as caught:
            loader.load(path, name, c_parser=c_parser)
        results.append([str(p) for p in caught.value.problems])
    assert results[0] == results[1]
    assert len(results[0]) == 1
    return results[0][0]


SECTION = "sections:\n  - heading: Sleep\n    blocks:\n      - paragraph: Rest.\n"


@pytest.mark.parametrize(("text", "expected"), [
    # a key indented between two levels: both levels, the nearer first
    (SECTION + "       bullets: [a]\n",
     "content.yaml:5:8: the indentation of line 5 matches no line above it; indent it 8 "
     "spaces, in line with 'paragraph:' on line 4, or indent it 4 spaces, in line with "
     "'blocks:' on line 3"),
    (SECTION + "   formats: [sheet]\n",
     "content.yaml:5:4: the indentation of line 5 matches no line above it; indent it 4 "
     "spaces, in line with 'blocks:' on line 3, or start it at the left edge, in line with "
     "'sections:' on line 1"),
    # a list item between two levels
    ("key_points:\n  - Sleep helps.\n - Rest.\n",
     "content.yaml:3:2: the indentation of line 3 matches no line above it; indent it 2 "
     "spaces, in line with the '-' on line 2"),
    # a key at the level of the list above it
    ("key_points:\n  - Sleep helps.\n  intro: Rest.\n",
     "content.yaml:3:3: the indentation of line 3 matches no line above it; start it at the "
     "left edge, in line with 'key_points:' on line 1"),
    # a key indented under a line of text
    ("title: Sleep well\n  subtitle: A guide\n",
     "content.yaml:2:3: line 2 is indented more than line 1, so YAML reads it as more of "
     "line 1's text; start it at the left edge, in line with 'title:' on line 1 (or, if it "
     "is more of that text, put the whole text in quotes)"),
    (SECTION + "         bullets: [a]\n",
     "content.yaml:5:10: line 5 is indented more than line 4, so YAML reads it as more of "
     "line 4's text; indent it 8 spaces, in line with 'paragraph:' on line 4 (or, if it is "
     "more of that text, put the whole text in quotes)"),
])
def test_indentation_names_the_line_to_match(tmp_path: Path, text: str,
                                             expected: str) -> None:
    assert message(tmp_path, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("title: Sleep\nsections:\n  - heading: Sleep: how much you need\n",
     "content.yaml:3:19: a ': ' inside text makes YAML read the words before it as a key; "
     "put the text in quotes: - heading: \"Sleep: how much you need\""),
    # a list item: the whole item goes in quotes; a comment stays out of them
    ("bullets:\n  - Note: the \"dose\": 2 a day  # from the label\n",
     "content.yaml:2:21: a ': ' inside text makes YAML read the words before it as a key; "
     "put the text in quotes: - \"Note: the \\\"dose\\\": 2 a day\""),
])
def test_a_colon_in_text_is_shown_in_quotes(tmp_path: Path, text: str, expected: str) -> None:
    assert message(tmp_path, text) == expected


def test_the_quoted_fix_reads(tmp_path: Path) -> None:
    """The line offered as the fix is valid YAML with the text as typed."""
    fix = message(tmp_path, "heading: Sleep: how much you need\n").split("quotes: ", 1)[1]
    (tmp_path / "fixed.yaml").write_text(fix + "\n", encoding="utf-8")
    assert loader.load(tmp_path / "fixed.yaml").data == {"heading": "Sleep: how much you need"}


@pytest.mark.parametrize(("text", "expected"), [
    ('{\n  "title": "Sleep",\n}\n',
     "content.json:2:19: JSON syntax: a comma before '}': remove the comma after the last "
     "item"),
    ('{\n  "title": "Sleep"\n  "intro": ["Rest."]\n}\n',
     "content.json:3:3: JSON syntax: expecting ',' delimiter (check commas, brackets and "
     "double quotes)"),
    ("{'title': 'Sleep'}\n",
     "content.json:1:2: JSON syntax: expecting property name enclosed in double quotes "
     "(check commas, brackets and double quotes)"),
])
def test_json_mistakes_are_called_json(tmp_path: Path, text: str, expected: str) -> None:
    assert message(tmp_path, text, "content.json") == expected


def test_a_json_file_indented_with_tabs_reads(tmp_path: Path) -> None:
    """JSON allows tabs between values (YAML does not): the positions stay right."""
    path = tmp_path / "content.json"
    path.write_text('{\n\t"title": "Sleep",\n\t"intro": ["Rest.\\tNow"]\n}\n', encoding="utf-8")
    doc = loader.load(path)
    assert doc.data == {"title": "Sleep", "intro": ["Rest.\tNow"]}
    assert doc.values[("intro", 0)] == (3, 12)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('  - "This handout is about', '  - "' + "Sleep helps. " * 124 + 'This handout is about',
     ":{line}:5: intro[0]: this text is 1,764 characters, over the limit of 1,500 here; split it "
     "into two paragraphs"),
    ("  - heading: Your gut does more than digest food",
     "  - heading: Your gut does more than digest food" + " and more" * 13,
     ":{line}:14: sections[0].heading: this text is 152 characters, over the limit of 150 here; "
     "shorten it"),
])
def test_too_long_text_gives_its_length_and_the_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str,
        expected: str) -> None:
    text = CONTENT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "content.yaml"
    path.write_text(text.replace(old, new, 1).replace(
        "clinic: assets/clinics/", f"clinic: {ROOT}/assets/clinics/"), encoding="utf-8")
    code, _, err = cli(capsys, "check", str(path))
    assert code == 2
    line = text[:text.index(old)].count("\n") + 1
    assert err.splitlines()[0] == f"{path}{expected.format(line=line)}"


def test_the_loader_calls_a_folder_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, "topics")
    assert [str(p) for p in caught.value.problems] == [
        "topics:1:1: this is a folder, not a file; name the file in it"]
