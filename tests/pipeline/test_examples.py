"""The second topic, examples/sleep (another clinic, a table, a checklist, steps, a picture
and no chart): it passes the check and builds in every format, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pymupdf
import pytest

from handout.check import check_file
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
    Options(print_shop=True), Options(large_print=True),  # the references run on from
    Options(format="booklet", imposed=True), Options(format="trifold", paper="a4")])
def test_it_builds_in_the_print_variants(tmp_path: Path, variant: Options) -> None:
    out = tmp_path / "v.pdf"
    options = Options(**{**variant.__dict__, "check": False, "cache_dir": tmp_path / "c"})
    result = build(SLEEP, out, options)
    assert result.pages >= 2 and out.stat().st_size > 10_000


# In large print the sleep example once left pages more than a quarter empty, which the
# build refused: the document's help page (its review dates now under the panel), the
# booklet's two blank pages before its back cover (its inside pages now grow past its full
# covers). Every page keeps the rules, read back by the independent proof.
@pytest.mark.parametrize(("fmt", "paper"), [("document", "letter"), ("booklet", "letter"),
                                            ("document", "a4"), ("booklet", "a4")])
def test_the_sleep_example_in_large_print_keeps_every_page_rule(tmp_path: Path, fmt: str,
                                                                paper: str) -> None:
    out = tmp_path / "large.pdf"
    build(SLEEP, out, Options(format=fmt, paper=paper, large_print=True, check=False,
                              cache_dir=tmp_path / "c"))
    printed = read(out, fmt)
    assert printed.body >= 18
    assert {rule: found for rule, found in every_rule(printed, tokens(SLEEP)).items()
            if found} == {}
    if fmt == "booklet":  # its page numbers grow with the text, as the footer does
        with pymupdf.open(out) as pdf:
            numbers = [s["size"] for b in pdf[1].get_text("dict")["blocks"]
                       for line in b.get("lines", []) for s in line["spans"]
                       if s["text"].strip() == "2"]
        assert numbers == [16.0], numbers
