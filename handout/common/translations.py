"""Per-language string tables (handout/resources/locales/*.yaml): every fixed word the layout
prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import yaml

from handout.common.resources import RESOURCES

LOCALES = RESOURCES / "locales"


def languages() -> list[str]:
    return sorted(p.stem for p in LOCALES.glob("*.yaml"))


def base_language(language: str) -> str:
    """'es-MX' -> 'es': regional variants share their language's table."""
    return language.split("-", 1)[0].lower()


@dataclass(frozen=True)
class Strings:
    language: str
    table: dict[str, object]

    def __call__(self, key: str, **values: object) -> str:
        return str(self.table[key]).format(**values)

    def date(self, value: dt.date) -> str:
        months = self.table["months"]
        assert isinstance(months, list)
        return self("date", month=months[value.month - 1], day=value.day, year=value.year)


@cache
def strings(language: str) -> Strings:
    """The table for `language`; KeyError if there is none (the model validates languages)."""
    name = base_language(language)
    path = LOCALES / f"{name}.yaml"
    if not path.is_file():
        raise KeyError(language)
    # libyaml's loader where PyYAML has it: the same tables, read about ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    table = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return Strings(name, table)
