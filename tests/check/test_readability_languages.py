"""Reading level per language, honestly (issue 20, item 4): Spanish by the Szigriszt-Pazos
score on the INFLESZ scale, never an English grade; a language with no validated formula is
not measured, and the report says so in plain words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handout.check import check_file
from handout.check.readability import inflesz_band, spanish_syllables
from handout.check.report import summary, table, to_data
from handout.commands.new import starter_files

TODAY = dt.date(2026, 12, 7)


def _starter(folder: Path, language: str) -> Path:
    folder.mkdir()
    for name, data in starter_files(TODAY, language).items():
        (folder / name).write_bytes(data)
    return folder / "content.yaml"


def test_spanish_is_graded_by_inflesz_with_no_english_grade(tmp_path: Path) -> None:
    report = check_file(_starter(tmp_path / "es", "es"), today=TODAY)
    lines = table(report).splitlines()
    assert lines[0] == ("Reading level (Spanish)                   INFLESZ  band           "
                        "words/sentence  target")
    assert lines[1] == ("Key points                                   76.0  fairly easy     "
                        "         11.0  >= 65  ok")
    assert ("INFLESZ: the Szigriszt-Pazos score on the INFLESZ scale (Barrio-Cantalejo 2008), "
            "the gate for Spanish: 55 or more is normal for patient texts, 65 fairly "
            "easy.") in lines
    reading = table(report).split("\n\nStructure", 1)[0]
    assert "Flesch-Kincaid" not in reading and "grade" not in reading
    assert summary(report).startswith(
        "Reading level: INFLESZ 59.3 to 87.2 (Szigriszt-Pazos, higher is easier) across 12 "
        "parts\n")
    rows = to_data(report)["readability"]
    assert rows and all(r["formula"] == "szigriszt_pazos" and r["fk_grade"] is None
                        and r["smog"] is None for r in rows)


def test_spanish_under_its_target_is_an_error_saying_so(tmp_path: Path) -> None:
    content = _starter(tmp_path / "es", "es")
    hard = ("La somnolencia diurna excesiva constituye una manifestación característica de "
            "determinadas alteraciones respiratorias nocturnas, particularmente de la apnea "
            "obstructiva, cuya identificación requiere habitualmente una polisomnografía.")
    text = content.read_text(encoding="utf-8").replace(
        "Este folleto le dice cuánto necesita dormir, cómo dormir mejor y cuándo pedir ayuda.",
        hard)
    content.write_text(text, encoding="utf-8")
    report = check_file(content, today=TODAY)
    errors = [f for f in report.findings if f.severity == "error"]
    assert len(errors) == 1 and errors[0].path == "intro"
    assert errors[0].message.startswith("'Intro' scores ")
    assert errors[0].message.endswith(
        'on the INFLESZ scale (Szigriszt-Pazos), "very hard"; the target is 55 or more')


@pytest.mark.parametrize(("language", "name"), [
    ("vi", "Vietnamese"), ("zh-Hans", "Chinese (Simplified)"), ("fr", "French"),
    ("ht", "Haitian Creole")])
def test_a_language_with_no_validated_formula_is_not_measured(
        tmp_path: Path, language: str, name: str) -> None:
    report = check_file(_starter(tmp_path / "h", language), today=TODAY)
    note = f"reading level is not measured for {name}: ask a reader of the language"
    assert report.reading_note == note
    assert report.rows == ()  # no English number passed off as the language's
    assert table(report).startswith(f"Reading level: {note}\n")
    assert summary(report).startswith(f"Reading level: {note}\n")
    assert to_data(report)["readability_note"] == note
    assert not any("grade" in f.message for f in report.findings)


def test_spanish_syllables_are_counted_by_spanish_rules() -> None:
    counts = {"día": 2, "adultos": 3, "intestino": 4, "bacterias": 3, "leer": 2, "que": 1,
              "guitarra": 3, "pingüino": 3, "hoy": 1, "y": 1, "ciudad": 2, "estudiáis": 3,
              "ánimo": 3, "mayoría": 4}
    assert {word: spanish_syllables(word) for word in counts} == counts


def test_the_inflesz_bands() -> None:
    assert [inflesz_band(v) for v in (85, 80, 70, 60, 55, 45, 30)] == [
        "very easy", "very easy", "fairly easy", "normal", "normal", "somewhat hard",
        "very hard"]
