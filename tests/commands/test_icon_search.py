"""`handout icons [WORD]`: the names a content file can give `icon:`, found by a word."""

from __future__ import annotations

import pytest

from handout.commands.cli import main
from handout.common import icon_set


def test_a_word_lists_the_icons_that_match(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["icons", "stom"]) == 0
    out = capsys.readouterr().out
    names = [line.split()[0] for line in out.splitlines() if line and line[0] != " "]
    assert names[:2] == ["stomach", "stomach_cancer"]  # names that hold the word come first
    assert {"gastroenterology", "intestinal-pain", "vomiting"} <= set(names)  # by their tags
    assert "stomach           Stomach, Digestive System, Gut, Intestine, Organ" in out
    assert "5 icons matching 'stom'. In a content file, `icon: stomach` puts one" in out


def test_no_word_lists_every_icon(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["icons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len([line for line in lines if line]) == len(icon_set.names()) + 2
    assert f"{len(icon_set.names())} icons. In a content file" in "\n".join(lines)


def test_a_word_nothing_matches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["icons", "xyzzy"]) == 1
    out, err = capsys.readouterr()  # nothing found: a diagnostic, on stderr
    assert out == "" and err.startswith("No icon matches 'xyzzy'.")


def test_a_misspelt_word_lists_the_names_spelt_like_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["icons", "stomak"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("stomach  Stomach, Digestive System")
    assert "1 icon spelt like 'stomak' (none has it in its name or subject)." in out
