"""Riddle hints, the word-search generator, and the one-page puzzle layout."""

from __future__ import annotations

import itertools
import os
import re
import string
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import SimpleDocTemplate

import handout
from handout.common.errors import HandoutError
from handout.input.clinic import Colours
from handout.input.model import Puzzle
from handout.input.riddles import grid_word, hint
from handout.input.wordsearch import Direction, Placement, WordSearchGrid, make_word_search
from handout.layout.puzzle import LetterBoxes, puzzle_flowables
from handout.layout.theme import make_theme

# The riddles at the end of seed/article.txt.
ARTICLE_PUZZLE: dict[str, Any] = {
    "riddles": [
        {
            "question": "I’m your second brain, and I live in your belly. What am I?",
            "answer": "microbiome",
        },
        {"question": "I’m the fancy word for when your gut bugs go bad.", "answer": "Dysbiosis"},
        {
            "question": "I’m the body’s alarm system that can get stuck in “on” mode.",
            "answer": "Inflammation",
        },
    ],
    "word_search": {"words": ["fiber", "yogurt", "sleep", "stress"]},
}
WORDS = ["microbiome", "dysbiosis", "inflammation", "fiber", "yogurt", "sleep", "stress"]
SPANISH_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZÑÁÉÍÓÚ")  # accents too: no give-away Ó


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # The article printed "9 letters" here.
        ("microbiome", '10 letters, starts with "M", ends with "ome"'),
        ("Dysbiosis", '9 letters, starts with "D", ends with "sis"'),
        # The article printed "11 letters" here.
        ("Inflammation", '12 letters, starts with "I", ends with "ion"'),
    ],
)
def test_hint_is_computed_from_the_answer(answer: str, expected: str) -> None:
    assert hint(answer) == expected


def test_spanish_hint_counts_an_accented_letter_once() -> None:
    expected = '11 letras, empieza por "I", termina en "ión"'
    assert hint("inflamación", "es") == expected
    # "ó" typed as "o" plus a combining accent is still one letter.
    assert hint(unicodedata.normalize("NFD", "inflamación"), "es") == expected
    assert hint("microbioma", "es-MX") == '10 letras, empieza por "M", termina en "oma"'


def test_short_answer_clue_does_not_spell_it_out() -> None:
    assert hint("gut") == '3 letters, starts with "G", ends with "t"'


def test_hint_in_an_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="'de'"):
        hint("Darmflora", "de")


def test_hint_in_french_and_russian() -> None:
    assert hint("microbiote", "fr") == \
        "10 lettres, commence par «\u00a0M\u00a0», finit par «\u00a0ote\u00a0»"
    assert hint("кишечник", "ru") == "букв: 8, начинается с «К», заканчивается на «ник»"


def test_same_input_gives_the_same_grid() -> None:
    assert make_word_search(WORDS, 12, "handout") == make_word_search(WORDS, 12, "handout")


def test_a_different_seed_gives_a_different_grid() -> None:
    assert make_word_search(WORDS, 12, "a").rows != make_word_search(WORDS, 12, "b").rows


def test_grid_does_not_depend_on_the_process_hash_seed() -> None:
    code = (
        "from handout.input.wordsearch import make_word_search as m;"
        f"print(m({WORDS!r}, 12, 'handout').rows)"
    )
    root = str(Path(handout.__file__).resolve().parent.parent)
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {f"{make_word_search(WORDS, 12, 'handout').rows}\n"}


def assert_well_formed(grid: WordSearchGrid, words: list[str], size: int) -> None:
    assert len(grid.rows) == size
    assert all(len(row) == size for row in grid.rows)
    assert {p.word for p in grid.placements} == {w.upper() for w in words}
    for placement in grid.placements:
        assert placement.direction in set(Direction)
        assert grid.read(placement) == placement.word


def test_every_placed_word_reads_back_from_the_grid() -> None:
    grid = make_word_search(WORDS, 12, "handout")
    assert_well_formed(grid, WORDS, 12)
    assert "".join(grid.rows).isupper()
    # Filler letters never spell a word a second time.
    text = "\n".join(grid.rows)
    assert all(text.count(word.upper()) <= 1 for word in WORDS)


def test_spanish_grid_keeps_accents_and_fills_from_the_spanish_alphabet() -> None:
    words = ["inflamación", "sueño", "estrés"]
    grid = make_word_search(words, 11, "es", language="es")
    assert_well_formed(grid, words, 11)
    hidden = {rc for p in grid.placements for rc in p.cells()}
    filler = {ch for r, row in enumerate(grid.rows) for c, ch in enumerate(row)} - {
        grid.rows[r][c] for r, c in hidden
    }
    assert "INFLAMACIÓN" in {p.word for p in grid.placements}
    assert filler <= SPANISH_ALPHABET


def test_word_longer_than_the_grid_is_refused() -> None:
    with pytest.raises(ValueError, match=r'"inflammation" has 12 letters, too long for a 11 x 11'):
        make_word_search(["inflammation"], 11, "x")


def test_word_that_finds_no_room_is_named() -> None:
    words = ["abcdef", "ghijkl", "mnopqr", "stuvwx", "yzabcd", "efghij", "klmnop"]
    with pytest.raises(ValueError, match=r'could not fit "[A-Z]{6}" into a 6 x 6 grid'):
        make_word_search(words, 6, "x")


# The steps the reader's three directions take, written out here rather than read from
# Direction: a grid must be read along straight lines whatever the code thinks a step is.
STEPS = {"RIGHT": (0, 1), "DOWN": (1, 0), "DOWN_RIGHT": (1, 1)}


def read_straight(rows: tuple[str, ...], placement: Placement) -> str:
    """The letters from the placement's first cell along its direction, stopping at the edge."""
    row_step, col_step = STEPS[placement.direction.name]
    found = []
    for i in range(len(placement.word)):
        r, c = placement.row + i * row_step, placement.col + i * col_step
        if not (0 <= r < len(rows) and 0 <= c < len(rows[r])):
            break
        found.append(rows[r][c])
    return "".join(found)


def room_is_certain(forms: set[str], size: int) -> bool:
    """True when every word, placed longest first, must find a free run left to right: each
    cell taken by an earlier word blocks at most min(n, size - n + 1) of the size x
    (size - n + 1) starts of an n-letter word, so fewer taken cells than that leave one."""
    taken = 0
    for n in sorted(map(len, forms), reverse=True):
        if taken * min(n, size - n + 1) >= size * (size - n + 1):
            return False
        taken += n
    return True


def plain_letters(word: str) -> bool:
    """Letters only, each one code point in the grid (a letter NFC splits into a letter and
    a combining mark, such as Devanagari QA, is refused as not a letter)."""
    return all(letter.isalpha() and not unicodedata.combining(letter)
               for letter in unicodedata.normalize("NFC", grid_word(word)))


# The three refusals make_word_search documents, and nothing else.
REFUSALS = (r'^"[^"]+" has \d+ letters, too long for a 10 x 10 grid: make the grid at least '
            r"|^'[^']+' cannot go in a word search: use letters only$"
            r'|^could not fit "[^"]+" into a 10 x 10 grid with the other words: make the grid')


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.characters(categories=("Lu", "Ll", "Lo")), min_size=3, max_size=12),
                min_size=1, max_size=8),
       st.text(max_size=5))
def test_any_words_are_placed_or_refused_as_documented(words: list[str], seed: str) -> None:
    try:
        grid = make_word_search(words, 10, seed)
    except ValueError as refusal:
        assert re.match(REFUSALS, str(refusal)), refusal
        return
    assert len(grid.rows) == 10
    assert sorted(p.word for p in grid.placements) == sorted({grid_word(w) for w in words})
    for placement in grid.placements:
        assert read_straight(grid.rows, placement) == placement.word, placement


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.characters(categories=("Lu", "Ll", "Lo")), min_size=3,
                        max_size=8).filter(plain_letters), min_size=1, max_size=6),
       st.text(max_size=5))
def test_words_with_certain_room_are_all_placed_in_straight_lines(words: list[str],
                                                                   seed: str) -> None:
    forms = {grid_word(word) for word in words}
    size = max(map(len, forms))
    while not room_is_certain(forms, size):
        size += 1
    grid = make_word_search(words, size, seed)  # no refusal is acceptable here
    assert len(grid.rows) == size and all(len(row) == size for row in grid.rows)
    assert sorted(p.word for p in grid.placements) == sorted(forms)
    for placement in grid.placements:
        assert read_straight(grid.rows, placement) == placement.word, placement


@settings(max_examples=20, deadline=None)
@given(st.integers(3, 4), st.data())
def test_words_that_cannot_fit_are_refused_by_name(size: int, data: st.DataObject) -> None:
    # Words with no letter in common share no cell, so more letters than cells cannot fit.
    alphabet = data.draw(st.permutations(string.ascii_uppercase))
    lengths = data.draw(st.lists(st.integers(2, size), min_size=1, max_size=size * size)
                        .filter(lambda ns: size * size < sum(ns) <= 26))
    cuts = list(itertools.accumulate(lengths, initial=0))
    words = ["".join(alphabet[a:b]) for a, b in itertools.pairwise(cuts)]
    with pytest.raises(ValueError, match=rf'^could not fit "({"|".join(words)})" into a '
                                         rf"{size} x {size} grid with the other words"):
        make_word_search(words, size, "x")
    too_long = alphabet[0] * (size + 1)
    with pytest.raises(ValueError, match=rf'^"{too_long}" has {size + 1} letters, too long '
                                         rf"for a {size} x {size} grid"):
        make_word_search([*words[:1], too_long], size, "x")


def build(path: Path, puzzle: Puzzle, paper: str, large_print: bool = False) -> None:
    theme = make_theme(Colours(primary="#1F4E79", accent="#B5522B"), paper=paper,
                       large_print=large_print)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=theme.page_size,
        leftMargin=theme.margin,
        rightMargin=theme.margin,
        topMargin=theme.top_margin,
        bottomMargin=theme.bottom_margin,
        invariant=1,
    )
    doc.build(puzzle_flowables(puzzle, theme))


def foot_words(page: pymupdf.Page, words: set[str]) -> list[tuple[pymupdf.Rect, int]]:
    """Where each of `words` is printed on `page`, with the direction of its line."""
    found = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                text = "".join(c["c"] for c in span["chars"])
                hits = len(words & set(text.split()))
                found += [(pymupdf.Rect(span["bbox"]), round(line["dir"][0]))] * hits
    return found


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_puzzle_page_fits_one_page_with_the_key_boxed_at_the_foot(tmp_path: Path,
                                                                  paper: str) -> None:
    path = tmp_path / "puzzle.pdf"
    build(path, Puzzle.model_validate(ARTICLE_PUZZLE), paper)
    with pymupdf.open(path) as pdf:
        assert pdf.page_count == 1
        page = pdf[0]
        text = " ".join(page.get_text().split())
        sizes = [span["size"] for block in page.get_text("dict")["blocks"]
                 for line in block.get("lines", []) for span in line["spans"]]
        key = foot_words(page, {"Answers", "microbiome", "Dysbiosis", "Inflammation"})
        height = page.rect.height
    for riddle in ARTICLE_PUZZLE["riddles"]:
        assert riddle["question"] in text
    assert 'Clue: 10 letters, starts with "M", ends with "ome"' in text
    assert 'Clue: 12 letters, starts with "I", ends with "ion"' in text
    assert "Answers 1. microbiome 2. Dysbiosis 3. Inflammation" in text
    assert len(key) == 4
    for box, direction in key:
        assert direction == 1  # the right way up
        assert box.y0 > height * 0.75  # at the foot of the page
    assert min(sizes) >= 10


def test_flowables_describe_themselves_and_box_every_letter() -> None:
    theme = make_theme(Colours(primary="#1F4E79", accent="#B5522B"))
    flowables = puzzle_flowables(Puzzle.model_validate(ARTICLE_PUZZLE), theme)
    assert all(isinstance(getattr(f, "alt_text", None), str) for f in flowables)
    boxes = [f for f in flowables if isinstance(f, LetterBoxes)]
    assert [b.count for b in boxes] == [10, 9, 12]
    assert boxes[0].alt_text == "Write-in boxes for a 10-letter answer"


def test_puzzle_without_word_search_keeps_the_key_at_the_foot(tmp_path: Path) -> None:
    path = tmp_path / "puzzle.pdf"
    build(path, Puzzle.model_validate({"riddles": ARTICLE_PUZZLE["riddles"]}), "letter")
    with pymupdf.open(path) as pdf:
        assert pdf.page_count == 1
        [(box, direction)] = foot_words(pdf[0], {"Inflammation"})
        height = pdf[0].rect.height
    assert direction == 1 and box.y0 > height * 0.75


def test_a_puzzle_too_big_for_one_page_is_a_user_error(tmp_path: Path) -> None:
    riddle = {"question": "A long riddle question that takes two lines. " * 3, "answer": "gut"}
    puzzle = Puzzle.model_validate({**ARTICLE_PUZZLE, "riddles": [riddle] * 6})
    with pytest.raises(HandoutError, match="does not fit on one page"):
        build(tmp_path / "puzzle.pdf", puzzle, "letter")


def test_spanish_page_has_spanish_clues_and_accented_grid_letters(tmp_path: Path) -> None:
    puzzle = Puzzle.model_validate(
        {
            "title": "Juego de palabras",
            "riddles": [
                {"question": "Soy la alarma del cuerpo. ¿Quién soy?", "answer": "inflamación"}
            ],
            "word_search": {"title": "Sopa de letras", "words": ["sueño"]},
        }
    )
    theme = make_theme(Colours(primary="#1F4E79", accent="#B5522B"), paper="a4", language="es")
    path = tmp_path / "puzzle.pdf"
    SimpleDocTemplate(str(path), pagesize=theme.page_size, invariant=1).build(
        puzzle_flowables(puzzle, theme)
    )
    with pymupdf.open(path) as pdf:
        assert pdf.page_count == 1
        text = " ".join(pdf[0].get_text().split())
    assert 'Pista: 11 letras, empieza por "I", termina en "ión"' in text
    assert "Busque estas palabras: SUEÑO y sus respuestas a las adivinanzas." in text
    assert "Ó" in text and "Ñ" in text

