"""One rule for the two output streams (issue 19, item 6): a command's results on stdout,
its diagnostics (errors, warnings, the check's summary during a build, progress) on stderr.
So `handout build ... > log` holds what was written, and `handout check --json > r.json`
holds only the report. Each command is run through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handout.commands.cli import main
from tests.conftest import CONTENT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_writes_the_pdf_line_on_stdout_and_the_check_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.pdf"
    code, stdout, stderr = run(capsys, "build", str(CONTENT), "-o", str(out))
    assert code == 0
    assert stdout.startswith(f"Wrote {out} (") and stdout.count("\n") == 1
    assert "check passed: " in stderr and "Wrote" not in stderr


def test_errors_go_to_stderr_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "content.yaml"
    bad.write_text("titel: x\n", encoding="utf-8")
    for command in ("build", "check"):
        code, stdout, stderr = run(capsys, command, str(bad), "-o", str(tmp_path / "h.pdf")) \
            if command == "build" else run(capsys, command, str(bad))
        assert (code, stdout) == (2, ""), command
        assert stderr.endswith("nothing was written.\n"), command


def test_check_prints_its_report_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = run(capsys, "check", str(CONTENT))
    assert (code, stderr) == (0, "")
    assert "check passed: " in stdout
    code, stdout, stderr = run(capsys, "check", str(CONTENT), "--json")
    assert (code, stderr) == (0, "") and json.loads(stdout)["ok"] is True


@pytest.mark.parametrize(("argv", "starts"), [
    (["new", "{tmp}/x"], "Wrote a starter handout in {tmp}/x/:"),
    (["schema", "-o", "{tmp}/content.schema.json"], "Wrote {tmp}/content.schema.json and"),
    (["icons", "stom"], "stomach "),
    (["translate", str(CONTENT), "--to", "vi", "-o", "{tmp}/content.vi.po"],
     "Wrote {tmp}/content.vi.po: "),
    (["--version"], "handout "),
])
def test_results_go_to_stdout(argv: list[str], starts: str, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    code = 0
    try:
        code = main([a.format(tmp=tmp_path) for a in argv])
    except SystemExit as exc:  # --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith(starts.format(tmp=tmp_path))


def test_nothing_found_is_a_diagnostic(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = run(capsys, "icons", "xyzzy")
    assert (code, stdout) == (1, "") and stderr.startswith("No icon matches 'xyzzy'.")
