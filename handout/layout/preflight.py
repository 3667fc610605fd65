"""Checks that need the fonts or the files beside the content: run before any layout.

Each problem is located in the content file, so staff can fix it where they typed it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from handout.common.errors import ContentError, Problem
from handout.common.fonts import NOTO_FILES, RTL_REFUSAL, RTL_TEXT, font_slot
from handout.input.images import inside
from handout.input.loader import Loc, Located
from handout.input.model import Document
from handout.input.sections import images
from handout.input.sources import display_path
from handout.layout.drawings import read_svg
from handout.layout.fontstack import add_system_font, clinic_family, font_chain, font_problem
from handout.layout.theme import BOLD, REGULAR, make_theme, register_fonts

MAX_IMAGE_BYTES = 5_000_000
MAX_IMAGE_PIXELS = 6000  # per side: a print logo needs far less; more is a mistake
RASTER_SUFFIXES = {".png", ".jpg", ".jpeg"}


def preflight(doc: Document, located: Located, base_dir: Path) -> None:
    """Raise `ContentError` listing every character or file problem found."""
    problems = preflight_problems(doc, located, base_dir)
    if problems:
        raise ContentError(problems)


def preflight_problems(doc: Document, located: Located, base_dir: Path) -> list[Problem]:
    """Every character, file (logo, pictures) and clinic-field problem, in file order."""
    problems = [*missing_glyphs(doc, located), *asset_problems(doc, located, base_dir),
                *furniture_problems(doc, located)]
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))


def font_coverage() -> frozenset[int]:
    """Code points both the regular and bold faces of Atkinson can draw."""
    register_fonts()
    regular = pdfmetrics.getFont(REGULAR).face.charToGlyph
    bold = pdfmetrics.getFont(BOLD).face.charToGlyph
    return frozenset(regular) & frozenset(bold)


def missing_glyphs(doc: Document, located: Located) -> list[Problem]:
    """Every text value with characters no font of the document's chain (bundled, the
    clinic's, then the system's) can print, and every one with right-to-left letters:
    located errors, never a blank in the PDF. The clinic's font files are checked too."""
    fonts = tuple(sorted(doc.clinic.fonts.items()))
    problems = [located.problem(("clinic", "fonts", key), message)
                for key, path in fonts if (message := font_problem(clinic_family(path)))]
    chain, covered = font_chain(doc.language, fonts), font_coverage()
    texts = [(loc, text) for loc, text in _strings(doc.model_dump(mode="json"), ())
             if any(ord(c) not in covered for c in text)]
    rtl = {loc for loc, text in texts if RTL_TEXT.search(text)}
    lacking = {c for loc, text in texts if loc not in rtl for c in chain.missing(text)}
    if lacking:  # the last resort: an installed font that has them
        add_system_font(lacking)
    for loc, text in texts:
        if loc in rtl:
            letter = RTL_TEXT.search(text)
            script = _name(letter.group()).split()[0].title() if letter else "Arabic"
            problems.append(located.problem(loc, RTL_REFUSAL.format(
                what=f"{script} letters", fix="Remove them, or write the words in Latin letters")))
        elif bad := chain.missing(text):
            problems.append(located.problem(loc, _lacking(bad, doc.language)))
    return problems


def _lacking(bad: list[str], language: str) -> str:
    """What to say of characters no font has, and what to set or install."""
    names = ", ".join(f"'{c}' ({_name(c)})" for c in bad)
    them = "them" if len(bad) > 1 else "it"
    if any(unicodedata.category(c).startswith("C") for c in bad):
        return f"no font can print {names}: a control character; remove {them}"
    key = language if font_slot(language) in NOTO_FILES else None
    if any(_name(c).startswith("hangul") for c in bad):
        key = "ko"
    elif any(_name(c).startswith("cjk") for c in bad) and key is None:
        key = "zh-Hans"
    if key is None:
        return (f"no font can print {names}; replace or remove {them}, or name a TrueType "
                f"font that has {them} in the clinic file (fonts: {{{language}: FILE.ttf}}) "
                "or install one on this computer")
    family = font_slot(key)
    return (f"no font can print {names}: the bundled {NOTO_FILES[family][2]} lacks {them}. "
            f"Name a full font in the clinic file (fonts: {{{key}: {family}-Regular.ttf}}, "
            f"a TrueType file from Google Fonts), or install one on this computer; or "
            f"replace or remove {them}")


def asset_problems(doc: Document, located: Located, base_dir: Path) -> list[Problem]:
    """The logo and each picture: there, a readable image, not too big; a picture also
    inside the content file's folder (content may come from elsewhere: it must not reach
    out to other files on the computer)."""
    problems = []
    if doc.clinic.logo:
        loc: Loc = ("clinic", "logo")
        path = (base_dir / doc.clinic.logo).resolve()
        message = _image_problem(path, _relative_to(located, loc))
        problems += [located.problem(loc, message)] if message else []
    for where, image in images(doc.sections):
        loc = (*where, "file")
        found = inside(base_dir, image.file)
        message = _image_problem(found.resolve(), "the content file") if found else (
            f"{image.file} is outside the content file's folder; copy the picture into that "
            "folder (or a folder in it) and write its name from there")
        problems += [located.problem(loc, message)] if message else []
    return problems


def _relative_to(located: Located, loc: Loc) -> str:
    """Which file a path written at `loc` is relative to: the clinic file it is written in
    (sources.py made it absolute), or the content file for a clinic block written inline."""
    file = located.locate(loc)[0]
    return "the content file" if file == located.file else f"the clinic file, {file}"


def furniture_problems(doc: Document, located: Located) -> list[Problem]:
    """The header band does not wrap as a paragraph does: the name takes one or two lines,
    the tagline one or none (layout/band.py). The name must fit every format's band: check
    the narrowest across a page. The tri-fold's cover band (one panel, where a short_name
    may stand in) and the footer (not in every format) are checked as they are drawn."""
    from handout.layout.band import (
        LINES,
        NAME_FLOOR,
        TAGLINE_SIZE,
        name_lines,
        page_band_room,
    )
    from handout.layout.formats.panels import BOOKLET_MARGIN, BOOKLET_PAGES

    clinic = doc.clinic
    problems = []
    # The booklet's cover (half-letter) has the narrowest band across a page.
    room = page_band_room(BOOKLET_PAGES["letter"][0], BOOKLET_MARGIN, bool(clinic.logo))
    chain = font_chain(doc.language, tuple(sorted(clinic.fonts.items())))
    name_set = name_lines(clinic.name, room, chain.primary.bold, chain)
    over = name_set.over
    if over > 0:
        problems.append(located.problem(("clinic", "name"), (
            f"too long for the header band: even at {NAME_FLOOR:g} pt "
            f"{LINES[len(name_set.lines)]} it runs "
            f"{over:.0f} pt past the band's edge on a booklet's cover; shorten it by about "
            f"{int(over / NAME_FLOOR * 4) + 1} characters")))
    # A tagline is left out where it does not fit; it must fit the document's band (A4).
    wide = page_band_room(A4[0], make_theme(clinic.colours, paper="a4").margin,
                          bool(clinic.logo))
    tagline = chain.width(clinic.tagline, chain.primary.regular, TAGLINE_SIZE)
    if tagline > wide:
        problems.append(located.problem(("clinic", "tagline"), (
            "too long for the header band: shorten it by about "
            f"{int((tagline - wide) / TAGLINE_SIZE * 2) + 1} characters")))
    return problems


def _image_problem(path: Path, relative_to: str) -> str:
    if not path.is_file():
        return f"no file at {display_path(path)}; check the name (it is relative to {relative_to})"
    if path.stat().st_size > MAX_IMAGE_BYTES:
        return f"the image is over {MAX_IMAGE_BYTES // 1_000_000} MB; use a smaller file"
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _svg_problem(path)
    if suffix not in RASTER_SUFFIXES:
        return "an image must be an .svg, .png or .jpg file"
    return _raster_problem(path)


def _raster_problem(path: Path) -> str:
    from reportlab.lib.utils import ImageReader

    try:
        width, height = ImageReader(str(path)).getSize()
    except Exception:  # PIL raises many kinds for a broken or disguised file
        return "this file is not a readable PNG or JPEG image"
    if max(width, height) > MAX_IMAGE_PIXELS:
        return f"the image is {width} x {height} pixels; use one under {MAX_IMAGE_PIXELS}"
    return ""


def _svg_problem(path: Path) -> str:
    drawing = read_svg(path)
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        return "this file is not a readable SVG image (or it has no size)"
    return ""


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def _name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}").lower()
