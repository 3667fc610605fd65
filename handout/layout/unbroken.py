"""Words that must not break across lines: phone numbers, dates, prices, and crisis lines
(988, 911, 999, 116 123...) with the word after them (../shared/print-formats.md).

By ReportLab's own means; no line breaking of ours: the spaces inside such words become
no-break spaces (U+00A0: the Atkinson Hyperlegible Next fonts have it, as wide as a space,
and copied text reads it as a space). Hyphens stay ASCII: ReportLab breaks at a hyphen only
for a style with `hyphenationLang` or `embeddedHyphenation`, which ours have not, and a
copied number must still dial (the fonts have no U+2011 non-breaking hyphen anyway).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from handout.common.countries import AFTER_LINE, BEFORE_LINE, HAN_KANA, HANGUL, countries
from handout.common.translations import languages, strings

NBSP = "\u00a0"
_SEP = "[ .-]"  # between the digit groups of a phone number

# North American: (555) 014-2200, 555-014-2200, 555.014.2200, +1 555 014 2200, 1-800-...
_NANP = rf"(?:\+?1{_SEP})?(?:\(\d{{3}}\) ?|\d{{3}}{_SEP})\d{{3}}{_SEP}\d{{4}}"
# With a country code: +34 912 345 678, +34 91 234 56 78, +52 55 1234 5678, +44 20 7946 0958,
# +49 30 90182007 (a German subscriber number has up to 8 digits; 7 to 15 in all: _is_phone)
_INTERNATIONAL = rf"\+\d{{1,3}}(?: ?\(\d{{1,4}}\))?(?:{_SEP}\d{{1,10}}){{1,5}}"
# National numbers in digit groups: 912 345 678, 91 234 56 78, 55 1234 5678 (9 to 11 digits)
_GROUPED = r"\d{2,4}(?:[ .]\d{2,4}){2,4}"
# An extension after any of them: "ext. 3307", "ext 3307", "x3307", "extension 3307".
_EXTENSION = r",? ?(?i:ext\.?|extension|x) ?\d{1,6}"
_PHONE = re.compile(rf"(?<![\w+.,-])(?:{_NANP}|{_INTERNATIONAL}|{_GROUPED})(?:{_EXTENSION})?"
                    r"(?![\w-]|[.,]\d)")


@cache
def _crisis() -> re.Pattern[str]:
    """Each country's crisis lines (988, 911, 9-8-8, 999, 116 123...: the country files in
    handout/resources/countries/) are kept whole ("116 123"), and with the word after them
    where a space follows: "text 988 now"; a Korean particle written on the number is part
    of it: "911에 전화하세요" as "call 911"."""
    numbers = sorted({line for land in countries() for line in land.lines
                      if not any(c.isalpha() for c in line)}, key=lambda s: (-len(s), s))
    return re.compile(BEFORE_LINE + "(?:" + "|".join(map(re.escape, numbers)) + ")" +
                      AFTER_LINE + f"[{HANGUL}]*" + r"(?: (?=\S))?")


# The word after a crisis line: in Chinese or Japanese one letter ("911 或"), as each Han
# or kana letter is a word (kinsoku.words); not the whole clause up to the next space.
_NEXT_WORD = re.compile(f"[{HAN_KANA}]|[^\\s{HAN_KANA}]+")

# A price with a space: "$ 20", "20 €", "US$ 15", "15 dólares".
_PRICE = re.compile(r"(?:(?:US)?[$€£] ?\d[\d.,]*|\d[\d.,]* ?(?:€|\$|£|USD|EUR|dólares|dollars|"
                    r"pesos|euros))(?!\w)")

_DIGIT = re.compile(r"\d")  # as the patterns' \d: any script's digits

_COMMON_WORDS = frozenset({"me", "out", "mas", "jen"})


@cache
def _dates() -> re.Pattern[str]:
    """Dates as each locale prints them ("December 1, 2026", "1 de diciembre de 2026"),
    a closing year optional ("December 1"); month names as the locale writes them or
    capitalised."""
    forms = []
    for language in languages():
        table = strings(language).table
        months = table["months"]
        assert isinstance(months, list)
        names = {str(m) for m in months} | {str(m).capitalize() for m in months}
        longest_first = sorted(names, key=lambda name: (-len(name), name))
        month = "(?:" + "|".join(map(re.escape, longest_first)) + ")"
        # French writes the first of the month "1er" (Strings.date).
        fields = {"{month}": month, "{day}": r"\d{1,2}(?:er)?", "{year}": r"\d{4}"}

        def regex(fmt: str, fields: dict[str, str] = fields) -> str:
            return "".join(fields.get(part, re.escape(part))
                           for part in re.split(r"(\{month\}|\{day\}|\{year\})", fmt))

        fmt = str(table["date"])
        head, year, tail = fmt.partition("{year}")
        cut = head.rfind("}") + 1
        # A short lower-case month name that is also a common word ("3 out of 10", Haitian
        # Creole's August) is a date only with its year.
        short = [m for m in longest_first if len(m) <= 3 and m.lower() in _COMMON_WORDS]
        if year and cut and not tail.strip():  # the year comes last: it may be left out
            without = {**fields, "{month}": "(?:" + "|".join(
                re.escape(m) for m in longest_first if m not in short) + ")"}
            forms.append(f"{regex(head[:cut], without)}(?:{regex(head[cut:] + year)})?"
                         f"{regex(tail)}")
            if short:
                forms.append(regex(fmt))
        else:
            forms.append(regex(fmt))
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")


def protected(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number, date, price and crisis line (with its word).
    Each of them has a digit (a date its day), so a text without one has none: most text,
    and the patterns are slow (every month name of every language)."""
    if _DIGIT.search(text) is None:
        return
    for pattern in (_PHONE, _dates(), _PRICE):
        for match in pattern.finditer(text):
            if pattern is not _PHONE or _is_phone(match.group()):
                yield match.span()
    for match in _crisis().finditer(text):
        start, end = match.span()
        word = _NEXT_WORD.match(text, end) if match.group().endswith(" ") else None
        yield start, word.end() if word else end


def keep_whole(text: str) -> str:
    """`text` with the spaces inside protected words made no-break; nothing else changes."""
    chars = list(text)
    for start, end in protected(text):
        for i in range(start, end):
            if chars[i] == " ":
                chars[i] = NBSP
    return "".join(chars)


def address_line(line: str) -> str:
    """An address line whose numbers stay with the word before them: "Suite 7", "Floor 14",
    "NY 10463", a postcode's "SW1A 1AA" never break between the two."""
    return re.sub(r"(?<=\S) (?=\d)", NBSP, line)


def _is_phone(candidate: str) -> bool:
    candidate = re.sub(rf"(?:{_EXTENSION})$", "", candidate)
    digits = sum(c.isdigit() for c in candidate)
    if candidate.startswith("+") or "(" in candidate:
        return 7 <= digits <= 15
    if re.fullmatch(_GROUPED, candidate):
        return 9 <= digits <= 11
    return digits in (10, 11)


def url_lines(url: str, width_of: Callable[[str], float], room: float) -> list[str]:
    """A URL printed on lines of its own, `room` points wide: whole when it fits, else broken
    after the last slash that fits on each line (never inside a word, no hyphen added). A
    part between slashes wider than `room` keeps its own line."""
    parts = re.findall(r"[^/]*/|[^/]+$", url)
    lines = [""]
    for part in parts:
        if lines[-1] and width_of(lines[-1] + part) > room:
            lines.append("")
        lines[-1] += part
    return lines


def no_lone_last_word(text: str, fits: Callable[[str], bool] = lambda pair: True) -> str:
    """`text` (its protected words already kept whole) whose last two words are joined by
    a no-break space, so a wrapped title or paragraph never leaves one word alone on its
    last line (a runt). Only for three words or more (two joined words could not wrap at
    all) and only when `fits` says the pair fits on a line: never an overflow."""
    kept = keep_whole(text.rstrip())
    words = kept.split(" ")
    if len([w for w in words if w]) < 3 or not words[-2] or not fits(f"{words[-2]} {words[-1]}"):
        return kept
    return " ".join(words[:-2]) + f" {words[-2]}{NBSP}{words[-1]}"
