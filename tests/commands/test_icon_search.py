"""`handout icons [WORD]`: the names a content file can give `icon:`, found by a word."""

from __future__ import annotations

from pathlib import Path

import pymupdf
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


def test_a_sheet_draws_each_matching_icon_over_its_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "icons.pdf"
    assert main(["icons", "pill", "--sheet", str(out)]) == 0
    printed = capsys.readouterr().out
    names = [info.name for info in icon_set.search("pill")[0]]
    assert f"Wrote {out} ({len(names)} icons with their names, 1 page)" in printed
    with pymupdf.open(out) as pdf:
        [page] = pdf
        assert page.get_text().startswith(f"Icons matching 'pill' ({len(names)})")
        drawn = [d["rect"] for d in page.get_drawings()]
        words = {w[4]: pymupdf.Rect(w[:4]) for w in page.get_text("words")}
        for name in names:
            # A long name is broken after a '_': its first line is a word of its own.
            label = words.get(name) or next(words[w] for w in words
                                            if w.endswith("_") and name.startswith(w))
            # Strokes of the icon in the 60 points over its name, centred on it.
            over = [r for r in drawn if label.y0 - 75 < r.y0 and r.y1 < label.y0
                    and abs((r.x0 + r.x1) / 2 - (label.x0 + label.x1) / 2) < 40]
            assert over, f"no icon drawn over {name}"
        # pill_1, the pill in a "no" sign, is there to be seen.
        assert page.search_for("pill_1")


def test_no_sheet_is_written_when_nothing_matches(tmp_path: Path) -> None:
    assert main(["icons", "xyzzy", "--sheet", str(tmp_path / "icons.pdf")]) == 1
    assert not (tmp_path / "icons.pdf").exists()
