"""The proof: every handout of the matrix built, read back and held to the rules of a
printed page (pages.py; ../shared/print-formats.md).

The matrix: each format (document, booklet, tri-fold, sheet) of content.yaml, its Spanish
version, content.yaml for the second clinic, the sleep example and the starter `handout new`
writes, on Letter and A4; content.yaml as a large-print document on both papers and as a
large-print tri-fold; and content.yaml in grayscale in every format, on Letter. A build the
layout refuses on purpose (large print does not fit a tri-fold) is a pass when it names
file:line:column for each problem; those refusals are listed in REFUSED.

A case known to break a rule today is an expected failure, strict, with the violations
measured when the table was written: a fix then shows up as an unexpected pass, which fails
the run until its line leaves KNOWN_FAILURES. To print the table afresh:

    .venv/bin/python -m tests.proof.test_rules
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pymupdf
import pytest

from tests.proof.conftest import ROOT, Builds, Case, located
from tests.proof.pages import RULES, check, read, tokens

FORMATS = ("document", "booklet", "trifold", "sheet")
CASES = [Case(source, fmt, paper) for source in ("en", "es", "riverside", "sleep", "starter")
         for paper in ("letter", "a4") for fmt in FORMATS]
# Large print: the document, on both papers; and the tri-fold, which refuses it by design
# (the booklet and the sheet refuse it too, as slowly: their fitting search runs first).
CASES += [Case("en", "document", paper, large_print=True) for paper in ("letter", "a4")]
CASES += [Case("en", "trifold", large_print=True)]
CASES += [Case("en", fmt, grayscale=True) for fmt in FORMATS]
BY_ID = {case.id: case for case in CASES}

# Builds the layout refuses by design, with a located ContentError: case -> why.
REFUSED: dict[str, str] = {
    'en-trifold-letter-large': (
        'content.yaml:279:3: references: this does not fit the tri-fold: about 10 lines too '
        'many for the back cover panel, even at 18 pt with tight spacing.'),
}

# case:rule (the test's id) -> the violations measured: the first few, and how many more.
KNOWN_FAILURES: dict[str, str] = {}


def _marks(case: Case, rule: str) -> list[pytest.MarkDecorator]:
    reason = KNOWN_FAILURES.get(f"{case.id}:{rule}")
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def test_the_tables_name_only_cases_and_rules_of_the_matrix() -> None:
    ids = {f"{case.id}:{rule}" for case in CASES for rule in RULES}
    assert set(KNOWN_FAILURES) <= ids, set(KNOWN_FAILURES) - ids
    assert set(REFUSED) <= set(BY_ID), set(REFUSED) - set(BY_ID)
    assert not {key.rpartition(":")[0] for key in KNOWN_FAILURES} & set(REFUSED)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_builds_or_refuses_with_a_location(builds: Builds, case: Case) -> None:
    outcome = builds(case)
    if outcome.refusal is None:
        assert case.id not in REFUSED, f"{case.id} built; REFUSED says it is refused"
        return
    assert not located(outcome.refusal), \
        f"{case.id}: a refusal without file:line:column: {located(outcome.refusal)}"
    assert case.id in REFUSED, f"{case.id} was refused (located, so acceptable; list it " \
        f"in REFUSED if that is by design): {outcome.refusal}"


@pytest.mark.parametrize("case,rule", [
    pytest.param(case, rule, id=f"{case.id}:{rule}", marks=_marks(case, rule))
    for case in CASES for rule in RULES])
def test_rule(builds: Builds, case: Case, rule: str) -> None:
    outcome = builds(case)
    if outcome.printed is None or outcome.tokens is None:
        pytest.skip(f"refused: {outcome.refusal}")
    violations = check(outcome.printed, rule, outcome.tokens)
    assert not violations, f"{case.id} breaks {rule}:\n" + "\n".join(violations)


def _defective_trifold(path: Path) -> None:
    """A Letter tri-fold with one defect of each kind on its outside (page 1), and an
    inside (page 2) holding a single line."""
    pdf = pymupdf.open()  # type: ignore[no-untyped-call]
    page = pdf.new_page(width=792, height=612)
    fold = 3.625 * 72  # the outside's first fold: the flap's right edge

    def text(x: float, y: float, words: str, size: float = 12, bold: bool = False) -> None:
        page.insert_text((x, y), words, fontsize=size, fontname="hebo" if bold else "helv")

    for n in range(30):  # the flap: body text from top to bottom
        text(36, 40 + n * 18, "Body text fills the flap.")
    text(fold - 23, 300, "near", 10)  # 20 pt wide: ends 3 pt before the fold
    for n in range(26):  # the back cover: body text, a split phone, a heading at the foot
        text(297, 40 + n * 18, "Body text on the back cover.")
    text(297, 519, "Book at www.mindbody7.exam", 10)
    text(297, 532, "ple/book today.", 10)
    text(297, 545, "Call us at (555)", 10)
    text(297, 558, "010-0107 any day.", 10)
    text(297, 575, "Questions for my care team", 14, bold=True)
    for x0, y0 in ((560, 40), (560, 142)):  # the front cover: two boxes 1 pt apart
        page.draw_rect((x0, y0, 760, y0 + 100), color=(0, 0, 0), width=1)
        text(x0 + 10, y0 + 30, "Notes" if y0 == 40 else "A box", 12)
    text(570, 300, "A heading that ends on", 16, bold=True)
    text(570, 320, "one", 16, bold=True)
    for n in range(10):
        text(570, 345 + n * 18, "Body text under the heading.")
    inside = pdf.new_page(width=792, height=612)
    inside.insert_text((300, 40), "Questions for my care team", fontsize=10)
    pdf.save(path)  # type: ignore[no-untyped-call]


def test_the_rules_find_what_they_are_for(tmp_path: Path) -> None:
    path = tmp_path / "defects.pdf"
    _defective_trifold(path)
    printed = read(path, "trifold")
    words = tokens(ROOT / "content.yaml")
    found = {rule: check(printed, rule, words) for rule in RULES}
    assert found["safe-area"] == ["trifold letter p1 flap: text 'near' 3 pt from the fold "
                                  "at x=261 (at x=238..258, y=289.2..303)"]
    assert any("p1 front: the boxes" in v and "are 1 pt apart" in v
               for v in found["boxes-apart"]), found["boxes-apart"]
    assert "trifold letter p1: '(555) 010-0107' is split across lines as " \
        "'(555)⏎010-0107'" in found["tokens-whole"], found["tokens-whole"]
    assert "trifold letter p1: the URL 'www.mindbody7.example/book' breaks not right after " \
        "a slash, as 'www.mindbody7.exam⏎ple/book'" in found["tokens-whole"]
    assert any("p1 back: the heading 'Questions for my care team' is the last line" in v
               for v in found["headings"]), found["headings"]
    assert any("p1 front: the heading 'A heading that ends on one' ends on the single word "
               "'one'" in v for v in found["headings"]), found["headings"]
    assert any(v.startswith("trifold letter p2 inside-left: ") and v.endswith("% empty")
               for v in found["fullness"]), found["fullness"]
    assert not any(v.startswith("trifold letter p1 ") for v in found["fullness"]), \
        found["fullness"]
    assert found["padding"] == [
        "trifold letter p1 front: a 'Notes' box (y=57.1)",
        "trifold letter: 2 'Questions for my care team' titles (p1, p2); one at most"], \
        found["padding"]


def table(most: int = 3) -> tuple[dict[str, str], dict[str, str]]:
    """REFUSED and KNOWN_FAILURES as the matrix measures now."""
    refused, failures = {}, {}
    with tempfile.TemporaryDirectory() as folder:
        builds = Builds(Path(folder))
        for case in CASES:
            outcome = builds(case)
            if outcome.printed is None or outcome.tokens is None:
                first = str(outcome.refusal).splitlines()[0]
                refused[case.id] = first.split(". ")[0] + "."
                continue
            for rule in RULES:
                found = check(outcome.printed, rule, outcome.tokens)
                if found:
                    more = f" (+{len(found) - most} more)" if len(found) > most else ""
                    failures[f"{case.id}:{rule}"] = "; ".join(found[:most]) + more
    return refused, failures


def _literal(text: str, indent: str, width: int = 92) -> str:
    """`text` as Python string literals, one a line, that concatenate back to it."""
    chunks, line = [], ""
    for word in text.split(" "):
        if line and len(repr(line + word)) + len(indent) > width:
            chunks.append(line)
            line = ""
        line += word + " "
    chunks.append(line[:-1])
    return "\n".join(indent + repr(chunk) for chunk in chunks)


if __name__ == "__main__":
    refused, failures = table()
    for name, found in (("REFUSED", refused), ("KNOWN_FAILURES", failures)):
        sys.stdout.write(f"{name}: dict[str, str] = {{\n")
        for key, value in found.items():
            sys.stdout.write(f"    {key!r}: (\n{_literal(value, ' ' * 8)}),\n")
        sys.stdout.write("}\n")
