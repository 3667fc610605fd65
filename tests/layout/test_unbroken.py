"""Which words are kept whole (phone numbers, dates, prices, 988/911 with their next word), and
that ReportLab then never splits them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from reportlab.platypus import Paragraph

from handout.common.countries import countries
from handout.common.translations import languages
from handout.common.translations import strings as locale_strings
from handout.input.clinic import Colours
from handout.layout.markup import markup
from handout.layout.theme import Theme, make_theme
from handout.layout.unbroken import NBSP, keep_whole, no_lone_last_word, url_lines
from tests.conftest import ROOT, content_data

# "~" marks a no-break space in the expected text.
KEPT = [
    ("Call us at (555) 014-2200, if:", "Call us at (555)~014-2200, if:"),
    ("or 555-014-2200 or 555.014.2200", "or 555-014-2200 or 555.014.2200"),
    ("Call +1 555 014 2200 now", "Call +1~555~014~2200 now"),
    ("Call 1-800-273-8255 now", "Call 1-800-273-8255 now"),
    ("Llame al +34 912 345 678 o al 91 234 56 78.", "Llame al +34~912~345~678 o al 91~234~56~78."),
    ("Llame al 900 100 200 hoy", "Llame al 900~100~200 hoy"),
    ("Marque +52 55 1234 5678", "Marque +52~55~1234~5678"),
    ("Call +1 (718) 555-0142 ext. 3307 today", "Call +1~(718)~555-0142~ext.~3307 today"),
    ("Call (718) 555-0142 x3307, or", "Call (718)~555-0142~x3307, or"),
    ("Call (718) 555-0142 Ext 12.", "Call (718)~555-0142~Ext~12."),
    ("Call (555) 014-2200 x ray", "Call (555)~014-2200 x ray"),  # an x with no number
    ("Ring +44 20 7946 0958 today", "Ring +44~20~7946~0958 today"),
    ("Ruf an: +49 30 90182007 oder", "Ruf an: +49~30~90182007 oder"),
    ("Appelez le +33 1 23 45 67 89 ou", "Appelez le +33~1~23~45~67~89 ou"),
    ("Reviewed November 20, 2026 by Dr. Lee", "Reviewed November~20,~2026 by Dr. Lee"),
    ("Open on December 1 only", "Open on December~1 only"),
    ("Próxima revisión: 20 de noviembre de 2027.", "Próxima revisión: 20~de~noviembre~de~2027."),
    ("el 1 de Diciembre", "el 1~de~Diciembre"),
    ("text 988 now. If in danger, call 911.", "text 988~now. If in danger, call 911."),
    ("Call 911 or go to the nearest ER", "Call 911~or go to the nearest ER"),
    ("Llame al 911 o vaya", "Llame al 911~o vaya"),
    ("text 988 (Suicide & Crisis Lifeline)", "text 988~(Suicide & Crisis Lifeline)"),
    ("Call 9-1-1 now", "Call 9-1-1~now"),
    ("It costs $ 20 or 15 dólares", "It costs $~20 or 15~dólares"),
]

UNCHANGED = [
    "Chat online at 988lifeline.org, day or night.",
    "Annu Rev Med. 2009;60:355-366.",
    "Mol Psychiatry. 2022;27(4):1920-1935.",
    "Cell. 2021;184(16):4137-4153.e14.",
    "A study of over 1,000 people found less of two kinds of gut bacteria.",
    "Fig. 1 shows 12 studies from 2015 to 2024 (1988 data).",
    "Reviewed 2026-11-20 and due 20/11/2027.",
    "Take 2 or 3 pills; 1911, 9880 and 988.5 are not the lines.",
    "www.riversidefamilyhealth.example/appointments and doi:10.1016/j.cell.2015.02.047",
    "May I ask about the 3 steps?",
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_protected_words_get_no_break_spaces(text: str, kept: str) -> None:
    assert keep_whole(text) == kept.replace("~", NBSP)


@pytest.mark.parametrize("text", UNCHANGED)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert keep_whole(text) == text


def test_every_protected_word_has_a_digit() -> None:
    """What lets `protected` pass over a text without a digit: each crisis line has one, and
    each language's date its day."""
    lines = {line for land in countries() for line in land.lines
             if not any(c.isalpha() for c in line)}
    assert lines and all(any(c.isdigit() for c in line) for line in lines)
    assert all("{day}" in str(locale_strings(language).table["date"])
               for language in languages())


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    for item in value.values() if isinstance(value, dict) else (
            value if isinstance(value, list) else []):
        yield from strings(item)


def test_only_the_contact_and_crisis_words_change_in_the_content_files() -> None:
    changed: set[str] = set()
    for name in ("content.yaml", "content.es.yaml"):
        for text in strings(content_data(ROOT / name)):
            kept = keep_whole(text)
            assert kept.replace(NBSP, " ") == text  # only spaces ever change
            changed |= {word for word in kept.split(" ") if NBSP in word}
    assert changed == {w.replace("~", NBSP) for w in (
        "(555)~010-0107", "(555)~010-0107,", "911~or", "988~(Suicide", "988~now.**",
        "911~o", "988~(Línea", "988~ahora.**")}


def test_markup_keeps_words_whole_but_leaves_link_targets_alone() -> None:
    assert markup("**Call (555) 014-2200** & go") == f"<b>Call (555){NBSP}014-2200</b> &amp; go"
    assert markup("https://www.example.org/a b") == "https://www.example.org/a b"


@pytest.fixture(scope="module")
def theme() -> Theme:
    return make_theme(Colours(primary="#1F4E79", accent="#0B6E4F", tint="#EAF2F8"))


def lines(text: str, width: float, theme: Theme) -> list[str]:
    """The lines ReportLab makes of paragraph markup `text` in a column `width` wide."""
    para = Paragraph(text, theme.style("body"))
    para.wrap(width, 10_000)
    found = para.blPara.lines
    if para.blPara.kind == 0:
        return [" ".join(words).replace(NBSP, " ") for _, words in found]
    return ["".join(getattr(f, "text", "") for f in line.words).replace(NBSP, " ").strip()
            for line in found]


@pytest.mark.parametrize("width", range(250, 440, 10))
def test_a_phone_number_moves_to_the_next_line_whole(width: float, theme: Theme) -> None:
    text = markup("Call your care team at Riverside Family Health, (555) 014-2200, if: you "
                  "feel worse, or on November 20, 2026, or text 988 now.")
    got = lines(text, width, theme)
    assert len(got) > 1
    for whole in ("(555) 014-2200,", "November 20, 2026,", "988 now."):
        assert any(whole in line for line in got), (whole, got)


def test_hyphenated_words_still_never_break_at_the_hyphen(theme: Theme) -> None:
    text = "ultra-processed gut-microbiota-targeted brain-derived depression-associated " * 4
    for width in range(150, 400, 7):  # from the longest word's width: 148 pt
        assert not any(line.endswith("-") for line in lines(text, width, theme))


def test_url_lines_break_only_after_a_slash() -> None:
    def width(text: str) -> float:
        return float(len(text))  # one point a character, for the arithmetic

    url = "www.riversidefamilyhealth.example/appointments/new"
    assert url_lines(url, width, 100) == [url]  # it fits: whole
    assert url_lines(url, width, 40) == ["www.riversidefamilyhealth.example/",
                                         "appointments/new"]
    assert url_lines(url, width, 10) == ["www.riversidefamilyhealth.example/", "appointments/",
                                         "new"]  # a part wider than the room keeps its line
    assert "".join(url_lines(url, width, 20)) == url


def test_no_lone_last_word_joins_the_last_two_words_only() -> None:
    assert no_lone_last_word("Your gut and your mood") == f"Your gut and your{NBSP}mood"
    assert no_lone_last_word("Tu intestino y tu ánimo ") == f"Tu intestino y tu{NBSP}ánimo"
    assert no_lone_last_word("Sleep") == "Sleep"
    assert no_lone_last_word("Sleep well") == "Sleep well"  # joined, it could not wrap at all
    # A phone number is one word; a pair that would not fit stays breakable.
    assert no_lone_last_word("Call us at (555) 014-2200") == f"Call us at{NBSP}(555){NBSP}014-2200"
    assert no_lone_last_word("Your gut and your mood", lambda pair: len(pair) < 5) == \
        "Your gut and your mood"
