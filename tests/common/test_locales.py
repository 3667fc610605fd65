"""Every language's fixed words (issue 20, item 1): the same keys as English, its dates and
numbers as it writes them, BCP 47 tags with regions falling back to their language, and
each table's review status where the README says it is."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from handout.chart.style import ChartText
from handout.common.countries import country, crisis_words
from handout.common.translations import LOCALES, languages, locale_of, strings, unknown_language
from handout.layout.unbroken import keep_whole
from tests.conftest import ROOT

LANGUAGES = ["en", "es", "fr", "ht", "ko", "pt", "ru", "tl", "vi", "zh-Hans", "zh-Hant"]
ENGLISH = yaml.safe_load((LOCALES / "en.yaml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
DAY = dt.date(2026, 12, 7)


def test_the_languages_handout_prints() -> None:
    assert languages() == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_table_has_every_english_key_and_no_other(language: str) -> None:
    table = yaml.safe_load((LOCALES / f"{language}.yaml").read_text(encoding="utf-8"))
    assert set(table) - set(ENGLISH) == set(), "keys English no longer has"
    assert set(ENGLISH) - set(table) == set(), "keys this language lacks"
    for key, value in ENGLISH.items():
        if isinstance(value, str):  # the same {placeholders}, none lost or added
            assert set(re.findall(r"\{\w+\}", table[key])) == \
                set(re.findall(r"\{\w+\}", value)), key
    assert len(table["months"]) == 12 and len(set(table["months"])) == 12
    for pattern in table["crisis_words"]:
        re.compile(pattern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_table_is_a_draft_until_reviewed_and_the_readme_says_so(
        language: str) -> None:
    table = strings(language)
    assert table.table["status"] == ("source" if language == "en" else "draft")
    section = README.split("### Languages", 1)[1].split("\n### ", 1)[0]
    row = next(line for line in section.splitlines()
               if line.startswith(f"| {table.name} |") or line.startswith(f"| {table.name} ("))
    assert f"`{language}`" in row
    assert ("source" if language == "en" else "draft") in row


@pytest.mark.parametrize(("language", "written"), [
    ("en", "December 7, 2026"),
    ("es", "7 de diciembre de 2026"),
    ("fr", "7 décembre 2026"),
    ("ht", "7 desanm 2026"),
    ("ko", "2026년 12월 7일"),
    ("pt", "7 de dezembro de 2026"),
    ("ru", "7 декабря 2026 г."),
    ("tl", "Disyembre 7, 2026"),
    ("vi", "ngày 7 tháng 12 năm 2026"),
    ("zh-Hans", "2026年12月7日"),
    ("zh-Hant", "2026年12月7日"),
])
def test_dates_as_each_language_writes_them(language: str, written: str) -> None:
    assert strings(language).date(DAY) == written


def test_the_first_of_the_month_in_french_is_an_ordinal_and_kept_whole() -> None:
    assert strings("fr").date(dt.date(2026, 12, 1)) == "1er décembre 2026"
    assert keep_whole("Revu le 1er décembre 2026.") == "Revu le 1er\u00a0décembre\u00a02026."


def test_the_layout_ends_and_joins_sentences_and_lists_as_the_language_does() -> None:
    # A Russian date ends with "г.": the review line adds no second full stop.
    assert strings("ru").sentence("7 декабря 2026 г.") == "7 декабря 2026 г."
    assert strings("en").sentence("December 7, 2026") == "December 7, 2026."
    assert strings("zh-Hans").sentence("2026年12月7日") == "2026年12月7日。"
    assert strings("en").then("Illustration, not real data", "Based on: X") == \
        "Illustration, not real data. Based on: X"
    assert strings("zh-Hant").then("示意圖，非真實數據", "依據：X") == "示意圖，非真實數據。依據：X"
    assert strings("es").listed(["SUEÑO", "CAMA"]) == "SUEÑO, CAMA"
    assert strings("zh-Hans").listed(["纤维", "酸奶"]) == "纤维、酸奶"


@pytest.mark.parametrize(("language", "written"), [
    ("en", "1,200.5"), ("es", "1,200.5"), ("fr", "1\u00a0200,5"), ("ru", "1\u00a0200,5"),
    ("pt", "1.200,5"), ("vi", "1.200,5"), ("zh-Hans", "1,200.5"), ("tl", "1,200.5"),
])
def test_numbers_as_each_language_writes_them(language: str, written: str) -> None:
    chart = ChartText.for_language(language)  # where the layout prints numbers: the chart
    assert chart.number(1200.5) == written
    assert chart.number(-0.25) == "\u2212" + ("0.25" if written.endswith(".5") else "0,25")


def test_a_region_uses_its_language_and_chinese_its_script() -> None:
    assert locale_of("es-MX") == "es" and locale_of("pt-BR") == "pt"
    assert locale_of("en-GB") == "en" and locale_of("fr-CA") == "fr"
    assert locale_of("zh-TW") == "zh-Hant" and locale_of("zh-HK") == "zh-Hant"
    assert locale_of("zh-CN") == "zh-Hans" and locale_of("zh-Hant-TW") == "zh-Hant"
    assert strings("pt-BR")("page_of", page=2) == "Página 2 de "
    assert unknown_language("pt-BR") is None
    assert "zh-Hans" in str(unknown_language("zh")) and "zh-Hant" in str(unknown_language("zh"))
    assert "no layout wording for 'ar'" in str(unknown_language("ar"))
    assert "not a BCP 47 language tag" in str(unknown_language("vietnamese"))


def test_crisis_words_are_found_inside_chinese_text() -> None:
    assert crisis_words("zh-Hans").search("我有时想自杀")  # type: ignore[union-attr]
    assert crisis_words("zh-Hant").search("我有時想自殺")  # type: ignore[union-attr]
    assert crisis_words("vi").search("Bạn có ý nghĩ tự làm hại bản thân")  # type: ignore[union-attr]
    assert not crisis_words("en").search("mysuicide")  # type: ignore[union-attr]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_us_crisis_lines_have_headings_in_each_language(language: str) -> None:
    us = country("US")
    assert "911" in str(us.heading("emergency", language))
    assert "988" in str(us.heading("crisis", language))
    assert "988" in us.placeholders(language)["{crisis_line}"]
