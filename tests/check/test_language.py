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
           'It never replaces them. We will work with you."\n')
    path = variant(tmp_path, old, new)
    line = path.read_text(encoding="utf-8").splitlines().index(new.rstrip("\n")) + 1
    assert language(check_file(path, TODAY)) == [
        f"{path}:{line}:9: warning: sections[8].paragraphs[1]: this paragraph is still in "
        "English, not Spanish: \"Caring for your gut can add to your therapy or medicine. "
        "It never replaces...\""]


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
    "Sertraline, fluoxetine, escitalopram",
    "Visite el sitio de la American Heart Association para más información.",
    "Llame a la National Alliance on Mental Illness (NAMI) si necesita apoyo.",
])
def test_names_drug_names_and_numbers_are_not_english(tmp_path: Path, words: str) -> None:
    """Nor are English names in a Spanish sentence."""
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


# --- the clinic's words in the handout's language ---------------------------------------------

CLINICS = ROOT / "assets" / "clinics"


def clinic_copy(tmp_path: Path, name: str, cut: str = "", keep: str = "") -> Path:
    """A copy of a shipped clinic file (and its logo) with `cut` removed."""
    text = (CLINICS / f"{name}.yaml").read_text(encoding="utf-8")
    assert cut in text
    path = tmp_path / f"{name}.yaml"
    path.write_text(text.replace(cut, keep, 1) if cut else text, encoding="utf-8")
    (tmp_path / f"{name}-logo.svg").symlink_to(CLINICS / f"{name}-logo.svg")
    return path


def test_the_spanish_build_prints_the_clinics_spanish_call_to_action(tmp_path: Path) -> None:
    import pymupdf

    from handout.pipeline.build import Options, build

    for content, wanted, other in [
            (SPANISH, "Haga una cita o suscríbase a nuestro boletín", "Book a visit"),
            (ENGLISH, "Book a visit or sign up for our newsletter", "Haga una cita")]:
        out = tmp_path / f"{content.stem}.pdf"
        build(content, out, Options(check=False))
        with pymupdf.open(out) as pdf:
            text = " ".join(" ".join(page.get_text().split()) for page in pdf)
        assert wanted in text and other not in text
    assert [f for f in check_file(SPANISH, TODAY).findings if "clinic has" in f.message] == []


def test_a_clinic_with_no_spanish_words_is_a_located_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (CLINICS / "riverside-family-health.yaml").read_text(encoding="utf-8")
    clinic = clinic_copy(tmp_path, "riverside-family-health", text[text.index("translations:"):])
    line = clinic.read_text(encoding="utf-8").splitlines().index(
        "  text: Call or book online to see your family doctor") + 1
    assert main(["check", str(SPANISH), "--clinic", str(clinic)]) == 0
    out = capsys.readouterr().out
    assert (f"{clinic}:{line}:9: warning: clinic.call_to_action.text: the clinic has no "
            "Spanish call to action, tagline or logo description, so this Spanish handout "
            "has them in English (\"Call or book online to see your family doctor\")\n"
            "    fix: Add them to the clinic file, in Spanish:\n"
            "        translations:\n"
            "          es:\n"
            "            call_to_action:\n"
            "              text: ...\n"
            "            tagline: ...\n"
            "            logo_alt: ...\n") in out


def test_one_missing_translation_is_named_at_its_own_line(tmp_path: Path) -> None:
    clinic = clinic_copy(tmp_path, "mind-body-7", "    tagline: Psiquiatría integrativa, "
                         "psicoterapia y medicina funcional\n")
    [found] = [f for f in check_file(SPANISH, TODAY, clinic).findings
               if "clinic has" in f.message]
    assert (found.file, found.line, found.path) == (str(clinic), 6, "clinic.tagline")
    assert found.message == ("the clinic has no Spanish tagline, so this Spanish handout has "
                             "it in English (\"Integrative psychiatry, psychotherapy and "
                             "functional medicine\")")


def test_a_clinic_written_in_the_handouts_language_needs_no_translation(
        tmp_path: Path) -> None:
    text = (CLINICS / "riverside-family-health.yaml").read_text(encoding="utf-8")
    cut = text[text.index("translations:"):]
    clinic = clinic_copy(tmp_path, "riverside-family-health", cut)
    clinic.write_text(clinic.read_text(encoding="utf-8").replace(
        "name: Riverside Family Health\n", "name: Riverside Family Health\nlanguage: es\n"),
        encoding="utf-8")
    assert [f for f in check_file(SPANISH, TODAY, clinic).findings
            if "clinic has" in f.message] == []
    [found] = [f for f in check_file(ENGLISH, TODAY, clinic).findings
               if "clinic has" in f.message]
    assert "the clinic has no English call to action, tagline or logo description, so this " \
        "English handout has them in Spanish" in found.message


def test_a_clinic_written_in_the_content_file_is_told_to_move_to_a_clinic_file(
        tmp_path: Path) -> None:
    clinic = (CLINICS / "riverside-family-health.yaml").read_text(encoding="utf-8")
    keys = clinic[clinic.index("name:"):clinic.index("translations:")].replace(
        "riverside-family-health-logo.svg", str(CLINICS / "riverside-family-health-logo.svg"))
    inline = "clinic:\n" + "".join(f"  {line}\n" for line in keys.strip().splitlines())
    path = variant(tmp_path, "clinic: assets/clinics/mind-body-7.yaml\n", inline)
    [found] = [f for f in check_file(path, TODAY).findings if "clinic has" in f.message]
    assert found.file == str(path) and found.path == "clinic.call_to_action.text"
    assert found.fix.startswith("Move the clinic's keys to a clinic file (`clinic: "
                                "clinic.yaml`), which can give them in Spanish:\n"
                                "        translations:\n")
