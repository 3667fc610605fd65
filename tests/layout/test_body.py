"""Figures, any number: `figures:` numbered Fig. 1, Fig. 2 in order; each `figure: true`
places the next; one left unplaced prints after the last section (and the check says so)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from handout.check.runner import check_file
from handout.pipeline.build import prepare, render
from tests.input.test_sections import EVERY_KIND, write


def two_figures(folder: Path, section: str) -> Path:
    """content.yaml with its one `figure:` as the first of two `figures:`."""
    path = write(folder, section, drop_figure_mark=False)
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nfigure:\n") + 1, text.index("\n# A checklist page")
    chart = "\n".join("  " + line for line in text[start:end].splitlines()[1:])
    chart = "  - " + chart.lstrip()
    second = chart.replace("results are mixed", "the second chart")
    path.write_text(text[:start] + "figures:\n" + chart + "\n" + second + "\n" + text[end:],
                    encoding="utf-8")
    return path


def pages_text(path: Path) -> str:
    doc, _ = prepare(path)
    pdf, _ = render(doc, path.parent)
    with pymupdf.open(stream=pdf) as document:
        return " ".join(" ".join(page.get_text().split()) for page in document)


def page_of(path: Path, text: str) -> int:
    doc, _ = prepare(path)
    pdf, _ = render(doc, path.parent)
    with pymupdf.open(stream=pdf) as document:
        return next(n for n, page in enumerate(document)
                    if text in " ".join(page.get_text().split()))


def test_each_figure_mark_places_the_next_figure(tmp_path: Path) -> None:
    path = two_figures(tmp_path, EVERY_KIND)
    text = pages_text(path)
    first = text.index("Fig. 1. Gut bacteria variety in depression: results are mixed")
    second = text.index("Fig. 2. Gut bacteria variety in depression: the second chart")
    # A figure that does not fit the room left floats to the next page's top while the
    # text after it fills the room: never further than the next page.
    assert text.index("What the research says so far") < first
    assert page_of(path, "Fig. 1. Gut bacteria") <= page_of(
        path, "Inflammation: the body's alarm system") + 1
    assert text.index("A calm room helps you sleep.") < second < text.index(
        "The science is still growing")


def test_an_unplaced_figure_prints_after_the_last_section(tmp_path: Path) -> None:
    path = two_figures(tmp_path, EVERY_KIND.replace("      - figure: true\n", ""))
    text = pages_text(path)
    second = text.index("Fig. 2. Gut bacteria variety in depression: the second chart")
    assert text.index("A brighter path forward") < second < text.index("My plan")
    [warning] = [f for f in check_file(path).findings if f.path == "figures[1]"]
    assert warning.message == ("no section says where Fig. 2 goes; it prints after the last "
                               "section")
