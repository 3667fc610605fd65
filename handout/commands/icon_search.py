"""`handout icons [WORD]`: the bundled icons whose name, title or tags contain WORD."""

from __future__ import annotations

from pathlib import Path

from handout.common import icon_set
from handout.common.files import write_atomic


def _icons(word: str | None) -> list[icon_set.IconInfo]:
    found = icon_set.matching(word) if word else [icon_set.find(n) for n in icon_set.names()]
    return [info for info in found if info is not None]


def write_sheet(word: str | None, out: Path) -> str:
    """Draw the icons matching `word` (all, without one) with their names on the pages of
    the PDF `out`; what to print about it."""
    from handout.layout.icon_sheet import sheet_pdf  # ReportLab: only when a sheet is asked

    icons = _icons(word)
    heading = f"Icons matching '{word}'" if word else "Every icon"
    pdf, pages = sheet_pdf(icons, f"{heading} ({len(icons)})")
    write_atomic(out, pdf)
    return f"Wrote {out} ({len(icons)} icon{'s' * (len(icons) != 1)} with their names, " \
           f"{pages} page{'s' * (pages != 1)})"


def icon_listing(word: str | None) -> tuple[str, bool]:
    """The listing to print, and whether any icon matched."""
    icons = _icons(word)
    if not icons:
        return (f"No icon matches {word!r}. Try a shorter or another word (e.g. 'heart', "
                "'pill'), or `handout icons` for the whole list.\n", False)
    width = max(len(info.name) for info in icons)
    lines = []
    for info in icons:
        about = ", ".join(dict.fromkeys(t for t in (info.title, *info.tags) if t))
        lines.append(f"{info.name:<{width}}  {about}".rstrip())
    matched = f" matching {word!r}" if word else ""
    example = icons[0].name if word else "stomach"
    lines.append(f"\n{len(icons)} icon{'s' if len(icons) != 1 else ''}{matched}. In a content "
                 f"file, `icon: {example}` puts one by the title,\na section heading, a key "
                 "point, a plan step or a help tier.")
    return "\n".join(lines) + "\n", True
