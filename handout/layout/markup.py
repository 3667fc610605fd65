"""Turn content text into safe ReportLab paragraph markup.

Whatever staff type is printed literally: `<`, `>` and `&` are escaped, so content can never
inject ReportLab tags such as `<img src=...>`. The only emphasis is our own: `**bold**`.
Phone numbers, dates, prices and "988 now" are kept on one line (layout/unbroken.py).
"""

from __future__ import annotations

import re
from html import escape

from handout.layout.unbroken import keep_whole

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def markup(text: str) -> str:
    """Escape `text` for a ReportLab Paragraph, render `**bold**` spans and keep phone
    numbers, dates, prices and 988/911 with their next word from breaking across lines."""
    return _BOLD.sub(r"<b>\1</b>", escape(keep_whole(text), quote=False))


def plain(text: str) -> str:
    """The text as a reader sees it: emphasis markers removed."""
    return _BOLD.sub(r"\1", text)
