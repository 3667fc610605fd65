"""Chinese lines (ReportLab's CJK wrap, mended by layout/kinsoku.py): a phone number, a date
or "911 或去…" is never cut between two of its characters (ReportLab's CJK wrap cuts
anywhere, no-break spaces or not), no closing mark hangs past a line's end, and a
paragraph never ends on a line of one Han letter.
Checked at every column width from narrow to wide, as the proof reads the lines."""

from __future__ import annotations

import pytest

from handout.input.clinic import Colours
from handout.layout.kinsoku import CANNOT_END, CANNOT_START, OVERHANG, words
from handout.layout.markup import markup
from handout.layout.measure import lines_of
from handout.layout.proof import _split_tokens
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme, make_theme
from handout.layout.unbroken import protected

TEXTS = [
    "出现以下情况，请立即拨打 911 或去最近的急诊室：",
    "如有疑问，请拨打诊所电话 (555) 010-0107，我们会尽快回复您。",
    "下次审阅日期：2027年12月7日。请在此之前再次检查本资料。",
    "成年人每晚至少需要睡 7 个小时。经常睡不到 7 个小时的人，更容易体重增加。",
]


@pytest.fixture(scope="module", params=["zh-Hans", "zh-Hant"])
def theme(request: pytest.FixtureRequest) -> Theme:
    return make_theme(Colours(primary="#1F4E79", accent="#0B6E4F"), language=request.param)


def laid_out(text: str, style: str, width: float, theme: Theme) -> Paragraph:
    para = Paragraph(markup(text), theme.style(style))
    para.wrap(width, 10_000)
    return para


@pytest.mark.parametrize("style", ["body", "h1"])
@pytest.mark.parametrize("text", TEXTS)
def test_protected_words_are_never_cut_where_a_line_can_hold_them(
        theme: Theme, style: str, text: str) -> None:
    size = theme.style(style).fontSize
    for width in range(int(size * 16), 460, 9):  # from 16 characters a line
        para = laid_out(text, style, width, theme)
        lines = lines_of(para)
        assert _split_tokens(para) == [], (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width  # nothing lost
        assert [line for line in lines[1:] if line[0] in CANNOT_START] == [], (width, lines)
        assert [line for line in lines[:-1] if line[-1] in CANNOT_END] == [], (width, lines)
        # No closing mark hangs past a line's end (into a box's border).
        found = para.blPara
        rooms = [line[0] if found.kind == 0 else line.extraSpace for line in found.lines]
        assert min(rooms[:-1], default=0.0) >= -OVERHANG, (width, lines, rooms)


def test_a_line_cut_short_for_a_word_keeps_its_own_room(theme: Theme) -> None:
    """The line ended early for "911 或…" is narrower only where it breaks: its spare
    room (what centred text is placed by) is measured against the column."""
    para = laid_out(TEXTS[0], "body", 190, theme)
    assert lines_of(para)[0].endswith("拨打"), lines_of(para)
    first = para.blPara.lines[0]
    assert first.extraSpace > theme.style("body").fontSize  # the room "911 …" left
    assert first.extraSpace < 190


@pytest.mark.parametrize("style", ["body", "h1"])
def test_a_paragraph_never_ends_on_one_han_letter(theme: Theme, style: str) -> None:
    size = theme.style(style).fontSize
    for text in ["睡眠問題一直沒有改善時", "睡眠问题一直没有改善时。", *TEXTS]:
        for width in range(int(size * 6), 460, 5):
            lines = lines_of(laid_out(text, style, width, theme))
            assert len(lines) < 2 or words(lines[-1]) > 1, (width, lines)


def test_words_are_counted_as_a_reader_counts_them() -> None:
    assert [words(t) for t in ("時", "時。", "改善時", "911 或", "Sleep", "two words",
                               "않을 때", "때", "，")] == [1, 1, 3, 2, 1, 2, 2, 1, 0]


def test_a_closing_mark_never_makes_a_line_of_its_own(theme: Theme) -> None:
    text = "肠道细菌的组成失去平衡时，就用我这个词。我是什么？"
    style = theme.style("body")
    for width in range(int(style.fontSize * 8), 460, 3):
        lines = lines_of(laid_out(text, "body", width, theme))
        assert all(line.strip(" ？。，") for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text, width


def test_a_latin_word_in_a_chinese_line_is_never_cut(theme: Theme) -> None:
    """ReportLab's CJK wrap cuts a Latin word that finds no space in the line's second
    half ("Crisi" "s"); the line breaks again before it."""
    text = ("危机热线 – 出现以下情况，请拨打或发短信到 988"
            "（自杀与危机生命线，Suicide & Crisis Lifeline）：")
    for style in ("body", "h1"):
        size = theme.style(style).fontSize
        for width in range(int(size * 10), 460, 3):
            lines = lines_of(laid_out(text, style, width, theme))
            for word in ("Suicide", "Crisis", "Lifeline", "988"):
                assert any(word in line for line in lines), (style, width, lines)


def test_a_crisis_line_keeps_one_letter_after_it_not_the_whole_clause(theme: Theme) -> None:
    """ "911 或去最近的急诊室：" was one word to the line breaking (the line and all up to the
    next space), so a help tier's heading broke before "911", leaving "立即拨打" alone on a
    line. In Chinese each letter is a word: "911 或" stays together, and every line but the
    last is full to within a few letters."""
    text = TEXTS[0]
    assert [text[a:b] for a, b in protected(text)] == ["911 或"]
    heading = f"紧急情况\u00a0– {text}"  # as the help panel prints it (label, dash, heading)
    for style in ("body", "h1"):
        size = theme.style(style).fontSize
        for width in range(int(size * 8), 460, 7):
            para = laid_out(heading, style, width, theme)
            found = para.blPara
            rooms = [line[0] if found.kind == 0 else line.extraSpace for line in found.lines]
            assert max(rooms[:-1], default=0.0) < 5 * size, (style, width, lines_of(para))
