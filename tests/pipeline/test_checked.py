"""`handout check` finds what a build of each listed format would refuse, before the
structure scores: missing pictures, the clinic file's fields, and a format that cannot
fit. The content file lists its formats once (`formats:`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handout.chart.cache import CACHE_ENV
from handout.commands.cli import main
from handout.common.errors import ContentError
from handout.pipeline.build import read_document
from tests.conftest import CONTENT, ROOT

LISTED = "formats: [document, booklet, trifold, sheet]\n"
MORE = ('      - "More to try, number {n}: eat a fiber food with each meal, and add a '
        'fermented food a few times a week. Tell your care team how it goes."\n')


def project(tmp_path: Path, text: str) -> Path:
    """`text` as tmp_path/content.yaml, beside a link to the real assets."""
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["check", *argv])
    return code, capsys.readouterr().out


def test_a_missing_picture_is_an_error_of_the_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CONTENT.read_text(encoding="utf-8")
    assert "file: assets/pictures/gut-brain.svg" in text
    path = project(tmp_path, text.replace("file: assets/pictures/gut-brain.svg",
                                          "file: assets/pictures/gut-brian.svg"))
    code, out = check(capsys, str(path))
    line = text[:text.index("gut-brain.svg")].count("\n") + 1
    assert code == 1
    assert (f"content.yaml:{line}:17: error: sections[1].blocks[2].image.file: no file at "
            "assets/pictures/gut-brian.svg; check the name (it is relative to the content "
            "file)") in out
    assert out.index("gut-brian") < out.index("Reading level")
    assert "check failed: 1 error" in out


def test_a_format_that_cannot_fit_is_refused_before_the_scores(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CONTENT.read_text(encoding="utf-8")
    head = "  - heading: What you can do\n    icon: nutrition\n    paragraphs:\n"
    assert head in text and LISTED in text
    text = text.replace(head, head + "".join(MORE.format(n=n) for n in range(1, 13)))
    text = text.replace("    optional: true\n", "")
    path = project(tmp_path, text.replace(LISTED, "formats: [document, trifold]\n"))
    code, out = check(capsys, str(path))
    assert code == 1
    refusal = re.search(r"content\.yaml:\d+:\d+: error: .*this does not fit the tri-fold", out)
    assert refusal, out
    assert refusal.start() < out.index("Reading level") < out.index("Structure")
    # It says what would fit, for the formats the handout is printed in; the booklet and
    # the sheet, which it does not list, are not laid out.
    assert "add `formats: [document]` to" in out
    assert "fit the booklet" not in out and "fit the sheet" not in out


def test_a_clinic_field_a_build_refuses_is_found_in_the_clinic_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clinic = (ROOT / "assets/clinics/mind-body-7.yaml").read_text(encoding="utf-8")
    long = "Integrative psychiatry, psychotherapy, functional medicine and " * 3
    (tmp_path / "clinic.yaml").write_text(
        clinic.replace("tagline: Integrative psychiatry, psychotherapy and functional "
                       "medicine", f"tagline: {long.strip()}")
        .replace("logo: mind-body-7-logo.svg",
                 f"logo: {ROOT / 'assets/clinics/mind-body-7-logo.svg'}"),
        encoding="utf-8")
    path = project(tmp_path, CONTENT.read_text(encoding="utf-8"))
    code, out = check(capsys, str(path), "--clinic", str(tmp_path / "clinic.yaml"))
    assert code == 1
    assert re.search(r"clinic\.yaml:6:10: error: clinic\.tagline: too long for the header "
                     r"band", out), out


def test_the_older_single_format_reads_as_a_list_of_one(tmp_path: Path) -> None:
    text = CONTENT.read_text(encoding="utf-8")
    doc = read_document(project(tmp_path, text.replace(LISTED, "format: booklet\n")))
    assert doc.formats == ["booklet"] and doc.format == "booklet"


@pytest.mark.parametrize(("listed", "message"), [
    ("format: booklet\nformats: [booklet]\n", "has both `format` and `formats`: keep `formats`"),
    ("formats: [booklet, trifold, booklet]\n", "booklet is listed more than once"),
])
def test_formats_said_twice_are_refused(tmp_path: Path, listed: str, message: str) -> None:
    text = CONTENT.read_text(encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(message)):
        read_document(project(tmp_path, text.replace(LISTED, listed)))


def test_a_build_that_cannot_fit_names_the_fit_first_then_the_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A too-long tri-fold whose text also fails the check: the fit is what to fix first
    (it was blamed on the check's targets)."""
    text = CONTENT.read_text(encoding="utf-8")
    head = "  - heading: What you can do\n    icon: nutrition\n    paragraphs:\n"
    text = text.replace(head, head + "".join(MORE.format(n=n) for n in range(1, 13)))
    assert "  max_grade: 7 " in text
    text = text.replace("    optional: true\n", "").replace("  max_grade: 7 ", "  max_grade: 2 ")
    path = project(tmp_path, text)
    assert main(["build", str(path), "--format", "trifold", "-o", str(tmp_path / "t.pdf")]) == 2
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if re.match(r"\S+content\.yaml:\d+:\d+: ", line)]
    assert "this does not fit the tri-fold" in problems[0], err
    assert any("grade" in line for line in problems[1:]), err
    assert not (tmp_path / "t.pdf").exists()


def test_what_each_format_draws_and_fits_is_kept_for_the_next_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The booklet is laid out in a second process: its chart (narrower than the
    document's) and its fit are kept by that process, not drawn and searched each time."""
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    text = CONTENT.read_text(encoding="utf-8")
    path = project(tmp_path, text.replace(LISTED, "formats: [document, booklet]\n"))
    check(capsys, str(path))
    assert len(list(cache.glob("chart-*.json"))) == 2
    assert len(list(cache.glob("fit-*.json"))) == 1  # the document is not fitted
