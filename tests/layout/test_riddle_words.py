"""A riddle answer of more than one written word: Vietnamese writes each syllable of a word
apart ("loạn khuẩn", dysbiosis), so the Vietnamese riddle 2 can translate the English one
("I am the word for when the mix of gut bacteria is out of balance") rather than ask
another question. Its hint counts the letters, its write-in boxes leave a gap between the
syllables, the grid hides the letters run together, and the key prints it whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polib
import pymupdf

from handout.check.runner import run_checks
from handout.input.riddles import grid_word, hint
from handout.input.sources import load_content
from handout.input.validate import parse_document
from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT

VI = ROOT / "content.vi.po"


def entry(po: polib.POFile, context: str) -> str:
    [found] = [e.msgstr for e in po if e.msgctxt == context]
    return found


def test_the_vietnamese_riddle_2_translates_the_english_one() -> None:
    po = polib.pofile(str(VI))
    # The handout's own word for dysbiosis (its keyword, and its section 2 paragraph).
    assert entry(po, "puzzle.riddles[1].answer") == entry(po, "keywords[4]") == "loạn khuẩn"
    question = entry(po, "puzzle.riddles[1].question")
    assert "vi khuẩn" in question and "mất cân bằng" in question, question  # bacteria, balance
    assert "não" not in question  # no longer the brain riddle


def test_a_riddle_answer_of_two_syllables_is_counted_by_its_letters() -> None:
    assert grid_word("loạn khuẩn") == "LOẠNKHUẨN"
    assert hint("loạn khuẩn", "vi") == '9 chữ cái, bắt đầu bằng "L", kết thúc bằng "uẩn"'


def test_the_vietnamese_puzzle_checks_and_prints_the_answer_whole(tmp_path: Path) -> None:
    located = load_content(CONTENT, translation=VI)
    report = run_checks(parse_document(located), located, dt.date(2026, 12, 7))
    riddles = [f for f in report.findings if "riddles" in f.path]
    assert riddles == [], riddles
    out = tmp_path / "vi.pdf"
    build(CONTENT, out, Options(check=False, translation=VI))
    with pymupdf.open(out) as pdf:
        text = [" ".join(page.get_text().split()) for page in pdf]
    assert any("2. loạn khuẩn" in page for page in text)
