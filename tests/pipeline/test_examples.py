"""The second topic, examples/sleep (another clinic, a table, a checklist, steps, a picture
and no chart): it passes the check and builds in every format, read back from the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from handout.check import check_file
from handout.common.errors import ContentError
from handout.pipeline.build import Options, build
from tests.pdf_structure import elements
from tests.proof.pages import every_rule, read, tokens

ROOT = Path(__file__).resolve().parents[2]
SLEEP = ROOT / "examples" / "sleep" / "content.yaml"
PAGES = {"document": 5, "booklet": 8, "trifold": 2, "sheet": 2}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sleep")
    out = {}
    for fmt in PAGES:
        out[fmt] = folder / f"{fmt}.pdf"
        build(SLEEP, out[fmt], Options(format=fmt, check=False, cache_dir=folder / "cache"))
    return out


def test_the_sleep_example_passes_the_check() -> None:
    report = check_file(SLEEP)
    # Its only warnings: Riverside Family Health is made up (example: true, a 555 number,
    # .example addresses), so the example prints "SAMPLE – not for patients".
    assert report.ok, report.findings
    assert {f.file for f in report.findings} == {"assets/clinics/riverside-family-health.yaml"}
    assert all(row.ok for row in report.rows)


@pytest.mark.parametrize("fmt", list(PAGES))
def test_it_builds_in_every_format_for_its_own_clinic(built: dict[str, Path], fmt: str) -> None:
    with pymupdf.open(built[fmt]) as pdf:
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)  # lines joined
        assert pdf.page_count == PAGES[fmt]
    assert "Riverside Family Health" in text and "(555) 014-2200" in text
    assert "Fig." not in text  # no chart


def test_the_document_prints_the_table_checklist_steps_and_picture(
        built: dict[str, Path]) -> None:
    with pymupdf.open(built["document"]) as pdf:
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)
        ticks = sum(1 for page in pdf for d in page.get_drawings()
                    if d["rect"].width == pytest.approx(d["rect"].height, abs=0.5)
                    and 10 < d["rect"].width < 25 and not d.get("fill"))
    assert "Hours of sleep each day, by age" in text
    assert "Teens, 13 to 18 years 8 to 10 hours" in text
    assert "1. If you are still awake after about 20 minutes, get up." in text
    assert ticks >= 5 + 5  # the checklist's boxes and My plan's
    with pikepdf.open(built["document"]) as pdf:
        figures = [str(e.get("/Alt", "")) for e in elements(pdf) if e.get("/S") == "/Figure"]
        tables = [e for e in elements(pdf) if e.get("/S") == "/Table"]
    assert any(alt.startswith("A drawing of a bed in a dark room") for alt in figures)
    assert len(tables) == 1


@pytest.mark.parametrize("variant", [
    Options(paper="a4"), Options(grayscale=True),
    Options(print_shop=True),
    Options(format="booklet", imposed=True), Options(format="trifold", paper="a4")])
def test_it_builds_in_the_print_variants(tmp_path: Path, variant: Options) -> None:
    out = tmp_path / "v.pdf"
    options = Options(**{**variant.__dict__, "check": False, "cache_dir": tmp_path / "c"})
    result = build(SLEEP, out, options)
    assert result.pages >= 2 and out.stat().st_size > 10_000


# Large print leaves pages of the sleep booklet more than a quarter empty (its two blank
# pages before its back cover): the build refuses them, located, and writes nothing
# (layout/proof.py).
def test_large_print_pages_it_cannot_fill_are_refused_located(tmp_path: Path) -> None:
    out = tmp_path / "v.pdf"
    options = Options(format="booklet", large_print=True, check=False,
                      cache_dir=tmp_path / "c")
    with pytest.raises(ContentError) as caught:
        build(SLEEP, out, options)
    assert all(re.search(r"sleep/content.yaml:\d+:\d+: .* is \d+% empty", str(p))
               for p in caught.value.problems), caught.value.problems
    assert not out.exists()


# The document in large print once left its help page a third empty: every page keeps the
# rules now, read back by the independent proof.
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_sleep_document_in_large_print_keeps_every_page_rule(tmp_path: Path,
                                                                 paper: str) -> None:
    out = tmp_path / "large.pdf"
    build(SLEEP, out, Options(paper=paper, large_print=True, check=False,
                              cache_dir=tmp_path / "c"))
    printed = read(out, "document")
    assert printed.body >= 18
    assert {rule: found for rule, found in every_rule(printed, tokens(SLEEP)).items()
            if found} == {}
