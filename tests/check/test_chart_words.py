"""`handout check` reads Fig. 1's own words: the title, the row (or group) labels, the axis
label and what each side of zero means are graded in a row of their own, and the word checks
(hardest words, glossary terms) see them where they are written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handout.check.passages import chart_labels, printed
from handout.check.readability import combine, prepare, score
from handout.commands.cli import main
from handout.input.loader import Located
from handout.input.model import Document, Figure
from tests.check.conftest import check
from tests.conftest import CONTENT, ROOT


def chart_words(figure: Figure) -> list[str]:
    return [figure.title, *(r.label for r in figure.rows), figure.axis_label,
            figure.left_label, figure.right_label]


def test_check_json_has_a_row_for_the_chart_words(doc: Document,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CONTENT), "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)["readability"]}
    labels = rows["Fig. 1 labels"]
    assert (labels["path"], labels["kind"], labels["ok"]) == ("figure", "body", True)
    assert labels["fk_grade"] <= labels["target"] == doc.checks.max_grade
    assert labels["fk_grade"] <= 6  # the issue asks the chart's words at grade 6 or below
    # Graded from exactly the chart's words, each read as a short sentence.
    assert doc.figure is not None
    expected = score(combine([prepare(t) for t in chart_words(doc.figure)]))
    assert expected is not None and labels["fk_grade"] == expected.fk_grade
    assert labels["words"] == expected.words
    assert rows["Fig. 1 caption"]["words"] == len(doc.figure.caption.split())  # title gone


def test_a_hard_word_in_a_row_label_is_found_at_that_label(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = CONTENT.read_text(encoding="utf-8").splitlines()
    row = lines.index("    - label: Number of kinds found")
    lines[row] = "    - label: Microbial heterogeneity"
    bad = tmp_path / "content.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    at = f"content.yaml:{row + 1}:{lines[row].index('Microbial') + 1}: error: "
    assert f"{at}figure.rows[0].label: 'Fig. 1 labels' reads at grade " in out
    fix = out.split(at)[1].split("\n    fix: ")[1].split("\n")[0]
    assert "Use everyday words for: heterogeneity" in fix
    assert f"Start with figure.rows[0].label (line {row + 1}, " in fix


def test_a_glossary_term_first_used_on_the_chart_must_be_explained_there(
        doc: Document, located: Located) -> None:
    assert doc.figure is not None
    rows = [r.model_copy(update={"label": "Shannon index"}) if i == 2 else r
            for i, r in enumerate(doc.figure.rows)]
    figure = doc.figure.model_copy(update={"rows": rows})
    glossary = {**doc.glossary, "Shannon index": "a score that counts the kinds of bacteria "
                "and how even their mix is"}
    report = check(doc.model_copy(update={"figure": figure, "glossary": glossary}), located)
    [finding] = [f for f in report.findings if "Shannon index" in f.message]
    assert (finding.path, finding.severity) == ("figure.rows[2].label", "error")
    assert finding.line == located.where(("figure", "rows", 2, "label"))[0]


def test_the_chart_words_are_printed_text_in_reading_order(doc: Document) -> None:
    assert doc.figure is not None
    texts = [p.text for p in printed(doc)]
    start = texts.index(doc.figure.title)
    assert texts[start:start + 7] == chart_words(doc.figure)
    assert texts[start + 7] == doc.figure.caption
    assert doc.figure.source not in texts  # the source line names measures for staff


def test_a_bar_chart_is_graded_by_its_axis_and_group_labels() -> None:
    figure = Figure.model_validate({
        "kind": "bars", "title": "Sleep by age", "caption": "Each bar is an age.",
        "source": "A study", "alt_text": "Two bars: babies 12 hours, adults 7 hours.",
        "axis_label": "Hours of sleep", "left_label": "not drawn on a bar chart",
        "groups": [{"label": "Babies", "value": 12}, {"label": "Adults", "value": 7}]})
    parts = list(chart_labels(figure))
    assert [(p.loc, p.text) for p in parts] == [
        (("figure", "title"), "Sleep by age"), (("figure", "axis_label"), "Hours of sleep"),
        (("figure", "groups", 0, "label"), "Babies"), (("figure", "groups", 1, "label"), "Adults")]
    assert {p.role for p in parts} == {"label"}
