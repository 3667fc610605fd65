"""`handout icons [WORD]`: the bundled icons whose name, title or tags contain WORD."""

from __future__ import annotations

from handout.common import icon_set


def icon_listing(word: str | None) -> tuple[str, bool]:
    """The listing to print, and whether any icon matched."""
    found = icon_set.matching(word) if word else [icon_set.find(n) for n in icon_set.names()]
    icons = [info for info in found if info is not None]
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
