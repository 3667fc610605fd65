"""Line-break rules for Chinese and Japanese (kinsoku) that ReportLab's CJK wrap lacks.

ReportLab breaks a `wordWrap='CJK'` paragraph between any two characters; it keeps only
its own list of closing marks (mostly Japanese: 、。」) off a line's start, by letting them
hang past the line's end. Chinese full-width punctuation (，：；？！”》) is not in that list,
and no opening mark (“（《) is kept off a line's end. `kinsoku` mends ReportLab's lines
afterwards, in the same way: a closing mark that starts a line moves up to hang at the end
of the line before; an opening mark that ends a line moves down to start the next.

ReportLab's CJK wrap also cuts between any two characters of a phone number, a date or
"911 或去…" (layout/unbroken.py; its no-break spaces are spaces to it). `first_cut` finds the
first such word broken across lines, and the paragraph breaks its lines again with that
line made just narrow enough to end before the word (runs.Paragraph.breakLinesCJK).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from itertools import pairwise
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth

from handout.layout.unbroken import NBSP, protected

CANNOT_START = frozenset(ALL_CANNOT_START + "，：；？！）》〉」』】〕”’…·％﹐﹑﹒﹔﹕﹖﹗")
CANNOT_END = frozenset(ALL_CANNOT_END + "（《〈「『【〔“‘")
RUNT_ROOM = 3  # characters moved down at most to end a paragraph on two letters
OVERHANG = 0.5  # points a line may run past its end (rounding)
# Han and kana (not Hangul: Korean puts spaces between words), each character a word.
_EACH = ("\u2e80-\u2fff\u3000-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u9fff\uf900-\ufaff"
         "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff")
_WIDE = re.compile(f"[{_EACH}]")
_TOKEN = re.compile(rf"[{_EACH}]|[^\s{_EACH}]+|\s+")


def kinsoku(para: Any, font: tuple[str, float]) -> Any:
    """`para` (ReportLab's broken lines, kind 0 or 1) with closing marks moved off the
    starts of lines and opening marks off their ends. `font` is the paragraph's (name, size),
    for kind 0, whose lines carry only text."""
    lines = getattr(para, "lines", None)
    if not lines or len(lines) < 2:
        return para
    plain = getattr(para, "kind", 0) == 0
    font = _font(para, font)
    for i in range(1, len(lines)):
        before, after = lines[i - 1], lines[i]
        head, tail = _first(after, plain), _last(before, plain)
        if head and head in CANNOT_START and _length(after, plain) > 1:
            lines[i - 1], lines[i] = _move(before, after, plain, font, up=True)
        elif tail and tail in CANNOT_END and _length(before, plain) > 1:
            lines[i - 1], lines[i] = _move(before, after, plain, font, up=False)
    # A last line of closing marks alone ("？"): they hang at the end of the line before.
    last = "".join(_texts(lines[-1], plain))
    if last.strip() and all(c in CANNOT_START or c.isspace() for c in last):
        for _ in range(_length(lines[-1], plain)):
            lines[-2], lines[-1] = _move(lines[-2], lines[-1], plain, font, up=True)
        del lines[-1]
        return para
    _no_runt(lines, plain, font)
    return para


def words(text: str) -> int:
    """How many words `text` holds as a reader counts them: each Han or kana letter or
    digit is one (Chinese has no spaces between words), each run of other characters
    between spaces one (a Latin or Korean word, a number)."""
    count = 0
    for token in _TOKEN.findall(text):
        if _WIDE.fullmatch(token):
            count += unicodedata.category(token)[0] in "LN"
        elif token.strip():
            count += 1
    return count


def _no_runt(lines: list[Any], plain: bool, font: tuple[str, float]) -> None:
    """A last line of one Han (or kana) letter gets the letter before it too, with
    the marks that may not start a line: no runt, as no_lone_last_word keeps a Latin
    paragraph's last two words together."""
    last, before = ("".join(_texts(line, plain)) for line in lines[-2:][::-1])
    room = lines[-1][0] if plain else lines[-1].extraSpace
    if words(last) != 1 or not _WIDE.search(last) or words(before) < 3 or \
            room < RUNT_ROOM * font[1]:
        return
    for _ in range(RUNT_ROOM):
        moved = _last(lines[-2], plain)
        lines[-2], lines[-1] = _move(lines[-2], lines[-1], plain, font, up=False)
        if moved.strip() and moved not in CANNOT_START and \
                _last(lines[-2], plain) not in CANNOT_END:
            return


def _font(para: Any, font: tuple[str, float]) -> tuple[str, float]:
    """The font of a paragraph of one run (kind 0): its own where it has one (a paragraph
    wholly inside `<font name=...>`), else the style's `font`."""
    return getattr(para, "fontName", None) or font[0], getattr(para, "fontSize", None) or font[1]


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


_SPACES = str.maketrans({NBSP: " ", "\u2009": " "})  # runs.THIN: a space to the reader
# A Latin (or Cyrillic...) word or a number in Chinese text: ReportLab's CJK wrap cuts one
# that finds no space in the line's second half ("Crisi" "s"); it is kept whole too.
_WORD = re.compile(f"(?:(?![{_EACH}])[^\\W_]){{2,}}")


def first_cut(para: Any, source: str, font: tuple[str, float],
              skip: Collection[str] = ()) -> tuple[int, float, str] | None:
    """The first protected word of `source` (the paragraph's text; unbroken.protected),
    Latin word or number that `para`'s lines break, but those in `skip`: the line it
    starts on, the width of that line before it and the word, or None. A word that starts
    its line is passed over: no narrower line keeps it whole."""
    plain, font = getattr(para, "kind", 0) == 0, _font(para, font)
    raw = ["".join(_texts(line, plain)) for line in getattr(para, "lines", [])]
    texts = [text.translate(_SPACES) for text in raw]
    if len(texts) < 2:
        return None
    source = source.translate(_SPACES)
    spans = {*protected(source), *(m.span() for m in _WORD.finditer(source))}
    for start, end in sorted(spans):
        word = source[start:end]
        if word in skip or any(word in text for text in texts):
            continue
        for n, (text, after) in enumerate(pairwise(texts)):
            end_of_line, next_line = text.rstrip(), after.strip()
            for j in range(1, len(word)):
                head, tail = word[:j].rstrip(), word[j:].lstrip()
                if head and tail and next_line and end_of_line.endswith(head) and (
                        next_line.startswith(tail) or tail.startswith(next_line)):
                    before = len(end_of_line) - len(head)
                    if text[:before].strip():
                        return n, _width(para.lines[n], plain, font, before), word
    return None


def first_overhang(para: Any, font: tuple[str, float],
                   skip: Collection[str] = ()) -> tuple[int, float, str] | None:
    """The first line (not the last) whose closing marks hang past its end (ReportLab's
    hanging punctuation, or a mark moved up here), but those in `skip`: the line, the width
    of that line before the character the marks follow, and its key (`mended`). In a box
    or a narrow column the margin they hang into is the box's border: the line is to be
    broken again before that character, which takes its marks to the next."""
    plain, font = getattr(para, "kind", 0) == 0, _font(para, font)
    lines = getattr(para, "lines", [])
    for n, line in enumerate(lines[:-1]):
        text = "".join(_texts(line, plain))
        marks = len(text) - len(text.rstrip("".join(CANNOT_START)))
        room = line[0] if plain else line.extraSpace
        if marks and room < -OVERHANG and text[:-(marks + 1)].strip() and \
                f"\0{n}" not in skip:
            return n, _width(line, plain, font, len(text) - marks - 1), f"\0{n}"
    return None


def mended(para: Any, key: str) -> bool:
    """Whether `para`'s lines mend what `key` names: a protected word whole on one line,
    or ("\\0n") line n no longer running past its end."""
    if not key.startswith("\0"):
        return whole(para, key)
    n, plain = int(key[1:]), getattr(para, "kind", 0) == 0
    lines = getattr(para, "lines", [])
    return n < len(lines) and (lines[n][0] if plain else lines[n].extraSpace) >= -OVERHANG


def _width(line: Any, plain: bool, font: tuple[str, float], count: int) -> float:
    """The width of the first `count` characters of `line`."""
    if plain:
        return float(stringWidth(line[1][0][:count] if line[1] else "", *font))
    width = 0.0
    for word in line.words:
        text = word.text[:count]
        width += stringWidth(text, word.fontName, word.fontSize)
        count -= len(text)
        if count <= 0:
            break
    return width


def widen(para: Any, line: int, by: float) -> None:
    """Give back to `line` the `by` points of room it was narrowed by (its spare width
    is what centred or right-aligned text is placed by)."""
    if getattr(para, "kind", 0) == 0:
        room, texts = para.lines[line]
        para.lines[line] = (room + by, texts)
    else:
        para.lines[line].extraSpace += by


def whole(para: Any, word: str) -> bool:
    """Whether one of `para`'s lines holds `word` whole."""
    plain = getattr(para, "kind", 0) == 0
    return any(word.translate(_SPACES) in "".join(_texts(line, plain)).translate(_SPACES)
               for line in getattr(para, "lines", []))
