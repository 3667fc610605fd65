"""`handout batch` runs the content check as `handout build` does: an entry it refuses
fails with the check's reason, and the others are built."""

from __future__ import annotations

from pathlib import Path

import pytest

from handout.commands.cli import main
from tests.conftest import CONTENT, ROOT

CLINIC = (ROOT / "assets/clinics/mind-body-7.yaml").read_text(encoding="utf-8").replace(
    "logo: mind-body-7-logo.svg", f"logo: {ROOT}/assets/clinics/mind-body-7-logo.svg")


def test_an_entry_the_check_refuses_fails_with_its_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.yaml").write_text(CLINIC, encoding="utf-8")
    (tmp_path / "pale.yaml").write_text(  # 2.2:1 on white: the check's error, not a typo
        CLINIC.replace('primary: "#1F4E79"', 'primary: "#7FA7CF"', 1), encoding="utf-8")
    (tmp_path / "batch.yaml").write_text(
        f"output: out\ncontents: [{CONTENT}]\nclinics: [good.yaml, pale.yaml]\n"
        "variants:\n  - name: letter\n  - name: a4\n    paper: a4\nworkers: 2\n",
        encoding="utf-8")

    assert main(["batch", "batch.yaml"]) == 1
    out = capsys.readouterr().out
    built = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.pdf"))
    assert built == ["good/en/a4.pdf", "good/en/letter.pdf"]
    reason = ("refused by the content check: pale.yaml:10:12: error: clinic.colours.primary: "
              "the primary colour #7FA7CF has 2.23:1 contrast on white and the tint #EAF2F8; "
              "text needs 4.5:1")
    failed = [line for line in out.splitlines() if line.startswith("FAILED")]
    assert [line.split()[:4] for line in failed] == [
        ["FAILED", "content.yaml", "pale", "letter"], ["FAILED", "content.yaml", "pale", "a4"]]
    assert all(line.endswith(reason) for line in failed), out
    assert out.splitlines()[-1] == "2 built, 2 failed."


def test_a_missing_file_in_the_batch_file_is_named_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clinics").mkdir()
    (tmp_path / "clinics" / "good.yaml").write_text(CLINIC, encoding="utf-8")
    (tmp_path / "batch.yaml").write_text(
        f"contents:\n  - {CONTENT}\n  - topics/sleep.yaml\n"
        "clinics:\n  - clinics/good.yaml\n  - clinics/gone.yaml\n", encoding="utf-8")

    assert main(["batch", "batch.yaml"]) == 2
    assert capsys.readouterr().err == (
        "batch.yaml:3:5: contents[1]: no content file at topics/sleep.yaml; check the name "
        "(it is relative to the batch file)\n"
        "batch.yaml:6:5: clinics[1]: no clinic file at clinics/gone.yaml; check the name "
        "(it is relative to the batch file)\n"
        "handout: 2 problems; nothing was written.\n")
    assert not (tmp_path / "build").exists()


def test_two_topics_in_one_language_each_get_a_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """content.yaml and the sleep example are both English: without a folder per topic the
    second would overwrite the first."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "batch.yaml").write_text(
        f"output: out\ncontents: [{CONTENT}, {ROOT}/examples/sleep/content.yaml]\n"
        f"clinics: [{ROOT}/assets/clinics/riverside-family-health.yaml]\n", encoding="utf-8")
    assert main(["batch", "batch.yaml", "-j", "1"]) == 0
    built = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.pdf"))
    assert built == ["riverside-family-health/mental-health/en/letter.pdf",  # `topic:`
                     "riverside-family-health/sleep/en/letter.pdf"]
    assert capsys.readouterr().out.splitlines()[-1] == "2 built, 0 failed."
