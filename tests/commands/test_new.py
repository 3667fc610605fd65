"""`handout new FOLDER`: a starter handout that passes the check and builds at once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pymupdf
import pytest
import yaml

from handout.check import check_file
from handout.commands.cli import main
from handout.commands.new import EXAMPLES, FILES, next_year, starter_files
from handout.input.schema import clinic_schema_text, schema_text
from handout.input.sources import load_content
from handout.input.validate import parse_document
from handout.pipeline.build import Options, build
from tests.conftest import ROOT

WRITTEN = ["content.yaml", "clinic.yaml", "clinic-logo.svg", "bedroom.svg",
           "content.schema.json", "clinic.schema.json"]


def test_new_writes_a_starter_that_checks_clean_and_builds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "handouts" / "sleep"  # neither exists yet
    assert main(["new", str(folder)]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == sorted(WRITTEN)
    assert out.startswith(f"Wrote a starter handout in {folder}/:\n")
    for name in WRITTEN:
        assert f"  {folder / name}" in out and FILES[name] in out
    assert out.endswith(f"  handout build {folder}/content.yaml -o {folder}/handout.pdf\n")
    assert ("Replace the placeholders (the clinic's name, phone number, website and logo, the "
            "reviewer): `handout check` lists each one, and until they are gone every page "
            'prints "SAMPLE – not for patients".\n') in out

    # No error; a warning at each placeholder (tests/check/test_placeholders.py), and so
    # every page says it is a sample.
    report = check_file(folder / "content.yaml")
    assert report.errors == 0 and report.warnings == 10, report.findings
    assert all("placeholder" in f.message or "made-up" in f.message for f in report.findings)
    result = build(folder / "content.yaml", tmp_path / "out.pdf", Options())
    assert 2 <= result.pages <= 5
    with pymupdf.open(result.path) as pdf:
        text = " ".join(page.get_text() for page in pdf)
        assert "Your Clinic Name" in text and "(555) 555-0100" in text
        assert all("SAMPLE – not for patients" in page.get_text() for page in pdf)
        assert pdf[0].get_drawings(), "the logo (vector) is drawn in the header band"


def test_the_starter_review_dates_are_today_and_a_year_on(tmp_path: Path) -> None:
    today = dt.date.today()
    data = yaml.safe_load(starter_files(today)["content.yaml"])
    assert data["review"]["last_reviewed"] == today
    assert data["review"]["next_review"] == next_year(today)
    assert next_year(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


def test_the_starter_points_editors_to_schemas_written_beside_it() -> None:
    files = starter_files(dt.date(2026, 1, 1))
    first = "# yaml-language-server: $schema={}.schema.json\n"
    assert files["content.yaml"].decode().startswith(first.format("content"))
    assert files["clinic.yaml"].decode().startswith(first.format("clinic"))
    assert files["content.schema.json"].decode() == schema_text()
    assert files["clinic.schema.json"].decode() == clinic_schema_text()
    content, clinic = (yaml.safe_load(files[n]) for n in ("content.yaml", "clinic.yaml"))
    assert set(content) <= set(json.loads(files["content.schema.json"])["properties"])
    assert set(clinic) <= set(json.loads(files["clinic.schema.json"])["properties"])
    # Placeholders no one could mistake for a real clinic's details.
    assert clinic["name"] == "Your Clinic Name"
    assert clinic["website"].endswith(".example") and "555" in clinic["phone"]


def test_new_never_overwrites_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content.yaml").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"handout: {tmp_path} already has content.yaml, and `handout new` never "
                   "overwrites files; nothing was written. Name a new folder, e.g. "
                   f"`handout new {tmp_path}-2`\n")
    assert [p.name for p in tmp_path.iterdir()] == ["content.yaml"]
    assert (tmp_path / "content.yaml").read_text(encoding="utf-8") == "mine"

    assert main(["new", str(tmp_path / "x")]) == 0
    capsys.readouterr()
    assert main(["new", str(tmp_path / "x")]) == 2
    assert ("already has content.yaml, clinic.yaml, clinic-logo.svg, bedroom.svg, "
            "content.schema.json and clinic.schema.json, and" in capsys.readouterr().err)


def test_new_on_a_file_says_it_is_not_a_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    assert main(["new", str(tmp_path / "notes.txt")]) == 2
    assert capsys.readouterr().err == (
        f"handout: {tmp_path / 'notes.txt'} is a file, not a folder; name a new folder, "
        f"e.g. `handout new {tmp_path / 'notes'}`\n")


def test_new_on_a_used_folder_suggests_a_free_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 19: `handout new x` on an existing x suggested `x` again."""
    for name in ("x", "x-2"):
        assert main(["new", str(tmp_path / name)]) == 0
    capsys.readouterr()
    assert main(["new", str(tmp_path / "x")]) == 2
    suggested = capsys.readouterr().err.rsplit("`handout new ", 1)[1].removesuffix("`\n")
    assert suggested == str(tmp_path / "x-3")
    assert main(["new", suggested]) == 0  # and it works


def test_the_starter_shows_every_block_kind_once(tmp_path: Path) -> None:
    """A clinic learns the kinds of block from the starter: each is there, once."""
    assert main(["new", str(tmp_path / "s")]) == 0
    doc = parse_document(load_content(tmp_path / "s" / "content.yaml"))
    kinds = [name for section in doc.sections for block in section.blocks
             for name, value in block if value is not None]
    assert "paragraph" in kinds
    assert {k: kinds.count(k) for k in set(kinds) - {"paragraph"}} == dict.fromkeys(
        ["bullets", "steps", "checklist", "table", "box", "image", "figure"], 1)


def test_new_example_writes_the_shipped_example_with_its_clinic_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sleep"
    assert main(["new", str(folder), "--example", "sleep"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Wrote the example 'sleep' in {folder}/:\n")
    assert 'Its clinic is made up, so every page prints "SAMPLE – not for patients".\n' in out
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "content.yaml", "clinic.yaml", "bedroom.svg", "riverside-family-health-logo.svg",
        "content.schema.json", "clinic.schema.json"])
    content = (folder / "content.yaml").read_text(encoding="utf-8")
    assert content.startswith("# yaml-language-server: $schema=content.schema.json\n")
    assert "\nclinic: clinic.yaml\n" in content
    report = check_file(folder / "content.yaml")
    # Riverside Family Health is made up and says so: warnings, no error.
    assert report.ok and {f.file for f in report.findings} == {f"{folder}/clinic.yaml"}
    result = build(folder / "content.yaml", tmp_path / "sleep.pdf",
                   Options(format="trifold", cache=False))
    with pymupdf.open(result.path) as pdf:
        assert all("SAMPLE – not for patients" in page.get_text() for page in pdf)
    assert main(["new", str(tmp_path / "other"), "--example", "nap"]) == 2
    assert capsys.readouterr().err == ("handout: there is no example called 'nap'; the "
                                       "examples are: sleep\n")


@pytest.mark.parametrize(("packaged", "source"), [
    ("sleep/content.yaml", "examples/sleep/content.yaml"),
    ("sleep/bedroom.svg", "examples/sleep/bedroom.svg"),
    ("sleep/clinic.yaml", "assets/clinics/riverside-family-health.yaml"),
    ("sleep/riverside-family-health-logo.svg", "assets/clinics/riverside-family-health-logo.svg"),
])
def test_the_packaged_example_is_the_checkouts(packaged: str, source: str) -> None:
    """The checkout's examples/ and assets/clinics/ stay the files people edit and the
    tests build; the package carries copies for `pip install .`. Edited one, copy it:
    cp SOURCE handout/resources/examples/PACKAGED."""
    assert (EXAMPLES / packaged).read_bytes() == (ROOT / source).read_bytes(), \
        f"cp {source} handout/resources/examples/{packaged}"
