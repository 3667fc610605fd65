"""`handout icons [WORD]`: the bundled icons whose name, title or tags contain WORD."""

from __future__ import annotations

from handout.common import icon_set


def icon_listing(word: str | None) -> tuple[str, bool]:
    """The listing to print, and whether any icon matched."""
    spelt = False
    if word:  # the same search that offers names for an unknown `icon:`
        icons, spelt = icon_set.search(word)
    else:
        icons = [info for n in icon_set.names() if (info := icon_set.find(n)) is not None]
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
