"""Turn content text into safe ReportLab paragraph markup.

Whatever staff type is printed literally: `<`, `>` and `&` are escaped, so content can never
inject ReportLab tags such as `<img src=...>`. The only emphasis is our own: `**bold**`.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def markup(text: str) -> str:
    """Escape `text` for a ReportLab Paragraph and render `**bold**` spans."""
    return _BOLD.sub(r"<b>\1</b>", escape(text))


def plain(text: str) -> str:
    """The text as a reader sees it: emphasis markers removed."""
    return _BOLD.sub(r"\1", text)
