"""Line-break rules for Chinese and Japanese (kinsoku) that ReportLab's CJK wrap lacks.

ReportLab breaks a `wordWrap='CJK'` paragraph between any two characters; it keeps only
its own list of closing marks (mostly Japanese: 、。」) off a line's start, by letting them
hang past the line's end. Chinese full-width punctuation (，：；？！”》) is not in that list,
and no opening mark (“（《) is kept off a line's end. `kinsoku` mends ReportLab's lines
afterwards, in the same way: a closing mark that starts a line moves up to hang at the end
of the line before; an opening mark that ends a line moves down to start the next.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth

CANNOT_START = frozenset(ALL_CANNOT_START + "，：；？！）》〉」』】〕”’…·％﹐﹑﹒﹔﹕﹖﹗")
CANNOT_END = frozenset(ALL_CANNOT_END + "（《〈「『【〔“‘")


def kinsoku(para: Any, font: tuple[str, float]) -> Any:
    """`para` (ReportLab's broken lines, kind 0 or 1) with closing marks moved off the
    starts of lines and opening marks off their ends. `font` is the paragraph's (name, size),
    for kind 0, whose lines carry only text."""
    lines = getattr(para, "lines", None)
    if not lines or len(lines) < 2:
        return para
    plain = getattr(para, "kind", 0) == 0
    for i in range(1, len(lines)):
        before, after = lines[i - 1], lines[i]
        head, tail = _first(after, plain), _last(before, plain)
        if head and head in CANNOT_START and _length(after, plain) > 1:
            lines[i - 1], lines[i] = _move(before, after, plain, font, up=True)
        elif tail and tail in CANNOT_END and _length(before, plain) > 1:
            lines[i - 1], lines[i] = _move(before, after, plain, font, up=False)
    return para


def _texts(line: Any, plain: bool) -> list[str]:
    return list(line[1]) if plain else [w.text for w in line.words]


def _first(line: Any, plain: bool) -> str:
    texts = [t for t in _texts(line, plain) if t]
    return texts[0][0] if texts else ""


def _last(line: Any, plain: bool) -> str:
    texts = [t for t in _texts(line, plain) if t]
    return texts[-1][-1] if texts else ""


def _length(line: Any, plain: bool) -> int:
    return sum(len(t) for t in _texts(line, plain))


def _move(before: Any, after: Any, plain: bool, font: tuple[str, float],
          *, up: bool) -> tuple[Any, Any]:
    """Move one character: the first of `after` to the end of `before` (up), or the last
    of `before` to the start of `after`; each line's spare width follows it."""
    if plain:
        (room_b, [text_b]), (room_a, [text_a]) = before, after
        char = text_a[0] if up else text_b[-1]
        width = stringWidth(char, *font)
        if up:
            return (room_b - width, [text_b + char]), (room_a + width, [text_a[1:]])
        return (room_b + width, [text_b[:-1]]), (room_a - width, [char + text_a])
    if up:
        source, index = after.words[0], 0
    else:
        source, index = before.words[-1], -1
    char = source.text[index]
    width = stringWidth(char, source.fontName, source.fontSize)
    piece = source.clone(text=char)
    if up:
        source.text = source.text[1:]
        before.words.append(piece)
    else:
        source.text = source.text[:-1]
        after.words.insert(0, piece)
    for line in (before, after):
        line.words = [w for w in line.words if w.text]
    sign = 1 if up else -1
    before.currentWidth += sign * width
    before.extraSpace -= sign * width
    after.currentWidth -= sign * width
    after.extraSpace += sign * width
    return before, after
