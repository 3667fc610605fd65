"""The loader reads the same data and positions with libyaml's parser as with PyYAML's own.

libyaml composes some 20 times faster (issue 6); the pure-Python parser stays the judge of
text the two would treat differently, and words every YAML syntax error.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from handout.common.errors import ContentError
from handout.input import loader
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False),
                                reason="PyYAML built without libyaml: only one parser to test")

FILES = [ROOT / "content.yaml", ROOT / "content.es.yaml",
         *sorted((ROOT / "assets" / "clinics").glob("*.yaml"))]


def outcome(path: Path, *, c_parser: bool) -> tuple[Any, ...]:
    """Everything `load` gives back: data, positions and problems, or the error's problems."""
    try:
        doc = loader.load(path, "f.yaml", c_parser=c_parser)
    except ContentError as exc:
        return ("error", [str(p) for p in exc.problems])
    except yaml.YAMLError as exc:  # e.g. a control character: not a located error (yet)
        return ("unlocated", type(exc).__name__, str(exc))
    return ("ok", doc.data, doc.values, doc.keys, [str(p) for p in doc.problems],
            doc.commented)


def both(path: Path) -> tuple[Any, ...]:
    fast, pure = outcome(path, c_parser=True), outcome(path, c_parser=False)
    assert fast == pure
    return fast


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_our_files_read_the_same_with_both_parsers(path: Path) -> None:
    result = both(path)
    assert result[0] == "ok" and result[4] == []
    assert len(result[2]) > 10 and len(result[3]) > 10  # values and keys were located


def test_libyaml_is_what_reads_a_valid_file() -> None:
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    fast, pure = loader.compose(text, "f"), loader.compose(text, "f", c_parser=False)
    assert fast is not None and pure is not None
    assert fast.start_mark.buffer is None  # libyaml's marks carry no copy of the text
    assert pure.start_mark.buffer is not None


TAB_INDENT = ("a tab: indent with spaces (YAML does not allow tabs; most editors can put spaces "
              "when you press Tab)")


@pytest.mark.parametrize(("text", "message"), [
    ("a:\n  b: c\n d: e\n", "3:2: the indentation of line 3 matches no line above it; "
     "indent it 2 spaces, in line with 'b:' on line 2, or start it at the left edge, in "
     "line with 'a:' on line 1"),
    ("a: [b\n", "2:1: YAML syntax: expected ',' or ']', but got '<stream end>'"),
    ("a: b: c\n", "1:5: a ': ' inside text makes YAML read the words before it as a key; "
     "put the text in quotes: a: \"b: c\""),
    ("a: @b\n", "1:4: YAML syntax: found character '@' that cannot start any token"),
    ('a: "\\q"\n', "1:6: YAML syntax: found unknown escape character 'q'"),
    ("a: *x\n", "1:4: YAML syntax: found undefined alias 'x'"),
    ("a: &x 1\nb: &x 2\n", "2:4: YAML syntax: second occurrence"),
    ("a:\n\tb: c\n", f"2:1: {TAB_INDENT}"),
    ("a:\n  - x\n  \t- y\n", f"3:3: {TAB_INDENT}"),
    ("a: |\n\tx\n", f"2:1: {TAB_INDENT}"),
    # libyaml accepts these tabs; the pure parser refuses them, as before
    ("a:\t b\n", "1:3: a tab: use spaces instead (YAML does not allow tabs here)"),
    ("a: b\tc\n", "1:5: a tab: use spaces instead (YAML does not allow tabs here)"),
    ("a: [1,\t2]\r\nb:\n\tc\n", "1:7: a tab: use spaces instead (YAML does not allow tabs here)"),
])
def test_syntax_errors_are_worded_and_placed_as_before(tmp_path: Path, text: str,
                                                       message: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    result = both(path)
    assert result[0] == "error"
    assert result[1][0].startswith(f"f.yaml:{message}"), result


@pytest.mark.parametrize("text", [
    "title: Café\r\nsections:\r\n  - heading: Wörter\r\n    body: [a, b]\r\n",  # CRLF
    "\ufefftitle: x\nlist:\n  - y\n",  # a leading BOM
    "ti\ufefftle: a\ufeffb\nnext: c\n",  # a BOM inside: libyaml would count it as a column
    "title: x\n?",  # no final newline: libyaml would put the empty value on a line 2
    "title: x\nempty:",
    "title: Your\ntitle: Other\n",  # duplicate key
    "title: !shout x\nb: !!python/name:os.system x\n",  # refused tags
    "a: &a [x, x]\nb: [*a, *a]\nc: {<<: {d: 1}}\n",
    "when: 2026-13-40\nn: 0x1F\nf: .inf\nyes: no\n~: 1\n",
    "t: 😀 腸 x\nl: [😀, \"😀\", y]\nm: {k: 腸}\n",
    "a: b\x85c: d\u2028e: f\u2029g: h\n",  # the other line breaks YAML knows
    "# only a comment\n",
    "primary: #1F4E79   # dark blue\nlist:\n  - #x\n  - # a comment\ntítulo: #ñ\n",
    "",
])
def test_edge_cases_read_the_same(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(text.encode("utf-8"))
    both(path)


def test_a_value_written_as_a_comment_is_noted_at_its_hash(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a:\n  primary:  #1F4E79   # dark blue\n  accent: # none yet\n"
                    "words:\n  - #1 tip\n", encoding="utf-8")
    doc = loader.load(path)
    assert doc.data == {"a": {"primary": None, "accent": None}, "words": [None]}
    assert doc.commented == {("a", "primary"): "#1F4E79", ("words", 0): "#1 tip"}
    assert doc.values[("a", "primary")] == (2, 13) and doc.values[("words", 0)] == (5, 5)


def test_alias_bomb_is_refused_by_both(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 6) + "]"
        for i in range(9)]
    path = tmp_path / "f.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = both(path)
    assert result[0] == "error" and "too many values" in result[1][0]


PIECES = [":", "-", " ", "  ", "\n", "#", "'", '"', "[", "]", "{", "}", ",", "&a", "*a", "!",
          "|", ">", "?", "%", "@", "`", "\\", "\r", "\r\n", "\x85", "\u2028", "é", "😀", "\t",
          "\ufeff", "---", "...", "- ", ": ", " #", "~", "2026-13-40", "<<: *a\n", "\n  "]


def test_mutated_files_read_the_same(tmp_path: Path) -> None:
    """Random small edits of our files: same data, positions and messages from both."""
    rng = random.Random(6)
    sources = [p.read_text(encoding="utf-8") for p in FILES]
    path = tmp_path / "f.yaml"
    for _ in range(300):
        lines = rng.choice(sources).splitlines(keepends=True)
        start = rng.randrange(len(lines))
        text = "".join(lines[start:start + rng.randint(1, 30)])
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            cut = rng.choice([0, 0, 1, 2])
            text = text[:at] + rng.choice(PIECES) + text[at + cut:]
        path.write_bytes(text.encode("utf-8"))
        try:
            both(path)
        except AssertionError as exc:
            raise AssertionError(f"parsers differ on {text!r}") from exc
