"""Issue 19, item 5: the command line's own mistakes in plain words, run through the real
CLI. Each test quotes the whole message, and checks that nothing was written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pymupdf
import pytest

from handout.commands.cli import main
from handout.pipeline.build import Result
from tests.conftest import CONTENT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["build", "check", "watch"])
def test_a_folder_given_as_the_content_file_is_called_a_folder(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, command, str(tmp_path)) == (
        2, "", f"handout: {tmp_path} is a folder, not a content file; name the content file "
        f"in it, e.g. {tmp_path / 'content.yaml'}\n")
    (tmp_path / "content.yaml").write_text("title: x\n", encoding="utf-8")
    assert run(capsys, command, str(tmp_path)) == (
        2, "", f"handout: {tmp_path} is a folder, not a content file; did you mean "
        f"{tmp_path / 'content.yaml'}?\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content.yaml"]


def test_a_folder_given_as_the_clinic_file_is_called_a_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(CONTENT.parent / "assets" / "clinics" / "mind-body-7.yaml", tmp_path)
    assert run(capsys, "check", str(CONTENT), "--clinic", str(tmp_path)) == (
        2, "", f"handout: {tmp_path} is a folder, not a clinic file; did you mean "
        f"{tmp_path / 'mind-body-7.yaml'}?\n")


@pytest.mark.parametrize(("output", "fix"), [("out", "out.pdf"), ("out.docx", "out.pdf")])
def test_an_output_not_named_pdf_is_refused_with_the_name_to_use(
        output: str, fix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "build", str(CONTENT), "-o", str(tmp_path / output)) == (
        2, "", f"handout: -o {tmp_path / output}: the output must be a PDF whose name ends "
        f"in .pdf, e.g. -o {tmp_path / fix}\n")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_the_output_is_refused_with_a_pdf_in_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "build", str(CONTENT), "-o", str(tmp_path)) == (
        2, "", f"handout: -o {tmp_path} is a folder; name the PDF to write in it, e.g. "
        f"-o {tmp_path / 'handout.pdf'}\n")
    assert list(tmp_path.iterdir()) == []


def test_paper_and_format_are_read_in_any_case(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.PDF"  # an upper-case extension is a PDF too
    code, stdout, _ = run(capsys, "build", str(CONTENT), "-o", str(out), "--paper", "A4",
                          "--format", "Sheet", "--no-check")
    assert code == 0 and stdout.startswith(f"Wrote {out} (2 pages")
    with pymupdf.open(out) as pdf:
        assert [round(pdf[0].rect.width), round(pdf[0].rect.height)] == [595, 842]  # A4


def test_preview_writes_beside_the_pdf(built: Result, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "clinic" / "sleep.pdf"
    pdf.parent.mkdir()
    shutil.copy(built.path, pdf)
    monkeypatch.chdir(tmp_path)  # not ./build/preview, wherever the command runs
    assert run(capsys, "preview", str(pdf), "--dpi", "20") == (
        0, f"Wrote {built.pages} page images to {tmp_path / 'clinic' / 'sleep-preview'}/\n", "")
    assert sorted(p.name for p in (pdf.parent / "sleep-preview").iterdir()) == sorted(
        f"page-{n}.png" for n in range(1, built.pages + 1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic"]


def test_preview_of_a_folder_offers_the_pdf_in_it(
        built: Result, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(built.path, tmp_path / "sleep.pdf")
    assert run(capsys, "preview", str(tmp_path)) == (
        2, "", f"handout: {tmp_path} is a folder, not a PDF; did you mean "
        f"{tmp_path / 'sleep.pdf'}?\n")


def test_schema_names_every_file_it_writes(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "content.schema.json"
    assert run(capsys, "schema", "-o", str(out)) == (
        0, f"Wrote {out} and {tmp_path / 'clinic.schema.json'}\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.schema.json",
                                                          "content.schema.json"]


def test_schema_will_not_write_the_content_schema_over_the_clinic_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "clinic.schema.json"
    assert run(capsys, "schema", "-o", str(out)) == (
        2, "", f"handout: -o {out}: clinic.schema.json is the name of the clinic schema, "
        "written beside the content schema; name the content schema, e.g. "
        f"-o {tmp_path / 'content.schema.json'}\n")
    assert list(tmp_path.iterdir()) == []
