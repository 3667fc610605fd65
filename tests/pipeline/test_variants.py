"""Every print a clinic needs, from one content file: paper, large print, grayscale, print
shop, another clinic, Spanish, and many at once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pymupdf
import pytest

from handout.commands.cli import main
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT

SPANISH = ROOT / "content.es.yaml"
RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"
FAST = {"check": False}


def make(tmp: Path, name: str, content: Path = CONTENT, **options: object) -> pymupdf.Document:
    out = tmp / f"{name}.pdf"
    build(content, out, Options(**{**FAST, **options}))  # type: ignore[arg-type]
    return pymupdf.open(out)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("variants")


def body_size(pdf: pymupdf.Document) -> float:
    sizes = Counter(round(s["size"], 1) for page in pdf
                    for b in page.get_text("dict")["blocks"] for line in b.get("lines", [])
                    for s in line["spans"] if s["text"].strip())
    return sizes.most_common(1)[0][0]


def test_a4_pages_and_nothing_cut(tmp: Path) -> None:
    pdf = make(tmp, "a4", paper="a4")
    assert {(round(p.rect.width), round(p.rect.height)) for p in pdf} == {(595, 842)}
    for page in pdf:  # every word inside the page, none past an edge
        for x0, y0, x1, y1, *_ in page.get_text("words"):
            assert x0 >= 0 and x1 <= page.rect.width and y0 >= 0 and y1 <= page.rect.height


def test_large_print_body_at_least_18pt_and_more_pages(tmp: Path) -> None:
    regular, large = make(tmp, "regular"), make(tmp, "large", large_print=True)
    assert body_size(large) >= 18
    assert large.page_count > regular.page_count
    words = " ".join(" ".join(p.get_text().split()) for p in large)
    assert "Word play" in words and "Where this information comes from" in words


def test_grayscale_has_no_colour(tmp: Path) -> None:
    colour, gray = make(tmp, "colour"), make(tmp, "gray", grayscale=True)
    assert _max_chroma(colour) > 60, "the test should see the brand colours"
    assert _max_chroma(gray) <= 3


def _max_chroma(pdf: pymupdf.Document) -> int:
    worst = 0
    for page in pdf:
        pix = page.get_pixmap(dpi=40, colorspace=pymupdf.csRGB, alpha=False)
        rgb = np.frombuffer(pix.samples, np.uint8).reshape(-1, 3).astype(int)
        worst = max(worst, int((rgb.max(axis=1) - rgb.min(axis=1)).max()))
    return worst


def test_print_shop_has_bleed_and_crop_marks(tmp: Path) -> None:
    pdf = make(tmp, "shop", print_shop=True)
    page = pdf[0]
    trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
    assert (round(trim.width), round(trim.height)) == (612, 792)
    assert round(trim.x0 - bleed.x0, 1) == 9.0 and round(bleed.x1 - trim.x1, 1) == 9.0
    assert media.contains(bleed) and media.width > bleed.width
    marks = [item for d in page.get_drawings() for item in d["items"]
             if item[0] == "l" and not any(trim.contains(pt) for pt in item[1:3])]
    assert len(marks) == 8, "two crop marks at each corner, outside the trim"
    band = pymupdf.Rect(bleed.x0 + 1, bleed.y0 + 1, bleed.x0 + 5, bleed.y0 + 5)
    pix = page.get_pixmap(dpi=72, clip=band, colorspace=pymupdf.csRGB, alpha=False)
    assert max(pix.samples) < 200, "the header band should run into the bleed"


def test_other_clinic_from_the_same_content(tmp: Path) -> None:
    pdf = make(tmp, "riverside", clinic=RIVERSIDE)
    text = " ".join(" ".join(p.get_text().split()) for p in pdf)
    assert "Riverside Family Health" in text and "(555) 014-2200" in text
    assert "Mind Body 7" not in text, "the content's own clinic leaked through"
    assert pdf.metadata["author"] == "Riverside Family Health"


def test_spanish_handout(tmp: Path) -> None:
    pdf = make(tmp, "es", content=SPANISH)
    text = " ".join(" ".join(p.get_text().split()) for p in pdf)
    for phrase in ("Su intestino", "Página 1 de", "Pista:", "Respuestas", "Fuente:",
                   "De dónde viene esta información", "Última revisión:", "inflamación"):
        assert phrase in text, phrase
    assert "Psiquiatría integrativa" in text, "the clinic file's Spanish tagline"
    assert pdf.xref_get_key(pdf.pdf_catalog(), "Lang") == ("string", "es")
    assert "Page 1 of" not in text and "Clue:" not in text


def test_batch_builds_in_parallel_and_reports_a_broken_entry(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(CONTENT.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1),
                      encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    (tmp_path / "batch.yaml").write_text(
        f"output: out\ncontents: [{CONTENT}, broken.yaml]\n"
        f"clinics: [{ROOT / 'assets/clinics/mind-body-7.yaml'}, {RIVERSIDE}]\n"
        "variants:\n  - name: letter\n  - name: gray\n    grayscale: true\n"
        "workers: 2\n", encoding="utf-8")
    code = main(["batch", str(tmp_path / "batch.yaml")])
    out = capsys.readouterr()
    assert code == 1, out.err
    built = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.pdf"))
    # Two content files that are not one topic's translations: a folder per topic.
    assert built == ["mind-body-7/mental-health/en/gray.pdf",
                     "mind-body-7/mental-health/en/letter.pdf",
                     "riverside-family-health/mental-health/en/gray.pdf",
                     "riverside-family-health/mental-health/en/letter.pdf"]
    assert "4 built, 4 failed." in out.out
    assert out.out.count("FAILED") == 4 and "did you mean 'title'?" in out.out


def test_a_gray_logo_leaves_the_cached_colour_logo_alone() -> None:
    from handout.layout.drawings import load_logo

    def colours(node: object, found: set[str]) -> set[str]:
        for attr in ("fillColor", "strokeColor"):
            value = getattr(node, attr, None)
            if value is not None:
                found.add(value.hexval())
        for child in getattr(node, "contents", []):
            colours(child, found)
        return found

    logo = (ROOT / "assets" / "clinics" / "mind-body-7-logo.svg").resolve()
    gray = colours(load_logo(logo, grayscale=True), set())
    colour = colours(load_logo(logo), set())
    assert "0x1f4e79" in colour and "0x1f4e79" not in gray


def test_print_variants_are_declared_once(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`handout build`'s flags, a batch file's keys, what the layout lays out and Options
    come from layout/variant.py."""
    from dataclasses import fields

    from handout.commands.batch import load_batch, plan
    from handout.layout.variant import Variant, settings

    assert [s.flag for s in settings()] == ["--format", "--paper", "--large-print",
                                           "--grayscale", "--print-shop", "--imposed"]
    assert issubclass(Options, Variant)
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    usage = " ".join(capsys.readouterr().out.split())
    for s in settings():
        assert f"{s.flag} " in usage and " ".join(s.help.split()) in usage, s
    (tmp_path / "batch.yaml").write_text(
        f"contents: [{CONTENT}]\nvariants:\n  - name: plain\n"
        "  - name: all\n    paper: a4\n    large_print: true\n    grayscale: true\n"
        "    print_shop: true\n", encoding="utf-8")
    jobs = plan(load_batch(tmp_path / "batch.yaml"), tmp_path)
    assert [(j.name, j.variant) for j in jobs] == [
        ("plain", Variant()), ("all", Variant(paper="a4", large_print=True, grayscale=True,
                                              print_shop=True))]
    # Every field is a flag and a batch key, but `tagged` (the command line's --no-tags).
    assert {f.name for f in fields(Variant)} - {"tagged"} == {s.name for s in settings()}


@pytest.mark.parametrize(("entry", "message"), [
    ("paper: b5", "variants[0].paper: input should be 'letter' or 'a4'"),
    ("large_prnt: true", "variants[0].large_prnt: unknown key 'large_prnt'; "
     "did you mean 'large_print'?"),
    ("grayscale: maybe", "variants[0].grayscale: expected true or false"),
])
def test_a_batch_variant_is_checked_like_the_flags(tmp_path: Path, entry: str,
                                                   message: str) -> None:
    from handout.commands.batch import load_batch
    from handout.common.errors import ContentError

    (tmp_path / "batch.yaml").write_text(
        f"contents: [c.yaml]\nvariants:\n  - name: x\n    {entry}\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_batch(tmp_path / "batch.yaml")
    assert [str(p).split(": ", 1)[1] for p in raised.value.problems] == [message]
    assert raised.value.problems[0].line == 4
