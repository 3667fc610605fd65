"""The bundled font files (package data), their names, and which script needs which font:
plain constants, no ReportLab, so the chart code registers them with matplotlib and the
content model refuses right-to-left text without importing the layout's theme."""

from __future__ import annotations

import re

from handout.common.resources import RESOURCES

FONT_DIR = RESOURCES / "fonts"
FONT_FILES = {
    "Atkinson": "AtkinsonHyperlegibleNext_400Regular.ttf",
    "Atkinson-Italic": "AtkinsonHyperlegibleNext_400Regular_Italic.ttf",
    "Atkinson-SemiBold": "AtkinsonHyperlegibleNext_600SemiBold.ttf",
    "Atkinson-Bold": "AtkinsonHyperlegibleNext_700Bold.ttf",
}
REGULAR, ITALIC, SEMIBOLD, BOLD = FONT_FILES

# The fonts for what Atkinson Hyperlegible Next cannot print (tools/subset_fonts.py makes
# them): family -> (regular file, bold file, what to call it in a message). Registered
# only when a text needs one, so an English build never reads them.
NOTO_FILES = {
    "NotoSans": ("NotoSans_400Regular.ttf", "NotoSans_700Bold.ttf",
                 "Noto Sans (Latin, Vietnamese, Greek, Cyrillic)"),
    "NotoSansSC": ("NotoSansSC_400Regular.ttf", "NotoSansSC_700Bold.ttf",
                   "Noto Sans SC (Simplified Chinese, common characters)"),
    "NotoSansTC": ("NotoSansTC_400Regular.ttf", "NotoSansTC_700Bold.ttf",
                   "Noto Sans TC (Traditional Chinese, common characters)"),
    "NotoSansKR": ("NotoSansKR_400Regular.ttf", "NotoSansKR_700Bold.ttf",
                   "Noto Sans KR (Korean, common syllables)"),
}
# The same families as matplotlib names them (the charts' text).
NOTO_NAMES = {"NotoSans": "Noto Sans", "NotoSansSC": "Noto Sans SC",
              "NotoSansTC": "Noto Sans TC", "NotoSansKR": "Noto Sans KR"}

# Languages whose own letters Atkinson lacks (Vietnamese tone marks, Cyrillic, Greek): their
# text is set in Noto Sans throughout, not word by word in two designs.
NOTO_SANS_LANGUAGES = frozenset({"vi", "ru", "uk", "bg", "be", "sr", "mk", "kk", "ky",
                                 "mn", "tg", "el"})
# Languages set without spaces between words: lines break between characters.
CJK_LANGUAGES = frozenset({"zh", "ja"})

# Right-to-left languages and scripts: refused, not printed backwards (README, Languages).
RTL_LANGUAGES = {"ar": "Arabic", "fa": "Farsi", "ur": "Urdu", "he": "Hebrew", "iw": "Hebrew",
                 "yi": "Yiddish", "ps": "Pashto", "sd": "Sindhi", "ug": "Uyghur",
                 "ku": "Kurdish", "dv": "Dhivehi", "syr": "Syriac"}
RTL_TEXT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                      "\U0001e800-\U0001efff]")
RTL_REFUSAL = ("handout cannot print right-to-left text ({what}) yet: its PDF library would "
               "print it backwards. {fix}; the README's Languages section says what "
               "right-to-left support would take")


def rtl_language(tag: str) -> str | None:
    """The name of `tag`'s right-to-left language ('ar-EG' -> 'Arabic'), or None."""
    return RTL_LANGUAGES.get(tag.split("-", 1)[0].lower())


def primary_subtag(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def cjk_order(tag: str) -> tuple[str, ...]:
    """The CJK families in the order `tag` prefers them for a Han character: Traditional
    Chinese forms for zh-Hant (and Taiwan, Hong Kong, Macau), Korean forms for ko."""
    parts = {p.lower() for p in tag.split("-")}
    if primary_subtag(tag) == "ko":
        return ("NotoSansKR", "NotoSansTC", "NotoSansSC")
    if parts & {"hant", "tw", "hk", "mo"}:
        return ("NotoSansTC", "NotoSansSC", "NotoSansKR")
    return ("NotoSansSC", "NotoSansTC", "NotoSansKR")


def font_slot(key: str) -> str:
    """Which bundled family a clinic's `fonts:` entry stands in for: a language tag
    (zh-Hans, zh-Hant, ko, vi, ru...) or one of the family names themselves."""
    if key in NOTO_FILES or key == REGULAR:
        return key
    first = primary_subtag(key)
    if first in {"zh", "ja", "ko"}:
        return cjk_order(key)[0]
    return "NotoSans" if first in NOTO_SANS_LANGUAGES else REGULAR
