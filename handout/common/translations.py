"""Per-language string tables (handout/resources/locales/*.yaml): every fixed word the layout
prints, with the language's date and number formats and what is known about it (its name,
whether a qualified translator has reviewed the table, how its reading level is measured).

A content file's `language:` is a BCP 47 tag. Each table is named by the tag it serves
(`vi`, `zh-Hans`); a tag with a region (`es-MX`, `pt-BR`, `en-GB`) uses its language's
table, and Chinese picks its script's table from the region (`zh-TW` is written in
Traditional characters, `zh-CN` in Simplified). The PDF's `/Lang` is the tag as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import yaml

from handout.common.resources import RESOURCES

LOCALES = RESOURCES / "locales"

# language[-Script][-REGION]: "en", "zh-Hans", "pt-BR", "es-419", "zh-Hant-TW".
TAG = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$"
_TAG = re.compile(TAG)
# Chinese written without a script subtag: the script its region writes.
_CHINESE_SCRIPT = {"CN": "Hans", "SG": "Hans", "MY": "Hans", "TW": "Hant", "HK": "Hant",
                   "MO": "Hant"}
# Where langid-style identifiers (py3langid) name a table's language differently.
_IDENTIFIER_CODE = {"zh-Hans": "zh", "zh-Hant": "zh"}
# Where the layout joins the table's words itself: Chinese ends a sentence with "。" and
# separates the items of a list with "、", with no space after either.
_FULL_STOP = {"zh-Hans": "。", "zh-Hant": "。"}
_LIST_COMMA = {"zh-Hans": "、", "zh-Hant": "、"}


@cache
def languages() -> list[str]:
    """The tags that have a table: en, es, fr, ht, ko, pt, ru, tl, vi, zh-Hans, zh-Hant."""
    return sorted(p.stem for p in LOCALES.glob("*.yaml"))


def locale_of(language: str) -> str | None:
    """The table that serves the tag `language`, or None: 'es-MX' -> 'es', 'zh-TW' ->
    'zh-Hant', 'zh-Hans-SG' -> 'zh-Hans'; 'zh' alone (which script?) -> None."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    known = languages()
    script = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), "")
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if base == "zh" and not script:
        script = _CHINESE_SCRIPT.get(region, "")
    if script and f"{base}-{script}" in known:
        return f"{base}-{script}"
    if base in known:
        return base
    return None


def base_language(language: str) -> str:
    """The table's tag for `language` ('es-MX' -> 'es', 'zh-TW' -> 'zh-Hant'), or, for a
    language without a table, its primary subtag ('ar-EG' -> 'ar')."""
    return locale_of(language) or language.replace("_", "-").split("-", 1)[0].lower()


def identifier_code(language: str) -> str:
    """`language` as a language identifier (py3langid) names it: 'zh-Hans' -> 'zh'."""
    name = base_language(language)
    return _IDENTIFIER_CODE.get(name, name)


def unknown_language(value: str) -> str | None:
    """Why `value` cannot be a content file's `language:`, or None when it can."""
    if not _TAG.match(value):
        return (f"{value!r} is not a BCP 47 language tag such as 'vi', 'zh-Hans' or "
                f"'pt-BR'; handout prints {', '.join(languages())}")
    if locale_of(value) is not None:
        return None
    if base_language(value) == "zh":
        return ("say which Chinese script the text is in: 'zh-Hans' (Simplified, as in "
                "mainland China) or 'zh-Hant' (Traditional, as in Taiwan and Hong Kong)")
    return (f"no layout wording for {value!r} yet; use one of {', '.join(languages())} "
            "(README, \"Languages\", says how to add one)")


@dataclass(frozen=True)
class Strings:
    language: str
    table: dict[str, object]

    def __call__(self, key: str, **values: object) -> str:
        return str(self.table[key]).format(**values)

    @property
    def name(self) -> str:
        """The language's name in English ("Vietnamese"), for messages."""
        return str(self.table["name"])

    @property
    def readability(self) -> str:
        """The reading-level formula `handout check` grades this language by, or 'none'."""
        return str(self.table.get("readability", "none"))

    def date(self, value: dt.date) -> str:
        months = self.table["months"]
        assert isinstance(months, list)
        # French writes the first of the month as an ordinal: "1er décembre 2026".
        day = "1er" if self.language == "fr" and value.day == 1 else value.day
        return self("date", month=months[value.month - 1], day=day, year=value.year)

    def sentence(self, text: str) -> str:
        """`text` ended by the language's full stop, unless it ends with one already (a
        Russian date ends with "г.")."""
        return text if text.endswith((".", "。")) else text + _FULL_STOP.get(self.language, ".")

    def then(self, first: str, second: str) -> str:
        """Two sentences in a row: "Illustration, not real data. Based on: ..."."""
        gap = "" if self.language in _FULL_STOP else " "
        return f"{self.sentence(first)}{gap}{second}"

    def listed(self, items: list[str]) -> str:
        """Items in a run-in list: "fiber, yogurt", "纤维、酸奶"."""
        return _LIST_COMMA.get(self.language, ", ").join(items)


@cache
def strings(language: str) -> Strings:
    """The table for `language`; KeyError if there is none (the model validates languages)."""
    name = locale_of(language)
    if name is None:
        raise KeyError(language)
    path = LOCALES / f"{name}.yaml"
    # libyaml's loader where PyYAML has it: the same tables, read about ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    table = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return Strings(name, table)
