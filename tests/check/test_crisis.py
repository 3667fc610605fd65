"""The crisis panel: asked for when the content file says `crisis: true` or when the text
speaks of suicide, self-harm or overdose (English and Spanish), whatever the topic is called;
its lines come from the clinic's country (the US by default; a UK clinic tested), and a US
line printed for a UK clinic is an error."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from handout.commands.cli import main
from handout.common.countries import code_of, country
from handout.input.sources import load_content
from handout.input.validate import parse_document
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT

UK_CLINIC = ROOT / "tests" / "layout" / "data" / "thameside.yaml"
HELP = re.compile(r"(?ms)^help:\n.*?(?=^[a-z_]+:)")  # up to the next top-level key


def variant(tmp_path: Path, edits: list[tuple[str, str]], source: Path = CONTENT,
            name: str = "content.yaml") -> Path:
    """`source` with each (old, new) edit made (a regex for the help block, `HELP`), in a
    folder beside the repository's clinic files and pictures."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        changed = HELP.sub(new, text) if old == HELP.pattern else text.replace(old, new)
        assert changed != text, old
        text = changed
    if not (tmp_path / "assets").exists():
        (tmp_path / "assets").symlink_to(ROOT / "assets")
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def check_output(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def findings(out: str) -> list[str]:
    """Each finding's line and the fix under it."""
    lines = out.splitlines()
    return [f"{line}\n{lines[n + 1].strip()}" for n, line in enumerate(lines)
            if re.search(r":\d+:\d+: (error|warning): ", line)]


NO_DECLARATION = ("crisis: true    # a reader may be in crisis: the help panel must have a "
                  "crisis tier\n", "")
DEPRESSION = ("topic: mental-health", "topic: major depressive disorder")


def test_a_depression_handout_that_speaks_of_suicide_needs_the_panel(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # No `crisis: true`, a topic no word list knows, no help panel: the text decides.
    content = variant(tmp_path, [NO_DECLARATION, DEPRESSION, (HELP.pattern, "")])
    code, out = check_output(capsys, str(content))
    assert code == 1
    line = line_of(content, "If you have thoughts of suicide")
    assert (
        f'{content}:{line}:7: error: key_points.items[3]: the text speaks of "suicide", so a '
        'reader may be in crisis: it needs a "When to get help" panel with a crisis tier\n'
        "fix: Add `help:` with `tiers:`, one of `level: crisis` (without a `heading:` it "
        'prints, for the United States: "Call or text 988 (Suicide & Crisis Lifeline) if:") '
        "and one of `level: emergency` (without a `heading:` it prints, for the United States: "
        '"Call 911 or go to the nearest emergency room now if:"). A tier written without '
        "`heading:` prints the lines of the clinic's country.") in findings(out), out


def test_spanish_text_is_read_for_crisis_words_too(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = ROOT / "content.es.yaml"
    content = variant(tmp_path, [
        ("crisis: true    # el lector puede estar en crisis: la ayuda debe tener un nivel de "
         "crisis\n", ""), DEPRESSION, (HELP.pattern, "")], source, "content.es.yaml")
    code, out = check_output(capsys, str(content))
    assert code == 1
    assert re.search(r'error: key_points\.items\[3\]: the text speaks of "suicidio", so a '
                     r"reader may be in crisis: it needs", out), out


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Some people think about self-harm."), ("en", "An overdose can kill."),
    ("en", "You may feel you want to die."), ("en", "Never take too much medicine."),
    ("es", "Algunas personas piensan en hacerse daño."), ("es", "Una sobredosis es grave."),
    ("es", "Puede sentir ganas de morir."), ("es", "Piensa en quitarse la vida."),
])
def test_crisis_words_in_each_language(language: str, text: str) -> None:
    from handout.common.countries import crisis_words

    words = crisis_words(language)
    assert words is not None and words.search(text), text
    assert not words.search("Sleep well and eat fiber. Duerma bien y coma fibra.")


def test_crisis_true_asks_for_the_panel_where_it_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The sleep example says nothing of crisis outside its help panel: taken out, only
    # `crisis: true` asks for it.
    source = ROOT / "examples" / "sleep" / "content.yaml"
    content = variant(tmp_path, [("topic: sleep\n", "topic: sleep\ncrisis: true\n"),
                                 (HELP.pattern, "")], source)
    (tmp_path / "bedroom.svg").symlink_to(source.parent / "bedroom.svg")
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("clinic: ../../assets/", "clinic: assets/"), "utf-8")
    code, out = check_output(capsys, str(content))
    assert code == 1
    line = line_of(content, "crisis: true")
    assert (f"{content}:{line}:9: error: crisis: this handout says `crisis: true`, so it "
            'needs a "When to get help" panel with a crisis tier') in out, out


def test_a_uk_clinic_gets_uk_advice_and_no_us_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    tiers = ("help:\n  tiers:\n    - level: care_team\n      heading: \"Call us if:\"\n"
             "      items:\n        - \"You feel low most days.\"\n\n")
    content = variant(tmp_path, [NO_DECLARATION, (HELP.pattern, tiers)])
    code, out = check_output(capsys, str(content), "--clinic", str(UK_CLINIC))
    assert code == 1
    line = line_of(content, "- level: care_team")
    assert (
        f'{content}:{line}:5: error: help.tiers: the text speaks of "suicide", so a reader '
        "may be in crisis: the help panel needs a crisis tier\nfix: Add a tier of `level: "
        "crisis` (without a `heading:` it prints, for the United Kingdom: \"Call NHS 111, or "
        'Samaritans free on 116 123, day or night, if:").') in findings(out), out
    assert (f"{content}:{line}:5: warning: help.tiers: the help panel has no emergency tier\n"
            "fix: Add a tier of `level: emergency` (without a `heading:` it prints, for the "
            'United Kingdom: "Call 999 or go to A&E now if:").') in findings(out), out
    assert not any("988" in fix or "911" in fix
                   for fix in out.splitlines() if fix.strip().startswith("fix:"))


def test_a_us_line_for_a_uk_clinic_is_an_error_where_it_is_written(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check_output(capsys, str(CONTENT), "--clinic", str(UK_CLINIC))
    assert code == 1
    line = line_of(CONTENT, "Call or text 988 (Suicide")
    assert (
        f"content.yaml:{line}:16: error: help.tiers[1].heading: 988 is a crisis line of the "
        "United States, but the clinic is in the United Kingdom (its clinic file's "
        "`country:`), where the lines are 999 for an emergency, NHS 111, and Samaritans on "
        "116 123\nfix: Leave out this `heading:` to print, for the United Kingdom: \"Call NHS "
        '111, or Samaritans free on 116 123, day or night, if:".') in findings(out), out
    key_point = line_of(CONTENT, "If you have thoughts of suicide")
    assert (
        f"content.yaml:{key_point}:7: error: key_points.items[3]: 911 is a crisis line of the "
        "United States, but the clinic is in the United Kingdom (its clinic file's `country:`"
        "), where the lines are 999 for an emergency, NHS 111, and Samaritans on 116 123\n"
        'fix: Write `{crisis_line}` ("call Samaritans free on 116 123" here) or '
        '`{emergency_line}` ("call 999" here) instead: each prints the clinic country\'s '
        "line, so one topic file serves clinics in any country."
    ) in findings(out), out
    lines = [f for f in findings(out) if "is a crisis line of" in f]
    assert len(lines) == 5, lines  # 911 and 988 in a key point, the two headings, the chat


# content.yaml made to serve a clinic in any country: its key point names the lines with
# placeholders, its emergency and crisis tiers have no heading, and the US chat line goes.
UK_TEXT = [
    ("call or text 988 now.** If you are in danger, call 911.",
     "{crisis_line} now.** If you are in danger, {emergency_line}."),
    ('      heading: "Call 911 or go to the nearest emergency room now if:"\n', ""),
    ('      heading: "Call or text 988 (Suicide & Crisis Lifeline) if:"\n', ""),
    ('        - "You would rather type than talk. Then chat online at 988lifeline.org, day or '
     'night."\n', ""),
]


@pytest.mark.parametrize("fmt", ["document", "booklet", "trifold", "sheet"])
def test_a_uk_clinic_prints_the_uk_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         fmt: str) -> None:
    # Every format builds, its pages kept to the page rules (the booklet's back cover, once
    # a quarter empty beside the UK clinic's shorter contact box, grows its QR code).
    content = variant(tmp_path, UK_TEXT)
    code, out = check_output(capsys, str(content), "--clinic", str(UK_CLINIC),
                             "--format", fmt)
    assert code == 0 and "is a crisis line of" not in out, out
    pdf_path = tmp_path / "uk.pdf"
    build(content, pdf_path, Options(clinic=UK_CLINIC, format=fmt))
    with pymupdf.open(pdf_path) as pdf:
        pages = [page.get_text().replace("\u00a0", " ") for page in pdf]
    text = " ".join(" ".join(page.split()) for page in pages)
    assert ("If you have thoughts of suicide, call Samaritans free on 116 123 now. If you are "
            "in danger, call 999.") in text, text
    assert "EMERGENCY – Call 999 or go to A&E now if:" in text
    assert "CRISIS LINE – Call NHS 111, or Samaritans free on 116 123, day or night, if:" in text
    assert not re.search(r"\b(?:988|911)\b", text)
    # "116 123" is one number: never split across lines.
    assert all("116\n123" not in page for page in pages)


def test_the_same_file_prints_the_us_lines_for_a_us_clinic(tmp_path: Path) -> None:
    content = variant(tmp_path, UK_TEXT)
    doc = parse_document(load_content(content))
    assert doc.help is not None
    assert doc.key_points.items[3].text == ("**If you have thoughts of suicide, call or text "
                                            "988 now.** If you are in danger, call 911.")
    assert [t.heading for t in doc.help.tiers[:2]] == [
        "Call 911 or go to the nearest emergency room now if:",
        "Call or text 988 (Suicide & Crisis Lifeline) if:"]


def test_the_country_is_read_from_the_clinic_file() -> None:
    assert code_of("uk") == "GB" and code_of("US") == "US" and code_of("FR") is None
    assert country("GB").heading("emergency", "es") == (
        "Llame al 999 o vaya a urgencias (A&E) ahora si:")
    assert country("GB").placeholders("es") == {
        "{emergency_line}": "llame al 999",
        "{crisis_line}": "llame gratis a Samaritans al 116 123"}


def test_an_unknown_country_is_refused_at_the_clinic_file_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(UK_CLINIC.read_text(encoding="utf-8").replace("country: UK",
                                                                    "country: FR"), "utf-8")
    (tmp_path / "northkingsbridge-logo.svg").symlink_to(UK_CLINIC.parent /
                                                        "northkingsbridge-logo.svg")
    code, out = check_output(capsys, str(CONTENT), "--clinic", str(clinic))
    assert code == 2
    line = line_of(clinic, "country: FR")
    assert (f"{clinic}:{line}:10: clinic.country: handout does not know the crisis lines of "
            "'FR'; it knows GB (UK), US (USA). Use one of them, or leave `country:` out and "
            "write every tier's `heading:` in a `help:` block of the clinic file") in out, out


def test_a_care_team_tier_needs_its_own_heading(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    content = variant(tmp_path, [
        ('      heading: "Call your care team at {clinic}, {phone}, if:"\n', "")])
    code, out = check_output(capsys, str(content))
    assert code == 2
    assert re.search(r"content\.yaml:\d+:3: help: tiers\[2\] has no heading: write one \(only "
                     r"an emergency or crisis tier takes its heading from the clinic's "
                     r"country, the United States\)", out), out
