"""Translations that stay in step (issue 20, item 5), driven through the command line in a
copy of the project: the PO round trip, a YAML translation converted, a changed English
sentence flagged at the translation's part, and a draft's footer."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pymupdf
import pytest

from handout.commands.cli import main
from handout.input.loader import load
from tests.conftest import ROOT

OLD = "which fights germs."
NEW = "which fights germs and helps heal cuts."
EXTRA = '        - "Al llamar o escribir al 988, puede pedir ayuda en español."\n'
DRAFT_ES = "Traducción en borrador – sin revisar"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """content.yaml and content.es.yaml in a folder of their own (the pictures and the
    clinic file linked), the folder the commands run in: paths print as written."""
    for name in ("content.yaml", "content.es.yaml"):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_pages(path: str) -> list[str]:
    return [" ".join(page.get_text().split()) for page in pymupdf.open(path)]


def fill(po_path: str, mark: str = "[es] ") -> polib.POFile:
    """Every entry translated: the English with a mark (riddle answers and the word
    search's words as they are: letters only)."""
    po = polib.pofile(po_path)
    for entry in po:
        keep = entry.msgctxt.endswith(("answer", "words"))
        entry.msgstr = entry.msgid if keep else mark + entry.msgid
    po.save()
    return po


def msgstr_line(po_path: str, place: str) -> int:
    lines = Path(po_path).read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgctxt "{place}"')
    return next(n + 1 for n in range(start, len(lines)) if lines[n].startswith("msgstr"))


def english_line(text: str) -> int:
    lines = Path("content.yaml").read_text(encoding="utf-8").splitlines()
    return next(n + 1 for n, line in enumerate(lines) if text in line)


def test_po_round_trip_builds_the_translated_handout(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "translate", "content.yaml", "--to", "es", "-o", "content.es.po")
    assert code == 0 and out.startswith("Wrote content.es.po: ")
    po = fill("content.es.po")
    code, out, err = run(capsys, "build", "content.yaml", "--translation", "content.es.po",
                         "-o", "es.pdf")
    assert code == 0, err
    text = " ".join(pdf_pages("es.pdf"))
    headings = [e.msgid for e in po if re.fullmatch(r"sections\[\d+\]\.heading", e.msgctxt)]
    assert len(headings) == 9
    for english in ["Your gut and your mood", *headings, "Key points", "My plan",
                    "When to get help"]:
        assert f"[es] {english}" in text
    assert "Página 1 de" in text  # the layout's own words are the translation's language
    assert DRAFT_ES in text  # a PO's status is draft until its header says reviewed
    assert "not translated" not in err
    # The PO names its source: it builds on its own too.
    code, _, err = run(capsys, "build", "content.es.po", "-o", "es2.pdf", "--no-check")
    assert code == 0, err
    assert pdf_pages("es2.pdf") == pdf_pages("es.pdf")


def test_an_untranslated_entry_prints_the_english_and_is_warned_about(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "translate", "content.yaml", "--to", "es", "-o", "content.es.po")
    po = fill("content.es.po")
    po.find("title", by="msgctxt").msgstr = ""
    po.save()
    code, _, err = run(capsys, "build", "content.yaml", "--translation", "content.es.po",
                       "-o", "es.pdf", "--no-check")
    assert code == 0
    line = msgstr_line("content.es.po", "title")
    assert (f"content.es.po:{line}:1: warning: title: not translated in content.es.po: the "
            f"English of content.yaml:{english_line('title: Your gut')} is printed") \
        in err.splitlines()
    assert "Your gut and your mood" in pdf_pages("es.pdf")[0]


def test_a_converted_yaml_translation_builds_the_same_text(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "translate", "content.yaml", "--from", "content.es.yaml",
                         "-o", "content.es.po")
    assert code == 0 and "content.es.po: " in out
    # The one Spanish line the English has no place for is named, where it is, and left out.
    spanish = Path("content.es.yaml").read_text(encoding="utf-8")
    line = spanish[:spanish.index(EXTRA)].count("\n") + 1
    assert err.startswith(f"content.es.yaml:{line}:11: help.tiers[1].items[4]: content.yaml "
                          "has no text at this place")
    assert polib.pofile("content.es.po").metadata["Language"] == "es"
    run(capsys, "build", "content.yaml", "--translation", "content.es.po", "-o", "po.pdf",
        "--no-check")
    Path("same.es.yaml").write_text(spanish.replace(EXTRA, ""), encoding="utf-8")
    run(capsys, "build", "same.es.yaml", "-o", "yaml.pdf", "--no-check")
    assert pdf_pages("po.pdf") == pdf_pages("yaml.pdf")


def test_a_changed_english_sentence_flags_the_spanish_part(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "content.es.yaml")
    assert "older version" not in out  # the committed translation is in step
    english = Path("content.yaml").read_text(encoding="utf-8")
    assert english.count(OLD) == 1
    Path("content.yaml").write_text(english.replace(OLD, NEW), encoding="utf-8")
    line, column = load(Path("content.es.yaml")).where(("sections", 0, "paragraphs", 1))
    expected = (f"content.es.yaml:{line}:{column}: warning: sections[0].paragraphs[1]: this "
                "part of content.es.yaml translates an older version of "
                f"content.yaml:{english_line(NEW)}: review it")
    code, out, _ = run(capsys, "check", "content.es.yaml")
    assert code == 0  # a warning
    assert expected in out.splitlines()
    assert out.count("translates an older version") == 1  # that part alone
    # The build says the same, and prints the translation as a draft.
    code, _, err = run(capsys, "build", "content.es.yaml", "-o", "es.pdf")
    assert code == 0 and expected in err.splitlines()
    assert DRAFT_ES in pdf_pages("es.pdf")[0]
    # Reviewed and stamped again: in step.
    code, out, _ = run(capsys, "translate", "content.yaml", "--stamp", "content.es.yaml")
    assert code == 0 and out.startswith("Stamped content.es.yaml: ")
    _, out, _ = run(capsys, "check", "content.es.yaml")
    assert "older version" not in out


def test_a_changed_english_sentence_flags_the_po_entry(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "translate", "content.yaml", "--to", "es", "-o", "content.es.po")
    po = fill("content.es.po")
    po.metadata.update({"X-Handout-Status": "reviewed", "X-Handout-Reviewed-By": "A. Ruiz"})
    po.save()
    english = Path("content.yaml").read_text(encoding="utf-8")
    Path("content.yaml").write_text(english.replace(OLD, NEW), encoding="utf-8")
    place = "sections[0].paragraphs[1]"
    expected = (f"content.es.po:{msgstr_line('content.es.po', place)}:1: warning: {place}: "
                "this part of content.es.po translates an older version of "
                f"content.yaml:{english_line(NEW)}: review it")
    code, _, err = run(capsys, "build", "content.yaml", "--translation", "content.es.po",
                       "-o", "es.pdf", "--no-check")
    assert code == 0 and expected in err.splitlines()
    # Its review was of other English: printed as a draft, and said so.
    assert "1 entry changed in the English since the review" in err
    assert DRAFT_ES in pdf_pages("es.pdf")[0]
    # Updated as msgmerge would: the entry fuzzy, the old English beside the new.
    code, out, _ = run(capsys, "translate", "content.yaml", "--to", "es", "-o", "content.es.po")
    assert code == 0 and out.startswith("Updated content.es.po: ")
    assert "1 whose English changed" in out
    entry = polib.pofile("content.es.po").find(place, by="msgctxt")
    assert entry.fuzzy and NEW in entry.msgid and OLD in entry.previous_msgid
    assert entry.msgstr.startswith("[es] ")  # the translation is kept, to review


def test_draft_and_reviewed_translations(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "build", "content.yaml", "-o", "en.pdf", "--no-check")
    assert not any("Draft translation" in page for page in pdf_pages("en.pdf"))
    run(capsys, "build", "content.es.yaml", "-o", "es.pdf", "--no-check")
    assert all(DRAFT_ES in page for page in pdf_pages("es.pdf"))
    # A PO whose header says it was reviewed prints no draft line.
    run(capsys, "translate", "content.yaml", "--to", "es", "-o", "content.es.po")
    po = fill("content.es.po")
    po.metadata.update({"X-Handout-Status": "reviewed", "X-Handout-Reviewed-By": "A. Ruiz",
                        "X-Handout-Review-Date": "2026-11-30"})
    po.save()
    code, _, err = run(capsys, "build", "content.yaml", "--translation", "content.es.po",
                       "-o", "reviewed.pdf", "--no-check")
    assert code == 0, err
    assert not any(DRAFT_ES in page for page in pdf_pages("reviewed.pdf"))
    # Reviewed, with no one named: refused where it says so.
    spanish = Path("content.es.yaml").read_text(encoding="utf-8")
    Path("content.es.yaml").write_text(spanish.replace("  status: draft\n",
                                                       "  status: reviewed\n"),
                                       encoding="utf-8")
    code, _, err = run(capsys, "build", "content.es.yaml", "-o", "x.pdf", "--no-check")
    assert code == 2 and "a reviewed translation says who reviewed it" in err


def test_the_english_draft_words_in_a_sheet_footer(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "translate", "content.yaml", "--to", "en-GB", "-o", "content.en-GB.po")
    fill("content.en-GB.po", mark="")
    code, _, err = run(capsys, "build", "content.en-GB.po", "--format", "sheet", "-o",
                       "sheet.pdf", "--no-check")
    assert code == 0, err
    assert all("Draft translation – not reviewed" in page for page in pdf_pages("sheet.pdf"))


def test_a_po_file_in_a_folder_of_its_own(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("translations").mkdir()
    run(capsys, "translate", "content.yaml", "--to", "es", "-o", "translations/content.es.po")
    po = fill("translations/content.es.po")
    assert po.metadata["X-Handout-Source"] == "../content.yaml"
    assert po[0].occurrences[0][0] == "../content.yaml"
    # The clinic file and the pictures are the content file's, relative to it.
    code, _, err = run(capsys, "build", "translations/content.es.po", "-o", "es.pdf",
                       "--no-check")
    assert code == 0, err
    code, out, _ = run(capsys, "check", "translations/content.es.po", "--format", "document")
    assert code == 0 and "not translated" not in out


def test_mistakes_in_a_po_file_are_located_in_it(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "translate", "content.yaml", "--to", "es", "-o", "content.es.po")
    po = fill("content.es.po")
    po.find("sections[0].heading", by="msgctxt").msgstr = "y" * 200
    po.find("help.tiers[2].heading", by="msgctxt").msgstr = "Llame a {clinic}:"
    po.metadata["X-Handout-Status"] = "reviewed"  # and no one named
    po.save()
    code, _, err = run(capsys, "build", "content.yaml", "--translation", "content.es.po",
                       "-o", "es.pdf", "--no-check")
    assert code == 2
    header = Path("content.es.po").read_text(encoding="utf-8").splitlines().index(
        '"X-Handout-Status: reviewed\\n"') + 1
    assert f"content.es.po:{header}:1: translation: a reviewed translation says who " \
        "reviewed it: add reviewed_by (and date)" in err.splitlines()
    heading = msgstr_line("content.es.po", "sections[0].heading")
    assert f"content.es.po:{heading}:1: sections[0].heading: this text is 200 characters, " \
        "over the limit of 150 here; shorten it" in err.splitlines()
    po.find("sections[0].heading", by="msgctxt").msgstr = "Su intestino"
    del po.metadata["X-Handout-Status"]
    po.save()
    code, _, err = run(capsys, "build", "content.yaml", "--translation", "content.es.po",
                       "-o", "es.pdf", "--no-check")
    assert code == 0
    line = msgstr_line("content.es.po", "help.tiers[2].heading")
    assert f"content.es.po:{line}:1: warning: help.tiers[2].heading: the translation leaves " \
        "out {phone}: the English prints the clinic's own number, website or line there" \
        in err.splitlines()


def test_a_batch_builds_a_po_translation(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "translate", "content.yaml", "--to", "es", "-o", "content.es.po")
    fill("content.es.po")
    Path("batch.yaml").write_text("contents: [content.es.po]\nvariants:\n  - name: doc\n"
                                  "output: out\n", encoding="utf-8")
    code, out, err = run(capsys, "batch", "batch.yaml", "-j", "1")
    assert code == 0, out + err
    assert "[es] Your gut and your mood" in pdf_pages("out/mind-body-7/es/doc.pdf")[0]
