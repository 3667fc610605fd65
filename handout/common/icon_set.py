"""The bundled Health Icons (handout/resources/icons): their names, files and search words.

An icon's name is its file name without `.svg` ("stomach"). Six names are used by two
icons of different categories (e.g. devices/fever, a thermometer, and emotions/fever, a
face); those two are named with their category, and `category/name` works for any icon.
Names are matched without regard to case. No ReportLab here: the model checks names and
`handout icons` lists them without loading the drawing code.
"""

from __future__ import annotations

import difflib
import json
import shlex
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handout.common.resources import RESOURCES

ICON_DIR = RESOURCES / "icons"
STYLE = "outline"  # the style shipped: line drawings that print well at small sizes


@dataclass(frozen=True)
class IconInfo:
    """One icon: the name content files use, its file, and words to find it by."""

    name: str
    path: Path

    @property
    def title(self) -> str:
        return _search_words().get(self._key, ("", ()))[0]

    @property
    def tags(self) -> tuple[str, ...]:
        return _search_words().get(self._key, ("", ()))[1]

    @property
    def _key(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    def matches(self, word: str) -> bool:
        word = word.lower()
        return any(word in text.lower() for text in (self.name, self.title, *self.tags))


@cache
def catalogue() -> dict[str, IconInfo]:
    """Every bundled icon by its lower-case name (and by `category/name`)."""
    files = sorted((ICON_DIR / STYLE).glob("*/*.svg"))
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        by_stem[path.stem.lower()].append(path)
    out: dict[str, IconInfo] = {}
    for path in files:
        full = f"{path.parent.name}/{path.stem}"
        name = path.stem if len(by_stem[path.stem.lower()]) == 1 else full
        info = IconInfo(name, path)
        out[name.lower()] = info
        out[full.lower()] = info
    return out


@cache
def _search_words() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Title and tags per `category/name`, from the icon set's own index (if shipped): read
    only to search, never to build (a 690-entry JSON file is not free)."""
    index = ICON_DIR / "meta-data.json"
    if not index.is_file():
        return {}
    entries = json.loads(index.read_text(encoding="utf-8"))
    return {e["path"]: (e.get("title", ""),
                        tuple(t for t in e.get("tags", []) if not t.startswith("dhis2:")))
            for e in entries if isinstance(e, dict) and "path" in e}


def names() -> list[str]:
    """Each icon's name once, sorted."""
    return sorted({info.name for info in catalogue().values()}, key=str.lower)


def find(name: str) -> IconInfo | None:
    return catalogue().get(name.strip().lower())


def matching(word: str) -> list[IconInfo]:
    """Icons whose name, title or tags contain `word`: name matches first, then by name."""
    unique = {info.name: info for info in catalogue().values()}.values()
    found = [info for info in unique if info.matches(word)]
    return sorted(found, key=lambda i: (word.lower() not in i.name.lower(), i.name.lower()))


def search(word: str) -> tuple[list[IconInfo], bool]:
    """What `handout icons WORD` lists, and an unknown `icon:` is offered: the icons whose
    name, title or tags contain `word`; when none do, the names spelt nearly like it (a
    typo). The flag says which: True for names spelt like `word`."""
    found = matching(word)
    if found:
        return found, False
    key = word.strip().lower()
    return [catalogue()[c] for c in _closest(key, [n.lower() for n in names()])], True


def unknown(name: str) -> str:
    """Why `name` is not an icon, with the names `handout icons NAME` finds for it."""
    key = name.strip().lower()
    same = sorted({i.name: i for i in catalogue().values()
                   if "/" in i.name and i.name.lower().endswith(f"/{key}")}.items())
    if same:
        both = " or ".join(f"'{n}' ({i.title or n})" for n, i in same)
        return f"two icons are called '{name}': write {both}"
    found, _ = search(key)
    if not found:
        return (f"no icon named '{name}'; `handout icons WORD` lists the icons whose name or "
                "subject has WORD in it, e.g. `handout icons heart`")
    best = sorted(found, key=lambda i: -difflib.SequenceMatcher(None, key, i.name.lower())
                  .ratio())[:3]
    shown = [f"'{info.name}'" for info in best]
    listed = ", ".join(shown[:-1]) + " or " + shown[-1] if len(shown) > 1 else shown[0]
    more = len(found) - len(best)
    which = f"these and {more} more" if more else "them" if len(best) > 1 else "it"
    return (f"no icon named '{name}'; did you mean {listed}? `handout icons "
            f"{shlex.quote(name.strip())}` lists {which}")


def _closest(key: str, candidates: list[str]) -> list[str]:
    """The candidates nearest to `key` (up to 2), leaving out those much further than the best."""
    scored = sorted(((difflib.SequenceMatcher(None, key, c).ratio(), c) for c in candidates),
                    reverse=True)
    best = scored[0][0] if scored else 0.0
    return [c for score, c in scored[:2] if score >= max(0.7, best - 0.08)]
