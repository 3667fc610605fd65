"""Lines of the contact box that must print whole: the call to action's web address (broken
only after a slash) and the phone number (never broken), each set smaller down to the
10 pt floor where a line is too narrow, and refused, located, below it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth

from handout.common.errors import LayoutFitError
from handout.layout.markup import markup
from handout.layout.theme import BOLD
from handout.layout.theme import FOOTER_SIZE as FLOOR_SIZE
from handout.layout.unbroken import url_lines

Width = Callable[[str, float], float]  # the printed width of a text at a size, in bold


def atkinson_bold(text: str, size: float) -> float:
    return float(stringWidth(text, BOLD, size))


def url_markup(shown: str, room: float, size: float, width: Width = atkinson_bold,
               regular: Width | None = None) -> str:
    """The URL's markup on lines of its own, `room` points wide, broken only after a slash.
    A part between slashes wider than the room (a long domain in a tri-fold's panel) is set
    smaller, down to the 10 pt floor, rather than broken inside a word; still too wide in
    bold, it is set in the `regular` weight (narrower); wider still, the handout is refused
    (LayoutFitError), as ReportLab would cut it inside a word. `width` and `regular`
    measure in the faces the language prints in (Noto Sans for Vietnamese)."""
    bold = True
    part = max(re.findall(r"[^/]*/?", shown), key=lambda p: width(p, 1))
    widest = width(part, 1)
    fitted = _fitted(widest, room, size)
    if widest * fitted > room and regular is not None and \
            regular(part, FLOOR_SIZE) <= room:
        bold, width = False, regular
        part = max(re.findall(r"[^/]*/?", shown), key=lambda p: width(p, 1))
        widest = width(part, 1)
        fitted = _fitted(widest, room, size)
    if widest * fitted > room:
        raise LayoutFitError(("clinic", "call_to_action", "url"), (
            f'"{part}" is {widest * fitted - room:.0f} pt too wide for the contact box even '
            f"at {FLOOR_SIZE:g} pt, and a web address breaks only after a slash; use a "
            "shorter address (one that forwards to this page)"))
    parts = url_lines(shown, lambda t: width(t, fitted), room)
    lines = "<br/>".join(markup(part) for part in parts)
    return _sized(f"<b>{lines}</b>" if bold else lines, fitted, size)


def phone_markup(phone: str, room: float, size: float, width: Width = atkinson_bold) -> str:
    """The phone number's markup, whole on one line `room` points wide: set smaller, down
    to the 10 pt floor, where it is wider; wider still, the handout is refused (ReportLab
    would cut it between digits)."""
    wide = width(phone, 1)
    fitted = _fitted(wide, room, size)
    if wide * fitted > room:
        raise LayoutFitError(("clinic", "phone"), (
            f'"{phone}" is {wide * fitted - room:.0f} pt too wide for a line of the contact '
            f"box even at {FLOOR_SIZE:g} pt, and a phone number is never split; write it "
            "shorter (e.g. without the country code for local readers)"))
    return _sized(f"<b>{markup(phone)}</b>", fitted, size)


def _fitted(width_at_one: float, room: float, size: float) -> float:
    """The largest size up to `size`, down to the 10 pt floor, at which text `width_at_one`
    wide at 1 pt fits `room`; in tenths of a point, so the size as written never rounds
    up. (At the floor it may still not fit: the caller refuses.)"""
    return max(FLOOR_SIZE, min(size, math.floor(room / max(width_at_one, 1e-6) * 10) / 10))


def _sized(markup_text: str, fitted: float, size: float) -> str:
    """`markup_text` set at `fitted` where that is smaller than the paragraph's `size`."""
    return f'<font size="{fitted:g}">{markup_text}</font>' if fitted < size else markup_text
