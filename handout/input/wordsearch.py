"""The word-search grid, with no drawing: a pure function of its inputs, so the same
content file always prints the same puzzle."""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache

from handout.common.translations import base_language
from handout.input.riddles import grid_word, letters

# Filler letters for a word-search grid. Other languages use the words' own letters.
FILLER = {
    "en": string.ascii_uppercase,
    # Accented vowels too: otherwise the one Ó in the grid gives INFLAMACIÓN away.
    "es": string.ascii_uppercase + "ÑÁÉÍÓÚ",
}

_PLACE_ATTEMPTS = 200
_FILL_ATTEMPTS = 10


class Direction(Enum):
    """Reading directions: forwards only, which older readers find easiest."""

    RIGHT = (0, 1)
    DOWN = (1, 0)
    DOWN_RIGHT = (1, 1)

    @property
    def step(self) -> tuple[int, int]:
        row_step, col_step = self.value
        return row_step, col_step


@dataclass(frozen=True)
class Placement:
    """Where one word sits: its first letter at (row, col), 0-based, read in `direction`."""

    word: str
    row: int
    col: int
    direction: Direction

    def cells(self) -> tuple[tuple[int, int], ...]:
        row_step, col_step = self.direction.step
        return tuple(
            (self.row + i * row_step, self.col + i * col_step) for i in range(len(self.word))
        )


@dataclass(frozen=True)
class WordSearchGrid:
    """A square grid of upper-case letters (one character per cell) and the hidden words."""

    rows: tuple[str, ...]
    placements: tuple[Placement, ...]

    @property
    def size(self) -> int:
        return len(self.rows)

    def read(self, placement: Placement) -> str:
        """The letters found at `placement` (equal to its word in a correct grid)."""
        return "".join(self.rows[r][c] for r, c in placement.cells())


def _prepare(words: Sequence[str], size: int) -> list[str]:
    """Grid forms of `words`, duplicates dropped, each checked to fit the grid."""
    if size < 1:
        raise ValueError(f"a word-search grid needs a size of at least 1, got {size}")
    prepared: dict[str, None] = {}
    for word in words:
        form = grid_word(word)
        if not form or not all(len(letter) == 1 and letter.isalpha() for letter in letters(form)):
            raise ValueError(f"{word!r} cannot go in a word search: use letters only")
        if len(form) > size:
            raise ValueError(
                f'"{word}" has {len(form)} letters, too long for a {size} x {size} grid: '
                f"make the grid at least {len(form)} wide or leave the word out"
            )
        prepared.setdefault(form)
    if not prepared:
        raise ValueError("a word search needs at least one word")
    return list(prepared)


def _rng(words: Sequence[str], size: int, seed: str, filler: str) -> random.Random:
    # sha256 rather than hash(): str hashes change between runs (PYTHONHASHSEED).
    key = "\x1f".join([*words, str(size), seed, filler]).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


def _fits(grid: list[list[str]], word: str, placement: Placement) -> bool:
    size = len(grid)
    return all(
        r < size and c < size and grid[r][c] in ("", letter)
        for (r, c), letter in zip(placement.cells(), word, strict=True)
    )


def _place_all(words: list[str], size: int, rng: random.Random) -> list[Placement] | str:
    """Placements for all words (longest first), or the first word that found no room."""
    grid = [[""] * size for _ in range(size)]
    placed: dict[str, Placement] = {}
    for word in sorted(words, key=len, reverse=True):
        options = [
            Placement(word, r, c, d) for d in Direction for r in range(size) for c in range(size)
        ]
        rng.shuffle(options)
        # Least-used directions first: a mix reads as a puzzle, not as columns of words.
        used = [p.direction for p in placed.values()]
        options.sort(key=lambda p: used.count(p.direction))
        found = next((p for p in options if _fits(grid, word, p)), None)
        if found is None:
            return word
        for (r, c), letter in zip(found.cells(), word, strict=True):
            grid[r][c] = letter
        placed[word] = found
    return [placed[word] for word in words]


def _rows(placements: list[Placement], size: int, filler: Callable[[], str]) -> tuple[str, ...]:
    grid = [[filler() for _ in range(size)] for _ in range(size)]
    for p in placements:
        for (r, c), letter in zip(p.cells(), p.word, strict=True):
            grid[r][c] = letter
    return tuple("".join(row) for row in grid)


def _lines(rows: Sequence[str]) -> list[str]:
    """Every line a word can be read along: the rows, the columns and the down-right
    diagonals (one per starting cell on the top row and the left column)."""
    size = len(rows)
    columns = ["".join(row[c] for row in rows) for c in range(size)]
    starts = [(0, c) for c in range(size)] + [(r, 0) for r in range(1, size)]
    diagonals = ["".join(rows[r + k][c + k] for k in range(size - max(r, c)))
                 for r, c in starts]
    return [*rows, *columns, *diagonals]


def _occurrences(lines: Sequence[str], word: str) -> int:
    """How many times `word` reads forwards along `lines`, overlaps included (blank cells
    match nothing)."""
    return sum(line.startswith(word, i) for line in lines for i in range(len(line)))


def _unambiguous(rows: Sequence[str], words: list[str]) -> bool:
    lines = _lines(rows)  # once per grid: the check runs thousands of times per puzzle
    return all(_occurrences(lines, word) == 1 for word in words)


def _grid(
    placements: list[Placement], size: int, alphabet: str, rng: random.Random
) -> WordSearchGrid:
    return WordSearchGrid(_rows(placements, size, lambda: rng.choice(alphabet)), tuple(placements))


def _filler(words: list[str], language: str) -> str:
    own = "".join(sorted({letter for word in words for letter in word}))
    return FILLER.get(base_language(language), own)


def make_word_search(
    words: Sequence[str], size: int, seed: str, *, language: str = "en"
) -> WordSearchGrid:
    """A `size` x `size` grid hiding `words` across, down or diagonally down-right.

    The same arguments always give the same grid. Raises ValueError when a word is longer
    than `size`, is not all letters, or finds no room after many attempts.
    """
    # Cached: the check and the layout both need the grid; a watch session rebuilds often.
    return _word_search(tuple(words), size, seed, language)


@cache
def _word_search(words: tuple[str, ...], size: int, seed: str, language: str) -> WordSearchGrid:
    targets = _prepare(words, size)
    alphabet = _filler(targets, language)
    rng = _rng(targets, size, seed, alphabet)
    fallback: WordSearchGrid | None = None
    failed = targets[0]
    for _ in range(_PLACE_ATTEMPTS):
        placed = _place_all(targets, size, rng)
        if isinstance(placed, str):
            failed = placed
            continue
        # A reader who finds a word twice is stuck: redraw the filler, or the placement.
        if not _unambiguous(_rows(placed, size, lambda: " "), targets):
            fallback = fallback or _grid(placed, size, alphabet, rng)
            continue
        for _ in range(_FILL_ATTEMPTS):
            grid = _grid(placed, size, alphabet, rng)
            if _unambiguous(grid.rows, targets):
                return grid
        fallback = fallback or grid
    if fallback is not None:
        return fallback  # e.g. "sleep" and "sleepy": one word hides in the other
    raise ValueError(
        f'could not fit "{failed}" into a {size} x {size} grid with the other words: '
        "make the grid bigger or use fewer or shorter words"
    )
