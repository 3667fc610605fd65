"""`handout icons [WORD]`: the bundled icons whose name, title or tags contain WORD."""

from __future__ import annotations

from pathlib import Path

from handout.common import icon_set
from handout.common.files import write_atomic


def _icons(word: str | None) -> tuple[list[icon_set.IconInfo], bool]:
    """The icons for `word` (every icon without one), by the same search that offers
    names for an unknown `icon:`; and whether they are only spelt like it."""
    if word:
        return icon_set.search(word)
    return [info for n in icon_set.names() if (info := icon_set.find(n)) is not None], False


def write_sheet(word: str | None, out: Path) -> str:
    """Draw the icons matching `word` (all, without one) with their names on the pages of
    the PDF `out`; what to print about it."""
    from handout.layout.icon_sheet import sheet_pdf  # ReportLab: only when a sheet is asked

    icons, _ = _icons(word)
    heading = f"Icons matching '{word}'" if word else "Every icon"
    pdf, pages = sheet_pdf(icons, f"{heading} ({len(icons)})")
    write_atomic(out, pdf)
    return f"Wrote {out} ({len(icons)} icon{'s' * (len(icons) != 1)} with their names, " \
           f"{pages} page{'s' * (pages != 1)})"


def icon_listing(word: str | None) -> tuple[str, bool]:
    """The listing to print, and whether any icon matched."""
    icons, spelt = _icons(word)
    if not icons:
        return (f"No icon matches {word!r}. Try a shorter or another word (e.g. 'heart', "
                "'pill'), or `handout icons` for the whole list.\n", False)
    width = max(len(info.name) for info in icons)
    lines = []
    for info in icons:
        about = ", ".join(dict.fromkeys(t for t in (info.title, *info.tags) if t))
        lines.append(f"{info.name:<{width}}  {about}".rstrip())
    matched = f" spelt like {word!r} (none has it in its name or subject)" if spelt else \
        f" matching {word!r}" if word else ""
    example = icons[0].name if word else "stomach"
    lines.append(f"\n{len(icons)} icon{'s' if len(icons) != 1 else ''}{matched}. In a content "
                 f"file, `icon: {example}` puts one by the title,\na section heading, a key "
                 "point, a plan step or a help tier.")
    return "\n".join(lines) + "\n", True
