"""Crisis lines in Korean, Chinese and Japanese text (issue 20): Korean writes a particle
straight after a number ("911에", "988(...)에"), Chinese and Japanese often write no space
around one ("拨打911或"); the number is still a crisis line, and still never one inside a
longer number ("1911에", "9110에")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handout.commands.cli import main
from handout.commands.new import starter_files
from handout.common.countries import line_pattern
from handout.layout.unbroken import protected
from tests.check.test_crisis import UK_CLINIC, findings, line_of


def lines_in(text: str) -> list[str]:
    return [match.group() for match in line_pattern().finditer(text)]


@pytest.mark.parametrize(("text", "lines"), [
    ("다음의 경우 지금 바로 911에 전화하세요:", ["911"]),
    ("988로 문자를 보내세요.", ["988"]),
    ("NHS 111에 전화하거나 116 123에 무료로", ["111", "116 123"]),
    ("请立即拨打911或去最近的急诊室。", ["911"]),
    ("すぐに911に電話してください。", ["911"]),
    # never inside a longer number, nor a number with a decimal part
    ("1911에 지어진 병원, 9110에, 911.5에", []),
    ("电话号码 19110，第 9880 号", []),
])
def test_a_crisis_line_beside_korean_or_han_letters_is_found(text: str,
                                                             lines: list[str]) -> None:
    assert lines_in(text) == lines


def test_a_korean_crisis_line_keeps_its_particle_and_the_word_after_it() -> None:
    # As "call 911 now" keeps "911 now" on one line, "911에 전화하세요" is never split.
    text = "다음의 경우 지금 바로 911에 전화하세요:"
    assert [text[start:end] for start, end in protected(text)] == ["911에 전화하세요:"]
    assert [text[start:end] for start, end in protected("1911에 전화하세요")] == []


def test_a_us_line_in_korean_text_for_a_uk_clinic_is_an_error_where_it_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in starter_files(dt.date(2026, 12, 7), "ko").items():
        (tmp_path / name).write_bytes(data)
    content = tmp_path / "content.yaml"
    code = main(["check", str(content), "--clinic", str(UK_CLINIC)])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert code == 1
    line = line_of(content, "911에 전화하세요")
    found = [f for f in findings(out) if "is a crisis line of" in f]
    assert any(f.startswith(f"{content}:{line}:16: error: help.tiers[0].heading: 911 is a "
                            "crisis line of the United States") for f in found), out
    assert len(found) == 2, found  # 911 in the emergency tier, 988 in the crisis tier
