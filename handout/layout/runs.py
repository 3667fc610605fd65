"""Paragraphs whose every run of text is set in a font that has it.

`Paragraph` is ReportLab's, given markup in which each run the style's font cannot print is
wrapped in `<font name=...>` naming the face of the same weight that can (fontstack.py):
a Latin drug name in Chinese text stays in the Latin font, the Chinese in Noto Sans SC.
Only the markup passed in is rewritten (public API, no ReportLab internals), and text the
style's font has in full is passed on unchanged, byte for byte.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html import escape, unescape
from typing import Any

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph as RLParagraph

from handout.layout.fontstack import WIDE, Chain, face_coverage, font_chain, is_bold
from handout.layout.kinsoku import first_cut, first_overhang, kinsoku, mended, widen

_TAG = re.compile(r"(<[^>]*>)")
_WIDE = re.compile(f"[{WIDE}]")
_NAMED = re.compile(r"<(?:font|span)\b[^>]*\b(?:name|face|fontName)\s*=")
_NAME = re.compile(r"""\b(?:name|face|fontName)\s*=\s*["']([^"']+)["']""")
_BOLD_TAGS = {"b", "strong"}
THIN = "\u2009"
MOST_MENDS = 12  # lines broken again in one paragraph to keep its protected words whole
_ITALIC_TAGS = {"i", "em"}
# Full-width punctuation carries its own space (half its em is blank): a space after it,
# where code joins a label and its value ("最近审核：" and a date) or two sentences, is a
# gap a Chinese reader does not expect. Not after ” or ’: the apostrophe of Latin text.
_SPACE_AFTER_MARK = re.compile("([，。、：；！？）」』】〕》〉](?:<[^>]*>)*)[ \u00a0\u2009]+")


def chain_of(style: ParagraphStyle) -> Chain:
    """The style's font chain (set by the theme for the document's language), else the
    default one."""
    chain = getattr(style, "fontChain", None)
    return chain if isinstance(chain, Chain) else font_chain()


def font_runs(text: str, style: ParagraphStyle) -> str:
    """`text` (paragraph markup) with each run its style's font lacks wrapped in a
    `<font name=...>` of a face that has it."""
    return _font_runs(text, style.fontName, chain_of(style))


@lru_cache(maxsize=4096)  # fitting makes the same paragraphs again in each pass
def _font_runs(text: str, font: str, chain: Chain) -> str:
    if chain.cjk:
        text = _SPACE_AFTER_MARK.sub(r"\1", text)
    plain = unescape(_TAG.sub("", text))
    own = face_coverage(font)
    if all(ord(c) in own for c in plain) and not _NAMED.search(text):
        return text
    # Decomposed accents (e + U+0302 + U+0301) would be drawn after their letter, as
    # ReportLab does no shaping: composed ones are single glyphs in the font.
    text = unicodedata.normalize("NFC", text)
    # Chinese and Japanese: ReportLab's CJK wrap lets a closing mark (。，) hang past the
    # line's end, then takes the overhang out of the line's word spaces, drawing the words
    # over each other when there are few. A thin space (not a word space; still a space
    # to the wrap) keeps Latin words and numbers apart from the Han, at about 1/5 em.
    spaces = str.maketrans({" ": THIN, "\xa0": THIN}) if chain.cjk else {}
    stack = [ps2tt(font)]
    out = []
    for piece in _TAG.split(text):
        if not piece:
            continue
        if piece.startswith("<"):
            out.append(piece)
            _follow(piece, stack)
            continue
        family, bold, italic = stack[-1]
        face = tt2ps(family, bold, italic)
        if not chain.cjk and all(ord(c) in face_coverage(face) for c in unescape(piece)):
            out.append(piece)  # as written, byte for byte
            continue
        for name, run in chain.runs(unescape(piece).translate(spaces), face, is_bold(face)):
            body = escape(run, quote=False)
            out.append(body if name == face else f'<font name="{name}">{body}</font>')
    return "".join(out)


def _follow(tag: str, stack: list[tuple[str, int, int]]) -> None:
    """Track the font (family, bold, italic) in effect after `tag`."""
    if tag.startswith("</"):
        if len(stack) > 1:
            stack.pop()
        return
    if tag.endswith("/>"):
        return
    name = tag[1:].split(None, 1)[0].rstrip(">").lower() if len(tag) > 2 else ""
    family, bold, italic = stack[-1]
    named = _NAME.search(tag) if name in {"font", "span"} else None
    if named:
        family, bold, italic = ps2tt(named.group(1))
    stack.append((family, 1 if name in _BOLD_TAGS else bold,
                  1 if name in _ITALIC_TAGS else italic))


class Paragraph(RLParagraph):  # type: ignore[misc]  # ReportLab is untyped
    """ReportLab's Paragraph, each run of its text in a font that has it (font_runs)."""

    def __init__(self, text: str | None, style: ParagraphStyle | None = None, *args: Any,
                 **kwargs: Any) -> None:
        if text is not None and style is not None:  # None: a split's part, from frags
            text = font_runs(text, style)
            # A paragraph of a Chinese handout with no Chinese in it (a reference, a web
            # address) wraps at its spaces, as Latin text does (and faster).
            if style.wordWrap == "CJK" and not _WIDE.search(text):
                style = style.clone(style.name, wordWrap=None)
        super().__init__(text, style, *args, **kwargs)

    def breakLinesCJK(self, widths: Any) -> Any:  # noqa: N802  # ReportLab's name
        """ReportLab's CJK lines, with Chinese punctuation kept off line starts and ends
        and no phone number, date or "911 …" cut (kinsoku.py): a line that would cut one,
        or whose closing marks would hang past its end, is broken again, just narrow
        enough to end before it, and so on down."""
        font = (self.style.fontName, self.style.fontSize)
        given = list(widths) if isinstance(widths, list | tuple) else [widths]
        para = kinsoku(super().breakLinesCJK(list(given)), font)
        if getattr(self, "_splitpara", 0):  # a split's part keeps the lines it had
            return para
        source = "".join(getattr(f, "text", "") or "" for f in self.frags)
        narrowed: dict[int, float] = {}
        skip: set[str] = set()  # what no narrowing mends (a word wider than a line)
        for _ in range(MOST_MENDS):
            fixes = [f for f in (first_cut(para, source, font, skip),
                                 first_overhang(para, font, skip)) if f is not None]
            if not fixes:
                break
            line, room, word = min(fixes)
            count = max(len(given), max(narrowed, default=0) + 2, line + 2)
            tried = {**narrowed, line: room + 0.01}
            again = kinsoku(super().breakLinesCJK(
                [tried.get(n, given[min(n, len(given) - 1)]) for n in range(count)]), font)
            if mended(again, word):
                para, narrowed = again, tried
            else:
                skip.add(word)
        for line, room in narrowed.items():
            if line < len(para.lines):
                widen(para, line, given[min(line, len(given) - 1)] - room)
        return para


def draw_string(canv: Any, x: float, y: float, text: str, *, face: str, size: float,
                chain: Chain) -> float:
    """Draw `text` on a canvas whose font is set to `face` at `size`, from (x, y), each run
    in a face that has it (the canvas counterpart of runs.Paragraph). Text `face` has in
    full is drawn as canv.drawString would; returns the width drawn."""
    runs = chain.runs(text, face, is_bold(face))
    if len(runs) == 1 and runs[0][0] == face:
        canv.drawString(x, y, text)
        return float(pdfmetrics.stringWidth(text, face, size))
    start = x
    for name, run in runs:
        canv.setFont(name, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)
    canv.setFont(face, size)
    return x - start
