"""The last resort for a character no bundled or clinic font has: a TrueType font installed
on this computer, found through matplotlib's font manager (already a dependency, with its
own cache of the system's fonts). Asked only for missing text, so never in a normal build."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from handout.layout.fontstack import Family, font_problem

REGULAR_WEIGHTS = (400, "normal", "regular", "book")
BOLD_WEIGHTS = (700, "bold")


def system_family(chars: Iterable[str]) -> Family | None:
    """An installed regular TrueType font that has every one of `chars` (with its family's
    bold, if installed), or None. Slow the first time (matplotlib lists the fonts)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    wanted = {ord(c) for c in chars if not unicodedata.category(c).startswith("C")}
    if not wanted:
        return None
    # Last Resort (matplotlib ships it) "has" every character, as a placeholder box.
    fonts = sorted((e for e in font_manager.fontManager.ttflist
                    if e.fname.lower().endswith(".ttf") and e.style == "normal"
                    and "lastresort" not in e.fname.lower()), key=lambda e: e.fname)
    for entry in fonts:
        if entry.weight not in REGULAR_WEIGHTS:
            continue
        try:
            if not wanted <= set(FT2Font(entry.fname).get_charmap()):
                continue
        except (OSError, RuntimeError):
            continue
        bold = next((b.fname for b in fonts
                     if b.name == entry.name and b.weight in BOLD_WEIGHTS), entry.fname)
        name = "System-" + "".join(c for c in Path(entry.fname).stem if c.isalnum())[:40]
        family = Family(name, f"{name}-Bold", entry.fname, bold,
                        f"{entry.name} ({entry.fname})")
        if font_problem(family) is None:
            return family
    return None
