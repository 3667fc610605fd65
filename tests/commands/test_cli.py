"""The command line, driven in-process: exit codes, messages, and what is (not) written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from handout.commands.cli import main
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_reports_path_pages_and_time(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.pdf"
    code, stdout, _ = run(capsys, "build", str(CONTENT), "-o", str(out))
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert f"Wrote {out}" in stdout and "pages" in stdout and " s" in stdout
    assert not list(tmp_path.glob(".*.tmp")), "temporary file left behind"


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build(CONTENT, a, Options())
    build(CONTENT, b, Options())
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_missing_content_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x"))
    assert code == 2
    assert err.strip() == f"handout: content file not found: {tmp_path / 'nope.yaml'}"


@pytest.mark.parametrize("command", ["build", "check", "watch"])
def test_clinic_option_is_read_from_the_current_folder(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, command, str(CONTENT), "--clinic", "clinics/nope.yaml")
    assert code == 2
    assert err == ("handout: no clinic file at clinics/nope.yaml; check the name (a --clinic "
                   f"path is relative to the folder this command runs in, {tmp_path})\n")
    assert not (tmp_path / "build").exists()


def test_bad_content_keeps_previous_pdf(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.pdf"
    out.write_bytes(b"%PDF-previous")
    bad = tmp_path / "content.yaml"
    text = CONTENT.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1)
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    code, _, err = run(capsys, "build", str(bad), "-o", str(out))
    assert code == 2
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("titel:")))
    assert f"content.yaml:{line + 1}:1: titel: unknown key 'titel'; did you mean 'title'?" in err
    assert "Traceback" not in err
    assert out.read_bytes() == b"%PDF-previous"


def test_python_dash_m_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    assert "build" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """One version, written in handout/__init__.py: the package metadata is read from it."""
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"handout {version('handout')}\n" == "handout 0.1.0\n"


def test_committed_schema_is_current() -> None:
    from handout.input.schema import clinic_schema_text, schema_text

    committed = (ROOT / "content.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run `make schema` and commit content.schema.json"
    clinic = (ROOT / "clinic.schema.json").read_text(encoding="utf-8")
    assert clinic == clinic_schema_text(), "run `make schema` and commit clinic.schema.json"


def test_schemas_accept_the_shipped_files() -> None:
    """What editors underline must match what the tool accepts (a small structural check)."""
    import json

    import yaml

    content = json.loads((ROOT / "content.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "content.yaml").read_text(encoding="utf-8"))
    assert set(data) <= set(content["properties"])
    assert {"type": "string"}.items() <= content["properties"]["clinic"]["anyOf"][0].items()
    clinic = json.loads((ROOT / "clinic.schema.json").read_text(encoding="utf-8"))
    for path in (ROOT / "assets" / "clinics").glob("*.yaml"):
        assert set(yaml.safe_load(path.read_text(encoding="utf-8"))) <= set(
            clinic["properties"]), path


def test_a_fresh_process_refuses_a_build_its_check_fails(tmp_path: Path) -> None:
    """In a fresh process the check runs in a forked child beside the layout; its verdict
    must still stop the build before anything is written."""
    import subprocess
    import sys

    hard = ("Notwithstanding considerable methodological heterogeneity, contemporary "
            "investigations substantiate associations between intestinal microbial "
            "composition and affective symptomatology, necessitating longitudinal evaluation.")
    first = '      - "Some studies find fewer kinds'
    text = CONTENT.read_text(encoding="utf-8").replace(first, f'      - "{hard}"\n{first}', 1)
    assert hard in text
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    (tmp_path / "content.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out" / "h.pdf"
    done = subprocess.run([sys.executable, "-m", "handout", "build", "content.yaml", "-o",
                           str(out)], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 2, done.stderr
    assert "content.yaml:" in done.stderr and "grade" in done.stderr and done.stdout == ""
    assert "--allow-check-errors" in done.stderr and not out.exists()


def test_a_command_started_with_its_output_closed_still_builds(tmp_path: Path) -> None:
    """Started by a scheduler or a desktop launcher, stdout may be closed: no traceback."""
    import os
    import subprocess
    import sys

    out = tmp_path / "h.pdf"
    done = subprocess.run([sys.executable, "-m", "handout", "build", str(CONTENT), "--no-check",
                           "-o", str(out)], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                          timeout=300, check=False, preexec_fn=lambda: os.close(1))
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and out.stat().st_size > 50_000


def test_a_command_run_in_a_deleted_folder_says_so(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    gone = tmp_path / "gone"
    gone.mkdir()

    def enter_then_delete() -> None:
        os.chdir(gone)
        os.rmdir(gone)

    done = subprocess.run([sys.executable, "-m", "handout", "build", str(CONTENT), "-o",
                           str(tmp_path / "h.pdf")], capture_output=True, text=True,
                          timeout=300, check=False, preexec_fn=enter_then_delete)
    assert done.returncode == 2
    assert "no longer exists" in done.stderr and "Traceback" not in done.stderr
