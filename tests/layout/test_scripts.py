"""Text beyond Latin (issue 20): Vietnamese, Russian, Simplified Chinese and Korean handouts,
built as a document and as a booklet, read back with PyMuPDF: every character of the title
and the headings is in the PDF's text, in embedded subset fonts of the right family, with
Latin runs in Chinese lines in the Latin font; Chinese lines break by its rules; no text
is drawn over other text; pages render to PNG (kept for a person to look at).

The test content files are in data/scripts/ (placeholder locales: the fixed words are
still English there, the fonts are what is tested).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pymupdf
import pytest
import yaml

from handout.layout.kinsoku import CANNOT_END, CANNOT_START
from handout.pipeline.build import Options, build

DATA = Path(__file__).parent / "data" / "scripts"
# Language -> the family its own letters must be printed in.
FAMILIES = {"vi": "NotoSans", "ru": "NotoSans", "zh-Hans": "NotoSansSC", "ko": "NotoSansKR"}
FORMATS = ("document", "booklet")
CASES = [(language, fmt) for language in FAMILIES for fmt in FORMATS]


@pytest.fixture(scope="module", autouse=True)
def no_system_fonts() -> object:
    """Only the bundled fonts: the results must not depend on this machine's fonts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDOUT_SYSTEM_FONTS", "0")
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("scripts")
    out = {}
    for language, fmt in CASES:
        path = folder / f"{language}-{fmt}.pdf"
        # Page fullness is another test's matter (the booklet's short text leaves room).
        build(DATA / f"content.{language}.yaml", path,
              Options(format=fmt, allow_check_errors=True))
        out[language, fmt] = path
    return out


def printed(language: str) -> list[str]:
    """The title and every heading of the test content, as a reader sees them."""
    data = yaml.safe_load((DATA / f"content.{language}.yaml").read_text(encoding="utf-8"))
    texts = [data["title"], data["key_points"]["title"], data["plan"]["title"],
             data["help"]["title"], *(s["heading"] for s in data["sections"])]
    return [t.replace("**", "") for t in texts]


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_every_character_of_the_title_and_headings_is_in_the_text(
        built: dict[tuple[str, str], Path], language: str, fmt: str) -> None:
    with pymupdf.open(built[language, fmt]) as pdf:
        text = squeezed(" ".join(page.get_text() for page in pdf))
    for heading in printed(language):
        lost = sorted({c for c in squeezed(heading) if c not in text})
        assert lost == [], f"{heading!r}: {lost} not in the PDF's text"
        assert squeezed(heading) in text, heading


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_fonts_are_embedded_subsets_of_the_language_family(
        built: dict[tuple[str, str], Path], language: str, fmt: str) -> None:
    with pymupdf.open(built[language, fmt]) as pdf:
        fonts = {f for page in pdf for f in page.get_fonts()}
    # (xref, ext, type, basefont, name, encoding): ext "n/a" is a font not embedded.
    assert [f[3] for f in fonts if f[1] == "n/a"] == []
    assert all(re.match(r"[A-Z]{6}\+", f[3]) for f in fonts), [f[3] for f in fonts]
    names = {f[3].split("+", 1)[1] for f in fonts}
    family = FAMILIES[language]
    assert {f"{family}-Regular", f"{family}-Bold"} <= names, names


def spans(path: Path) -> list[list[tuple[str, str]]]:
    """Each line of the PDF as (font, text) spans."""
    lines = []
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    lines.append([(s["font"], s["text"]) for s in line["spans"]])
    return lines


def test_a_latin_drug_name_in_a_chinese_line_keeps_the_latin_font(
        built: dict[tuple[str, str], Path]) -> None:
    line = next(line for line in spans(built["zh-Hans", "document"])
                if any("pseudoephedrine" in text for _, text in line))
    latin = [font for font, text in line if "pseudoephedrine" in text]
    assert latin and all(font.startswith("AtkinsonHyperlegibleNext") for font in latin), line
    assert any(font.startswith("NotoSansSC") and "感冒药" in text
               for font, text in line), line


@pytest.mark.parametrize("fmt", FORMATS)
def test_chinese_lines_break_by_its_punctuation_rules(
        built: dict[tuple[str, str], Path], fmt: str) -> None:
    lines = [squeezed("".join(t for _, t in line)) for line in spans(built["zh-Hans", fmt])]
    lines = [line for line in lines if re.search("[\u4e00-\u9fff]", line)]
    assert len(lines) > 20
    assert [line for line in lines if line[0] in CANNOT_START] == []
    assert [line for line in lines if line[-1] in CANNOT_END] == []


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_no_text_is_drawn_over_other_text(
        built: dict[tuple[str, str], Path], language: str, fmt: str) -> None:
    """Characters on one line never overlap (ReportLab once squeezed a Chinese line's
    spaces to negative widths), and no two lines' glyph boxes cross."""
    with pymupdf.open(built[language, fmt]) as pdf:
        for page in pdf:
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    boxes = [c["bbox"] for s in line["spans"] for c in s["chars"]
                             if not c["c"].isspace()]
                    for a, b in itertools.pairwise(boxes):
                        assert b[0] >= a[2] - 0.5, (page.number, line["spans"][0]["text"])


def test_vietnamese_line_spacing_clears_stacked_marks() -> None:
    """The tallest stacked capital and the lowest descender of Noto Sans fit within every
    paragraph style's line spacing: a mark never touches the line above."""
    from fontTools.ttLib import TTFont

    from handout.common.fonts import FONT_DIR
    from handout.input.clinic import Colours
    from handout.layout.theme import make_theme

    theme = make_theme(Colours(primary="#1F4E79", accent="#0B6E4F"), language="vi")
    for weight in ("400Regular", "700Bold"):
        font = TTFont(FONT_DIR / f"NotoSans_{weight}.ttf")
        cmap, glyf = font.getBestCmap(), font["glyf"]
        top = max(glyf[cmap[ord(c)]].yMax for c in "ẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ")
        low = min(glyf[cmap[ord(c)]].yMin for c in "gjpqyỵỹ")
        ink = (top - low) / font["head"].unitsPerEm
        assert font["hhea"].ascent >= top  # the first line's marks stay inside its box
        for name, style in theme.styles.items():
            assert style.leading >= style.fontSize * ink, name


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_pages_render(built: dict[tuple[str, str], Path], language: str, fmt: str,
                      tmp_path: Path) -> None:
    """Each page with text (not just its number) renders to PNG with ink on it (the PNGs
    were looked at: see the commit that added this test)."""
    with pymupdf.open(built[language, fmt]) as pdf:
        for page in pdf:
            pix = page.get_pixmap(dpi=60, colorspace=pymupdf.csGRAY)
            pix.save(tmp_path / f"{language}-{fmt}-{page.number}.png")
            dark = sum(1 for value in pix.samples if value < 128)
            if len(squeezed(page.get_text())) > 3:  # more than a page number
                assert dark > 100, f"page {page.number + 1} of {language} {fmt} is blank"


@pytest.mark.parametrize(("language", "face"), [
    ("zh-Hans", "NotoSansSC"), ("zh", "NotoSansSC"), ("zh-Hant", "NotoSansTC"),
    ("zh-TW", "NotoSansTC"), ("zh-Hant-HK", "NotoSansTC")])
def test_han_characters_take_the_forms_of_the_language(language: str, face: str) -> None:
    from handout.layout.fontstack import font_chain

    assert font_chain(language).runs("睡眠 sleep", "Atkinson", False) == [
        (face, "睡眠 "), ("Atkinson", "sleep")]
    assert font_chain(language).runs("睡眠 sleep", "Atkinson-Bold", True)[0] == (
        f"{face}-Bold", "睡眠 ")


def test_chart_text_in_chinese_has_its_glyphs() -> None:
    """The chart draws Chinese labels in Noto Sans SC (matplotlib's font fallback): no
    'Glyph missing' warning, which the test settings turn into an error."""
    from handout.chart.render import chart_families, render_svg
    from handout.input.model import Document
    from handout.input.sources import load_content

    assert chart_families("en") == ["Atkinson Hyperlegible Next", "DejaVu Sans"]
    assert chart_families("zh-Hans")[:2] == ["Atkinson Hyperlegible Next", "Noto Sans SC"]
    assert chart_families("vi")[:2] == ["Noto Sans", "Atkinson Hyperlegible Next"]
    doc = Document.model_validate(load_content(DATA / "content.zh-Hans.yaml").data)
    assert doc.figure is not None
    svg = render_svg(doc.figure, width_in=6, primary="#1F4E79", accent="#0B6E4F",
                     language="zh-Hans")
    assert svg.count(b"<path") > 50  # the labels' glyphs, drawn as outlines


def bundled_cmaps() -> dict[str, set[int]]:
    """What each bundled font can draw, by the names PyMuPDF gives its spans' fonts
    (PostScript name, and its family part: 'AtkinsonHyperlegibleNext')."""
    from fontTools.ttLib import TTFont

    from handout.common.fonts import FONT_DIR

    found: dict[str, set[int]] = {}
    for path in FONT_DIR.glob("*.ttf"):
        font = TTFont(path)
        name = font["name"].getDebugName(6)
        for key in {name, name.split("-")[0]}:
            found.setdefault(key, set()).update(font.getBestCmap())
    return found


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_every_character_is_drawn_in_a_font_that_has_it(
        built: dict[tuple[str, str], Path], language: str, fmt: str) -> None:
    """Never a blank: each character of each span (the word-search grid's letters too) is
    in the font the span is drawn in."""
    cmaps = bundled_cmaps()
    blanks = []
    with pymupdf.open(built[language, fmt]) as pdf:
        for page in pdf:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        has = cmaps[span["font"]]
                        blanks += [(page.number + 1, span["font"], c) for c in span["text"]
                                   if not c.isspace() and ord(c) not in has]
    assert blanks == []
