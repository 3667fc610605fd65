"""References of every kind: journal articles, books, reports and web pages, by people or by
an organisation. The check asks each kind for what finds it; the small formats' "Sources"
line names organisations whole; the full list prints the publisher and the ISBN."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from handout.commands.cli import main
from handout.common.errors import ContentError
from handout.input.citations import Reference, isbn_valid
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT

REFERENCES = """\
references:
  - text: "National Institute of Mental Health. Depression. 2024."
    kind: web
    url: https://www.nimh.nih.gov/health/topics/depression
  - text: "Cascade Health Alliance. Feeling low: a booklet for families. 2021."
    publisher: Cascade Health Alliance Press
    isbn: 978-0-306-40615-7
  - text: "Sender R, Fuchs S, Milo R. Revised estimates. PLoS Biol. 2016;14(8):e1002533."
    doi: 10.1371/journal.pbio.1002533
  - text: "Berger M. The expanded biology of serotonin. Annu Rev Med. 2009;60:355-366."
  - text: "Cascade Health Alliance. Sleep and mood. 2022."
    kind: book
  - text: "World Health Organization. Depressive disorder (depression). 2023."
    kind: web
  - text: "Substance Abuse and Mental Health Services Administration. Report to Congress."
    organisation: SAMHSA
    year: 2020
    kind: report
"""


def content_with(tmp_path: Path, references: str) -> Path:
    """content.yaml with its references replaced, beside the clinic files and pictures."""
    text = CONTENT.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^references:\n.*?(?=^review:)", references, text)
    if not (tmp_path / "assets").exists():
        (tmp_path / "assets").symlink_to(ROOT / "assets")
    out = tmp_path / "content.yaml"
    out.write_text(text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return content_with(tmp_path_factory.mktemp("references"), REFERENCES)


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_each_kind_is_asked_for_what_finds_it(content: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(content)])
    out = capsys.readouterr().out
    found = [line for line in out.splitlines() if ": warning: references" in line]
    article = line_of(content, "Berger M. The expanded")
    book = line_of(content, "Sleep and mood")
    web = line_of(content, "World Health Organization")
    name = str(content)
    assert found == [
        f"{name}:{article}:5: warning: references[3]: this article has no DOI or URL, so a "
        "reader cannot look it up",
        f"{name}:{book}:5: warning: references[4]: this book has no ISBN or URL, so a reader "
        "cannot look it up",
        f"{name}:{web}:5: warning: references[5]: this web page has no URL, so a reader "
        "cannot look it up",
        f"{name}:{web + 2}:5: warning: references[6]: this report has no URL, DOI or ISBN, so "
        "a reader cannot look it up",
    ], out
    fixes = [line.strip() for line in out.splitlines() if line.startswith("    fix:")]
    assert ("fix: Add `isbn:` as printed on its back cover or copyright page (or `url:`, the "
            "publisher's page for it).") in fixes
    assert ("fix: Add `url:`, the page's address as your browser shows it (https://...)."
            in fixes)
    # A book with its ISBN, a web page with its URL: nothing to say about them.
    assert not any(f"references[{i}]" in line for line in found for i in (0, 1, 2))


def test_a_wrong_isbn_is_refused_where_it_is_written(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    content = content_with(tmp_path, REFERENCES.replace("40615-7", "40615-8"))
    assert main(["check", str(content)]) == 2
    err = capsys.readouterr().err
    line = line_of(content, "isbn: 978")
    assert (f"{content}:{line}:11: references[1].isbn: '978-0-306-40615-8' is not an ISBN: an "
            "ISBN has 10 or 13 digits and its last digit checks the others; copy it again "
            "from the back cover or copyright page") in err


def test_isbn_check_digits() -> None:
    assert isbn_valid("978-0-306-40615-7") and isbn_valid("0-306-40615-2")
    assert isbn_valid("0 8044 2957 X")
    assert not isbn_valid("978-0-306-40615-6") and not isbn_valid("12345")


@pytest.mark.parametrize(("text", "extra", "short"), [
    ("Sender R, Fuchs S, Milo R. Revised estimates. PLoS Biol. 2016;14(8):e1002533.", {},
     "Sender et al., 2016"),
    ("Berger M. The expanded biology of serotonin. Annu Rev Med. 2009;60:355-366.", {},
     "Berger, 2009"),
    ("Paruthi S, Brooks LJ, D'Ambrosio C, et al. Sleep. J Clin Sleep Med. 2016;12(6):785.",
     {}, "Paruthi et al., 2016"),
    ("National Institute of Mental Health. Depression. 2024.", {},
     "National Institute of Mental Health, 2024"),
    ("Substance Abuse and Mental Health Services Administration. A report. 2019.", {},
     "Substance Abuse and Mental Health Services Administration, 2019"),
    ("Substance Abuse and Mental Health Services Administration. A report.",
     {"organisation": "SAMHSA", "year": 2020}, "SAMHSA, 2020"),
    ("WHO. Depression fact sheet.", {}, "WHO"),
])
def test_the_short_form_names_people_by_surname_and_organisations_whole(
        text: str, extra: dict[str, object], short: str) -> None:
    assert Reference.model_validate({"text": text, **extra}).short() == short


def test_the_sources_line_prints_organisations_by_name(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    build(content, out, Options(check=False, format="sheet"))
    with pymupdf.open(out) as pdf:
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)
    assert ("National Institute of Mental Health, 2024; Cascade Health Alliance, 2021; Sender "
            "et al., 2016; Berger, 2009; Cascade Health Alliance, 2022; World Health "
            "Organization, 2023; SAMHSA, 2020. Ask us for the full list, with links.") in text
    assert "National;" not in text and "Cascade;" not in text


def test_the_full_list_prints_the_publisher_and_the_isbn(content: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "document.pdf"
    build(content, out, Options(check=False))
    with pymupdf.open(out) as pdf:
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)
    assert ("Cascade Health Alliance. Feeling low: a booklet for families. 2021. Cascade "
            "Health Alliance Press. ISBN 978-0-306-40615-7.") in text


def test_a_reference_without_an_identifier_never_stops_a_build(content: Path,
                                                               tmp_path: Path) -> None:
    try:
        build(content, tmp_path / "out.pdf", Options(format="trifold"))
    except ContentError as exc:  # pragma: no cover - the message says why
        pytest.fail(str(exc))
