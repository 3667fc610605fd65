"""Content that cannot fit a rack format is refused by the command line (exit 2, nothing
written) with a message located at the part where the room runs out, saying by how much
and what to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handout.commands.cli import main
from tests.conftest import CONTENT, ROOT

SECTION = "What you can do"  # sections[5]: shown in every format, never optional
EXTRA = ('      - "More to try, number {n}: eat a fiber food with each meal, and add a '
         'fermented food a few times a week. Tell your care team how it goes."\n')


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


@pytest.fixture
def overflowing(tmp_path: Path) -> tuple[Path, str]:
    """content.yaml with 12 more paragraphs in "What you can do" and nothing optional,
    beside a link to the real assets; and its text."""
    text = CONTENT.read_text(encoding="utf-8")
    head = f"  - heading: {SECTION}\n    icon: nutrition\n    paragraphs:\n"
    assert head in text and "    optional: true\n" in text
    text = text.replace(head, head + "".join(EXTRA.format(n=n) for n in range(1, 13)))
    text = text.replace("    optional: true\n", "")
    assert "optional:" not in text.split("\nsections:", 1)[1]
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return path, text


def test_content_too_long_for_the_trifold_is_refused_at_the_section(
        overflowing: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, text = overflowing
    out = path.parent / "trifold.pdf"
    code, err = run(capsys, "build", str(path), "--format", "trifold", "-o", str(out),
                    "--no-check")
    assert code == 2 and not out.exists()
    assert "Traceback" not in err
    line = next(n for n, row in enumerate(text.splitlines(), 1)
                if row == f"  - heading: {SECTION}")
    column = text.splitlines()[line - 1].index("heading") + 1
    assert f"content.yaml:{line}:{column}: " in err
    assert "does not fit the tri-fold" in err
    assert f'"{SECTION}"' in err  # where the room runs out
    lines = re.search(r"about (\d+) lines?\b", err)
    assert lines, err
    # The twelve new paragraphs alone take at least 3 lines each in a panel.
    assert 36 <= int(lines.group(1)) < 200
    assert "`optional: true`" in err and "`formats:" in err


def test_the_trifold_refusal_speaks_of_panels(
        overflowing: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = overflowing
    _, err = run(capsys, "build", str(path), "--format", "trifold", "-o",
                 str(path.parent / "t.pdf"), "--no-check")
    assert "does not fit the tri-fold" in err
    assert "pages" not in err.split("does not fit", 1)[1].split(";")[0]


@pytest.mark.parametrize("fmt", ["trifold", "sheet", "booklet"])
def test_large_print_in_a_rack_format_is_refused_with_the_way_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    out = tmp_path / "large.pdf"
    code, err = run(capsys, "build", str(CONTENT), "--format", fmt, "--large-print", "-o",
                    str(out), "--no-check")
    assert code == 2 and not out.exists()
    assert "Traceback" not in err
    assert re.search(r"content\.yaml:\d+:\d+: ", err)
    name = {"trifold": "tri-fold"}.get(fmt, fmt)
    assert f"does not fit the {name}" in err
    assert "large print" in err.lower()
    assert "--format document --large-print" in err


def test_a_full_cover_is_not_offered_more_pages_or_fewer_sections(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # content.yaml's large-print booklet runs out of room on its cover (the key points
    # at 18 pt): more pages or fewer sections would not help, so neither is suggested.
    code, err = run(capsys, "build", str(CONTENT), "--format", "booklet", "--large-print",
                    "-o", str(tmp_path / "b.pdf"), "--no-check")
    assert code == 2
    assert "for the cover" in err and "nothing on the cover can move" in err
    assert "pages:" not in err and "optional: true" not in err
