"""Which font prints each run of text.

A document's language picks a chain of font families (`font_chain`): the family its own
letters are set in (Atkinson Hyperlegible Next where it has them all; Noto Sans for
Vietnamese and Cyrillic), then the clinic's own fonts (clinic file, `fonts:`), the bundled
Noto Sans and Noto Sans SC / TC / KR subsets in the order the language prefers them, and
last a system font that matplotlib's font manager finds. A run of text goes to the first
family that has every character of it: a word is never set in two designs unless no one
font has it all, and each Han or Hangul character is a run of its own, so a Latin drug
name in Chinese text keeps the Latin font and the Chinese around it the CJK font.

Fonts are registered with ReportLab on first need: an English build reads only Atkinson.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from handout.common.fonts import (
    BOLD,
    FONT_DIR,
    NOTO_FILES,
    NOTO_SANS_LANGUAGES,
    REGULAR,
    cjk_order,
    font_slot,
    primary_subtag,
)

# Characters set without spaces between words (Han, kana, Hangul, their punctuation and
# full-width forms): each is a run of its own, so the text around it keeps its font.
WIDE = ("\u1100-\u11ff\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3200-\u9fff\ua960-\ua97f"
        "\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff")
_TOKEN = re.compile(rf"\s+|[{WIDE}]|[^\s{WIDE}]+")


@dataclass(frozen=True)
class Family:
    """A regular and a bold face registered with ReportLab under `regular` and `bold`."""

    regular: str
    bold: str
    regular_file: str
    bold_file: str
    label: str  # for messages: "Noto Sans SC (...)", or the clinic's file

    def face(self, bold: bool) -> str:
        return self.bold if bold else self.regular


ATKINSON = Family(REGULAR, BOLD, "", "", "Atkinson Hyperlegible Next")


def bundled(name: str) -> Family:
    regular, bold, label = NOTO_FILES[name]
    return Family(name, f"{name}-Bold", str(FONT_DIR / regular), str(FONT_DIR / bold), label)


def clinic_family(path: str) -> Family:
    """A clinic's own font file: one file serves as regular and bold (a full font with both
    weights can be named twice, `Name-Bold` beside it is taken as its bold)."""
    file = Path(path)
    bold = file.with_name(f"{file.stem.removesuffix('-Regular')}-Bold{file.suffix}")
    # Two files of one name in different folders are two fonts: the path's hash tells them
    # apart in ReportLab's registry.
    tag = hashlib.sha256(str(file).encode()).hexdigest()[:6]
    name = f"Clinic-{re.sub(r'[^A-Za-z0-9]+', '', file.stem)[:32]}-{tag}"
    return Family(name, f"{name}-Bold", str(file), str(bold if bold.is_file() else file),
                  str(file))


@cache
def register(family: Family) -> Family:
    """Register `family`'s faces once per process; TTFError (a font ReportLab cannot
    embed, e.g. CFF outlines) and OSError propagate."""
    from handout.layout.theme import register_fonts

    register_fonts()
    if family.regular_file:
        pdfmetrics.registerFont(TTFont(family.regular, family.regular_file))
        pdfmetrics.registerFont(TTFont(family.bold, family.bold_file))
        pdfmetrics.registerFontFamily(family.regular, normal=family.regular,
                                      bold=family.bold, italic=family.regular,
                                      boldItalic=family.bold)
    return family


@cache
def face_coverage(face: str) -> frozenset[int]:
    """Code points a registered face can draw."""
    register(ATKINSON)
    return frozenset(pdfmetrics.getFont(face).face.charToGlyph)


@cache
def coverage(family: Family) -> frozenset[int]:
    """Code points both faces of `family` can draw (registering it on first use)."""
    register(family)
    return face_coverage(family.regular) & face_coverage(family.bold)


@dataclass(frozen=True)
class Chain:
    """The families a document's text may be set in, in order of preference."""

    configured: tuple[Family, ...]
    cjk: bool = False  # the language breaks lines between characters

    @property
    def families(self) -> tuple[Family, ...]:
        """The configured families, then the system fonts found for missing text."""
        return (*self.configured, *(SYSTEM if system_fonts() else ()))

    @property
    def primary(self) -> Family:
        return self.configured[0]

    def missing(self, text: str) -> list[str]:
        """The characters of `text` (not spaces) that no family can print, in order."""
        found: dict[str, None] = {}
        for char in text:
            if char.isspace():
                continue
            if unicodedata.category(char) == "Cc" or not any(
                    ord(char) in coverage(f) for f in self.families):
                found[char] = None
        return list(found)

    def runs(self, text: str, face: str, bold: bool) -> list[tuple[str, str]]:
        """`text` as (face, run) pairs: `face` where it has the characters, else the
        first family's face of the same weight that has them."""
        own = face_coverage(face)
        if all(ord(c) in own for c in text):
            return [(face, text)] if text else []
        faces = _Faces(face, bold, self.families)
        out: list[tuple[str, str]] = []
        for token in _TOKEN.findall(text):
            before = out[-1][0] if out else face
            if token.isspace() and all(ord(c) in face_coverage(before) for c in token):
                parts = [(before, token)]
            else:
                parts = _place(token, faces, face)
            for name, part in parts:
                if out and out[-1][0] == name:
                    out[-1] = (name, out[-1][1] + part)
                else:
                    out.append((name, part))
        return out

    def width(self, text: str, face: str, size: float) -> float:
        """The printed width of `text` set from `face`, run by run."""
        bold = is_bold(face)
        return float(sum(pdfmetrics.stringWidth(run, name, size)
                         for name, run in self.runs(text, face, bold)))


class _Faces:
    """`face`, then each family's face of the same weight, with what each can draw: a
    family is registered only when a character gets as far as it (fonts load lazily)."""

    def __init__(self, face: str, bold: bool, families: tuple[Family, ...]) -> None:
        self.face, self.bold, self.families = face, bold, families

    def __iter__(self) -> Iterator[tuple[str, frozenset[int]]]:
        yield self.face, face_coverage(self.face)
        for family in self.families:
            yield family.face(self.bold), coverage(family)


def _place(token: str, faces: _Faces, default: str) -> list[tuple[str, str]]:
    """A word in the first face that has all of it; else character by character."""
    codes = {ord(c) for c in token}
    for name, has in faces:
        if codes <= has:
            return [(name, token)]
    return [(next((n for n, has in faces if ord(c) in has), default), c) for c in token]


def is_bold(face: str) -> bool:
    return face.endswith(("-Bold", "-SemiBold"))


@cache
def font_chain(language: str = "en", clinic_fonts: tuple[tuple[str, str], ...] = ()) -> Chain:
    """The chain for `language` (a BCP 47 tag) and a clinic's `fonts:` (key, file) pairs;
    bad clinic files are left out here (preflight reports them where they are named)."""
    own: dict[str, list[Family]] = {}
    for key, path in clinic_fonts:
        family = clinic_family(path)
        if font_problem(family) is None:
            own.setdefault(font_slot(key), []).append(family)
    first = primary_subtag(language)
    order = [REGULAR, "NotoSans", *cjk_order(language)]
    if first in NOTO_SANS_LANGUAGES:
        order = ["NotoSans", REGULAR, *cjk_order(language)]
    elif font_slot(language) != REGULAR:  # Chinese, Korean: Latin runs stay in Atkinson
        order = [REGULAR, *cjk_order(language), "NotoSans"]
    families: list[Family] = []
    for slot in order:
        families += own.get(slot, [])
        families.append(ATKINSON if slot == REGULAR else bundled(slot))
    return Chain(tuple(families), cjk=first in {"zh", "ja"})


def font_problem(family: Family) -> str | None:
    """Why a clinic's font file cannot be used, or None."""
    from reportlab.pdfbase.ttfonts import TTFError

    path = Path(family.regular_file)
    if not path.is_file():
        return f"no font file at {path}; check the path"
    try:
        register(family)
    except TTFError as error:
        return (f"{path.name} cannot be embedded ({error}); name a TrueType font (.ttf "
                "with glyf outlines, such as the Noto Sans TTFs from Google Fonts)")
    except OSError as error:
        return f"{path.name} cannot be read: {error}"
    return None


SYSTEM: list[Family] = []  # system fonts found in this process, for every chain


def system_fonts() -> bool:
    """Whether system fonts may stand in (HANDOUT_SYSTEM_FONTS=0: not, for tests)."""
    return os.environ.get("HANDOUT_SYSTEM_FONTS") != "0"


def add_system_font(chars: Iterable[str]) -> Family | None:
    """Find a system font for `chars` (systemfonts.py) and add it to every chain; None if
    none, or if HANDOUT_SYSTEM_FONTS=0 (tests that must not depend on the machine)."""
    from handout.layout.systemfonts import system_family

    if not system_fonts():
        return None
    family = system_family(chars)
    if family is not None and family not in SYSTEM:
        SYSTEM.append(family)
    return family
