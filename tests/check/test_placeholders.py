"""Placeholders and made-up contact details are warnings, located in the file they are
written in: the untouched starter's, the shipped clinics' (issue 19, item 2)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from handout.check import check_file
from handout.commands.cli import main
from handout.commands.new import new_handout
from handout.input.fictional import fictional_in, phone_reason
from tests.conftest import CONTENT, ROOT

TODAY = dt.date(2026, 11, 25)
SAMPLE = 'While any placeholder is left, every page prints "SAMPLE – not for patients".'


@pytest.mark.parametrize(("number", "reason"), [
    ("(555) 555-0100", "555-0100 to 555-0199 are kept for films and examples"),
    ("+1 (212) 555-0150", "555-0100 to 555-0199 are kept for films and examples"),
    ("555-0142", "555-0100 to 555-0199 are kept for films and examples"),
    ("(555) 010-0107", "no phone number has the area code 555"),
    ("+44 20 7946 0123", "the UK keeps it for TV and radio drama (Ofcom)"),
    ("07700 900123", "the UK keeps it for TV and radio drama (Ofcom)"),
    ("+61 2 5550 1234", "Australia keeps it for films and examples (ACMA)"),
    ("(212) 555-1212", None),  # directory assistance: real
    ("1-800-273-8255", None),
    ("+44 20 7946 1123", None),
    ("+353 1 555 1234", None),
])
def test_made_up_phone_numbers_are_told_from_real_ones(number: str, reason: str | None
                                                       ) -> None:
    assert phone_reason(number) == reason


def test_text_is_searched_for_every_kind_and_numbers_inside_others_are_left() -> None:
    found = fictional_in("Call (555) 010-0107 ext. 3307 or see www.a.example/book and "
                         "https://example.org, for example. Reviewer's name.")
    assert [f.what.split('"')[1] for f in found] == [
        "(555) 010-0107", "www.a.example", "example.org", "Reviewer's name"]
    # Pages, DOIs and a word "example" are not phone numbers or addresses.
    assert fictional_in("Sleep. 2015;38(6):843-844. doi:10.5555/1234567 example.company") == []


def test_the_untouched_starter_warns_at_each_placeholder_in_both_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    new_handout(Path("mine"), TODAY)
    report = check_file(Path("mine/content.yaml"), TODAY)
    assert report.errors == 0
    where = [(f.file, f.line, f.column, f.path) for f in report.findings]
    assert where == [
        ("mine/content.yaml", *at("mine/content.yaml", "reviewer: "), "review.reviewer"),
        ("mine/content.yaml", *at("mine/content.yaml", "credentials: "),
         "review.credentials"),
        ("mine/clinic.yaml", 5, 7, "clinic.name"),
        ("mine/clinic.yaml", 6, 10, "clinic.tagline"),
        ("mine/clinic.yaml", 8, 7, "clinic.logo"),
        ("mine/clinic.yaml", 9, 11, "clinic.logo_alt"),
        ("mine/clinic.yaml", 14, 8, "clinic.phone"),
        ("mine/clinic.yaml", 15, 10, "clinic.address"),
        ("mine/clinic.yaml", 16, 10, "clinic.website"),
        ("mine/clinic.yaml", 20, 8, "clinic.call_to_action.url")]
    phone = report.findings[6]
    assert str(phone) == (
        'mine/clinic.yaml:14:8: warning: clinic.phone: "(555) 555-0100" is a made-up phone '
        "number (555-0100 to 555-0199 are kept for films and examples): a patient who calls "
        "it reaches no one")
    assert phone.fix == f"Put in your clinic's real phone number. {SAMPLE}"
    assert str(report.findings[0]).endswith(
        "review.reviewer: \"Reviewer's name\" is the starter's placeholder text")
    assert report.findings[4].message == "this is the starter's placeholder logo"
    assert report.findings[7].message == ('"Example Street" and "Your Town" are the '
                                          "starter's placeholder text")
    assert report.findings[7].fix == ("Put in your clinic's street address. Put in your "
                                      f"clinic's town. {SAMPLE}")


def at(path: str, key: str) -> tuple[int, int]:
    """Line and column of the value after `key` in the file at `path`."""
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().startswith(key):
            return n, line.index(key) + len(key) + 1
    raise AssertionError(key)


def test_a_starter_with_real_details_has_no_finding(tmp_path: Path) -> None:
    folder = real_details(tmp_path)
    report = check_file(folder / "content.yaml", TODAY)
    assert report.findings == (), [str(f) for f in report.findings]


def real_details(tmp_path: Path) -> Path:
    """The starter with every placeholder replaced, as a clinic would."""
    folder = tmp_path / "real"
    new_handout(folder, TODAY)
    clinic = (folder / "clinic.yaml").read_text(encoding="utf-8")
    for old, new in (("Your Clinic Name", "Lakeside Clinic"),
                     ("Replace this line with a short tagline, e.g. ", ""),
                     ("(555) 555-0100", "(802) 123-4567"),
                     ("123 Example Street, Your Town", "4 Lake Road, Burlington"),
                     ("your-clinic.example", "lakeside-clinic.org"),
                     ("clinic-logo.svg", "lakeside.svg")):
        clinic = clinic.replace(old, new)
    (folder / "clinic.yaml").write_text(clinic, encoding="utf-8")
    shutil.copy(ROOT / "assets/clinics/mind-body-7-logo.svg", folder / "lakeside.svg")
    content = (folder / "content.yaml").read_text(encoding="utf-8")
    content = content.replace("Reviewer's name", "Ana Diaz").replace(
        "Credentials, e.g. MD", "MD")
    (folder / "content.yaml").write_text(content, encoding="utf-8")
    return folder


def test_mind_body_7s_contact_details_are_made_up_and_found_in_its_clinic_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    """content.yaml's clinic is real, but its phone number and website are not: the area
    code 555 has no numbers, and .example opens no website. Reported once, in the clinic
    file, though content.yaml prints the phone through {phone}."""
    report = check_file(CONTENT, TODAY)
    mine = [f for f in report.findings if f.file == "assets/clinics/mind-body-7.yaml"]
    assert [(f.line, f.path) for f in mine] == [
        (13, "clinic.phone"), (15, "clinic.website"), (18, "clinic.call_to_action.url")]
    assert mine[0].message == ('"(555) 010-0107" is a made-up phone number (no phone number '
                               "has the area code 555): a patient who calls it reaches no one")
    assert not any("555" in f.message for f in report.findings if f.file == "content.yaml")


def test_an_example_clinic_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    sleep = ROOT / "examples" / "sleep" / "content.yaml"
    assert main(["check", str(sleep), "--clinic",
                 str(ROOT / "assets/clinics/riverside-family-health.yaml")]) == 0
    out = capsys.readouterr().out
    assert ("clinic.example: this clinic file says it is a made-up example (example: true)\n"
            "    fix: Build with your own clinic file (--clinic, or `clinic:` in the content "
            'file). Every page of this one prints "SAMPLE – not for patients".') in out


def test_the_fix_quotes_the_mark_as_the_handout_prints_it() -> None:
    report = check_file(ROOT / "content.es.yaml", TODAY)
    phone = next(f for f in report.findings if f.path == "clinic.phone")
    assert phone.fix == ("Put in your clinic's real phone number. While any placeholder is "
                         'left, every page prints "MUESTRA – no es para pacientes".')
