"""'My plan', 'When to get help' and the puzzle are optional: a topic without them builds
in every format, and the check says what it then asks for."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from handout.check import check_file
from handout.pipeline.build import Options, build

ROOT = Path(__file__).resolve().parents[2]
SLEEP = ROOT / "examples" / "sleep"


def without(text: str, *keys: str) -> str:
    """The content file's text less the top-level `keys` (each to the next top-level key)."""
    for key in keys:
        text = re.sub(rf"(?ms)^{key}:\n.*?(?=^[a-z_]+:)", "", text)
    return text


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """The sleep example with no plan and no help panel (a non-mental-health topic)."""
    text = (SLEEP / "content.yaml").read_text(encoding="utf-8")
    path = tmp_path / "content.yaml"
    path.write_text(without(text, "plan", "help").replace(
        "../../assets/", f"{ROOT}/assets/"), encoding="utf-8")
    (tmp_path / "bedroom.svg").write_bytes((SLEEP / "bedroom.svg").read_bytes())
    return path


@pytest.mark.parametrize("fmt", ["document", "booklet", "trifold", "sheet"])
def test_a_topic_without_plan_or_help_builds_in_every_format(bare: Path, fmt: str) -> None:
    out = bare.parent / f"{fmt}.pdf"
    result = build(bare, out, Options(format=fmt, check=False, cache_dir=bare.parent / "c"))
    with pymupdf.open(out) as pdf:
        text = " ".join(page.get_text() for page in pdf)
    assert result.pages == {"document": result.pages, "booklet": 8}.get(fmt, 2)
    assert "My plan" not in text and "When to get help" not in text
    assert "Hours of sleep each day, by age" in text or fmt in {"trifold", "sheet"}


def test_without_a_plan_the_sections_checklist_is_the_tool(tmp_path: Path) -> None:
    text = (SLEEP / "content.yaml").read_text(encoding="utf-8")
    path = tmp_path / "content.yaml"
    path.write_text(without(text, "plan").replace("../../assets/", f"{ROOT}/assets/"),
                    encoding="utf-8")
    (tmp_path / "bedroom.svg").write_bytes((SLEEP / "bedroom.svg").read_bytes())
    report = check_file(path)
    assert report.ok, report.findings  # its checklist and steps are the actions
    assert all(s.value == 100 for s in report.scores)


def test_without_help_the_check_asks_when_to_contact_the_care_team(bare: Path) -> None:
    report = check_file(bare)
    [finding] = [f for f in report.findings if f.path == "title"]
    assert finding.message == "nothing says when to contact the care team"
    assert finding.fix.startswith("Add `help:`")


def test_a_crisis_handout_needs_the_help_panel(tmp_path: Path) -> None:
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    path = tmp_path / "content.yaml"
    path.write_text(without(text, "help").replace(
        "clinic: assets/", f"clinic: {ROOT}/assets/"), encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    report = check_file(path)
    [finding] = [f for f in report.findings if f.path == "crisis"]
    assert finding.severity == "error"
    assert finding.message == ('this handout says `crisis: true`, so it needs a "When to get '
                               'help" panel with a crisis tier')
    assert finding.line == next(n for n, line in enumerate(text.splitlines(), start=1)
                                if line.startswith("crisis: true"))
