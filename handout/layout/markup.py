"""Turn content text into safe ReportLab paragraph markup.

Whatever staff type is printed literally: `<`, `>` and `&` are escaped, so content can never
inject ReportLab tags such as `<img src=...>`. The only emphasis is our own: `**bold**`.
Phone numbers, dates, prices and "988 now" are kept on one line (layout/unbroken.py).
"""

from __future__ import annotations

import re
from html import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from handout.layout.theme import BOLD
from handout.layout.unbroken import keep_whole, no_lone_last_word

# The last two words are joined only when together they take at most this share of the
# column: a box's or list's padding and indent never leave less room than that.
PAIR_SHARE = 0.6

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def markup(text: str) -> str:
    """Escape `text` for a ReportLab Paragraph, render `**bold**` spans and keep phone
    numbers, dates, prices and 988/911 with their next word from breaking across lines."""
    return _BOLD.sub(r"<b>\1</b>", escape(keep_whole(text), quote=False))


def runt_free(text: str, style: ParagraphStyle, column: float) -> str:
    """`markup(text)` whose last two words stay together on the last line (no runt, no
    title ending on one word), when they fit PAIR_SHARE of `column` at `style`'s size,
    measured in the bold face (the wider)."""
    def fits(pair: str) -> bool:
        return bool(stringWidth(plain(pair), BOLD, style.fontSize) <= column * PAIR_SHARE)

    return markup(no_lone_last_word(text, fits))


def plain(text: str) -> str:
    """The text as a reader sees it: emphasis markers removed."""
    return _BOLD.sub(r"\1", text)
