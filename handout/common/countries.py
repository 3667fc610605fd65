"""Each country's crisis lines (handout/resources/countries/<CODE>.yaml): the headings of a
help panel's emergency and crisis tiers in each language, and the lines as text writes them.
A clinic file's `country:` picks one; the United States is the default."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from handout.common.resources import RESOURCES
from handout.common.translations import base_language, strings

COUNTRIES = RESOURCES / "countries"
DEFAULT = "US"


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # as a sentence names it: "the United Kingdom"
    summary: str  # its lines in a sentence: "999 for an emergency, NHS 111, and..."
    lines: tuple[str, ...]  # "999", "116 123"...
    headings: dict[str, dict[str, str]]  # language -> tier level -> heading
    calls: dict[str, dict[str, str]]  # language -> {emergency_line: "call 999", ...}

    def heading(self, level: str, language: str) -> str | None:
        """The heading of a tier of `level` in `language`; None for a level or language
        without one (a care team's heading is the clinic's, not the country's)."""
        return self.headings.get(base_language(language), {}).get(level)

    def placeholders(self, language: str) -> dict[str, str]:
        """What `{emergency_line}` and `{crisis_line}` print in `language`."""
        calls = self.calls.get(base_language(language)) or self.calls["en"]
        return {f"{{{key}}}": value for key, value in calls.items()}


@cache
def _all() -> dict[str, Country]:
    out = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(COUNTRIES.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        out[path.stem] = Country(path.stem, str(data["name"]), str(data["summary"]),
                                 tuple(str(line) for line in data["lines"]),
                                 {str(k): dict(v) for k, v in data["headings"].items()},
                                 {str(k): dict(v) for k, v in data["calls"].items()})
    return out


@cache
def _aliases() -> dict[str, str]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out = {}
    for path in sorted(COUNTRIES.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        out.update({str(alias): path.stem for alias in data.get("aliases", [])})
    return out


def codes() -> list[str]:
    """The countries handout knows the crisis lines of, with their other names:
    ["GB (UK)", "US (USA)"]."""
    aliases = _aliases()
    return [code + "".join(f" ({a})" for a, c in aliases.items() if c == code)
            for code in _all()]


def code_of(written: str) -> str | None:
    """The country's code for what a clinic file writes ("uk" -> "GB"); None if unknown."""
    code = written.strip().upper()
    code = _aliases().get(code, code)
    return code if code in _all() else None


def country(code: str) -> Country:
    return _all()[code_of(code) or DEFAULT]


def countries() -> list[Country]:
    return list(_all().values())


# Korean writes its particle straight after a number ("911에", "988로"), Chinese and
# Japanese often no space around one ("拨打911或"): beside a number, a Hangul, Han or kana
# letter ends it as a space would. Any other letter or digit makes it part of a longer word.
HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_LETTERS = HANGUL + HAN_KANA
_OTHER_WORD = rf"[^\W{CJK_LETTERS}]"
# A crisis line as a whole word: "911" but not "1911", "911.5", "$911" or "911-5".
BEFORE_LINE = rf"(?<!{_OTHER_WORD})(?<![$€£.,/:-])"
AFTER_LINE = rf"(?!{_OTHER_WORD}|[/-]|[.,:]\w)"


@cache
def line_pattern() -> re.Pattern[str]:
    """Any country's line, as a whole word: "911" and "911에" but not "1911" or "911.5"."""
    lines = sorted({line for c in countries() for line in c.lines}, key=lambda s: -len(s))
    return re.compile(BEFORE_LINE + "(?:" + "|".join(map(re.escape, lines)) + ")" + AFTER_LINE)


@cache
def crisis_words(language: str) -> re.Pattern[str] | None:
    """What shows a reader may be in crisis, in `language` (its locale's `crisis_words`)."""
    words = strings(language).table.get("crisis_words")
    if not isinstance(words, list) or not words:
        return None
    # Each is matched at the start of a word; Chinese and Japanese write no spaces between
    # words, so after a Han character or a kana too ("我想自杀").
    return re.compile(r"(?<![^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])(?:" +
                      "|".join(f"(?:{w})" for w in words) + ")", re.IGNORECASE)
