"""Turn content text into safe ReportLab paragraph markup.

Whatever staff type is printed literally: `<`, `>` and `&` are escaped, so content can never
inject ReportLab tags such as `<img src=...>`. The only emphasis is our own: `**bold**`.
Phone numbers, dates, prices and "988 now" are kept on one line (layout/unbroken.py).
"""

from __future__ import annotations

import re
from html import escape

from reportlab.lib.styles import ParagraphStyle

from handout.layout.fontstack import coverage
from handout.layout.runs import chain_of
from handout.layout.unbroken import keep_whole, no_lone_last_word

# The last two words are joined only when together they take at most this share of the
# column: a box's or list's padding and indent never leave less room than that. A heading
# has the column's width (less a margin: a tri-fold's flap is a little narrower).
PAIR_SHARE = 0.6
HEADING_SHARE = 0.9

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def markup(text: str) -> str:
    """Escape `text` for a ReportLab Paragraph, render `**bold**` spans and keep phone
    numbers, dates, prices and 988/911 with their next word from breaking across lines."""
    return _BOLD.sub(r"<b>\1</b>", escape(keep_whole(text), quote=False))


def runt_free(text: str, style: ParagraphStyle, column: float,
              share: float = PAIR_SHARE) -> str:
    """`markup(text)` whose last two words stay together on the last line (no runt, no
    title ending on one word), when they fit `share` of `column` at `style`'s size,
    measured in the bold face (the wider) of the fonts the language prints in."""
    chain = chain_of(style)
    coverage(chain.primary)  # registered with ReportLab, to be measured

    def fits(pair: str) -> bool:
        return chain.width(plain(pair), chain.primary.bold, style.fontSize) <= column * share

    return markup(no_lone_last_word(text, fits))


def widest_word(text: str, style: ParagraphStyle) -> float:
    """The width of `text`'s widest word at `style`'s size in its bold face, a protected
    word (a phone number, a date) with the punctuation after it counted as one: the
    narrowest line that sets it without cutting a word."""
    chain = chain_of(style)
    coverage(chain.primary)
    return max((chain.width(word, chain.primary.bold, style.fontSize)
                for word in plain(keep_whole(text)).split(" ")), default=0.0)


def plain(text: str) -> str:
    """The text as a reader sees it: emphasis markers removed."""
    return _BOLD.sub(r"\1", text)
