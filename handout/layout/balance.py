"""A title wrapped with no word alone on a line: the measure narrowed until it is so.

Keeping a title's last two words together (markup.runt_free) stops it ending on one word,
but where those two are long the greedy wrap can leave the word before them alone on the
line above ("Call or book / online to see / your / family doctor" beside a QR code). A
narrower measure moves words down and fills that line ("Call or book / online to / see
your / family doctor"), as a designer rewraps a title by hand.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from handout.layout.kinsoku import words
from handout.layout.markup import markup, runt_free
from handout.layout.measure import lines_of
from handout.layout.runs import Paragraph

STEPS = 10  # measures tried, each this share of the width narrower: 4% down to 60%
STEP = 0.04


def balanced(text: str, style: ParagraphStyle, width: float
             ) -> tuple[str, ParagraphStyle, bool]:
    """The title's markup and style that set `text` in `width` with no line holding a
    single word, and True: its last two words kept together (where they fit `width`) if
    that is enough, else a narrower measure (a right indent) on no more lines. Where
    neither is, the first, and False."""
    glued = runt_free(text, style, width, share=1.0)
    lines = _lines(glued, style, width)
    if len(lines) <= 1 or words(text) < 3 or _no_lone_word(lines):
        return glued, style, True
    plain_text = markup(text)
    for k in range(STEPS + 1):
        measure = width * (1 - k * STEP)
        narrower = _lines(plain_text, style, measure)
        if len(narrower) > len(lines):
            break
        if _no_lone_word(narrower):
            right = width - measure
            return plain_text, style.clone(f"{style.name}-balanced", rightIndent=right), True
    return glued, style, False


def _no_lone_word(lines: list[str]) -> bool:
    return all(words(line) > 1 for line in lines)


def _lines(text: str, style: ParagraphStyle, width: float) -> list[str]:
    para = Paragraph(text, style)
    para.wrap(width, 1e6)
    return lines_of(para)
