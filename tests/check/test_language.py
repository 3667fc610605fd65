"""Language hygiene: a part of a translated file still in the source language is a located
warning, and names, drug names and numbers never are."""

from __future__ import annotations

from pathlib import Path

import pytest

from handout.check import Report, check_file
from handout.commands.cli import main
from tests.check.conftest import TODAY
from tests.conftest import ROOT

SPANISH = ROOT / "content.es.yaml"
ENGLISH = ROOT / "content.yaml"


def section(path: Path, heading: str) -> str:
    """The text of the section headed `heading`, up to the next one."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - heading: {heading}\n")
    return text[start:text.index("\n\n", start) + 2]


def variant(tmp_path: Path, old: str, new: str) -> Path:
    """content.es.yaml with `old` replaced by `new`, its clinic and pictures in reach."""
    text = SPANISH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "content.es.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return path


def language(report: Report) -> list[str]:
    return [str(f) for f in report.findings if "English" in f.message]


def test_the_spanish_handout_passes() -> None:
    assert language(check_file(SPANISH, TODAY)) == []


def test_an_english_section_left_in_the_spanish_file_is_found(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spanish = section(SPANISH, "Un camino con esperanza")
    path = variant(tmp_path, spanish, section(ENGLISH, "A brighter path forward"))
    line = path.read_text(encoding="utf-8").splitlines().index(
        "  - heading: A brighter path forward") + 1
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert (f"{path}:{line}:14: warning: sections[8].heading: section 9, \"A brighter path "
            "forward\", is in English, not Spanish (the file's `language: es`)\n"
            "    fix: Translate it into Spanish, or leave it out of this file.\n") in out
    assert out.count("English, not Spanish") == 1  # the section once, not each paragraph


def test_an_english_paragraph_in_a_spanish_section_is_found(tmp_path: Path) -> None:
    old = ('      - "En {clinic}, su equipo de atención ve a la persona completa: ánimo, '
           'sueño, comida, estrés y cuerpo."\n')
    new = ('      - "Caring for your gut can add to your therapy or medicine. '
           'It never replaces them."\n')
    path = variant(tmp_path, old, new)
    line = path.read_text(encoding="utf-8").splitlines().index(new.rstrip("\n")) + 1
    assert language(check_file(path, TODAY)) == [
        f"{path}:{line}:9: warning: sections[8].paragraphs[1]: this paragraph is still in "
        "English, not Spanish: \"Caring for your gut can add to your therapy or medicine. "
        "It...\""]


def test_an_english_list_item_is_found_and_the_title_too(tmp_path: Path) -> None:
    path = variant(tmp_path, '      - "¿Puedo ver a un nutricionista?"\n',
                   '      - "Can I see a dietitian about what I eat each day?"\n')
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Su intestino y su estado de ánimo",
                                 "title: Your gut and your mood"), encoding="utf-8")
    found = [f.split(": warning: ")[1] for f in language(check_file(path, TODAY))]
    assert found == [
        "title: this heading is still in English, not Spanish: \"Your gut and your mood\"",
        "sections[7].bullets[4]: this list item is still in English, not Spanish: "
        "\"Can I see a dietitian about what I eat each day?\""]


@pytest.mark.parametrize("words", [
    "Lactobacillus rhamnosus GG", "Omega-3 (EPA y DHA)", "Sertraline 50 mg",
    "Kefir, kimchi, kombucha", "Mind Body 7, (555) 010-0107", "Bifidobacterium longum",
    "https://www.mindbody7.example/book", "988 Lifeline",
])
def test_names_drug_names_and_numbers_are_not_english(tmp_path: Path, words: str) -> None:
    path = variant(tmp_path, '      - "¿Puedo ver a un nutricionista?"\n',
                   f'      - "{words}"\n')
    assert language(check_file(path, TODAY)) == []


def test_an_english_file_is_not_a_translation_unless_it_says_so(tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8")
    path = tmp_path / "content.yaml"
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    spanish = section(SPANISH, "Un camino con esperanza")
    english = section(ENGLISH, "A brighter path forward")
    path.write_text(text.replace(english, spanish), encoding="utf-8")
    assert [f for f in check_file(path, TODAY).findings if "Spanish" in f.message] == []
    path.write_text(text.replace(english, spanish).replace(
        "checks:\n", "checks:\n  translated_from: es\n"), encoding="utf-8")
    [found] = [str(f) for f in check_file(path, TODAY).findings if "Spanish" in f.message]
    assert "section 9, \"Un camino con esperanza\", is in Spanish, not English" in found
