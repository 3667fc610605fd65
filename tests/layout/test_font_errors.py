"""What handout says when it cannot print a text (issue 20): a character no font has, a
right-to-left language or script, a clinic font it cannot embed; and a clinic's own font
file (clinic file, `fonts:`) printing what the bundled fonts lack.

The fonts here are made by fontTools in the test (one glyph each): no font files needed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pymupdf
import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from handout.common.errors import ContentError
from handout.pipeline.build import Options, build

DATA = Path(__file__).parent / "data" / "scripts"
RARE = "\u9fa5"  # 龥: a Han character (Big5 level 2) beyond every bundled subset


@pytest.fixture(autouse=True)
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the bundled and named fonts: the results must not depend on this machine."""
    monkeypatch.setenv("HANDOUT_SYSTEM_FONTS", "0")


def content(folder: Path, language: str = "zh-Hans", **changes: str) -> Path:
    """A copy of a test content file (and its clinic file) in `folder`, lines replaced."""
    shutil.copy(DATA / "clinic.yaml", folder / "clinic.yaml")
    text = (DATA / f"content.{language}.yaml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    path = folder / "content.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        build(path, path.with_suffix(".pdf"), Options(allow_check_errors=True))
    assert not path.with_suffix(".pdf").exists()
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def test_a_character_no_font_has_is_a_located_error(tmp_path: Path) -> None:
    path = content(tmp_path, **{"title: 每晚睡个好觉": f"title: 每晚睡个好觉{RARE}"})
    assert problems(path) == [
        f"{path}:{line_of(path, 'title:')}:8: title: no font can print '{RARE}' (cjk unified "
        "ideograph-9fa5): the bundled Noto Sans SC (Simplified Chinese, common characters) "
        "lacks it. Name a full font in the clinic file (fonts: {zh-Hans: "
        "NotoSansSC-Regular.ttf}, a TrueType file from Google Fonts), or install one on "
        "this computer; or replace or remove it"]


def test_an_emoji_in_english_says_what_to_do(tmp_path: Path) -> None:
    path = content(tmp_path, "vi", **{"language: vi": "language: en",
                                      "title: Ngủ đủ giấc mỗi đêm": "title: Sleep \U0001F634"})
    assert problems(path) == [
        f"{path}:{line_of(path, 'title:')}:8: title: no font can print '\U0001F634' "
        "(sleeping face); replace or remove it, or name a TrueType font that has it in the "
        "clinic file (fonts: {en: FILE.ttf}) or install one on this computer"]


@pytest.mark.parametrize("language", ["ar", "fa", "ur", "he", "ar-EG"])
def test_a_right_to_left_language_is_refused(tmp_path: Path, language: str) -> None:
    path = content(tmp_path, "vi", **{"language: vi": f"language: {language}"})
    name = {"ar": "Arabic", "fa": "Farsi", "ur": "Urdu", "he": "Hebrew"}[language[:2]]
    assert problems(path) == [
        f"{path}:{line_of(path, 'language:')}:11: language: handout cannot print "
        f"right-to-left text ({name}, language: {language}) yet: its PDF library would print "
        "it backwards. Make this handout in another language; the README's Languages "
        "section says what right-to-left support would take"]


@pytest.mark.parametrize(("word", "script"), [("مرحبا", "Arabic"), ("שלום", "Hebrew")])
def test_right_to_left_text_is_refused_where_it_is(tmp_path: Path, word: str,
                                                   script: str) -> None:
    path = content(tmp_path, "vi", **{"  title: Kế hoạch của tôi": f"  title: Kế hoạch {word}"})
    assert problems(path) == [
        f"{path}:{line_of(path, '  title: Kế hoạch')}:10: plan.title: handout cannot print "
        f"right-to-left text ({script} letters) yet: its PDF library would print it "
        "backwards. Remove them, or write the words in Latin letters; the README's "
        "Languages section says what right-to-left support would take"]


def one_glyph_font(path: Path, char: str, *, cff: bool = False) -> Path:
    """A font with a square for `char` (and .notdef): TrueType outlines, or CFF ones."""
    names = [".notdef", "rare"]
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(char): "rare"})
    if cff:
        pen = T2CharStringPen(1000, None)
        square(pen)
        strings = {n: pen.getCharString() for n in names}
        builder.setupCFF("Rare-Regular", {"FullName": "Rare"}, strings, {})
    else:
        glyph = TTGlyphPen(None)
        square(glyph)
        builder.setupGlyf({n: glyph.glyph() for n in names})
    builder.setupHorizontalMetrics(dict.fromkeys(names, (1000, 100)))
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Rare", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880,
                     usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


def square(pen: TTGlyphPen | T2CharStringPen) -> None:
    pen.moveTo((100, 0))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.lineTo((900, 0))
    pen.closePath()


def with_clinic_fonts(path: Path, fonts: str) -> None:
    clinic = path.parent / "clinic.yaml"
    clinic.write_text(clinic.read_text(encoding="utf-8") + f"fonts:\n{fonts}",
                      encoding="utf-8")


def test_a_clinic_font_prints_what_the_bundled_fonts_lack(tmp_path: Path) -> None:
    path = content(tmp_path, **{"title: 每晚睡个好觉": f"title: 每晚睡个好觉{RARE}"})
    (tmp_path / "fonts").mkdir()
    one_glyph_font(tmp_path / "fonts" / "Rare-Regular.ttf", RARE)
    with_clinic_fonts(path, "  zh-Hans: fonts/Rare-Regular.ttf\n")
    out = build(path, tmp_path / "out.pdf", Options(allow_check_errors=True)).path
    with pymupdf.open(out) as pdf:
        page = pdf[0]
        assert f"每晚睡个好觉{RARE}" in "".join(page.get_text().split())
        fonts = {f[3].split("+", 1)[-1] for f in page.get_fonts() if f[1] != "n/a"}
    assert "Rare" in fonts and "NotoSansSC-Bold" in fonts, fonts


def test_a_clinic_font_that_cannot_be_embedded_is_a_located_error(tmp_path: Path) -> None:
    path = content(tmp_path)
    one_glyph_font(tmp_path / "Rare.otf", RARE, cff=True)
    with_clinic_fonts(path, "  ko: Rare.otf\n  vi: missing.ttf\n")
    found = problems(path)
    clinic = tmp_path / "clinic.yaml"
    assert found[0].startswith(f"{clinic}:{line_of(clinic, '  ko:')}:7: clinic.fonts.ko: "
                               "Rare.otf cannot be embedded (")
    assert found[0].endswith("); name a TrueType font (.ttf with glyf outlines, such as the "
                             "Noto Sans TTFs from Google Fonts)")
    assert found[1] == (f"{clinic}:{line_of(clinic, '  vi:')}:7: clinic.fonts.vi: no font "
                        f"file at {tmp_path / 'missing.ttf'}; check the path")


def test_a_system_font_is_the_last_resort(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A character no bundled font has prints in an installed font that has it (found
    through matplotlib's font manager), here a snowman in DejaVu Sans where installed."""
    from handout.layout.systemfonts import system_family

    monkeypatch.delenv("HANDOUT_SYSTEM_FONTS")
    found = system_family("\u2603")
    if found is None:
        pytest.skip("no installed font has a snowman")
    path = content(tmp_path, "vi", **{"title: Ngủ đủ giấc mỗi đêm": "title: Ngủ ngon \u2603"})
    out = build(path, tmp_path / "out.pdf", Options(allow_check_errors=True)).path
    with pymupdf.open(out) as pdf:
        assert "Ngủngon\u2603" in "".join(pdf[0].get_text().split())
        fonts = {f[3].split("+", 1)[-1] for f in pdf[0].get_fonts() if f[1] != "n/a"}
    assert any(name.startswith("DejaVu") for name in fonts) or found.label in fonts, fonts
